package dev.migrationguard.model;

import dev.migrationguard.model.schema.Dialect;

import java.util.List;
import java.util.Objects;

/**
 * The migrations one runner applies to one database, in the order it applies them: a TypeORM data source's
 * {@code migrations}, a Flyway configuration's locations, a Liquibase master changelog, a folder the configuration
 * names. A repository may hold several (a monorepo, one set per database); an entity is judged against the sets of
 * its own project.
 *
 * @param stack      the id of the stack whose runner applies it
 * @param project    the folder of the project it belongs to, relative to the work tree root with {@code /} and no
 *                   trailing slash; {@code ""} for the root. An entity belongs to the set whose project folder is the
 *                   longest prefix of its path
 * @param name       what names the set to a person: the data source file, the locations, the master changelog
 * @param dialect    the database the set is written for, when its configuration says (TypeORM's {@code type}, a
 *                   per-database folder); null when it does not, and the run's dialect applies
 * @param migrations in the runner's order, each with its {@link Migration#operations() operations}
 */
public record MigrationSet(String stack, String project, String name, Dialect dialect, List<Migration> migrations) {
    public MigrationSet {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(name, "name");
        migrations = List.copyOf(migrations);
    }

    /** Whether a file at {@code path} belongs to this set's project. */
    public boolean owns(String path) {
        return project.isEmpty() || path.startsWith(project + "/");
    }
}
