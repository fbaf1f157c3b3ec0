package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationNames;
import dev.migrationguard.model.SchemaChange;
import dev.migrationguard.model.Severity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** A schema-relevant entity change needs a new migration, in the same change, that touches the changed table. */
@RuleMeta(id = "entity-change-without-migration", severity = Severity.ERROR,
        summary = "A schema-relevant entity change with no new migration in the same change that covers it")
public final class EntityChangeWithoutMigration implements Rule {

    @Override
    public List<Finding> check(Analysis analysis) {
        // What one source line does to one table is one finding: a new relation is a column, its foreign key and
        // perhaps a unique constraint, and the person fixing it writes one migration for the line, not three.
        Map<List<Object>, List<SchemaChange>> byLine = new LinkedHashMap<>();
        for (SchemaChange change : analysis.schemaChanges()) {
            if (covered(change, analysis.newMigrations())) continue;
            List<Object> key = change.location() == null ? List.of(change)
                    : Arrays.asList(change.schema(), change.table(), change.previousTable(), change.location());
            byLine.computeIfAbsent(key, k -> new ArrayList<>()).add(change);
        }
        List<Finding> findings = new ArrayList<>();
        for (List<SchemaChange> changes : byLine.values()) {
            SchemaChange first = changes.get(0);
            String advice = analysis.advice().get(first);
            findings.add(finding(first.location(), message(changes), advice != null ? advice : anyTool(first)));
        }
        return findings;
    }

    /** One finding's message for the changes one line makes to one table. */
    static String message(List<SchemaChange> changes) {
        SchemaChange first = changes.get(0);
        if (changes.size() == 1) return message(first);
        StringJoiner what = new StringJoiner("; ");
        for (SchemaChange c : changes) what.add(c.message());
        return what + ", but this change adds no migration that " + MigrationNames.verbFor(first) + " "
                + MigrationNames.objectFor(first) + ".";
    }

    /**
     * A new migration covers the change when it touches the changed object: for a rename, the old name counts too
     * (the migration renames the table, or drops and recreates it).
     */
    private static boolean covered(SchemaChange change, List<Migration> newMigrations) {
        for (Migration m : newMigrations) {
            if (m.touchesTable(change.table())) return true;
            if (change.previousTable() != null && m.touchesTable(change.previousTable())) return true;
        }
        return false;
    }

    static String message(SchemaChange change) {
        return change.message() + ", but this change adds no migration that " + MigrationNames.verbFor(change) + " "
                + MigrationNames.objectFor(change) + ".";
    }

    /** A project with no migrations yet: no tool to name, but the next step is still a migration. */
    private static String anyTool(SchemaChange change) {
        return "Add a migration, named like " + MigrationNames.suggest(change) + ", that "
                + MigrationNames.verbFor(change) + " " + MigrationNames.objectFor(change) + ", in the same commit.";
    }
}
