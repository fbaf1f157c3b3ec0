package dev.migrationguard.daemon;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checker and its client in one JVM, over a real socket in a real owner-only folder. */
class ServerTest {
    private static final List<String> HOOK = List.of("check", "--staged");

    @TempDir
    Path dir;
    private final List<Path> sockets = new ArrayList<>();

    @AfterEach
    void stopServers() throws IOException {
        // removing its socket is one of the ways a checker exits
        for (Path s : sockets) Files.deleteIfExists(s);
    }

    private Path folder() throws Exception {
        return SocketFolder.open(dir.resolve("migration-guard"));
    }

    private Path jar(String name) throws IOException {
        Path jar = dir.resolve(name);
        if (!Files.exists(jar)) Files.writeString(jar, "a jar build");
        return jar;
    }

    private CompletableFuture<String> start(String version, Path jar, Duration idle, Server.Handler handler)
            throws Exception {
        Server server = new Server(folder(), version, jar, idle, handler);
        sockets.add(server.socket());
        CompletableFuture<String> stopped = CompletableFuture.supplyAsync(() -> {
            try {
                return server.serve();
            } catch (IOException e) {
                return e.toString();
            }
        }, task -> new Thread(task, "checker under test").start());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(server.socket()) && !stopped.isDone() && System.nanoTime() < deadline) Thread.sleep(10);
        return stopped;
    }

    private Client.Outcome ask(List<String> args, Map<String, String> env, Path jar, long limitMillis) {
        Map<String, String> all = new HashMap<>(env);
        all.put("XDG_RUNTIME_DIR", dir.toString());
        return Client.ask(args, dir, all, false, "0.1.0", jar, limitMillis);
    }

    @Test
    void aRequestGetsWhatItsRunPrintedAndItsExitCode() throws Exception {
        Path jar = jar("tool.jar");
        start("0.1.0", jar, Duration.ofMinutes(1), (args, cwd, env, terminal, out, err) -> {
            out.print("args=" + args + " cwd=" + cwd + " who=" + env.get("WHO") + " terminal=" + terminal);
            err.print("one line on stderr\n");
            return 1;
        });
        var outcome = ask(HOOK, Map.of("WHO", "me"), jar, 5_000);
        var answer = assertInstanceOf(Client.Answered.class, outcome, outcome::toString);
        assertEquals("args=[check, --staged] cwd=" + dir + " who=me terminal=false",
                new String(answer.out(), StandardCharsets.UTF_8));
        assertArrayEquals("one line on stderr\n".getBytes(StandardCharsets.UTF_8), answer.err());
        assertEquals(1, answer.code());
    }

    @Test
    void gitsRelativePathsAreReadAgainstTheCallersFolder() throws Exception {
        Path jar = jar("tool.jar");
        start("0.1.0", jar, Duration.ofMinutes(1), (args, cwd, env, terminal, out, err) -> {
            out.print(env.get("GIT_INDEX_FILE") + "|" + env.get("GIT_DIR") + "|" + env.get("GIT_ALTERNATE_OBJECT_DIRECTORIES"));
            return 0;
        });
        var answer = assertInstanceOf(Client.Answered.class, ask(HOOK, Map.of("GIT_INDEX_FILE",
                ".git/next-index-42.lock", "GIT_DIR", "/elsewhere/.git", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
                "objects:/abs/objects"), jar, 5_000));
        assertEquals(dir.resolve(".git/next-index-42.lock") + "|/elsewhere/.git|" + dir.resolve("objects")
                + ":/abs/objects", new String(answer.out(), StandardCharsets.UTF_8));
    }

    @Test
    void onlyThePreCommitCommandWithOptionsThatNameNoFileGoesToTheChecker() throws Exception {
        assertTrue(Client.eligible(HOOK));
        assertTrue(Client.eligible(List.of("check", "--staged", "--format", "json", "--no-color")));
        assertFalse(Client.eligible(List.of("check", "--base", "main")));
        assertFalse(Client.eligible(List.of("check", "--staged", "--config", "x.yml")));
        assertFalse(Client.eligible(List.of("check", "--staged", "--output", "r.json")));
        assertFalse(Client.eligible(List.of("lint")));
        AtomicInteger runs = new AtomicInteger();
        Path jar = jar("tool.jar");
        start("0.1.0", jar, Duration.ofMinutes(1), (args, cwd, env, terminal, out, err) -> runs.incrementAndGet());
        var other = assertInstanceOf(Client.NotAnswered.class, ask(List.of("check", "--staged", "--repo", "x"),
                Map.of(), jar, 5_000));
        assertNull(other.notice());
        assertNull(other.start());
        assertEquals(0, runs.get());
    }

    @Test
    void theVariableTurnsItOff() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Path jar = jar("tool.jar");
        start("0.1.0", jar, Duration.ofMinutes(1), (args, cwd, env, terminal, out, err) -> runs.incrementAndGet());
        var off = assertInstanceOf(Client.NotAnswered.class, ask(HOOK, Map.of(Client.OFF_VARIABLE, "0"), jar, 5_000));
        assertNull(off.notice());
        assertNull(off.start());
        assertEquals(0, runs.get());
        assertInstanceOf(Client.Answered.class, ask(HOOK, Map.of(Client.OFF_VARIABLE, "1"), jar, 5_000));
        assertEquals(1, runs.get());
    }

    @Test
    void withNoCheckerRunningTheCallerChecksItselfSilentlyAndIsToldWhereToStartOne() throws Exception {
        var missed = assertInstanceOf(Client.NotAnswered.class, ask(HOOK, Map.of(), jar("tool.jar"), 5_000));
        assertNull(missed.notice());
        assertEquals(folder(), missed.start());
    }

    @Test
    void aSocketInAFolderOthersCanReadIsNotUsedAndNoCheckerIsStartedThere() throws Exception {
        Path open = Files.createDirectory(dir.resolve("migration-guard"));
        Files.setPosixFilePermissions(open, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Path jar = jar("tool.jar");
        Files.writeString(open.resolve(Key.of("0.1.0", jar).socketName()), "planted by someone else");
        var refused = assertInstanceOf(Client.NotAnswered.class, ask(HOOK, Map.of(), jar, 5_000));
        assertEquals("migration-guard: not using the resident checker: " + open + " is open to others (rwxrwxrwx); it "
                + "must be rwx------", refused.notice());
        assertNull(refused.start());
        assertEquals(refused.notice(), Client.start(open, jar, "NoSuchClass", 1 << 30, dir));
    }

    @Test
    void aHungCheckerCostsTheCallerItsLimitThenOneLine() throws Exception {
        Path jar = jar("tool.jar");
        start("0.1.0", jar, Duration.ofMinutes(1), (args, cwd, env, terminal, out, err) -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        });
        long begin = System.nanoTime();
        var missed = assertInstanceOf(Client.NotAnswered.class, ask(HOOK, Map.of(), jar, 300));
        long tookMillis = (System.nanoTime() - begin) / 1_000_000;
        assertTrue(tookMillis < 2_000, "waited " + tookMillis + " ms");
        assertEquals("migration-guard: the resident checker did not answer within 0.3 s; checking without it "
                + "(MIGRATION_GUARD_DAEMON=0 turns it off).", missed.notice());
        assertNull(missed.start());
    }

    @Test
    void aCheckerThatDiesInTheMiddleOfARequestLeavesTheCallerToCheckItself() throws Exception {
        Path jar = jar("tool.jar");
        start("0.1.0", jar, Duration.ofMinutes(1), (args, cwd, env, terminal, out, err) -> {
            throw new IllegalStateException("as if the parser had taken the JVM down");
        });
        var missed = assertInstanceOf(Client.NotAnswered.class, ask(HOOK, Map.of(), jar, 5_000));
        assertEquals("migration-guard: the resident checker stopped without answering; checking without it.",
                missed.notice());
        assertEquals(folder(), missed.start());
    }

    @Test
    void aRebuiltJarIsNeverAnsweredForAndItsCheckerExits() throws Exception {
        Path jar = jar("tool.jar");
        AtomicInteger runs = new AtomicInteger();
        var stopped = start("0.1.0", jar, Duration.ofMinutes(1), (args, cwd, env, terminal, out, err) ->
                runs.incrementAndGet() - 1);
        assertInstanceOf(Client.Answered.class, ask(HOOK, Map.of(), jar, 5_000));
        Files.writeString(jar, "another build of the jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
        var declined = ask(HOOK, Map.of(), jar, 5_000);
        // declined while it still runs; once it has exited, no checker runs for this jar
        assertInstanceOf(Client.NotAnswered.class, declined);
        assertEquals(1, runs.get());
        assertEquals("its jar changed or is gone", stopped.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aCheckerExitsWhenANewerVersionRuns() throws Exception {
        Server.Handler quiet = (args, cwd, env, terminal, out, err) -> 0;
        var older = start("0.1.0", jar("old.jar"), Duration.ofMinutes(1), quiet);
        var newer = start("0.2.0", jar("new.jar"), Duration.ofMinutes(1), quiet);
        assertEquals("a newer checker, 0.2.0, is running", older.get(10, TimeUnit.SECONDS));
        Thread.sleep(3 * Server.TICK_MILLIS);
        assertFalse(newer.isDone());
    }

    @Test
    void theLockOfACheckerThatExitedSaysNothing() throws Exception {
        Server.Handler quiet = (args, cwd, env, terminal, out, err) -> 0;
        var newer = start("0.2.0", jar("new.jar"), Duration.ofMillis(200), quiet);
        assertEquals("nobody asked for PT0.2S", newer.get(10, TimeUnit.SECONDS));
        var older = start("0.1.0", jar("old.jar"), Duration.ofMinutes(1), quiet);
        Thread.sleep(3 * Server.TICK_MILLIS);
        assertFalse(older.isDone());
    }

    @Test
    void aCheckerExitsWhenItsSocketIsRemoved() throws Exception {
        Path jar = jar("tool.jar");
        var stopped = start("0.1.0", jar, Duration.ofMinutes(1), (args, cwd, env, terminal, out, err) -> 0);
        Files.delete(sockets.get(0));
        assertEquals("its socket was removed or replaced", stopped.get(10, TimeUnit.SECONDS));
    }

    @Test
    void oneCheckerPerJar() throws Exception {
        Path jar = jar("tool.jar");
        Server.Handler quiet = (args, cwd, env, terminal, out, err) -> 0;
        var first = start("0.1.0", jar, Duration.ofMinutes(1), quiet);
        var second = start("0.1.0", jar, Duration.ofMinutes(1), quiet);
        assertEquals("another checker of this jar is running", second.get(10, TimeUnit.SECONDS));
        assertFalse(first.isDone());
        assertInstanceOf(Client.Answered.class, ask(HOOK, Map.of(), jar, 5_000));
    }
}
