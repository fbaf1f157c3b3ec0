package dev.migrationguard.stack;

import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.NotRun;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.Snapshot;

import java.util.List;
import java.util.Optional;
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
     * A file's migrations as its path alone names them (id, path, stack, kind, version and description, as
     * {@link #identify} gives them; checksum and digest empty), for rules that only order migrations; empty when the
     * path does not say all of that and the file must be read. Empty by default.
     */
    default Optional<ReadResult<Migration>> named(String path) {
        return Optional.empty();
    }

    /**
     * Whether {@link #read} of this file may run on a second thread ahead of the caller: while other reads run, with
     * the same result, the very same object, for whichever thread asks first and for every later call. Then lint reads
     * a repository's migrations on the second core while the first one waits for the entities. No by default.
     */
    default boolean readsAhead(String path) {
        return false;
    }

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

    /**
     * For a file of {@code side} that looks like one of this stack's migrations (by name, folder or content, whether
     * {@link #accepts} takes it or not), why the runner of its project will not run it; empty when it runs, or when it
     * does not look like a migration. Asked of changed files in {@code check} and of every file in {@code lint}, so it
     * tests the path first and reads the runner's configuration only for a file that may be one.
     */
    default Optional<NotRun> notRun(Snapshot side, String path) {
        return Optional.empty();
    }

    /**
     * The migration sets of {@code side} as its runners see them: for each project (and data source), the migrations
     * it applies, in its order, with their operations. Reads the whole repository; callers cache it.
     */
    default List<MigrationSet> sets(Snapshot side) {
        return List.of();
    }
}
