package dev.migrationguard.cli;

import dev.migrationguard.testing.FakePostgres;
import dev.migrationguard.testing.FakePostgres.Behaviour;
import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A repository decides what to check, never where the environment's credentials go: a server on 127.0.0.1 that asks for
 * the password in clear text, as any server may, records what the real CLI sends it.
 */
class DeployedFromTrustTest {
    static final String ENV_PASSWORD = "Ci-Env-S3cret";
    static final Map<String, String> CI = Map.of("PGUSER", "ci", "PGPASSWORD", ENV_PASSWORD,
            "MIGRATION_GUARD_DB_PASSWORD", ENV_PASSWORD);

    @TempDir
    Path dir;

    private GitFixture repoConfiguring(String url) {
        return CliEndToEndTest.baseline(dir.resolve("repo"))
                .write(".migration-guard.yml", "deployed:\n  from: " + url + "\n").addAll().commit("init");
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> m = new HashMap<>(env);
        m.put(name, value);
        return m;
    }

    @Test
    void aUrlFromTheRepositoryGetsNoByteUnlessTheEnvironmentAllowsItsHost() {
        try (var server = FakePostgres.start(Behaviour.ASK_PASSWORD)) {
            String hostPort = "127.0.0.1:" + server.port();
            var g = repoConfiguring("jdbc:postgresql://" + hostPort + "/app");

            Cli refused = Cli.run(CI, g.root(), "lint");
            assertEquals(2, refused.code(), refused::toString);
            assertEquals("migration-guard: deployed.from in .migration-guard.yml:2 names jdbc:postgresql://" + hostPort
                    + "/app, which the repository chose, without a password of its own: it would get the credentials of "
                    + "this environment, and a repository decides what to check, never where credentials go. To trust "
                    + hostPort + " with them, set MIGRATION_GUARD_DB_HOSTS=" + hostPort + "; or give the URL with "
                    + "--deployed-from or MIGRATION_GUARD_DEPLOYED_FROM\n", refused.err());
            // another port of the same host is another server
            Cli otherPort = Cli.run(with(CI, "MIGRATION_GUARD_DB_HOSTS", "127.0.0.1:1"), g.root(), "lint");
            assertEquals(2, otherPort.code(), otherPort::toString);
            assertEquals(0, server.connections(), "the server was contacted");
            assertEquals(0, server.bytesReceived());

            for (String allowed : List.of(hostPort, "127.0.0.1", "localhost, 127.0.0.1:" + server.port())) {
                Cli sent = Cli.run(with(CI, "MIGRATION_GUARD_DB_HOSTS", allowed), g.root(), "lint");
                assertEquals(2, sent.code(), sent::toString);
                assertTrue(sent.err().contains("password authentication failed for user \"ci\""), sent::toString);
                assertFalse(sent.err().contains(ENV_PASSWORD), sent::toString);
            }
            assertEquals(List.of(ENV_PASSWORD, ENV_PASSWORD, ENV_PASSWORD), server.passwords(),
                    "an allowed host gets the environment's password, in clear text when it asks so");
        }
    }

    @Test
    void aUrlFromTheRepositoryWithItsOwnCredentialsGetsThoseAndNothingOfTheEnvironment() {
        try (var server = FakePostgres.start(Behaviour.ASK_PASSWORD)) {
            var g = repoConfiguring("jdbc:postgresql://127.0.0.1:" + server.port() + "/app?user=ro&password=Repo-pw");
            Cli r = Cli.run(CI, g.root(), "lint");
            assertEquals(2, r.code(), r::toString);
            assertTrue(r.err().contains("password authentication failed for user \"ro\""), r::toString);
            assertEquals(List.of("Repo-pw"), server.passwords());
            assertEquals("ro", server.startups().get(0).get("user"));
            assertFalse((r.out() + r.err()).contains("Repo-pw"), r::toString);
        }
    }

    @Test
    void aForbiddenParameterOrHostStopsTheRunBeforeAnyConnection() {
        try (var allowed = FakePostgres.start(Behaviour.ASK_PASSWORD);
             var other = FakePostgres.start(Behaviour.ASK_PASSWORD)) {
            String base = "jdbc:postgresql://127.0.0.1:" + allowed.port() + "/app";
            var env = with(CI, "MIGRATION_GUARD_DB_HOSTS", "127.0.0.1:" + allowed.port());
            Map<String, String> expected = Map.of(
                    base + "?socketFactory=org.postgresql.ssl.NonValidatingFactory&socketFactoryArg=x",
                    "the parameter socketFactory is not allowed in a URL from the repository",
                    base + "?sslfactory=org.postgresql.ssl.NonValidatingFactory",
                    "the parameter sslfactory is not allowed",
                    base + "?loggerLevel=TRACE&loggerFile=" + dir.resolve("written.log"),
                    "the parameter loggerLevel is not allowed",
                    base + "?host=127.0.0.1&port=" + other.port(), "the parameter host is not allowed",
                    "jdbc:postgresql://127.0.0.1:" + allowed.port() + ",127.0.0.1:" + other.port() + "/app",
                    "To trust 127.0.0.1:" + other.port() + " with them, set MIGRATION_GUARD_DB_HOSTS=127.0.0.1:"
                            + other.port() + ";");
            for (var e : expected.entrySet()) {
                Path file = dir.resolve("repo-" + Math.abs(e.getKey().hashCode()));
                var g = CliEndToEndTest.baseline(file)
                        .write(".migration-guard.yml", "deployed:\n  from: \"" + e.getKey() + "\"\n").addAll()
                        .commit("init");
                Cli r = Cli.run(env, g.root(), "lint");
                assertEquals(2, r.code(), r::toString);
                assertTrue(r.err().contains(e.getValue()), r::toString);
            }
            assertEquals(0, allowed.connections() + other.connections(), "a server was contacted");
            assertFalse(Files.exists(dir.resolve("written.log")));
        }
    }

