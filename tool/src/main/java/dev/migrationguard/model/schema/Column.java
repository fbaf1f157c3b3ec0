package dev.migrationguard.model.schema;

import dev.migrationguard.model.Location;

import java.util.List;
import java.util.Objects;

/**
 * A column as {@code CREATE TABLE} would declare it. Every fact may be unknown (null, {@link ColumnDefault#UNKNOWN},
 * {@link Generated#UNKNOWN}) when the statement that set it could not be read; an unknown fact is the same as any.
 *
 * @param name       the stored name ({@link Identifiers#stored})
 * @param type       the canonical SQL type; null when unknown
 * @param nullable   whether NULL is allowed; null when unknown
 * @param defaultValue the default
 * @param generated  how the database fills it by itself
 * @param unique     whether the column alone is unique; null when unknown. A single-column unique constraint or
 *                   unique index counts too (see {@link Table#uniqueColumn})
 * @param enumValues the values of an inline enum type (MySQL {@code enum('a','b')}, or the values a check constraint
 *                   of the ORM allows); null when the column has none or they are unknown
 * @param location   the source that causes the column (the field, the decorator, the statement)
 * @param notes      facts that only a source the database does not read gives, said beside a change of the column
 *                   ({@code NOT NULL from @NotNull}); never compared
 */
public record Column(String name, SqlType type, Boolean nullable, ColumnDefault defaultValue, Generated generated,
                     Boolean unique, List<String> enumValues, Location location, List<String> notes) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(generated, "generated");
        enumValues = enumValues == null ? null : List.copyOf(enumValues);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A column with no notes. */
    public Column(String name, SqlType type, Boolean nullable, ColumnDefault defaultValue, Generated generated,
                  Boolean unique, List<String> enumValues, Location location) {
        this(name, type, nullable, defaultValue, generated, unique, enumValues, location, List.of());
    }

    /** A column with no default, not generated, not unique by itself. */
    public static Column of(String name, SqlType type, Boolean nullable, Location location) {
        return new Column(name, type, nullable, ColumnDefault.NONE, Generated.NONE, false, null, location);
    }

    /** A column of which only the name is known. */
    public static Column unknown(String name, Location location) {
        return new Column(name, null, null, ColumnDefault.UNKNOWN, Generated.UNKNOWN, null, null, location);
    }

    public Column withName(String n) {
        return new Column(n, type, nullable, defaultValue, generated, unique, enumValues, location, notes);
    }

    public Column withType(SqlType t) {
        return new Column(name, t, nullable, defaultValue, generated, unique, enumValues, location, notes);
    }

    public Column withNullable(Boolean n) {
        return new Column(name, type, n, defaultValue, generated, unique, enumValues, location, notes);
    }

    public Column withDefault(ColumnDefault d) {
        return new Column(name, type, nullable, d, generated, unique, enumValues, location, notes);
    }

    public Column withGenerated(Generated g) {
        return new Column(name, type, nullable, defaultValue, g, unique, enumValues, location, notes);
    }

    public Column withUnique(Boolean u) {
        return new Column(name, type, nullable, defaultValue, generated, u, enumValues, location, notes);
    }

    public Column withEnumValues(List<String> values) {
        return new Column(name, type, nullable, defaultValue, generated, unique, values, location, notes);
    }

    public Column withLocation(Location l) {
        return new Column(name, type, nullable, defaultValue, generated, unique, enumValues, l, notes);
    }

    public Column withNotes(List<String> n) {
        return new Column(name, type, nullable, defaultValue, generated, unique, enumValues, location, n);
    }
}
