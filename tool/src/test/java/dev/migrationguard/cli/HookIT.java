package dev.migrationguard.cli;

import dev.migrationguard.install.HookInstaller;
import dev.migrationguard.testing.GitFixture;
import dev.migrationguard.testing.ProjectRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.migrationguard.cli.CliEndToEndTest.ENTITY;
import static dev.migrationguard.cli.CliEndToEndTest.MIGRATIONS;
import static dev.migrationguard.cli.CliEndToEndTest.contest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar's {@code install} and {@code uninstall}, and the hook they put in place, driven by real
 * {@code git commit}s in temporary repositories (runs in {@code mvn verify}, after the jar is built).
 */
class HookIT {
    static final Path JAR = Path.of("target", "migration-guard.jar").toAbsolutePath();
    private static final String REFUSED = "entity-change-without-migration";

    @TempDir
    Path dir;

    record Result(int code, String out) {
    }

    /** Runs a program the way a person's shell would, with git's global configuration kept out of the test. */
    static Result run(Path where, Map<String, String> env, String... command) throws Exception {
        assertTrue(Files.exists(JAR), "integration tests run after mvn package has built " + JAR);
        var pb = new ProcessBuilder(command).directory(where.toFile()).redirectErrorStream(true);
        pb.environment().remove("MIGRATION_GUARD_JAR");
        pb.environment().remove("MIGRATION_GUARD_ON_MISSING");
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("HOME", where.toString());
        pb.environment().put("XDG_CACHE_HOME", Path.of("target", "it-cache").toAbsolutePath().toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    static Result run(Path where, String... command) throws Exception {
        return run(where, Map.of(), command);
    }

    static Result guard(Path where, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return run(where, command.toArray(String[]::new));
    }

    static Result commit(Path where, String message) throws Exception {
        return run(where, "git", "commit", "-q", "-m", message);
    }

    private static GitFixture stageEntityWithoutMigration(GitFixture g) {
        return g.write(ENTITY, contest("\n    private Integer divisions;\n")).addAll();
    }

    @Test
    void theHookScriptRefusesABadCommitAndPassesAGoodOne() throws Exception {
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        Path hook = ProjectRoot.file("hooks", "pre-commit").toAbsolutePath();
        g.git("config", "core.hooksPath", hook.getParent().toString());
        g.git("config", "migration-guard.jar", JAR.toString());
        stageEntityWithoutMigration(g);
        Result refused = commit(g.root(), "divisions");
        assertEquals(1, refused.code(), refused.out());
        assertTrue(refused.out().contains(REFUSED) && refused.out().contains("--no-verify"), refused.out());
        g.write(MIGRATIONS + "V2__Add_contest_divisions.sql", "ALTER TABLE contest ADD COLUMN divisions INTEGER;\n")
                .addAll();
        Result accepted = commit(g.root(), "divisions");
        assertEquals(0, accepted.code(), accepted.out());
    }

    @Test
    void installChainsTheExistingHookWhoseFailureStillBlocksAndUninstallRestoresIt() throws Exception {
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        Path hook = g.root().resolve(".git/hooks/pre-commit");
        byte[] original = "#!/bin/sh\necho 'the team hook ran'\n[ ! -f .git/block-commits ] || exit 7\n"
                .getBytes(StandardCharsets.UTF_8);
        Files.write(hook, original);
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-x---"));

        Result installed = guard(g.root(), "install");
        assertEquals(0, installed.code(), installed.out());
        assertTrue(installed.out().contains("runs first"), installed.out());
        byte[] ours = Files.readAllBytes(hook);
        Result again = guard(g.root(), "install");
        assertEquals(0, again.code(), again.out());
        assertTrue(again.out().contains("nothing changed"), again.out());
        assertArrayEquals(ours, Files.readAllBytes(hook));

        g.write("README.md", "contests\n").addAll();
        Result good = commit(g.root(), "readme");
        assertEquals(0, good.code(), good.out());
        assertTrue(good.out().contains("the team hook ran"), good.out());

        Files.writeString(g.root().resolve(".git/block-commits"), "");
        g.write("README.md", "contests and teams\n").addAll();
        Result blocked = commit(g.root(), "readme");
        assertEquals(1, blocked.code(), "git reports a failed hook as exit 1: " + blocked.out());
        assertTrue(blocked.out().contains("the team hook ran"), blocked.out());
        assertFalse(blocked.out().contains("migration-guard"), "the check does not run after a failed hook");
        Files.delete(g.root().resolve(".git/block-commits"));

        stageEntityWithoutMigration(g);
        Result refused = commit(g.root(), "divisions");
        assertEquals(1, refused.code(), refused.out());
        assertTrue(refused.out().contains("the team hook ran") && refused.out().contains(REFUSED)
                && refused.out().contains("git commit --no-verify"), refused.out());

        Result removed = guard(g.root(), "uninstall");
        assertEquals(0, removed.code(), removed.out());
        assertArrayEquals(original, Files.readAllBytes(hook));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(hook)));
        assertFalse(Files.exists(hook.resolveSibling("pre-commit.migration-guard-original")));
        Result unguarded = commit(g.root(), "divisions");
        assertEquals(0, unguarded.code(), "only the team hook is left: " + unguarded.out());
        assertFalse(unguarded.out().contains(REFUSED), unguarded.out());
    }

