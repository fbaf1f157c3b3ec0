package dev.migrationguard.flyway;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.SchemaChange;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FlywayAdvisorTest {
    private static final String DIR = "src/main/resources/db/migration/";
    private final FlywayAdvisor advisor = new FlywayAdvisor(
            Clock.fixed(Instant.parse("2026-11-26T14:05:09Z"), ZoneOffset.UTC));

    private static SchemaChange column(SchemaChange.Kind kind, String path) {
        return new SchemaChange(kind, SchemaChange.Target.COLUMN, null, "contest", null, "divisions",
                "column \"contest\".\"divisions\" " + kind.verb(), Location.at(path, 12, 5));
    }

    private static SchemaChange table(SchemaChange.Kind kind) {
        return new SchemaChange(kind, SchemaChange.Target.TABLE, null, "contest", null, null,
                "table \"contest\" " + kind.verb(), Location.at("src/main/java/app/Contest.java", 5, 1));
    }

    @Test
    void suggestsTheNextPlainVersionBesideTheNewest() {
        var after = MemorySnapshot.of(DIR + "V1__init.sql", "", DIR + "V7__Add_team.sql", "",
                DIR + "U7__Add_team.sql", "", "other/V2__old.sql", "");
        assertEquals(Optional.of("Add src/main/resources/db/migration/V8__Add_contest_divisions.sql that alters table"
                        + " \"contest\" (or run your migration generator)."),
                advisor.advise(column(SchemaChange.Kind.ADDED, "src/main/java/app/Contest.java"),
                        "AddContestDivisions", after));
    }

    @Test
    void verbFollowsTheChange() {
        var after = MemorySnapshot.of(DIR + "V1__init.sql", "");
        assertEquals("Add " + DIR + "V2__Create_contest.sql that creates table \"contest\" (or run your migration"
                + " generator).", advisor.advise(table(SchemaChange.Kind.ADDED), "CreateContest", after).orElseThrow());
        assertEquals("Add " + DIR + "V2__Drop_contest.sql that drops table \"contest\" (or run your migration"
                + " generator).", advisor.advise(table(SchemaChange.Kind.REMOVED), "DropContest", after).orElseThrow());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"7, 8", "009, 010", "1.4, 1.5", "1_4, 1_5", "2.0.9, 2.0.10", "20240105120000, 20261126140509",
            "202401051200, 202611261405", "29990101000000, 29990101000001"})
    void nextVersionKeepsTheStyle(String newest, String next) {
        assertEquals(next, advisor.nextVersion(FlywayVersion.parse(newest)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"AddContestDivisions, Add_contest_divisions", "AddURLToTeam, Add_url_to_team",
            "CreateTable2Things, Create_table2_things", "drop_legacy, Drop_legacy"})
    void descriptionUsesFlywayStyle(String pascal, String flyway) {
        assertEquals(flyway, FlywayAdvisor.flywayDescription(pascal));
    }

    @Test
    void silentWithoutFlywayMigrationsOrForNonJavaEntities() {
        var none = MemorySnapshot.of("src/main/resources/application.yml", "x: 1");
        assertEquals(Optional.empty(),
                advisor.advise(column(SchemaChange.Kind.ADDED, "src/main/java/app/Contest.java"), "AddX", none));
        var flyway = MemorySnapshot.of(DIR + "V1__init.sql", "");
        assertEquals(Optional.empty(),
                advisor.advise(column(SchemaChange.Kind.ADDED, "src/contest.entity.ts"), "AddX", flyway));
    }

    @Test
    void picksTheNewestAcrossFoldersByNumericVersion() {
        var after = MemorySnapshot.of("db/migration/V9__a.sql", "", "db/migration/V10__b.sql", "",
                "db/migration/V2.5__c.sql", "");
        assertEquals("Add db/migration/V11__Add_x.sql that alters table \"contest\" (or run your migration generator).",
                advisor.advise(column(SchemaChange.Kind.CHANGED, "A.java"), "AddX", after).orElseThrow());
    }

    /** Every entity change of a commit is advised: the repository's migrations are looked through once, not per change. */
    @Test
    void theNewestMigrationIsFoundOncePerSnapshot() {
        var files = MemorySnapshot.of(DIR + "V1__init.sql", "", DIR + "V7__Add_team.sql", "");
        int[] listed = {0};
        dev.migrationguard.model.Snapshot counting = new dev.migrationguard.model.Snapshot() {
            @Override
            public java.util.List<String> paths() {
                listed[0]++;
                return files.paths();
            }

            @Override
            public Optional<byte[]> read(String path) {
                return files.read(path);
            }
        };
        assertEquals(DIR + "V8__Create_contest.sql", advisor.advise(table(SchemaChange.Kind.ADDED), "CreateContest",
                counting).orElseThrow().split(" ")[1]);
        assertEquals(DIR + "V8__Add_contest_divisions.sql", advisor.advise(column(SchemaChange.Kind.ADDED,
                "src/main/java/app/Contest.java"), "AddContestDivisions", counting).orElseThrow().split(" ")[1]);
        assertEquals(1, listed[0]);
    }
}
