package dev.migrationguard.model.schema;

import java.util.Locale;

/**
 * How each database compares names, kept simple: PostgreSQL folds an unquoted name to lower case, Oracle and H2 to
 * upper case, and compare the stored names exactly; MySQL/MariaDB (table names taken case-insensitively, as on
 * Windows and macOS, where most teams develop), SQLite and SQL Server (default collation) ignore case altogether.
 * Names in the model are stored names; {@link #key} is what two of them are compared by.
 */
public final class Identifiers {
    private Identifiers() {
    }

    /** The name as the database records it: a quoted name as written, an unquoted one folded as the database folds. */
    public static String stored(Dialect dialect, String name, boolean quoted) {
        if (name == null || quoted) return name;
        return switch (dialect) {
            case POSTGRES -> name.toLowerCase(Locale.ROOT);
            case ORACLE, H2 -> name.toUpperCase(Locale.ROOT);
            case MYSQL, MARIADB, SQLITE, MSSQL -> name;
        };
    }

    /** What two stored names are compared by in {@code dialect}. */
    public static String key(Dialect dialect, String storedName) {
        if (storedName == null) return null;
        return caseSensitive(dialect) ? storedName : storedName.toLowerCase(Locale.ROOT);
    }

    /** Whether two stored names that differ only in case name two objects. */
    public static boolean caseSensitive(Dialect dialect) {
        return dialect == Dialect.POSTGRES || dialect == Dialect.ORACLE || dialect == Dialect.H2;
    }

    /**
     * The schema a name without one lives in ({@code public}, {@code dbo}, Oracle's and H2's own); a table written
     * with it is the same table as one written without. Null where the connection's database decides (MySQL, SQLite).
     */
    public static String defaultSchema(Dialect dialect) {
        return switch (dialect) {
            case POSTGRES -> "public";
            case MSSQL -> "dbo";
            case H2 -> "PUBLIC";
            case MYSQL, MARIADB, SQLITE, ORACLE -> null;
        };
    }

    /** The key of a schema-qualified object: the default schema counts as none. */
    public static String qualifiedKey(Dialect dialect, String schema, String name) {
        String s = schema == null || key(dialect, schema).equals(key(dialect, defaultSchema(dialect))) ? null : schema;
        return s == null ? key(dialect, name) : key(dialect, s) + "." + key(dialect, name);
    }

    /** A name as messages show it: {@code "owner"}, {@code "audit"."owner"}; the default schema is left out. */
    public static String display(Dialect dialect, String schema, String name) {
        boolean bare = schema == null || key(dialect, schema).equals(key(dialect, defaultSchema(dialect)));
        return bare ? quote(name) : quote(schema) + "." + quote(name);
    }

    static String quote(String name) {
        return "\"" + name + "\"";
    }
}
