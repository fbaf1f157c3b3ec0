package dev.migrationguard.analysis;

import dev.migrationguard.model.ChangeSet;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.NotRun;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.SchemaChange;
import dev.migrationguard.model.SyncSetting;
import dev.migrationguard.stack.DeployedLedger;
import dev.migrationguard.stack.WayBack;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Everything the rules may look at, already parsed: rules never read files or touch git.
 *
 * @param schemaChanges     entity changes between the two sides (empty in lint mode)
 * @param newMigrations     migrations this change adds (in lint mode: none)
 * @param checkedMigrations migrations whose own content is judged: the new ones in check mode, all in lint mode
 * @param deployedEdits     deployed migrations this change modifies, deletes or renames
 * @param settings          schema-synchronising settings in the files checked; in check mode only those the change
 *                          introduced or altered (the same key, value, profile and guard on the before side of the
 *                          file is not the change's doing)
 * @param problems          files that could not be parsed
 * @param suppressions      suppression comments in the files checked
 * @param advice            for each schema change, the next step the project's migration tool suggests; absent when no
 *                          tool of the project knows one (a project without migrations yet)
 * @param deployedIn        of the checked migrations, those already deployed (lint only: check judges new ones), by
 *                          id, with where they are recorded (the deploy ref, a lock file, a database)
 * @param firstOfItsStack   whether a migration is its project's first (lowest version, oldest timestamp, first
 *                          changeSet); asked rarely, so it may read the whole repository on first use
 * @param wayBacks          how each stack's migration tool speaks of a way back, by stack id
 * @param notRun            files that look like migrations but that their runner will not run: of the changed files
 *                          in check mode, of every file in scope in lint mode. They cover nothing
 * @param runners           the migration sets each side's runners apply, read when first asked
 * @param coverage          what the new migrations' operations and the replayed schema say of each entity change
 * @param review            what the reviewer rules judge migrations with
 */
public record Analysis(ChangeSet.Mode mode, List<SchemaChange> schemaChanges, List<Migration> newMigrations,
                       List<Migration> checkedMigrations, List<DeployedEdit> deployedEdits, List<SyncSetting> settings,
                       List<ParseProblem> problems, List<SuppressionComment> suppressions,
                       Map<SchemaChange, String> advice, Map<String, String> deployedIn,
                       Predicate<Migration> firstOfItsStack, Map<String, WayBack> wayBacks, List<NotRun> notRun,
                       RunnerView runners, Coverage coverage, Review review) {

    /** An analysis with no migration to review. */
    public Analysis(ChangeSet.Mode mode, List<SchemaChange> schemaChanges, List<Migration> newMigrations,
                    List<Migration> checkedMigrations, List<DeployedEdit> deployedEdits, List<SyncSetting> settings,
                    List<ParseProblem> problems, List<SuppressionComment> suppressions,
                    Map<SchemaChange, String> advice, Map<String, String> deployedIn,
                    Predicate<Migration> firstOfItsStack, Map<String, WayBack> wayBacks, List<NotRun> notRun,
                    RunnerView runners, Coverage coverage) {
        this(mode, schemaChanges, newMigrations, checkedMigrations, deployedEdits, settings, problems, suppressions,
                advice, deployedIn, firstOfItsStack, wayBacks, notRun, runners, coverage, Review.NONE);
    }

    /** The file at {@code path} that its runner will not run, if it is one. */
    public Optional<NotRun> notRun(String path) {
        for (NotRun n : notRun) if (n.path().equals(path)) return Optional.of(n);
        return Optional.empty();
    }

    /** How the migration tool of this migration's stack speaks of its way back. */
    public WayBack wayBack(Migration m) {
        WayBack wayBack = wayBacks.get(m.stack());
        if (wayBack == null) throw new IllegalStateException("no migration tool reads migrations of " + m.stack());
        return wayBack;
    }

    /** Where a checked migration is recorded as deployed, or null when it is not deployed. */
    public String deployedIn(Migration m) {
        return deployedIn.get(m.id());
    }

    /**
     * A deployed migration that the change modifies, deletes or renames.
     *
     * @param deployed the migration as the deploy ref has it
     * @param now      the migration as the change leaves it, or null when it is gone (deleted or renamed)
     * @param ledger   true when a {@link DeployedLedger} (lock file, database) reported it, not the deploy ref;
     *                 {@code deployedRef} then names that ledger
     */
    public record DeployedEdit(How how, Migration deployed, Migration now, String oldPath, String newPath,
                               String deployedRef, Location location, boolean ledger) {

        /** An edit seen against the git deploy ref. */
        public DeployedEdit(How how, Migration deployed, Migration now, String oldPath, String newPath,
                            String deployedRef, Location location) {
            this(how, deployed, now, oldPath, newPath, deployedRef, location, false);
        }

        public enum How {
            MODIFIED("modifies"), DELETED("deletes"), RENAMED("renames");

            private final String verb;

            How(String verb) {
                this.verb = verb;
            }

            public String verb() {
                return verb;
            }
        }
    }

    /**
     * A {@code migration-guard-ignore} comment.
     *
     * @param rule      the rule id written, or null when none was
     * @param reason    the reason written after the colon, or null
     * @param wholeFile true when it stands among the file's leading comments, before the first statement
     */
    public record SuppressionComment(Location location, String rule, String reason, boolean wholeFile) {
    }
}
