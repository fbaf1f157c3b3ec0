package dev.migrationguard.cli;

import dev.migrationguard.files.UserCache;
import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.migrationguard.cli.TypeOrmEndToEndTest.ENTITY;
import static dev.migrationguard.cli.TypeOrmEndToEndTest.contest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The packaged jar with a user cache that cannot help (full, read-only, missing, truncated): every run still judges the
 * change, prints one report and nothing else, and leaves nothing in the work tree. The cache only ever makes it faster.
 */
class UserCacheIT {
    private static final String ADDED_COLUMN = "entity-change-without-migration " + ENTITY;

    @TempDir
    Path dir;

    private Path cache() {
        return dir.resolve("cache");
    }

    private Map<String, String> env(String... more) {
        Map<String, String> env = new HashMap<>();
        env.put("XDG_CACHE_HOME", cache().toString());
        for (int i = 0; i < more.length; i += 2) env.put(more[i], more[i + 1]);
        return env;
    }

    /** A TypeORM change the check must refuse: a column without its migration. */
    private GitFixture typeOrmColumnWithoutMigration() {
        var g = TypeOrmEndToEndTest.baseline(dir.resolve("repo")).addAll().commit("init");
        return g.write(ENTITY, contest("\n  @Column()\n  divisions: number;\n")).addAll();
    }

    private static void assertRefusedWithOneReport(PackagedJar r) {
        assertEquals(1, r.code(), r::toString);
        assertEquals(List.of(ADDED_COLUMN), r.findings(), r::toString);
    }

    private static void assertWorkTreeUntouched(GitFixture g) throws IOException {
        assertEquals("M  " + ENTITY, g.git("status", "--porcelain", "--untracked-files=all").strip());
        assertEquals(List.of(), PackagedJar.crashLeftovers(g.root()));
    }

