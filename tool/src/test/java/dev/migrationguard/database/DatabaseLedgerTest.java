package dev.migrationguard.database;

import dev.migrationguard.database.AppliedMigrations.Applied;
import dev.migrationguard.model.Migration;
import dev.migrationguard.stack.DeployedLedger.Entry;
import dev.migrationguard.stack.HistoryTable.Compare;
import dev.migrationguard.stack.HistoryTable;
import dev.migrationguard.stack.MigrationTool;
import dev.migrationguard.stack.Stack;
import dev.migrationguard.stacks.SupportedStacks;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a history-table row finds its migration in the repository, and when its content still matches. */
class DatabaseLedgerTest {
    /** The history table of every supported stack, by stack id. */
    static final Map<String, HistoryTable> TABLES = new LinkedHashMap<>();

    static {
        for (Stack s : SupportedStacks.ALL) {
            s.migrationTool().flatMap(MigrationTool::historyTable).ifPresent(t -> TABLES.put(s.id(), t));
        }
    }
    static Migration flyway(String path, String checksum, String digest) {
        return new Migration(path, path, "flyway", Migration.Kind.VERSIONED, "1", "d", null, List.of(),
                null, checksum, digest, null);
    }

    static Migration changeSet(String id, String path, String digest) {
        return new Migration(id, path, "liquibase", Migration.Kind.CHANGESET, null, "d", null, List.of(),
                null, "c", digest, null);
    }

    @Test
    void eachRowIsComparedAsFarAsItsRecordAllows() {
        var crc = new Applied("flyway", "V1__a.sql", "-5", Compare.CHECKSUM);
        var repeatable = new Applied("flyway", "R__v.sql", "7", Compare.PRESENCE);
        var cs = new Applied("liquibase", "db/changelog/a.xml::1::a", "9:md5", Compare.STARTING_VERSION);
        var fresh = new Applied("liquibase", "db/changelog/a.xml::2::a", "9:md5", Compare.STARTING_VERSION);
        List<Migration> starting = List.of(changeSet("db/changelog/a.xml::1::a", "db/changelog/a.xml", "was"));
        var ledger = DatabaseLedger.of("the database", List.of(crc, repeatable, cs, fresh), List.of(), starting, List.of(),
                TABLES);
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
        var present = new Applied("typeorm", "CreateContest1700000000000", null, Compare.STARTING_VERSION);
        var gone = new Applied("typeorm", "DropLegacy1700000000001", null, Compare.STARTING_VERSION);
        var ledger = DatabaseLedger.of("the database", List.of(present, gone), List.of(), List.of(),
                List.of("src/migrations/1700000000000-CreateContest.ts"), TABLES);
        assertEquals(List.of("DropLegacy1700000000001"), ledger.entries().stream().map(Entry::name).toList());
    }

    @Test
    void anEntryAndTheMigrationItRecordsShareAKey() {
        var rows = List.of(new Applied("flyway", "pg/V1__init.sql", "1", Compare.CHECKSUM),
                new Applied("flyway", "db.migration.V2__Seed", null, Compare.STARTING_VERSION),
                new Applied("liquibase", "classpath:/db/changelog/a.xml::One::ALICE", "9:x",
                        Compare.STARTING_VERSION),
                new Applied("typeorm", "AddContestDivisions1700000000000", null, Compare.STARTING_VERSION));
        var migrations = List.of(flyway("db/migration/pg/V1__init.sql", "1", "d"),
                flyway("src/main/java/db/migration/V2__Seed.java", null, "d"),
                changeSet("db/changelog/a.xml::one::alice", "src/main/resources/db/changelog/a.xml", "d"),
                new Migration("src/migrations/1700000000000-add-contest-divisions.ts",
                        "src/migrations/1700000000000-add-contest-divisions.ts", "typeorm",
                        Migration.Kind.VERSIONED, null, "d", null, List.of(), null, null));
        var ledger = DatabaseLedger.of("the database", rows, migrations, List.of(), List.of(), TABLES);
        for (int i = 0; i < rows.size(); i++) {
            Entry entry = ledger.entries().get(i);
            Migration m = migrations.get(i);
            assertTrue(ledger.records(entry, m), entry.name());
            var shared = new HashSet<>(ledger.keys(entry));
            shared.retainAll(ledger.keys(m));
            assertFalse(shared.isEmpty(), entry.name() + " " + ledger.keys(entry) + " " + ledger.keys(m));
        }
    }
}
