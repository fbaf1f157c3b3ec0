package dev.migrationguard.cli;

import dev.migrationguard.daemon.Client;
import dev.migrationguard.testing.GitFixture;
import dev.migrationguard.testing.ProjectRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.migrationguard.cli.HookIT.JAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The installed hook with the resident checker, through real {@code git commit}s: the first commit is checked as
 * before and leaves a checker behind; later ones are answered by it (the Java that the cold path runs is a wrapper
 * that counts its starts), with git's other index for {@code git commit -a} and {@code git commit <paths>}; a killed
 * or stopped checker falls back to the cold path; {@code MIGRATION_GUARD_DAEMON=0} never uses it. The commit never
 * waits for the checker it starts: not for it to be ready, not for its output, not for it as a child of the launcher.
 */
class ResidentCheckerIT {
    private static final String REFUSED = "entity-change-without-migration";

    @TempDir
    Path dir;
    private Path runtime;
    private Path coldLog;
    private Map<String, String> env;
    private GitFixture g;

    @BeforeEach
    void repositoryWithTheHook() throws Exception {
        runtime = Files.createDirectory(dir.resolve("run"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        coldLog = dir.resolve("cold.log");
        Path javaHome = Files.createDirectories(dir.resolve("jdk/bin")).getParent();
        Path java = javaHome.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho run >> '" + coldLog + "'\nexec '"
                + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        env = new HashMap<>(Map.of("XDG_RUNTIME_DIR", runtime.toString(), "JAVA_HOME", javaHome.toString(),
                "MIGRATION_GUARD_DAEMON", "1"));
        g = CliEndToEndTest.baseline(dir.resolve("repo")).addAll().commit("init");
        g.git("config", "migration-guard.jar", JAR.toString());
        g.git("config", "core.hooksPath", ProjectRoot.file("hooks").toAbsolutePath().toString());
    }

    @AfterEach
    void stopTheChecker() {
        checker().ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
    }

    /** The checker's JVM (not the shell that starts it in the background, which carries the same arguments). */
    private Optional<ProcessHandle> checker() {
        String mark = "-XX:ErrorFile=" + runtime.resolve("migration-guard");
        return ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)
                && p.info().arguments().map(a -> List.of(a).contains(mark + "/hs_err_pid%p.log")).orElse(false))
                .findFirst();
    }

