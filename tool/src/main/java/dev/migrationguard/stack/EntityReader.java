package dev.migrationguard.stack;

import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.Table;

import java.util.Set;

/** Turns the entity sources of one stack into the tables the ORM would create. One instance serves a whole run. */
public interface EntityReader {
    /** A cheap test on the path alone: could this file declare an entity or something an entity uses? */
    boolean accepts(String path);

    /**
     * Whether an accepted file too large to read could still declare an entity (or something one uses), judged from
     * its first bytes: such a file is reported, any other left alone. By default every accepted file could. The engine
     * asks it too of the whole text of the files it hands to {@link #tables}: when it holds for none, no entity can
     * depend on the database, which is then not looked for ({@link Dialect#DEFAULT} is passed).
     */
    default boolean recognizes(String path, String head) {
        return true;
    }

    /**
     * Whether {@code added}, a file the change adds that this reader does not read, may now declare what the removed
     * {@code removed} declared (a Java entity converted to Kotlin): the entities of {@code removed} are then not
     * judged, since what replaced them cannot be read, rather than reported as dropped. By default none may.
     */
    default boolean mayReplace(String removed, String added, String addedText) {
        return false;
    }

    /**
     * Whether {@code added} may replace {@code removed} by its name alone: only then is its text read and
     * {@link #mayReplace} asked, so that a change that removes an entity reads no jar, image or data file it adds.
     * By default none may.
     */
    default boolean mayReplaceByName(String removed, String added) {
        return false;
    }

    /**
     * Entity files of {@code side} that are not in {@code paths} but whose schema depends on a type declared in
     * {@code paths} (an entity that embeds a changed embeddable). Called only for files that changed.
     */
    Set<String> dependents(Snapshot side, Set<String> paths);

    /**
     * The tables and views the entities declared in {@code paths} of {@code side} map to, as the ORM would create them
     * on {@code dialect}: resolved names, canonical SQL types, keys and constraints, each with the source that causes
     * it (what {@code CREATE TABLE} would say, not what the source says). The snapshot lets the reader resolve what an
     * entity uses from other files (embeddables, mapped superclasses, constants).
     */
    ReadResult<Table> tables(Snapshot side, Set<String> paths, Dialect dialect);

    /**
     * {@link #tables(Snapshot, Set, Dialect)} for one side of a change whose checked commit is {@code checked}: what
     * holds for the whole project (the version of the ORM) is read in the commit being checked, so that both sides are
     * mapped as one ORM maps them and an upgrade of the ORM alone is no schema change. By default the side decides.
     */
    default ReadResult<Table> tables(Snapshot side, Set<String> paths, Dialect dialect, Snapshot checked) {
        return tables(side, paths, dialect);
    }
}
