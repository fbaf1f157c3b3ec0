package dev.migrationguard.stack;

import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.SchemaFact;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.Table;

import java.util.Optional;
import java.util.Set;

/** Turns the entity sources of one stack into schema facts. One instance serves a whole run. */
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
     * The schema facts of the entities declared in {@code paths} of {@code side}. The snapshot lets the reader resolve
     * what an entity uses from other files (embeddables, mapped superclasses, constants).
     */
    ReadResult<SchemaFact> read(Snapshot side, Set<String> paths);

    /**
     * Entity files of {@code side} that are not in {@code paths} but whose schema depends on a type declared in
     * {@code paths} (an entity that embeds a changed embeddable). Called only for files that changed.
     */
    Set<String> dependents(Snapshot side, Set<String> paths);

    /**
     * The tables and views the entities declared in {@code paths} of {@code side} map to, as the ORM would create them
     * on {@code dialect}: resolved names, canonical SQL types, keys and constraints, each with the source that causes
     * it (what {@code CREATE TABLE} would say, not what the source says). As for {@link #read}, the snapshot resolves
     * what an entity uses from other files. Empty for a reader that describes its entities as facts only; the engine
     * then compares its facts.
     */
    default Optional<ReadResult<Table>> tables(Snapshot side, Set<String> paths, Dialect dialect) {
        return Optional.empty();
    }
}
