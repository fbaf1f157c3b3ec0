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
import dev.migrationguard.stack.WayBack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Every migration needs a working way back: a down(), an undo script, a rollback block. */
@RuleMeta(id = "missing-down-migration", severity = Severity.ERROR,
        summary = "A migration with no way back",
        options = {"undo-scripts"})
public final class MissingDownMigration implements Rule {

    /** When a way back that is a file of its own (a Flyway {@code U} undo script) is needed. */
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
            if (deployed != null && analysis.wayBack(m).inMigrationFile() && rb.status() != Rollback.Status.PRESENT
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
                    WayBack wayBack = analysis.wayBack(m);
                    if (!wayBack.optional() || needsOptionalWayBack(rb)) {
                        findings.add(finding(where, wayBack.missing(m), wayBack.remedy(m)));
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
     * A way back that is a file of its own, which a project may never write (Flyway's undo scripts), is needed as the
     * undo-scripts option says: always, never, or when the project already has some.
     */
    private boolean needsOptionalWayBack(Rollback rb) {
        return switch (options.undoScripts()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> rb.projectUsesUndoScripts();
        };
    }
}
