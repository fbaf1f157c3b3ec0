package dev.migrationguard.model.schema;

import dev.migrationguard.model.Location;

import java.util.List;

/**
 * A unique constraint over columns.
 *
 * @param name     its name; null when made up by the ORM or the database
 * @param columns  stored column names, in order
 * @param location the source that causes it
 */
public record UniqueConstraint(String name, List<String> columns, Location location) {
    public UniqueConstraint {
        columns = List.copyOf(columns);
    }
}
