package dev.migrationguard.database;

import dev.migrationguard.database.AppliedMigrations.Applied;
import dev.migrationguard.engine.Engine;
import dev.migrationguard.engine.Judging;
import dev.migrationguard.ledger.LockFile;
import dev.migrationguard.model.ChangeSet;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Migration;
import dev.migrationguard.report.Report;
import dev.migrationguard.rules.RuleCatalog;
import dev.migrationguard.settings.OptionValues;
import dev.migrationguard.settings.RuleSettings;
import dev.migrationguard.settings.Scope;
import dev.migrationguard.stack.DeployedLedger;
import dev.migrationguard.stack.HistoryTable.Compare;
import dev.migrationguard.stack.StackSet;
import dev.migrationguard.stacks.SupportedStacks;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Ledgers of thousands of entries are matched through their keys, not against every migration: the findings are the
 * ones construction dictates, and the same as a ledger whose keys narrow nothing.
 */
class LedgerIndexTest {
    private static final int SCRIPTS = 2000;
    private static final String PG = "src/main/resources/db/migration/postgres/";
    private static final String MYSQL = "src/main/resources/db/migration/mysql/";

    private final StackSet stacks = StackSet.of(SupportedStacks.ALL, id -> OptionValues.NONE);
    private final Engine engine = new Engine(stacks, RuleCatalog.build(RuleSettings.DEFAULTS), Scope.ALL,
            Judging.DEFAULTS);

    private static String script(int i) {
        return "V" + i + "__create_thing_" + i + ".sql";
    }

    private static MemorySnapshot dialectFolders() {
        var side = new MemorySnapshot();
        for (int i = 1; i <= SCRIPTS; i++) {
            side.put(PG + script(i), "CREATE TABLE thing_" + i + " (id bigserial PRIMARY KEY);\n");
            side.put(MYSQL + script(i), "CREATE TABLE thing_" + i + " (id bigint AUTO_INCREMENT PRIMARY KEY);\n");
        }
        return side;
    }

    private Report lint(MemorySnapshot side, DeployedLedger ledger) {
        var cs = new ChangeSet(ChangeSet.Mode.LINT, List.of(), MemorySnapshot.of(), side, side, "main", side.paths());
        return engine.run(cs, List.of((changeSet, migrationsOf) -> Optional.of(ledger)));
    }

    private static Set<String> edited(Report report) {
        Set<String> out = new TreeSet<>();
        for (Finding f : report.findings()) {
            if (f.rule().equals("deployed-migration-edited")) out.add(f.path() + " " + f.message());
        }
        return out;
    }

    /** The same ledger with keys that narrow nothing: every entry against every migration, as before the index. */
    private static DeployedLedger unindexed(DeployedLedger ledger) {
        return new DeployedLedger() {
            @Override
            public String name() {
                return ledger.name();
            }

            @Override
            public List<Entry> entries() {
                return ledger.entries();
            }

            @Override
            public boolean records(Entry entry, Migration m) {
                return ledger.records(entry, m);
            }

            @Override
            public boolean matches(Entry entry, Migration m) {
                return ledger.matches(entry, m);
            }
        };
    }

    @Test
    void flywayRowsFindTheirScriptAcrossDialectFoldersPreferringTheOneWhoseChecksumMatches() {
        MemorySnapshot side = dialectFolders();
        List<Migration> current = engine.migrations(side, new ArrayList<>());
        Map<String, String> checksums = new HashMap<>();
        for (Migration m : current) checksums.put(m.path(), m.checksum());

        // applied on MySQL: every row matches the mysql/ script, not the postgres/ one beside it
        List<Applied> rows = new ArrayList<>();
        Set<String> expectedEdited = new TreeSet<>();
        Set<String> expectedGone = new TreeSet<>();
        for (int i = 1; i <= SCRIPTS + 5; i++) {
            String checksum = checksums.getOrDefault(MYSQL + script(i), "42");
            if (i % 400 == 0) {
                checksum = "-1";
                expectedEdited.add(MYSQL + script(i));
            }
            if (i > SCRIPTS) expectedGone.add(script(i));
            rows.add(new Applied("flyway", script(i), checksum, Compare.CHECKSUM));
        }
        DeployedLedger ledger = DatabaseLedger.of("the database", rows, current, List.of(), side.paths(),
                DatabaseLedgerTest.TABLES);

        Report report = lint(side, ledger);
        Set<String> editedPaths = new TreeSet<>();
        Set<String> goneScripts = new TreeSet<>();
        for (Finding f : report.findings()) {
            if (!f.rule().equals("deployed-migration-edited")) continue;
            if (expectedGone.stream().anyMatch(f.path()::endsWith)) {
                goneScripts.add(f.path().substring(f.path().lastIndexOf('/') + 1));
            } else {
                editedPaths.add(f.path());
            }
        }
        assertEquals(expectedEdited, editedPaths);
        assertEquals(expectedGone, goneScripts);
        assertEquals(edited(lint(side, unindexed(ledger))), edited(report));
    }

    @Test
    void lockEntriesFindTheirMigrationById() {
        MemorySnapshot deployed = dialectFolders();
        LockFile lock = LockFile.read("migrations.lock", LockFile.write(engine.migrations(deployed, new ArrayList<>())),
                stacks.tools().keySet());
        MemorySnapshot now = dialectFolders();
        Set<String> expected = new TreeSet<>();
        for (int i = 250; i <= SCRIPTS; i += 250) {
            now.put(PG + script(i), "CREATE TABLE thing_" + i + " (id bigint PRIMARY KEY);\n");
            expected.add(PG + script(i));
        }
        var without = new MemorySnapshot();
        for (String p : now.paths()) {
            if (!p.equals(MYSQL + script(7))) without.put(p, now.readText(p).orElseThrow());
        }
        expected.add("migrations.lock"); // a gone migration is reported at its lock entry

        Report report = lint(without, lock);
        Set<String> paths = new TreeSet<>();
        for (Finding f : report.findings()) if (f.rule().equals("deployed-migration-edited")) paths.add(f.path());
        assertEquals(expected, paths);
        assertEquals(1, edited(report).stream().filter(f -> f.contains(MYSQL + script(7))).count());
        assertEquals(edited(lint(without, unindexed(lock))), edited(report));
    }
}
