package dev.migrationguard.engine;

import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.Snapshot;

/** Recognises and reads the migrations of one stack. One instance serves a whole run. */
public interface MigrationReader {
    /** A cheap test on the path alone: is this file one of this stack's migrations (or may it hold some)? */
    boolean accepts(String path);

    /** The migrations in one file of {@code side}; a file may hold several (Liquibase changeSets) or none. */
    ReadResult<Migration> read(Snapshot side, String path);
}
