package dev.migrationguard.cli;

import dev.migrationguard.testing.GitFixture;
import dev.migrationguard.testing.ProjectRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged jar on the newest JDK installed in /usr/lib/jvm, when it is 22 or newer (the npm runtime is a JDK 25):
 * a TypeORM commit is checked without the warning such a JDK prints when a native library loads, and the class-data
 * archive of the first run is kept for the next ones (a run with a warning is one whose archive is dropped).
 */
class NewerJavaIT {
    private static final Path EXAMPLE = ProjectRoot.file("examples", "typeorm-nest", "src");
    private static final String TEAM = "src/contests/team.entity.ts";
    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    @TempDir
    Path dir;

    @Test
    void aTypeOrmCheckPrintsNoWarningAndKeepsItsArchive() throws Exception {
        Optional<Path> java = newestJava();
        assumeTrue(java.isPresent(), "no JDK 22 or newer in /usr/lib/jvm");
        var g = teamChange();
        Path cache = dir.resolve("cache");
        for (int run = 1; run <= 2; run++) {
            var pb = new ProcessBuilder(java.get().toString(), "-jar", PackagedJar.JAR.toString(), "check", "--staged",
                    "--no-color").directory(g.root().toFile());
            pb.environment().remove("MIGRATION_GUARD_FAST_START");
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
            pb.environment().put("HOME", dir.toString());
            pb.environment().put("XDG_CACHE_HOME", cache.toString());
            Path err = dir.resolve("err");
            Process p = pb.redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            String stderr = Files.readString(err);
            assertEquals(1, code, out + stderr);
            assertTrue(out.contains("entity-change-without-migration") && out.contains("team"), out);
            assertFalse(stderr.contains("WARNING"), stderr);
            try (Stream<Path> files = Files.list(cache.resolve("migration-guard"))) {
                assertTrue(files.anyMatch(f -> f.getFileName().toString().matches("classes-.*\\.jsa")),
                        "run " + run + " left no class-data archive in " + cache);
            }
        }
    }

    /**
     * Without the tuned child JVM the first JVM parses the TypeScript itself: the jar's manifest grants the native
     * access, so that JVM prints no warning either.
     */
    @Test
    void theJarItselfMayLoadTheParserWithoutAWarning() throws Exception {
        Optional<Path> java = newestJava();
        assumeTrue(java.isPresent(), "no JDK 22 or newer in /usr/lib/jvm");
        var g = teamChange();
        var pb = new ProcessBuilder(java.get().toString(), "-jar", PackagedJar.JAR.toString(), "check", "--staged",
                "--no-color").directory(g.root().toFile());
        pb.environment().put("MIGRATION_GUARD_FAST_START", "0");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("HOME", dir.toString());
        Path err = dir.resolve("err");
        Process p = pb.redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        String stderr = Files.readString(err);
        assertEquals(1, code, out + stderr);
        assertFalse(stderr.contains("WARNING"), stderr);
    }

    /** A repository of the TypeORM example's contests and teams, with a column added to the team entity staged. */
    private GitFixture teamChange() throws IOException {
        var g = GitFixture.init(dir.resolve("repo"));
        for (String file : new String[]{"common/base.entity.ts", "contests/contest.entity.ts", "contests/team.entity.ts",
                "database/data-source.ts", "migrations/1700000000000-CreateContest.ts",
                "migrations/1700000000001-CreateTeam.ts"}) {
            g.write("src/" + file, Files.readString(EXAMPLE.resolve(file)));
        }
        g.addAll().commit("contests and teams");
        g.write(TEAM, Files.readString(EXAMPLE.resolve("contests/team.entity.ts"))
                .replace("  @Column({ length: 80 })", "  @Column({ nullable: true })\n  seed: number;\n\n  @Column({ length: 80 })"))
                .addAll();

        return g;
    }

    private record Jdk(int feature, Path java) {
    }

    /** The java of the JDK with the highest feature version in /usr/lib/jvm, if it is 22 or newer. */
    private static Optional<Path> newestJava() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) return Optional.empty();
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.map(NewerJavaIT::jdk).flatMap(Optional::stream).filter(j -> j.feature() >= 22)
                    .max(Comparator.comparingInt(Jdk::feature)).map(Jdk::java);
        }
    }

    private static Optional<Jdk> jdk(Path home) {
        try {
            Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
            Path java = home.resolve("bin/java");
            return m.find() && Files.isExecutable(java) ? Optional.of(new Jdk(Integer.parseInt(m.group(1)), java))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
