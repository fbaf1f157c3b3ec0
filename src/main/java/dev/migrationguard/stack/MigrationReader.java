package dev.migrationguard.stack;

import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.Snapshot;

import java.util.Set;

/** Recognises and reads the migrations of one stack. One instance serves a whole run. */
public interface MigrationReader {
    /** A cheap test on the path alone: is this file one of this stack's migrations (or may it hold some)? */
    boolean accepts(String path);

    /**
     * Whether {@link #accepts} knows a migration by its path alone (a Flyway or TypeORM file name): then a file there
     * that holds no source at all (a git-lfs pointer) is reported. A reader that recognises its files by content (any
     * {@code .xml} may be a changelog) says no.
     */
    default boolean acceptsByName() {
        return true;
    }

    /**
     * Whether an accepted file too large to read could still hold migrations, judged from its first bytes: such a file
     * is reported, any other left alone. By default every accepted file could (a reader that recognises by name).
     */
    default boolean recognizes(Snapshot side, String path, String head) {
        return true;
    }

    /** The migrations in one file of {@code side}; a file may hold several (Liquibase changeSets) or none. */
    ReadResult<Migration> read(Snapshot side, String path);

    /**
     * The migrations of a file with what identifies them (id, path, kind, checksum, digest), for holding a whole
     * repository to a ledger. A reader may leave out what only the rules need (the tables touched, the way back), so
     * that comparing thousands of migrations with {@code migrations.lock} costs no SQL parsing.
     */
    default ReadResult<Migration> identify(Snapshot side, String path) {
        return read(side, path);
    }

    /**
     * Files of {@code side}, outside {@code changed}, holding migrations whose checksum covers one of the {@code changed}
     * files (a Liquibase changelog whose {@code sqlFile} reads a changed {@code .sql}). The engine passes only changed
     * files that are no migration themselves; their migrations list the files in {@link Migration#dependsOn()}.
     */
    default Set<String> dependents(Snapshot side, Set<String> changed) {
        return Set.of();
    }
}
