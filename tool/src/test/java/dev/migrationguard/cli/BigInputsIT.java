package dev.migrationguard.cli;

import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar, where the JVM itself is involved: its heap, and check's second JVM (FastStart). */
class BigInputsIT {
    private static final String SEED = "src/main/resources/db/migration/V2__Seed_customers.sql";

    @TempDir
    Path dir;

    private record Run(int code, List<String> err) {
    }

    /** Runs the jar; the JVM's own "Picked up JAVA_TOOL_OPTIONS" notices are left out of stderr. */
    private static Run jar(Path repo, List<String> jvm, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvm);
        command.addAll(List.of("-jar", HookIT.JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile());
        pb.environment().putAll(env);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the jar did not finish: " + err);
        return new Run(p.exitValue(), err.lines().filter(l -> !l.startsWith("Picked up JAVA_TOOL_OPTIONS")).toList());
    }

    /** A seed migration of 15 MiB: under the size limit, so read, but over a 24 MiB heap once decoded. */
    private GitFixture seeded() {
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        StringBuilder sql = new StringBuilder();
        for (int i = 0; sql.length() < 15 * 1024 * 1024; i++) {
            sql.append("INSERT INTO contest (id, title) VALUES (").append(i).append(", 'a contest title');\n");
        }
        return g.write(SEED, sql.toString()).add(SEED);
    }

    /** Uncaught, an OutOfMemoryError printed a stack trace and exited 1, the code that means "findings". */
    @Test
    void outOfMemoryIsExitThreeInOneLineInCheckSecondJvmAndInLint() throws Exception {
        var g = seeded();
        // JAVA_TOOL_OPTIONS reaches both JVMs of check: the one started by java -jar and the tuned one it starts
        Run check = jar(g.root(), List.of(), Map.of("JAVA_TOOL_OPTIONS", "-Xmx24m"), "check", "--staged");
        assertEquals(3, check.code(), check::toString);
        assertEquals(1, check.err().size(), check::toString);
        assertTrue(check.err().get(0).startsWith("migration-guard: out of memory (Java heap space); give Java a "
                + "larger heap"), check::toString);

        Run lint = jar(g.root(), List.of("-Xmx24m"), Map.of("MIGRATION_GUARD_FAST_START", "0"), "lint");
        assertEquals(3, lint.code(), lint::toString);
        assertEquals(1, lint.err().size(), lint::toString);
        assertTrue(lint.err().get(0).startsWith("migration-guard: out of memory"), lint::toString);

        Run roomy = jar(g.root(), List.of(), Map.of(), "check", "--staged");
        assertEquals(0, roomy.code(), roomy::toString);
    }

    /** Read whole, a 3 GB file in the work tree was an OutOfMemoryError; /dev/zero as a baseline one too. */
    @Test
    void aHugeWorkTreeFileAndDevZeroAsBaselineNeverFillTheHeap() throws Exception {
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        try (RandomAccessFile f = new RandomAccessFile(g.root().resolve("big.sql").toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024);
        }
        Files.createDirectories(g.root().resolve("web"));
        try (RandomAccessFile f = new RandomAccessFile(g.root().resolve("web/bundle.ts").toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024);
        }
        Run lint = jar(g.root(), List.of(), Map.of(), "lint");
        assertEquals(0, lint.code(), lint::toString);
        Run zero = jar(g.root(), List.of(), Map.of(), "check", "--staged", "--baseline", "/dev/zero");
        assertEquals(2, zero.code(), zero::toString);
        assertEquals(List.of("migration-guard: baseline file /dev/zero is not a regular file (a FIFO, a device or a "
                + "folder): name a file"), zero.err());
    }
}
