package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.ChangeSet;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationNames;
import dev.migrationguard.model.NotRun;
import dev.migrationguard.model.SchemaChange;
import dev.migrationguard.model.Severity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A schema-relevant entity change needs a new migration, in the same change, that touches the changed table and that
 * its runner runs.
 */
@RuleMeta(id = "entity-change-without-migration", severity = Severity.ERROR,
        summary = "A schema-relevant entity change with no new migration in the same change that covers it")
public final class EntityChangeWithoutMigration implements Rule {
    static final String NO_MIGRATIONS = "no migrations found: is there a migration folder the configuration should "
            + "name? (`migrations.sql-folders`)";

    @Override
    public List<Finding> check(Analysis analysis) {
        // A migration its runner will not run covers nothing, however well it is written.
        List<Migration> running = new ArrayList<>();
        for (Migration m : analysis.newMigrations()) if (analysis.notRun(m.path()).isEmpty()) running.add(m);
        // What one source line does to one table is one finding: a new relation is a column, its foreign key and
        // perhaps a unique constraint, and the person fixing it writes one migration for the line, not three.
        Map<List<Object>, List<SchemaChange>> byLine = new LinkedHashMap<>();
        Map<SchemaChange, String> shortfalls = new LinkedHashMap<>();
        for (SchemaChange change : analysis.schemaChanges()) {
            List<Migration> touching = touching(change, running);
            if (!touching.isEmpty()) {
                // Touching the table is not enough: a migration that leaves the changed column alone, or makes it
                // otherwise than the entity maps it, does not make the change.
                Optional<String> shortfall = shortfall(change, touching, analysis);
                if (shortfall.isEmpty()) continue;
                // A new migration on the table that leaves the column alone does not make a catch-up due: the column
                // may already be what the entity now says (the replay includes the new migration).
                if (catchUp(change, analysis)) continue;
                shortfalls.put(change, shortfall.get());
            } else if (catchUp(change, analysis)) {
                continue;
            }
            List<Object> key = change.location() == null ? List.of(change)
                    : Arrays.asList(change.schema(), change.table(), change.previousTable(), change.location());
            byLine.computeIfAbsent(key, k -> new ArrayList<>()).add(change);
        }
        if (byLine.isEmpty()) return List.of();
        // Asked only now, and only when nothing new runs: it may list the whole repository.
        if (analysis.newMigrations().isEmpty() && analysis.notRun().isEmpty() && analysis.runners().noMigrations()) {
            return List.of(noMigrations(analysis, List.copyOf(byLine.values())));
        }
        List<Finding> findings = new ArrayList<>();
        for (List<SchemaChange> changes : byLine.values()) {
            SchemaChange first = changes.get(0);
            NotRun skipped = notRun(first, analysis);
            String advice = analysis.advice().get(first);
            String shortfall = changes.stream().map(shortfalls::get).filter(x -> x != null).findFirst().orElse(null);
            if (skipped != null) {
                findings.add(finding(first.location(), notRunMessage(changes, skipped), skipped.fix()));
            } else if (shortfall != null) {
                findings.add(finding(first.location(), described(changes) + ", but " + shortfall + ".",
                        "Make the migration change column \"" + first.column() + "\" of "
                                + MigrationNames.objectFor(first) + " as the entity now maps it, or add one that does."));
            } else {
                findings.add(finding(first.location(), message(changes), advice != null ? advice : anyTool(first)));
            }
        }
        return findings;
    }

    /**
     * One finding for the whole change when the repository has no migration any stack recognises: the same "adds no
     * migration" on every changed line would hide the one question that matters, where the migrations are.
     */
    private Finding noMigrations(Analysis analysis, List<List<SchemaChange>> lines) {
        SchemaChange first = lines.get(0).get(0);
        Set<String> tables = new LinkedHashSet<>();
        for (List<SchemaChange> changes : lines) for (SchemaChange c : changes) tables.add(MigrationNames.objectFor(c));
        String what = lines.size() == 1 ? described(lines.get(0))
                : lines.size() + " entity changes need a migration (" + String.join(", ", tables) + ")";
        String advice = analysis.advice().get(first);
        return finding(first.location(), what + ", but " + NO_MIGRATIONS + ".", (advice != null ? advice
                : anyTool(first)) + " If the project keeps its migrations in a folder of its own, name it under "
                + "`migrations.sql-folders` in .migration-guard.yml.");
    }

    /**
     * A catch-up edit: the entity now says what the migrations already built. Not when the change rewrites deployed
     * migrations: the history replayed is then not the one the deployed database has.
     */
    private static boolean catchUp(SchemaChange change, Analysis analysis) {
        return analysis.deployedEdits().isEmpty() && analysis.coverage().alreadyBuilt(change);
    }

    /**
     * The new file that would have covered the change if its runner ran it: one that touches the table, else any the
     * change adds (a file the runner skips may not even be read as a migration).
     */
    private static NotRun notRun(SchemaChange change, Analysis analysis) {
        for (Migration m : analysis.newMigrations()) {
            Optional<NotRun> skipped = analysis.notRun(m.path());
            if (skipped.isPresent() && covered(change, List.of(m))) return skipped.get();
        }
        return analysis.mode() == ChangeSet.Mode.LINT || analysis.notRun().isEmpty() ? null : analysis.notRun().get(0);
    }

    static String notRunMessage(List<SchemaChange> changes, NotRun skipped) {
        return described(changes) + ", but the new migration " + skipped.path() + " is not run by its runner: " + skipped.reason()
                + ".";
    }

    /** One finding's message for the changes one line makes to one table. */
    static String message(List<SchemaChange> changes) {
        SchemaChange first = changes.get(0);
        if (changes.size() == 1) return message(first);
        return described(changes) + ", but this change adds no migration that " + MigrationNames.verbFor(first) + " "
                + MigrationNames.objectFor(first) + ".";
    }

    /** What one line does to one table, in SQL terms, its changes separated by {@code ;}. */
    private static String described(List<SchemaChange> changes) {
        StringJoiner what = new StringJoiner("; ");
        for (SchemaChange c : changes) what.add(c.message());
        return what.toString();
    }

    /**
     * A new migration covers the change when it touches the changed object: for a rename, the old name counts too
     * (the migration renames the table, or drops and recreates it).
     */
    private static boolean covered(SchemaChange change, List<Migration> newMigrations) {
        return !touching(change, newMigrations).isEmpty();
    }

    private static List<Migration> touching(SchemaChange change, List<Migration> newMigrations) {
        List<Migration> touching = new ArrayList<>();
        for (Migration m : newMigrations) {
            if (m.touchesTable(change.table())
                    || change.previousTable() != null && m.touchesTable(change.previousTable())) {
                touching.add(m);
            }
        }
        return touching;
    }

    /** Why none of the migrations that touch the change's table makes it; empty when one does, or none can tell. */
    private static Optional<String> shortfall(SchemaChange change, List<Migration> touching, Analysis analysis) {
        String first = null;
        for (Migration m : touching) {
            Optional<String> why = analysis.coverage().shortfall(change, m);
            if (why.isEmpty()) return Optional.empty();
            if (first == null) first = why.get();
        }
        return Optional.ofNullable(first);
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
