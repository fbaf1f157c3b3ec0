package dev.migrationguard.stack;

import dev.migrationguard.model.Migration;

import java.util.Optional;

/**
 * A stack's migration tool as the rules and the records of what is deployed know it: how it speaks of a way back,
 * what one of its migrations is when only a record of it is left, and the table it records applied migrations in.
 */
public interface MigrationTool {
    WayBack wayBack();

    /**
     * The kind of a migration known only by a record (a line of {@code migrations.lock}, a row of the history table)
     * that the repository no longer holds: a versioned file, or a changeSet of a changelog.
     */
    default Migration.Kind recordedKind() {
        return Migration.Kind.VERSIONED;
    }

    /** The table {@code --deployed-from} reads; empty when the tool keeps none. */
    default Optional<HistoryTable> historyTable() {
        return Optional.empty();
    }
}
