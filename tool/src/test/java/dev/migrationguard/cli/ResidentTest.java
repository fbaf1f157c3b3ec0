package dev.migrationguard.cli;

import dev.migrationguard.daemon.Client;
import dev.migrationguard.daemon.Server;
import dev.migrationguard.report.Report;
import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The resident checker answers exactly what a fresh run prints: every rule fixture, made a real repository with its
 * change staged, checked both ways (the JSON report, exit code and stderr), and git's index variables honoured as a fresh JVM honours them.
 */
class ResidentTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/rules");

    @TempDir
    static Path shared;
    private static Map<String, String> env;
    private static Path jar;
    private static Path socket;

    @BeforeAll
    static void startChecker() throws Exception {
        env = Map.of("XDG_RUNTIME_DIR", shared.toString());
        jar = Files.writeString(shared.resolve("tool.jar"), "stands for the jar the checker runs from");
        Path folder = dev.migrationguard.daemon.SocketFolder.open(shared.resolve("migration-guard"));
        Server server = new Server(folder, Report.VERSION, jar, Duration.ofMinutes(5), Resident::run);
        socket = server.socket();
        Thread serving = new Thread(() -> {
            try {
                server.serve();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "resident checker under test");
        serving.setDaemon(true);
        serving.start();
        while (!Files.exists(socket)) Thread.sleep(10);
    }

    @AfterAll
    static void stopChecker() throws IOException {
        Files.deleteIfExists(socket);
    }

    private static Cli fresh(Path repo, Map<String, String> env, String... args) {
        return Cli.run(env, repo, args);
    }

    private static Cli resident(Path repo, Map<String, String> extra, String... args) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.putAll(extra);
        Client.Outcome outcome = Client.ask(List.of(args), repo, all, false, Report.VERSION, jar, 60_000);
        var answered = assertInstanceOf(Client.Answered.class, outcome, outcome::toString);
        return new Cli(answered.code(), new String(answered.out(), StandardCharsets.UTF_8),
                new String(answered.err(), StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicTest> everyRuleFixtureGetsTheSameReportBothWays(@TempDir Path repos) throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(FIXTURES)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(cases.size() > 100, "fixtures: " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            Path repo = staged(c, repos.resolve(c.getFileName().toString()));
            Cli fresh = fresh(repo, env, "check", "--staged", "--format", "json");
            Cli resident = resident(repo, Map.of(), "check", "--staged", "--format", "json");
            assertEquals(fresh, resident);
        }));
    }

    /** The case's before tree committed on main, its after tree staged (config.yml as the configuration). */
    private static Path staged(Path fixture, Path dir) throws IOException {
        GitFixture g = GitFixture.init(dir);
        copy(fixture, "before", g);
        g.write("README.md", "fixture " + fixture.getFileName() + "\n").addAll().commit("before");
        try (Stream<Path> s = Files.list(g.root())) {
            for (Path p : s.filter(p -> !p.getFileName().toString().equals(".git")).toList()) delete(p);
        }
        copy(fixture, "after", g);
        g.write("README.md", "fixture " + fixture.getFileName() + "\n").addAll();
        return g.root();
    }

    private static void copy(Path fixture, String side, GitFixture g) throws IOException {
        Path tree = fixture.resolve(side);
        if (Files.isDirectory(tree)) {
            try (Stream<Path> s = Files.walk(tree)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    g.writeBytes(tree.relativize(p).toString(), Files.readAllBytes(p));
                }
            }
        }
        Path config = fixture.resolve("config.yml");
        if (Files.exists(config)) g.writeBytes(".migration-guard.yml", Files.readAllBytes(config));
    }

    private static void delete(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
        }
    }

    /**
     * {@code git commit <paths>} and {@code git commit -a} hand the hook another index in GIT_INDEX_FILE, relative to
     * the top of the work tree: the checker reads that one, as a fresh run does, and not the default index.
     */
    @Test
    void theIndexGitNamesIsTheOneRead(@TempDir Path dir) throws Exception {
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        g.write(CliEndToEndTest.ENTITY, CliEndToEndTest.contest("\n    private Integer divisions;\n"));
        // the default index has nothing staged; the other index has the entity change without its migration
        Path other = g.root().resolve(".git/next-index-1.lock");
        Files.copy(g.root().resolve(".git/index"), other);
        var pb = new ProcessBuilder("git", "add", CliEndToEndTest.ENTITY).directory(g.root().toFile());
        pb.environment().put("GIT_INDEX_FILE", other.toString());
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        assertEquals(0, pb.start().waitFor());

        Cli defaultIndex = fresh(g.root(), env, "check", "--staged", "--format", "json");
        assertEquals(0, defaultIndex.code(), defaultIndex::toString);
        Map<String, String> named = new java.util.HashMap<>(env);
        named.put("GIT_INDEX_FILE", other.toString());
        Cli freshOther = fresh(g.root(), named, "check", "--staged", "--format", "json");
        assertEquals(1, freshOther.code(), freshOther::toString);
        assertEquals(List.of("entity-change-without-migration"), freshOther.rules());

        Cli residentOther = resident(g.root(), Map.of("GIT_INDEX_FILE", ".git/next-index-1.lock"),
                "check", "--staged", "--format", "json");
        assertEquals(freshOther, residentOther);
        Cli residentDefault = resident(g.root(), Map.of(), "check", "--staged", "--format", "json");
        assertEquals(defaultIndex, residentDefault);
        assertNotEquals(residentOther, residentDefault);
    }

    /** A run never keeps what it read: the next request sees the repository as it is now. */
    @Test
    void eachRequestReadsTheRepositoryAfresh(@TempDir Path dir) throws Exception {
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        List<Integer> codes = new ArrayList<>();
        codes.add(resident(g.root(), Map.of(), "check", "--staged").code());
        g.write(CliEndToEndTest.ENTITY, CliEndToEndTest.contest("\n    private Integer divisions;\n"))
                .add(CliEndToEndTest.ENTITY);
        codes.add(resident(g.root(), Map.of(), "check", "--staged").code());
        g.write(CliEndToEndTest.MIGRATIONS + "V2__Add_contest_divisions.sql",
                "ALTER TABLE contest ADD COLUMN divisions INTEGER;\n").addAll();
        codes.add(resident(g.root(), Map.of(), "check", "--staged").code());
        g.commit("divisions");
        g.write(CliEndToEndTest.ENTITY, CliEndToEndTest.contest("\n    private Integer divisions;\n    private Integer rounds;\n"))
                .add(CliEndToEndTest.ENTITY);
        codes.add(resident(g.root(), Map.of(), "check", "--staged").code());
        assertEquals(List.of(0, 1, 0, 1), codes);
    }
}