    private List<Path> cached(String suffix) throws IOException {
        if (!Files.isDirectory(cache())) return List.of();
        try (Stream<Path> files = Files.walk(cache())) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    /**
     * A cache that cannot take the class-data archive (a full disk, played by a file-size limit below the archive's
     * size): the JVM that was to write it at exit printed "Error occurred during initialization of VM" on stdout after
     * the JSON and exited 1, on every run. A clean change must pass, with stdout one JSON document.
     */
    @Test
    void aCacheThatCannotTakeTheArchiveNeverFailsACleanRun() throws Exception {
        var g = CliEndToEndTest.baseline(dir.resolve("repo")).addAll().commit("init");
        g.write(CliEndToEndTest.ENTITY, CliEndToEndTest.contest("\n    private Integer divisions;\n"))
                .write(CliEndToEndTest.MIGRATIONS + "V2__Add_contest_divisions.sql",
                        "ALTER TABLE contest ADD COLUMN divisions INTEGER;\n").addAll();
        for (int run = 0; run < 2; run++) {
            var r = PackagedJar.run(g.root(), env(), List.of(), 4_096, "check", "--staged", "--format", "json");
            assertEquals(0, r.code(), r::toString);
            assertEquals(List.of(), r.findings(), r::toString);
            assertFalse(r.err().contains("Error occurred") || r.err().contains("shared archive"), r::toString);
        }
        assertEquals(List.of(), cached(".jsa"), "a cut-short archive is never published");
        assertEquals(List.of(), cached(".part"));
    }

    /** The JVM's notice of JAVA_TOOL_OPTIONS, which CI images often set, is not taken for a failed archive dump. */
    @Test
    void theArchiveIsWrittenWhenJavaToolOptionsAreSet() throws Exception {
        var g = typeOrmColumnWithoutMigration();
        var r = PackagedJar.run(g.root(), env("JAVA_TOOL_OPTIONS", "-Dsome.ci.setting=1"), "check", "--staged",
                "--format", "json");
        assertRefusedWithOneReport(r);
        assertEquals(1, cached(".jsa").size(), r::toString);
        assertTrue(UserCache.intact(cached(".jsa").get(0)));
    }

    /** A read-only cache folder: every TypeScript commit exited 2. Skipped where the user writes anyway (root). */
    @Test
    void aReadOnlyCacheFolderStillChecksTypeScript() throws Exception {
        Files.createDirectories(cache());
        Files.setPosixFilePermissions(cache(), PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(cache()), "this user writes into read-only folders (root)");
            var g = typeOrmColumnWithoutMigration();
            assertRefusedWithOneReport(PackagedJar.run(g.root(), env(), "check", "--staged", "--format", "json"));
            assertWorkTreeUntouched(g);
        } finally {
            Files.setPosixFilePermissions(cache(), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** A cache path that cannot be a folder (a file is in the way) takes the same way out as a read-only one. */
    @Test
    void aCacheThatCannotBeCreatedStillChecksTypeScript() throws Exception {
        Files.writeString(dir.resolve("not-a-folder"), "");
        var g = typeOrmColumnWithoutMigration();
        var r = PackagedJar.run(g.root(), env("XDG_CACHE_HOME", dir.resolve("not-a-folder").toString()),
                "check", "--staged", "--format", "json");
        assertRefusedWithOneReport(r);
        assertWorkTreeUntouched(g);
    }

    /**
     * A user without a home folder (a container's user with no passwd entry: Java's user.home is "?") exited 2, after
     * creating the cache as {@code ?/.cache} inside the work tree; JGit, given that home, wrote its own
     * {@code ?/.config/jgit/config} there too.
     */
    @Test
    void aUserWithoutAHomeFolderStillChecksTypeScript() throws Exception {
        var g = typeOrmColumnWithoutMigration();
        var r = PackagedJar.run(g.root(), env("XDG_CACHE_HOME", null, "HOME", null,
                "JAVA_TOOL_OPTIONS", "-Duser.home=?"), "check", "--staged", "--format", "json");
        assertRefusedWithOneReport(r);
        assertFalse(Files.exists(g.root().resolve("?")), "nothing written in the work tree for a home of '?'");
        assertEquals(List.of(), PackagedJar.crashLeftovers(g.root()));
    }

    /**
     * A truncated archive or native library in the cache crashed the JVM (SIGBUS) and left hs_err_pid*.log in the work
     * tree. Each is now checked against the size and digest recorded beside it, and replaced.
     */
    @Test
    void aTruncatedArchiveOrLibraryIsReplacedNotMapped() throws Exception {
        var g = typeOrmColumnWithoutMigration();
        assertRefusedWithOneReport(PackagedJar.run(g.root(), env(), "check", "--staged", "--format", "json"));
        List<Path> files = Stream.concat(cached(".jsa").stream(), cached(".so").stream()).toList();
        assertEquals(2, files.size(), "the first run cached the archive and the library: " + files);
        Map<Path, Long> sizes = new HashMap<>();
        for (Path f : files) {
            sizes.put(f, Files.size(f));
            f.toFile().setWritable(true);
            try (FileChannel c = FileChannel.open(f, StandardOpenOption.WRITE)) {
                c.truncate(Files.size(f) / 2);
            }
        }
        for (String fastStart : List.of("0", "1")) {
            var r = PackagedJar.run(g.root(), env("MIGRATION_GUARD_FAST_START", fastStart),
                    "check", "--staged", "--format", "json");
            assertRefusedWithOneReport(r);
            assertWorkTreeUntouched(g);
        }
        for (Path f : files) {
            assertTrue(UserCache.intact(f) && Files.size(f) > sizes.get(f) / 2, "whole again: " + f);
        }
        assertEquals(sizes.get(cached(".so").get(0)), Files.size(cached(".so").get(0)));
    }

    /**
     * An archive damaged without a change of size or time passes the cheap check, and the JVM mapping it crashes as it
     * starts: the run is tried once more without it, and it is dropped.
     */
    @Test
    void anArchiveThatCrashesTheJvmAsItStartsIsDroppedAndTheRunRetried() throws Exception {
        var g = typeOrmColumnWithoutMigration();
        assertRefusedWithOneReport(PackagedJar.run(g.root(), env(), "check", "--staged", "--format", "json"));
        Path archive = cached(".jsa").get(0);
        FileTime modified = Files.getLastModifiedTime(archive);
        archive.toFile().setWritable(true);
        try (FileChannel c = FileChannel.open(archive, StandardOpenOption.WRITE)) {
            c.write(java.nio.ByteBuffer.wrap(new byte[1 << 20]), Files.size(archive) / 2);
        }
        Files.setLastModifiedTime(archive, modified);
        assertTrue(UserCache.intact(archive), "size and time unchanged: the damage goes unseen before the start");

        var r = PackagedJar.run(g.root(), env(), "check", "--staged", "--format", "json");
        assertRefusedWithOneReport(r);
        assertWorkTreeUntouched(g);
        assertFalse(Files.exists(archive), "the archive that crashed the JVM is dropped");
    }

    /** Archives no jar will use again are removed when a new one is written; others' archives are left alone. */
    @Test
    void archivesOfJarsThatAreGoneOrRebuiltArePruned() throws Exception {
        Path folder = cache().resolve("migration-guard");
        Files.createDirectories(folder);
        Path otherJar = Files.writeString(dir.resolve("other.jar"), "a jar that still exists");
        Path gone = archive(folder, "1-1-1-java17", dir.resolve("deleted.jar").toString());
        Path rebuilt = archive(folder, "2-2-2-java17", PackagedJar.JAR.toString());
        Path unrecorded = archive(folder, "3-3-3-java17", null);
        Path others = archive(folder, "4-4-4-java17", otherJar.toString());
        Path leftover = Files.writeString(folder.resolve("classes-5-5-5-java17.jsa.123.part"), "half");
        Path legacy = Files.writeString(folder.resolve("classes-6-6-6-java17.jsa.sha256"), "sha256=00\n");
        FileTime longAgo = FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS));
        Files.setLastModifiedTime(unrecorded, longAgo);
        Files.setLastModifiedTime(leftover, longAgo);

        var g = typeOrmColumnWithoutMigration();
        assertRefusedWithOneReport(PackagedJar.run(g.root(), env(), "check", "--staged", "--format", "json"));
        for (Path p : List.of(gone, rebuilt, unrecorded, leftover, legacy)) assertFalse(Files.exists(p), p + " pruned");
        assertTrue(Files.exists(others) && Files.exists(others.resolveSibling(others.getFileName() + ".record")));
        assertEquals(2, cached(".jsa").size(), "this jar's new archive and the other jar's: " + cached(".jsa"));
    }

    private static Path archive(Path folder, String key, String jar) throws IOException {
        Path p = Files.writeString(folder.resolve("classes-" + key + ".jsa"), "archive of " + key);
        if (jar != null) {
            Files.writeString(p.resolveSibling(p.getFileName() + ".record"), "crc32=0\nsize=1\nmodified=1\nsource="
                    + jar + "\n");
        }
        return p;
    }
}
