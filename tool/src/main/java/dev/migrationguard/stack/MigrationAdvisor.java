package dev.migrationguard.stack;

import dev.migrationguard.model.SchemaChange;
import dev.migrationguard.model.Snapshot;

import java.util.Optional;

/**
 * Says what migration to write for a schema change, in the terms of the project's migration tool: the file to add
 * (Flyway), the command to run (TypeORM), the changeSet to append (Liquibase).
 */
public interface MigrationAdvisor {
    /**
     * A one-sentence next step, or empty when this advisor does not know the project's migrations.
     *
     * @param suggestedName a PascalCase description derived from the change, such as {@code AddContestDivisions}
     */
    Optional<String> advise(SchemaChange change, String suggestedName, Snapshot after);
}
