package dev.migrationguard.stack;

import dev.migrationguard.model.Migration;

/**
 * How a migration tool speaks of a migration's way back (a {@code down()}, an undo script, a rollback block), for the
 * rules that judge it: they know a way back is missing, the tool says what that means and what to write.
 */
public interface WayBack {
    /** One sentence: this migration has no way back where one is needed. */
    String missing(Migration m);

    /** The next step, in one sentence: what to write. */
    String remedy(Migration m);

    /**
     * Whether the way back lives in the migration's own file (a TypeORM {@code down()}): writing one for a deployed
     * migration would then edit the deployed migration.
     */
    default boolean inMigrationFile() {
        return false;
    }

    /**
     * Whether the way back is a file of its own that a project may choose never to write (Flyway's undo scripts): a
     * missing one then counts as the rule's {@code undo-scripts} option says.
     */
    default boolean optional() {
        return false;
    }
}
