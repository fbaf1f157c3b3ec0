package dev.migrationguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrationguard.model.CannotJudge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.migrationguard.cli.CliEndToEndTest.ENTITY;
import static dev.migrationguard.cli.CliEndToEndTest.MIGRATIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files too large to read: never loaded, reported when they matter, left alone when they cannot. */
class BigInputsTest {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    /** A file of {@code size} bytes that starts with {@code head} and is padded with {@code pad} lines. */
    private static byte[] padded(String head, String pad, long size) {
        StringBuilder b = new StringBuilder(head);
        while (b.length() < size) b.append(pad);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void sparse(Path file, long size) throws IOException {
        Files.createDirectories(file.getParent());
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
    }

    /** Read whole, each of these ended the run in an OutOfMemoryError (exit 1 and a stack trace). */
    @Test
    void lintNeverLoadsHugeFilesThatCannotMatter() throws IOException {
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        sparse(g.root().resolve("big.sql"), 3L * 1024 * MIB);
        sparse(g.root().resolve("web/bundle.ts"), 3L * 1024 * MIB);
        sparse(g.root().resolve("fixtures/data.json"), 3L * 1024 * MIB);
        sparse(g.root().resolve("src/main/java/com/example/Generated.java"), 3L * 1024 * MIB);
        Cli r = Cli.run(g.root(), "lint", "--format", "json");
        assertEquals(0, r.code(), r::toString);
        assertEquals(List.of(), r.rules());
    }

    @Test
    void aMigrationOverTheLimitIsAParseErrorAtItsTopAndTheRunGoesOn() {
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        g.writeBytes(MIGRATIONS + "V2__Seed_contests.sql", padded("",
                "INSERT INTO contest (id, title) VALUES (1, 'a contest title');\n", 2 * MIB + 7))
                .write(ENTITY, CliEndToEndTest.contest("\n    private Integer divisions;\n")).addAll();
        Cli r = Cli.run(g.root(), "check", "--staged", "--format", "json", "--max-file-size", "1");
        assertEquals(1, r.code(), r::toString);
        assertEquals(List.of("entity-change-without-migration", "parse-error"), r.rules().stream().sorted().toList());
        JsonNode f = finding(r, "parse-error");
        assertEquals(MIGRATIONS + "V2__Seed_contests.sql", f.get("path").asText());
        assertEquals(1, f.get("line").asInt());
        assertEquals(1, f.get("column").asInt());
        assertEquals("Could not parse " + MIGRATIONS + "V2__Seed_contests.sql: it is 2.0 MiB, over the limit of 1 MiB "
                + "on a file migration-guard reads, so it was not checked", f.get("message").asText());
        assertTrue(f.get("hint").asText().contains("--max-file-size <MiB>"), f::toString);

        Cli text = Cli.run(g.root(), "check", "--staged", "--no-color", "--max-file-size", "1");
        assertTrue(text.out().contains(MIGRATIONS + "V2__Seed_contests.sql:1:1: error [parse-error]"), text::toString);

        Cli raised = Cli.run(g.root(), "check", "--staged", "--format", "json", "--max-file-size", "3");
        assertEquals(List.of(), raised.rules().stream().filter("parse-error"::equals).toList(), raised::toString);
        // read whole, the seed script builds no "divisions": the entity maps a column no migration creates
        assertEquals(List.of("entity-migration-drift"), Cli.run(g.root(), "lint", "--format", "json",
                "--max-file-size", "3").rules());
        assertEquals(List.of("parse-error"), Cli.run(g.root(), "lint", "--format", "json", "--max-file-size", "1")
                .rules());
    }

    /** A settings file is recognised by its name: one too large to read is reported, not silently skipped. */
    @Test
    void aSettingsFileOverTheLimitIsReported() {
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        g.writeBytes("src/main/resources/application-prod.properties", padded("spring.jpa.hibernate.ddl-auto=update\n",
                "app.feature.flag.with.a.long.name=true\n", 2 * MIB)).addAll();
        Cli r = Cli.run(g.root(), "check", "--staged", "--format", "json", "--max-file-size", "1");
        assertEquals(List.of("parse-error"), r.rules(), r::toString);
        assertEquals(List.of("synchronize-in-production"), Cli.run(g.root(), "check", "--staged", "--format", "json",
                "--max-file-size", "3").rules());
    }

    /** Loaded from the staged blob, a JPA entity file of 1.5 MiB now holds no entity: it was reported as removed. */
    @Test
    void anEntityOverTheLimitIsReportedNotTakenForRemoved() {
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        g.writeBytes(ENTITY, padded(CliEndToEndTest.contest(""), "// a generated comment line, padding it out\n",
                3 * MIB / 2)).add(ENTITY);
        Cli r = Cli.run(g.root(), "check", "--staged", "--format", "json", "--max-file-size", "1");
        assertEquals(List.of("parse-error"), r.rules(), r::toString);
        assertEquals(ENTITY, finding(r, "parse-error").get("path").asText());
    }

    /** A deployed migration too large to read, now cut down: the edit cannot be judged, so it is said, not missed. */
    @Test
    void aDeployedVersionOverTheLimitIsReportedOnTheChangedFile() {
        String seed = MIGRATIONS + "V2__Seed_contests.sql";
        var g = CliEndToEndTest.baseline(dir).writeBytes(seed, padded("",
                "INSERT INTO contest (id, title) VALUES (1, 'a contest title');\n", 2 * MIB)).addAll().commit("init");
        g.write(seed, "INSERT INTO contest (id, title) VALUES (1, 'a contest title');\n").add(seed);
        Cli r = Cli.run(g.root(), "check", "--staged", "--format", "json", "--max-file-size", "1");
        assertEquals(List.of("parse-error"), r.rules(), r::toString);
        JsonNode f = finding(r, "parse-error");
        assertEquals(seed, f.get("path").asText());
        assertEquals("Could not parse " + seed + ": its deployed version (" + seed + " on main) is 2.0 MiB, over the "
                + "limit of 1 MiB on a file migration-guard reads, so whether this change edits a deployed migration "
                + "was not checked", f.get("message").asText());
        assertEquals(List.of("deployed-migration-edited"), Cli.run(g.root(), "check", "--staged", "--format", "json",
                "--max-file-size", "3").rules());
    }

    /**
     * A blobless partial clone ({@code git clone --filter=blob:none}) lacks the blobs of files never checked out, and
     * git fetches one when it needs it; JGit cannot. ORCID's snapshot lacks a test data file's blob, and every range
     * check that identified migrations ended in exit 3. A file whose blob is missing is unreadable as one too large
     * is, where the run first asks whether it can read it (identifying the migrations of the tree): silent when only
     * its content could say what it is.
     */
    @Test
    void aBlobThePartialCloneNeverFetchedIsUnreadableNotACrash() throws IOException {
        var g = CliEndToEndTest.baseline(dir).write("src/test/resources/data/works.xml", "<dataset><work id=\"1\"/></dataset>\n")
                .addAll().commit("init");
        g.write(MIGRATIONS + "V2__Add_contest_divisions.sql", "ALTER TABLE contest ADD COLUMN divisions INTEGER;\n")
                .write(ENTITY, CliEndToEndTest.contest("\n    private Integer divisions;\n")).addAll().commit("divisions");
        removeBlob(g, "HEAD:src/test/resources/data/works.xml");
        Cli range = Cli.run(g.root(), "check", "--base", "HEAD~1", "--head", "HEAD", "--format", "json");
        assertEquals(0, range.code(), range::toString);
        assertEquals(List.of(), range.rules(), range::toString);
    }

    /** Deletes a blob's loose object, as a blobless clone never has it (the fixture writes no packs). */
    private static void removeBlob(dev.migrationguard.testing.GitFixture g, String spec) throws IOException {
        String id = g.git("rev-parse", spec).strip();
        Path object = g.root().resolve(".git/objects/" + id.substring(0, 2) + "/" + id.substring(2));
        assertTrue(Files.deleteIfExists(object), "no loose object for " + spec);
    }

    /**
     * A locked seed script too large to read could not be identified: every check reported it as gone from the lock
     * (deployed-migration-edited). A check now says nothing of a file outside its change; lint says it is too large.
     */
    @Test
    void aLockedMigrationOverTheLimitIsNotTakenForDeleted() {
        String seed = MIGRATIONS + "V2__Seed_contests.sql";
        var g = CliEndToEndTest.baseline(dir).writeBytes(seed, padded("",
                "INSERT INTO contest (id, title) VALUES (1, 'a contest title');\n", 2 * MIB)).addAll().commit("init");
        assertEquals(0, Cli.run(g.root(), "lock", "--max-file-size", "3").code());
        g.addAll().commit("lock");
        g.write("README.md", "hello\n").add("README.md");
        Cli check = Cli.run(g.root(), "check", "--staged", "--format", "json", "--max-file-size", "1");
        assertEquals(0, check.code(), check::toString);
        Cli lint = Cli.run(g.root(), "lint", "--format", "json", "--max-file-size", "1");
        assertEquals(List.of("parse-error"), lint.rules(), lint::toString);
        Cli lock = Cli.run(g.root(), "lock", "--max-file-size", "1");
        assertEquals(2, lock.code(), lock::toString);
        assertTrue(lock.err().contains("it is 2.0 MiB, over the limit of 1 MiB"), lock::toString);
    }

    /**
     * Over JGit's 50 MiB streaming threshold, a staged blob could not be loaded at all: any such .sql, .json, .xml,
     * .yaml, .ts or .java ended the run in exit 3 (LargeObjectException). One that cannot be a changelog is left alone,
     * one that is (its root in the first bytes) is reported, and a limit raised past 50 MiB still reads it.
     */
    @Test
    void stagedFilesOverFiftyMibAreJudgedNotACrash() {
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        g.writeBytes("fixtures/data.json", padded("[\n", "  {\"id\": 1, \"name\": \"a row of test data\"},\n",
                60 * MIB)).add("fixtures/data.json");
        Cli data = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, data.code(), data::toString);
        Cli raised = Cli.run(g.root(), "check", "--staged", "--format", "json", "--max-file-size", "64");
        assertEquals(0, raised.code(), raised::toString);

        g.writeBytes("src/main/resources/db/changelog/seed.yaml", padded("databaseChangeLog:\n",
                "# a comment line of a changelog too large to read\n", 60 * MIB))
                .add("src/main/resources/db/changelog/seed.yaml");
        Cli changelog = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, changelog.code(), changelog::toString);
        assertEquals(List.of("parse-error"), changelog.rules());
        assertEquals("src/main/resources/db/changelog/seed.yaml", finding(changelog, "parse-error").get("path").asText());
    }

    @Test
    void aFifoOrADeviceAsBaselineOrConfigurationIsBadUsageNotAHang() throws Exception {
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        Path fifo = dir.resolve("baseline.fifo");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        assertTrue(Files.exists(fifo));
        for (List<String> args : List.of(List.of("lint", "--baseline", fifo.toString()),
                List.of("lint", "--baseline", "/dev/zero"), List.of("check", "--staged", "--config", fifo.toString()),
                List.of("lint", "--baseline", dir.toString()))) {
            Cli r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Cli.run(g.root(),
                    args.toArray(String[]::new)));
            assertEquals(2, r.code(), r::toString);
            assertTrue(r.err().contains("is not a regular file"), r::toString);
            assertEquals(1, r.err().lines().count(), r::toString);
        }
    }

    @Test
    void aBaselineOverTheLimitIsBadUsage() throws IOException {
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        Path big = dir.resolve("baseline.json");
        Files.write(big, padded("{\"tool\": \"migration-guard\", \"format\": 1, \"findings\": []}", " ", 2 * MIB));
        Cli r = Cli.run(g.root(), "lint", "--baseline", big.toString(), "--max-file-size", "1");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("over the limit of 1 MiB"), r::toString);
        assertEquals(0, Cli.run(g.root(), "lint", "--baseline", big.toString(), "--max-file-size", "3").code());
    }

    @Test
    void theLimitIsAWholeNumberOfMib() {
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        for (String bad : List.of("0", "-1", "2000")) {
            Cli r = Cli.run(g.root(), "lint", "--max-file-size", bad);
            assertEquals(2, r.code(), r::toString);
            assertTrue(r.err().contains("--max-file-size must be a whole number of MiB from 1 to 1024"), r::toString);
        }
        assertEquals(2, Cli.run(g.root(), "lint", "--max-file-size", "ten").code());
        assertEquals(20 * MIB, ReadingOptions.maxFileSize(null, null));
        assertEquals(64 * MIB, ReadingOptions.maxFileSize(null, "64"));
        assertEquals(8 * MIB, ReadingOptions.maxFileSize(8, "64"));
        var e = assertThrows(CannotJudge.class, () -> ReadingOptions.maxFileSize(null, "lots"));
        assertTrue(e.getMessage().startsWith("MIGRATION_GUARD_MAX_FILE_SIZE must be"), e::getMessage);
        assertEquals(20 * MIB, ReadingOptions.maxFileSize(null, " "));
    }

    private static JsonNode finding(Cli r, String rule) {
        for (JsonNode f : r.json().get("findings")) if (f.get("rule").asText().equals(rule)) return f;
        throw new AssertionError("no " + rule + " finding: " + r);
    }
}
