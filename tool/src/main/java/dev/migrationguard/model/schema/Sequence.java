package dev.migrationguard.model.schema;

import dev.migrationguard.model.Location;

import java.util.Objects;

/**
 * A sequence (Hibernate's {@code <entity>_SEQ}, a migration's {@code CREATE SEQUENCE}); a {@code serial} column's own
 * sequence belongs to its column and is not listed.
 *
 * @param schema    its schema; null for the default
 * @param name      its stored name
 * @param increment the step ({@code allocationSize}); null when unknown
 * @param location  the source that causes it
 */
public record Sequence(String schema, String name, Long increment, Location location) {
    public Sequence {
        Objects.requireNonNull(name, "name");
    }
}
