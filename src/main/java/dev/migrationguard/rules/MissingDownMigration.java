package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.Rollback;
import dev.migrationguard.model.Severity;
import dev.migrationguard.settings.OptionValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Every migration needs a working way back: a down(), an undo script, a rollback block. */
@RuleMeta(id = "missing-down-migration", severity = Severity.ERROR,
        summary = "A migration with no way back",
        options = {"undo-scripts"})
public final class MissingDownMigration implements Rule {

    /** When a Flyway versioned migration needs its {@code U} undo script. */
    public enum UndoPolicy {
        /** Only in a project that already has undo scripts. */
        AUTO,
        /** Always. */
        ALWAYS,
        /** Never: the project rolls back some other way. */
        NEVER
    }

    public record Options(UndoPolicy undoScripts) {
        public static Options from(OptionValues values) {
            UndoPolicy policy = values.string("undo-scripts").map(v -> {
                try {
                    return UndoPolicy.valueOf(v.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new OptionValues.BadOption("undo-scripts",
                            "undo-scripts must be auto, always or never, not '" + v + "'");
                }
            }).orElse(UndoPolicy.AUTO);
            return new Options(policy);
        }
    }

    private final Options options;

    public MissingDownMigration(Options options) {
        this.options = options;
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (Migration m : analysis.checkedMigrations()) {
            Rollback rb = m.rollback();
            if (rb == null) continue;
            Location where = rb.location() != null ? rb.location() : Location.file(m.path());
            String deployed = analysis.deployedIn(m);
            if (deployed != null && wayBackEditsTheMigration(m) && rb.status() != Rollback.Status.PRESENT
                    && rb.status() != Rollback.Status.NOT_APPLICABLE) {
                findings.add(Finding.of(id(), Severity.INFO, where, "Migration " + m.path() + " has no working way "
                        + "back, and it is deployed (" + deployed + "): writing one now would edit a deployed "
                        + "migration.", "Leave it as it is; to undo what it did, write a new migration."));
                continue;
            }
            switch (rb.status()) {
                case PRESENT, NOT_APPLICABLE -> {
                }
                case MISSING -> {
                    if (m.stack() == Migration.Stack.FLYWAY) {
                        if (needsUndoScript(rb)) {
                            findings.add(finding(where, "Versioned migration " + m.path() + " has no undo script U"
                                    + m.version() + "__" + m.description() + ".sql.", "Add the undo script beside it,"
                                    + " reversing what it does; or suppress this with the reason it cannot be undone."));
                        }
                    } else {
                        findings.add(finding(where, missingText(m), "Write the way back: " + wayBack(m) + "."));
                    }
                }
                case EMPTY -> findings.add(finding(where, "Migration " + m.path() + " has a down() that does nothing.",
                        "Make down() reverse what up() does, in reverse order."));
                case THROWS -> findings.add(finding(where, "Migration " + m.path()
                                + " refuses to roll back: its down() only throws.",
                        "If it is deliberately one-way, say so: // migration-guard-ignore missing-down-migration: <reason>"));
            }
        }
        return findings;
    }

    /**
     * A TypeORM down() lives in the migration's own file, so adding one edits a deployed migration. A Flyway undo
     * script is a file of its own, and a Liquibase rollback is outside the changeSet's checksum: both can still be
     * added, so a deployed one is judged like a new one.
     */
    private static boolean wayBackEditsTheMigration(Migration m) {
        return m.stack() == Migration.Stack.TYPEORM;
    }

    private boolean needsUndoScript(Rollback rb) {
        return switch (options.undoScripts()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> rb.projectUsesUndoScripts();
        };
    }

    private static String missingText(Migration m) {
        return switch (m.stack()) {
            case TYPEORM -> "Migration " + m.path() + " has no down() method.";
            case LIQUIBASE -> "ChangeSet " + m.id() + " has changes that Liquibase cannot roll back automatically and no rollback.";
            case FLYWAY -> "Migration " + m.path() + " has no undo script.";
        };
    }

    private static String wayBack(Migration m) {
        return switch (m.stack()) {
            case TYPEORM -> "a down() that reverses up() in reverse order";
            case LIQUIBASE -> "a <rollback> block (or --rollback lines in formatted SQL)";
            case FLYWAY -> "a U undo script";
        };
    }
}
