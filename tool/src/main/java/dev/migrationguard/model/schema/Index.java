package dev.migrationguard.model.schema;

import dev.migrationguard.model.Location;

import java.util.List;

/**
 * An index. A unique index without a predicate makes its columns unique and is compared as such (see
 * {@link Table#uniqueColumn}); every other index is compared as an index.
 *
 * @param name      its name; null when made up by the ORM or the database
 * @param columns   stored column names, or normalised expressions, in order
 * @param unique    whether it is unique
 * @param predicate the normalised {@code WHERE} of a partial index; null for none
 * @param method    the access method ({@code btree}, {@code gin}...); null for the database's default or unknown
 * @param location  the source that causes it
 */
public record Index(String name, List<String> columns, boolean unique, String predicate, String method,
                    Location location) {
    public Index {
        columns = List.copyOf(columns);
    }

    /** Whether it only makes its columns unique: a unique index over plain columns, everywhere. */
    public boolean isUniqueness() {
        return unique && predicate == null;
    }
}
