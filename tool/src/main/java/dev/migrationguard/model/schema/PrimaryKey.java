package dev.migrationguard.model.schema;

import dev.migrationguard.model.Location;

import java.util.List;

/**
 * A table's primary key.
 *
 * @param name     the constraint's name; null when the ORM or the database makes one up (never compared then)
 * @param columns  the stored names of its columns, in order
 * @param location the source that causes it
 */
public record PrimaryKey(String name, List<String> columns, Location location) {
    public PrimaryKey {
        columns = List.copyOf(columns);
    }
}
