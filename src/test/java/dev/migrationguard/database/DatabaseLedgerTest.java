package dev.migrationguard.database;

import dev.migrationguard.database.AppliedMigrations.Applied;
import dev.migrationguard.database.AppliedMigrations.Compare;
import dev.migrationguard.stack.DeployedLedger.Entry;
import dev.migrationguard.model.Migration;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a history-table row finds its migration in the repository, and when its content still matches. */
class DatabaseLedgerTest {
    static Migration flyway(String path, String checksum, String digest) {
        return new Migration(path, path, Migration.Stack.FLYWAY, Migration.Kind.VERSIONED, "1", "d", null, List.of(),
                null, checksum, digest, null);
    }

    static Migration changeSet(String id, String path, String digest) {
        return new Migration(id, path, Migration.Stack.LIQUIBASE, Migration.Kind.CHANGESET, null, "d", null, List.of(),
                null, "c", digest, null);
    }

    @Test
    void flywayScriptsAreRelativeToTheirLocationAndJavaOnesAreClassNames() {
        assertTrue(DatabaseLedger.flywayScript("V1__init.sql", "src/main/resources/db/migration/V1__init.sql"));
        assertTrue(DatabaseLedger.flywayScript("pg/V1__init.sql", "db/migration/pg/V1__init.sql"));
        assertFalse(DatabaseLedger.flywayScript("pg/V1__init.sql", "db/migration/mysql/V1__init.sql"));
        assertFalse(DatabaseLedger.flywayScript("V1__init.sql", "db/migration/XV1__init.sql"));
        assertTrue(DatabaseLedger.flywayScript("db.migration.V2__Seed", "src/main/java/db/migration/V2__Seed.java"));
        assertFalse(DatabaseLedger.flywayScript("db.migration.V2__Seed", "src/main/java/db/migration/V2__Seed.sql"));
    }

    @Test
    void liquibaseComparesIdAndAuthorIgnoringCaseAndFilesLoosely() {
        assertTrue(DatabaseLedger.liquibaseChangeSet("classpath:/db/changelog/a.xml::One::Alice",
                "db/changelog/a.xml::one::alice"));
        assertTrue(DatabaseLedger.liquibaseChangeSet("/app/resources/db/changelog/a.xml::1::a", "db/changelog/a.xml::1::a"));
        assertFalse(DatabaseLedger.liquibaseChangeSet("db/changelog/a.xml::1::a", "db/changelog/b.xml::1::a"));
        assertFalse(DatabaseLedger.liquibaseChangeSet("db/changelog/a.xml::1::a", "db/changelog/a.xml::1::bob"));
    }

    @Test
    void typeormNamesMatchTimestampAndDescriptionInAnyCaseStyle() {
        assertTrue(DatabaseLedger.typeormName("AddContestDivisions1700000000000", "1700000000000-AddContestDivisions.ts"));
        assertTrue(DatabaseLedger.typeormName("AddContestDivisions1700000000000", "1700000000000-add-contest-divisions.ts"));
        assertTrue(DatabaseLedger.typeormName("AddContestDivisions1700000000000", "1700000000000-add_contest_divisions.js"));
        assertFalse(DatabaseLedger.typeormName("AddContestDivisions1700000000000", "1700000000001-AddContestDivisions.ts"));
        assertFalse(DatabaseLedger.typeormName("AddContestDivisions1700000000000", "1700000000000-AddContest.ts"));
        assertFalse(DatabaseLedger.typeormName("Short", "1-Short.ts"));
    }

