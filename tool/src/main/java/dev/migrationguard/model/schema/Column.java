package dev.migrationguard.model.schema;

import dev.migrationguard.model.Location;

import java.util.List;
import java.util.Objects;
import java.util.Set;

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
 * @param leeway     what an entity's mapping leaves to its provider rather than states; empty for a column the
 *                   migrations make. Never compared; drift does not hold it against the migrations
 */
public record Column(String name, SqlType type, Boolean nullable, ColumnDefault defaultValue, Generated generated,
                     Boolean unique, List<String> enumValues, Location location, List<String> notes,
                     Set<Leeway> leeway) {

    /** What an entity's mapping does not claim of its column, though the DDL its provider writes says it. */
    public enum Leeway {
        /** The length is the provider's default for a field that states none (JPA's 255), not a limit of the entity. */
        DEFAULT_LENGTH,
        /** The field never holds null (a Java primitive, a field initialised to a value), though the DDL allows it. */
        NEVER_NULL
    }

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(generated, "generated");
        enumValues = enumValues == null ? null : List.copyOf(enumValues);
        notes = notes == null ? List.of() : List.copyOf(notes);
        leeway = leeway == null || leeway.isEmpty() ? Set.of() : Set.copyOf(leeway);
    }

    /** A column with no leeway. */
    public Column(String name, SqlType type, Boolean nullable, ColumnDefault defaultValue, Generated generated,
                  Boolean unique, List<String> enumValues, Location location, List<String> notes) {
        this(name, type, nullable, defaultValue, generated, unique, enumValues, location, notes, Set.of());
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
        return new Column(n, type, nullable, defaultValue, generated, unique, enumValues, location, notes, leeway);
    }

    public Column withType(SqlType t) {
        return new Column(name, t, nullable, defaultValue, generated, unique, enumValues, location, notes, leeway);
    }

    public Column withNullable(Boolean n) {
        return new Column(name, type, n, defaultValue, generated, unique, enumValues, location, notes, leeway);
    }

    public Column withDefault(ColumnDefault d) {
        return new Column(name, type, nullable, d, generated, unique, enumValues, location, notes, leeway);
    }

    public Column withGenerated(Generated g) {
        return new Column(name, type, nullable, defaultValue, g, unique, enumValues, location, notes, leeway);
    }

    public Column withUnique(Boolean u) {
        return new Column(name, type, nullable, defaultValue, generated, u, enumValues, location, notes, leeway);
    }

    public Column withEnumValues(List<String> values) {
        return new Column(name, type, nullable, defaultValue, generated, unique, values, location, notes, leeway);
    }

    public Column withLocation(Location l) {
        return new Column(name, type, nullable, defaultValue, generated, unique, enumValues, l, notes, leeway);
    }

    public Column withNotes(List<String> n) {
        return new Column(name, type, nullable, defaultValue, generated, unique, enumValues, location, n, leeway);
    }
}