    @Test
    void huskyFolderNamedByCoreHooksPath() throws Exception {
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        g.git("config", "core.hooksPath", ".husky");
        String husky = "#!/bin/sh\necho 'husky ran'\n";
        g.write(".husky/pre-commit", husky);
        Files.setPosixFilePermissions(g.root().resolve(".husky/pre-commit"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(g.root().resolve("src/main"));
        Result installed = guard(g.root().resolve("src/main"), "install");
        assertEquals(0, installed.code(), installed.out());
        assertTrue(installed.out().contains(g.root().resolve(".husky/pre-commit").toString()), installed.out());
        assertFalse(Files.exists(g.root().resolve(".git/hooks/pre-commit")));

        stageEntityWithoutMigration(g);
        Result refused = commit(g.root(), "divisions");
        assertEquals(1, refused.code(), refused.out());
        assertTrue(refused.out().contains("husky ran") && refused.out().contains(REFUSED), refused.out());
        assertEquals(0, guard(g.root(), "uninstall").code());
        assertEquals(husky, g.read(".husky/pre-commit"));
    }

    @Test
    void aLinkedWorktreeInstallsIntoTheSharedHooks() throws Exception {
        var g = CliEndToEndTest.baseline(dir.resolve("main")).addAll().commit("init");
        Path linked = dir.resolve("linked");
        g.git("worktree", "add", "-q", "-b", "feature", linked.toString());
        Result installed = guard(linked, "install");
        assertEquals(0, installed.code(), installed.out());
        assertTrue(Files.isRegularFile(g.root().resolve(".git/hooks/pre-commit")), installed.out());

        Files.writeString(linked.resolve(ENTITY), contest("\n    private Integer divisions;\n"));
        run(linked, "git", "add", "-A");
        Result refused = commit(linked, "divisions");
        assertEquals(1, refused.code(), refused.out());
        assertTrue(refused.out().contains(REFUSED), refused.out());
        assertEquals(0, guard(linked, "uninstall").code());
        assertFalse(Files.exists(g.root().resolve(".git/hooks/pre-commit")));
    }

    @Test
    void aSubmoduleInstallsIntoItsOwnGitDir() throws Exception {
        var db = CliEndToEndTest.baseline(dir.resolve("db")).addAll().commit("init");
        var sup = GitFixture.init(dir.resolve("super")).write("README.md", "super\n").addAll().commit("init");
        sup.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", db.root().toString(), "db");
        sup.git("commit", "-q", "--no-verify", "-m", "add db");
        Path sub = sup.root().resolve("db");
        run(sub, "git", "config", "user.email", "dev@example.com");
        run(sub, "git", "config", "user.name", "Dev");

        Result installed = guard(sub, "install");
        assertEquals(0, installed.code(), installed.out());
        assertTrue(Files.isRegularFile(sup.root().resolve(".git/modules/db/hooks/pre-commit")), installed.out());
        assertFalse(Files.exists(sup.root().resolve(".git/hooks/pre-commit")), "the super project keeps its hooks");

        Files.writeString(sub.resolve(ENTITY), contest("\n    private Integer divisions;\n"));
        run(sub, "git", "add", "-A");
        Result refused = commit(sub, "divisions");
        assertEquals(1, refused.code(), refused.out());
        assertTrue(refused.out().contains(REFUSED), refused.out());
    }

    @Test
    void aMissingJarRefusesInOneLineUnlessTheConfigurationAllowsIt() throws Exception {
        var g = CliEndToEndTest.baseline(dir.resolve("repo")).addAll().commit("init");
        Path copy = Files.copy(JAR, dir.resolve("moving.jar"));
        assertEquals(0, guard(g.root(), "install", "--jar", copy.toString()).code());
        Files.delete(copy);
        g.write("README.md", "contests\n").addAll();
        Result refused = commit(g.root(), "readme");
        assertEquals(1, refused.code(), refused.out());
        assertTrue(refused.out().contains("jar not found at " + copy) && refused.out().contains("--no-verify"),
                refused.out());

        g.write(".migration-guard.yml", "on-missing-tool: allow   # laptops without the jar\n").addAll();
        Result allowed = commit(g.root(), "readme");
        assertEquals(0, allowed.code(), allowed.out());
        assertTrue(allowed.out().contains("jar not found"), "still said, not silent: " + allowed.out());
        assertEquals(0, guard(g.root(), "check", "--staged").code(), "the tool itself accepts the key");
    }
    /**
     * The npm package's runtime, recorded by {@code install}, runs the hook even when another Java is on the PATH (it
     * may be too old, and it lacks the runtime's AOT cache); a runtime without the package's mark does not.
     */
    @Test
    void theRuntimeOfTheNpmPackageComesBeforeTheJavaOnThePath() throws Exception {
        var g = CliEndToEndTest.baseline(dir.resolve("repo")).addAll().commit("init");
        Path realJava = Path.of(System.getProperty("java.home"), "bin", "java");
        Path runtime = dir.resolve("node_modules/@migration-guard/linux-x64/runtime");
        Path bundled = executable(runtime.resolve("bin/java"),
                "#!/bin/sh\necho 'bundled runtime ran'\nexec '" + realJava + "' \"$@\"\n");
        Files.writeString(runtime.resolve("migration-guard-runtime.txt"), "The Java runtime of the npm package.\n");
        executable(dir.resolve("old-java/java"), "#!/bin/sh\necho 'the Java on the PATH ran'\nexit 42\n");
        HookInstaller.install(g.root().resolve(".git/hooks"), JAR, bundled);
        Map<String, String> env = Map.of("PATH", dir.resolve("old-java") + ":" + System.getenv("PATH"),
                "JAVA_HOME", "");

        stageEntityWithoutMigration(g);
        Result refused = run(g.root(), env, "git", "commit", "-q", "-m", "divisions");
        assertEquals(1, refused.code(), refused.out());
        assertTrue(refused.out().contains("bundled runtime ran") && refused.out().contains(REFUSED), refused.out());
        assertFalse(refused.out().contains("the Java on the PATH ran"), refused.out());

        Files.delete(runtime.resolve("migration-guard-runtime.txt"));
        Result unmarked = run(g.root(), env, "git", "commit", "-q", "-m", "divisions");
        assertEquals(1, unmarked.code(), unmarked.out());
        assertTrue(unmarked.out().contains("the Java on the PATH ran"), unmarked.out());
    }

    private static Path executable(Path file, String script) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
