package dev.migrationguard.model.ops;

import java.util.Locale;
import java.util.Objects;

/**
 * The name of a table, view, index, sequence or type as a migration writes it, without quotes: {@code "public"."User"}
 * is schema {@code public}, name {@code User}. A Flyway placeholder stays as written ({@code ${schema}}).
 *
 * @param schema null when the statement does not qualify the name
 * @param quoted whether the name itself was quoted: PostgreSQL folds an unquoted name to lower case, not a quoted one
 */
public record QualifiedName(String schema, String name, boolean quoted) {
    public QualifiedName {
        Objects.requireNonNull(name, "name");
    }

    public static QualifiedName of(String name) {
        return new QualifiedName(null, name, false);
    }

    public static QualifiedName of(String schema, String name) {
        return new QualifiedName(schema, name, false);
    }

    /** The key two names are compared by: lower case, schema left out (migrations mix qualified and bare names). */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