    @Test
    void theUserChoosesTheDatabaseOnTheCommandLineInTheEnvironmentOrInAConfigurationOutsideTheWorkTree()
            throws Exception {
        try (var repoServer = FakePostgres.start(Behaviour.ASK_PASSWORD);
             var userServer = FakePostgres.start(Behaviour.ASK_PASSWORD)) {
            String userUrl = "jdbc:postgresql://127.0.0.1:" + userServer.port() + "/app";
            var g = repoConfiguring("jdbc:postgresql://127.0.0.1:" + repoServer.port() + "/app");

            Cli option = Cli.run(CI, g.root(), "lint", "--deployed-from", userUrl);
            Cli variable = Cli.run(with(CI, "MIGRATION_GUARD_DEPLOYED_FROM", userUrl), g.root(), "lint");
            Path outside = dir.resolve("ci-config.yml");
            Files.writeString(outside, "deployed:\n  from: " + userUrl + "\n");
            Cli config = Cli.run(CI, g.root(), "lint", "--config", outside.toString());
            for (Cli r : List.of(option, variable, config)) {
                assertEquals(2, r.code(), r::toString);
                assertTrue(r.err().contains("password authentication failed for user \"ci\""), r::toString);
            }
            assertEquals(List.of(ENV_PASSWORD, ENV_PASSWORD, ENV_PASSWORD), userServer.passwords());

            // --config naming a file inside the work tree: the repository still wrote it, even through a link
            Path inside = g.root().resolve("ci/db.yml");
            Files.createDirectories(inside.getParent());
            Files.writeString(inside, "deployed:\n  from: " + userUrl + "\n");
            Path link = dir.resolve("link.yml");
            Files.createSymbolicLink(link, inside);
            for (Path file : List.of(inside, link)) {
                Cli r = Cli.run(CI, g.root(), "lint", "--config", file.toString());
                assertEquals(2, r.code(), r::toString);
                assertTrue(r.err().contains("deployed.from in " + file + ":2 names " + userUrl
                        + ", which the repository chose, without a password of its own"), r::toString);
            }
            assertEquals(3, userServer.connections());
            assertEquals(0, repoServer.connections());
        }
    }

    /** A run against {@code server}; one that hangs fails the test instead of holding the build. */
    private static Cli timed(GitFixture g, FakePostgres server) {
        return assertTimeoutPreemptively(Duration.ofSeconds(40), () -> Cli.run(CI, g.root(), "lint", "--deployed-from",
                "jdbc:postgresql://127.0.0.1:" + server.port() + "/app"));
    }

    @Test
    void aServerThatAcceptsAndSaysNothingStopsTheRunAtTheLoginWithinTenSeconds() {
        try (var server = FakePostgres.start(Behaviour.SILENT)) {
            var g = CliEndToEndTest.baseline(dir.resolve("repo")).addAll().commit("init");
            long start = System.nanoTime();
            Cli r = timed(g, server);
            long seconds = (System.nanoTime() - start) / 1_000_000_000;
            assertEquals(2, r.code(), r::toString);
            assertEquals("migration-guard: cannot read the deployed migrations from jdbc:postgresql://127.0.0.1:"
                    + server.port() + "/app: timed out after 10 s at step 'login': 127.0.0.1:" + server.port()
                    + " accepted the connection but did not complete the login (a server that is not PostgreSQL on "
                    + "that port, or one too busy to answer)\n", r.err());
            assertTrue(seconds >= 9 && seconds < 20, seconds + " s");
        }
    }

    @Test
    void aServerThatLetsTheToolInAndThenSaysNothingStopsTheRunAtTheQuery() {
        try (var server = FakePostgres.start(Behaviour.LOGIN_THEN_SILENT)) {
            var g = CliEndToEndTest.baseline(dir.resolve("repo")).addAll().commit("init");
            long start = System.nanoTime();
            Cli r = timed(g, server);
            long seconds = (System.nanoTime() - start) / 1_000_000_000;
            assertEquals(2, r.code(), r::toString);
            assertEquals("migration-guard: cannot read the migrations tables of jdbc:postgresql://127.0.0.1:"
                    + server.port() + "/app: timed out after 10 s at step 'query': the database let this tool in but "
                    + "did not answer its query\n", r.err());
            assertTrue(seconds >= 9 && seconds < 20, seconds + " s");
        }
    }

    @Test
    void aHostThatNeverAcceptsStopsTheRunAtTheConnect() {
        try (var server = FakePostgres.start(Behaviour.NEVER_ACCEPTS)) {
            assumeTrue(server.hangsConnects(), "this system completes every connect to a full queue");
            var g = CliEndToEndTest.baseline(dir.resolve("repo")).addAll().commit("init");
            long start = System.nanoTime();
            Cli r = timed(g, server);
            long seconds = (System.nanoTime() - start) / 1_000_000_000;
            assertEquals(2, r.code(), r::toString);
            assertTrue(r.err().contains("timed out after 10 s at step 'connect': 127.0.0.1:" + server.port()
                    + " did not accept the connection"), r::toString);
            assertTrue(seconds >= 9 && seconds < 20, seconds + " s");
        }
    }
}