    private ProcessHandle awaitStarted() throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> p = checker();
            if (p.isPresent()) return p.get();
            Thread.sleep(50);
        }
        throw new AssertionError("no resident checker started in " + runtime);
    }

    /** The name both clients give the files of this jar's checker (FNV-1a of the jar's real path, as Key does). */
    private static String keyOfJar() throws Exception {
        int h = 0x811c9dc5;
        for (byte b : JAR.toRealPath().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return String.format("%08x", h);
    }

    private int coldRuns() throws Exception {
        return Files.exists(coldLog) ? Files.readAllLines(coldLog).size() : 0;
    }

    private HookIT.Result commit(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "commit", "-q", "-m", "change"));
        command.addAll(List.of(args));
        return HookIT.run(g.root(), env, command.toArray(String[]::new));
    }

    private ProcessHandle awaitChecker() throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> p = checker();
            boolean listening = false;
            // a killed checker's socket stays until the next one replaces it: only a connection shows one listens;
            // the first checker makes the folder itself, after the commit that started it
            Path folder = runtime.resolve("migration-guard");
            if (Files.isDirectory(folder)) {
                try (var files = Files.list(folder)) {
                    listening = files.anyMatch(f -> f.toString().endsWith(".sock") && accepts(f));
                }
            }
            if (p.isPresent() && listening) return p.get();
            Thread.sleep(100);
        }
        throw new AssertionError("no resident checker started in " + runtime);
    }

    private static boolean accepts(Path socket) {
        try (var channel = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            channel.connect(java.net.UnixDomainSocketAddress.of(socket));
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String entity(String fields) {
        return CliEndToEndTest.contest(fields);
    }

    @Test
    void laterCommitsAreAnsweredByTheCheckerWithTheIndexGitNames() throws Exception {
        g.write(CliEndToEndTest.ENTITY, entity("\n    private Integer divisions;\n")).addAll();
        HookIT.Result first = commit();
        assertEquals(1, first.code(), first.out());
        assertTrue(first.out().contains(REFUSED), first.out());
        assertEquals(1, coldRuns());
        awaitChecker();

        // git commit -a: the entity change is only in the work tree's file, git stages it in another index
        g.git("reset", "-q");
        HookIT.Result all = commit("-a");
        assertEquals(1, all.code(), all.out());
        assertTrue(all.out().contains(REFUSED) && all.out().contains("--no-verify"), all.out());
        assertEquals(1, coldRuns(), "answered by the checker");

        // git commit <paths>: the migration is staged in the index, but only the entity is committed
        g.write(CliEndToEndTest.MIGRATIONS + "V2__Add_contest_divisions.sql",
                "ALTER TABLE contest ADD COLUMN divisions INTEGER;\n").addAll();
        HookIT.Result partial = commit("--", CliEndToEndTest.ENTITY);
        assertEquals(1, partial.code(), partial.out());
        assertTrue(partial.out().contains(REFUSED), partial.out());
        HookIT.Result whole = commit();
        assertEquals(0, whole.code(), whole.out());
        assertEquals(1, coldRuns(), "answered by the checker");

        env.put("MIGRATION_GUARD_DAEMON", "0");
        g.write("README.md", "notes\n").addAll();
        HookIT.Result off = commit();
        assertEquals(0, off.code(), off.out());
        assertEquals(2, coldRuns(), "MIGRATION_GUARD_DAEMON=0 checks without the checker");
    }

    @Test
    void theCommitEndsWhileTheCheckerItStartedIsStillStarting() throws Exception {
        // The checker takes its lock file before it warms up and listens. A FIFO in the lock file's place holds it in
        // open() until someone reads it, which nobody does here: it cannot be ready before the commit ends, however
        // fast the machine, so a commit that waited for it, or for the end of its output, would never end.
        Path folder = Files.createDirectory(runtime.resolve("migration-guard"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path lock = folder.resolve(keyOfJar() + ".lock");
        assertEquals(0, new ProcessBuilder("mkfifo", lock.toString()).start().waitFor());
        g.write(CliEndToEndTest.ENTITY, entity("\n    private Integer divisions;\n")).addAll();

        HookIT.Result refused = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> commit(),
                "the commit waited for the checker it started");

        assertEquals(1, refused.code(), refused.out());
        assertTrue(refused.out().contains(REFUSED), refused.out());
        assertEquals(1, coldRuns());
        ProcessHandle held = awaitStarted();
        assertTrue(held.isAlive());
        assertFalse(Files.exists(folder.resolve(keyOfJar() + ".sock")), "the checker was still starting");
    }

    @Test
    void theCheckerIsNoChildOfTheJvmThatStartsIt() throws Exception {
        // A JVM that exits while a child it started still runs waits up to 300 ms for the thread that waits for that
        // child: the launcher of the first commit after an install paid that on every such commit.
        assertEquals(null, Client.start(runtime.resolve("migration-guard"), JAR, Resident.class.getName(),
                FastStart.DEFAULT_HEAP_MEGABYTES << 20, g.root()));
        ProcessHandle started = awaitStarted();
        assertTrue(ProcessHandle.current().children().noneMatch(c -> c.pid() == started.pid()),
                () -> "the checker " + started.pid() + " is a child of this JVM");
    }

    @Test
    void aKilledCheckerCostsOneColdCommitAndIsStartedAgain() throws Exception {
        g.write("README.md", "one\n").addAll();
        assertEquals(0, commit().code());
        ProcessHandle first = awaitChecker();
        // it answers for hours: its heap has the cold path's bound, not a quarter of the machine
        assertTrue(first.info().arguments().map(a -> List.of(a).contains("-Xmx" + FastStart.childHeapMegabytes(
                Runtime.getRuntime().maxMemory(), System.getenv("JAVA_TOOL_OPTIONS"), System.getenv("JDK_JAVA_OPTIONS"))
                + "m")).orElse(false), () -> first.info().commandLine().orElse("?"));
        first.destroyForcibly();
        first.onExit().join();

        g.write(CliEndToEndTest.ENTITY, entity("\n    private Integer divisions;\n")).addAll();
        HookIT.Result refused = commit();
        assertEquals(1, refused.code(), refused.out());
        assertTrue(refused.out().contains(REFUSED), refused.out());
        assertEquals(2, coldRuns());
        ProcessHandle second = awaitChecker();
        assertFalse(second.pid() == first.pid());
        HookIT.Result again = commit();
        assertEquals(1, again.code(), again.out());
        assertEquals(2, coldRuns(), "answered by the new checker");
    }

    @Test
    void aStoppedCheckerCostsItsLimitAndOneLineThenTheColdPathDecides() throws Exception {
        g.write("README.md", "one\n").addAll();
        assertEquals(0, commit().code());
        ProcessHandle checker = awaitChecker();
        assertEquals(0, new ProcessBuilder("kill", "-STOP", Long.toString(checker.pid())).start().waitFor());
        try {
            g.write(CliEndToEndTest.ENTITY, entity("\n    private Integer divisions;\n")).addAll();
            long begin = System.nanoTime();
            HookIT.Result refused = commit();
            long tookMillis = (System.nanoTime() - begin) / 1_000_000;
            assertEquals(1, refused.code(), refused.out());
            assertTrue(refused.out().contains("migration-guard: the resident checker did not answer within 3 s "
                    + "(MIGRATION_GUARD_DAEMON=0 turns it off); checking without it."), refused.out());
            assertTrue(refused.out().contains(REFUSED), refused.out());
            assertEquals(2, coldRuns());
            assertTrue(tookMillis >= 3_000, "took " + tookMillis + " ms");
        } finally {
            new ProcessBuilder("kill", "-CONT", Long.toString(checker.pid())).start().waitFor();
        }
    }
}