    @Test
    void eachRowIsComparedAsFarAsItsRecordAllows() {
        var crc = new Applied(Migration.Stack.FLYWAY, "V1__a.sql", "-5", Compare.CHECKSUM);
        var repeatable = new Applied(Migration.Stack.FLYWAY, "R__v.sql", "7", Compare.PRESENCE);
        var cs = new Applied(Migration.Stack.LIQUIBASE, "db/changelog/a.xml::1::a", "9:md5", Compare.STARTING_VERSION);
        var fresh = new Applied(Migration.Stack.LIQUIBASE, "db/changelog/a.xml::2::a", "9:md5", Compare.STARTING_VERSION);
        List<Migration> starting = List.of(changeSet("db/changelog/a.xml::1::a", "db/changelog/a.xml", "was"));
        var ledger = DatabaseLedger.of("the database", List.of(crc, repeatable, cs, fresh), List.of(), starting, List.of());
        List<Entry> e = ledger.entries();
        assertEquals(4, e.size());
        assertTrue(ledger.matches(e.get(0), flyway("m/V1__a.sql", "-5", "x")));
        assertFalse(ledger.matches(e.get(0), flyway("m/V1__a.sql", "6", "x")));
        assertTrue(ledger.matches(e.get(1), flyway("m/R__v.sql", "8", "x")));
        assertTrue(ledger.matches(e.get(2), changeSet("db/changelog/a.xml::1::a", "db/changelog/a.xml", "was")));
        assertFalse(ledger.matches(e.get(2), changeSet("db/changelog/a.xml::1::a", "db/changelog/a.xml", "now")));
        // no starting version (added in this change, or lint): nothing to compare with
        assertTrue(ledger.matches(e.get(3), changeSet("db/changelog/a.xml::2::a", "db/changelog/a.xml", "any")));
    }

    @Test
    void withoutTypeormModelsARowIsJudgedByItsFileName() {
        var present = new Applied(Migration.Stack.TYPEORM, "CreateContest1700000000000", null, Compare.STARTING_VERSION);
        var gone = new Applied(Migration.Stack.TYPEORM, "DropLegacy1700000000001", null, Compare.STARTING_VERSION);
        var ledger = DatabaseLedger.of("the database", List.of(present, gone), List.of(), List.of(),
                List.of("src/migrations/1700000000000-CreateContest.ts"));
        assertEquals(List.of("DropLegacy1700000000001"), ledger.entries().stream().map(Entry::name).toList());
    }

    @Test
    void anEntryAndTheMigrationItRecordsShareAKey() {
        var rows = List.of(new Applied(Migration.Stack.FLYWAY, "pg/V1__init.sql", "1", Compare.CHECKSUM),
                new Applied(Migration.Stack.FLYWAY, "db.migration.V2__Seed", null, Compare.STARTING_VERSION),
                new Applied(Migration.Stack.LIQUIBASE, "classpath:/db/changelog/a.xml::One::ALICE", "9:x",
                        Compare.STARTING_VERSION),
                new Applied(Migration.Stack.TYPEORM, "AddContestDivisions1700000000000", null, Compare.STARTING_VERSION));
        var migrations = List.of(flyway("db/migration/pg/V1__init.sql", "1", "d"),
                flyway("src/main/java/db/migration/V2__Seed.java", null, "d"),
                changeSet("db/changelog/a.xml::one::alice", "src/main/resources/db/changelog/a.xml", "d"),
                new Migration("src/migrations/1700000000000-add-contest-divisions.ts",
                        "src/migrations/1700000000000-add-contest-divisions.ts", Migration.Stack.TYPEORM,
                        Migration.Kind.VERSIONED, null, "d", null, List.of(), null, null));
        var ledger = DatabaseLedger.of("the database", rows, migrations, List.of(), List.of());
        for (int i = 0; i < rows.size(); i++) {
            Entry entry = ledger.entries().get(i);
            Migration m = migrations.get(i);
            assertTrue(ledger.records(entry, m), entry.name());
            var shared = new java.util.HashSet<>(ledger.keys(entry));
            shared.retainAll(ledger.keys(m));
            assertFalse(shared.isEmpty(), entry.name() + " " + ledger.keys(entry) + " " + ledger.keys(m));
        }
    }
}
