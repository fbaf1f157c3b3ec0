package dev.migrationguard.model.schema;

import dev.migrationguard.model.Location;

import java.util.List;
import java.util.Objects;

/**
 * A named enum type (PostgreSQL {@code CREATE TYPE ... AS ENUM}); a column of it has the type's name as its
 * {@link SqlType#name()}.
 *
 * @param schema   its schema; null for the default
 * @param name     its stored name
 * @param values   its labels in order; null when unknown
 * @param location the source that causes it
 */
public record EnumType(String schema, String name, List<String> values, Location location) {
    public EnumType {
        Objects.requireNonNull(name, "name");
        values = values == null ? null : List.copyOf(values);
    }
}
