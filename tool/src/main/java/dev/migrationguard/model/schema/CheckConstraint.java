package dev.migrationguard.model.schema;

import dev.migrationguard.model.Location;

/**
 * A check constraint.
 *
 * @param name       its name; null when made up by the ORM or the database
 * @param expression the condition in {@link SqlText#normalise normal form}; null when unknown
 * @param location   the source that causes it
 */
public record CheckConstraint(String name, String expression, Location location) {
    public static CheckConstraint of(String name, String sql, Location location) {
        return new CheckConstraint(name, SqlText.normalise(sql), location);
    }
}
