package dev.migrationguard.model.ops;

import dev.migrationguard.model.Location;

import java.util.Objects;

/**
 * Where an operation was read: the start of its statement (or API call) in the file, and the side of the migration it
 * belongs to. Every operation of one statement shares its origin, which is how the lock options of a MySQL
 * {@code ALTER TABLE} are tied to its other actions.
 */
public record Origin(Location location, Side side) {
    public Origin {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(side, "side");
    }
}
