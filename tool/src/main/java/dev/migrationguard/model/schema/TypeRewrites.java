package dev.migrationguard.model.schema;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a column change costs the table it is made on, without a database: whether a type change rewrites it
 * (PostgreSQL) or copies it (MySQL, MariaDB), and whether an added column's default is computed row by row. Answers are
 * "yes" only when certain; an unknown type, a user-defined type or another database is "no".
 */
public final class TypeRewrites {
    private TypeRewrites() {
    }

    /**
     * PostgreSQL's built-in types whose casts are known here. A domain or an enum is left out: a change to or from
     * one may be a relabelling (an unconstrained domain over the same type) or not.
     */
    private static final Set<String> POSTGRES_KNOWN = Set.of("smallint", "integer", "bigint", "numeric", "real",
            "double precision", "varchar", "char", "text", "citext", "boolean", "date", "time", "timetz", "timestamp",
            "timestamptz", "interval", "uuid", "json", "jsonb", "bytea", "inet", "cidr", "macaddr", "bit",
            "bit varying", "money", "xml", "tsvector");

    /** Text types whose values any unbounded text type takes as they are (citext's casts are binary). */
    private static final Set<String> POSTGRES_TEXT = Set.of("varchar", "text", "citext");

    /** Types whose typmod (precision) PostgreSQL drops or widens without touching a row. */
    private static final Set<String> POSTGRES_PRECISION = Set.of("timestamp", "timestamptz", "time", "timetz",
            "interval");

    /**
     * The bytes a character may take in MySQL's default character set since 8.0 ({@code utf8mb4}): a {@code VARCHAR}
     * keeps its length in one byte up to 255 bytes, in two above, so growing it across that line copies the table.
     */
    public static final int MYSQL_BYTES_PER_CHAR = 4;

    /** Functions PostgreSQL marks volatile: a default calling one is evaluated for every existing row. */
    private static final Pattern VOLATILE = Pattern.compile(
            "\\b(?:random|gen_random_uuid|uuid_generate_v1|uuid_generate_v1mc|uuid_generate_v4|clock_timestamp"
                    + "|timeofday|nextval|gen_random_bytes|uuidv4|uuidv7)\\s*\\(",
            Pattern.CASE_INSENSITIVE);

    /** Whether changing a column of type {@code from} to {@code to} rewrites or copies its table in {@code dialect}. */
    public static boolean rewritesTable(Dialect dialect, SqlType from, SqlType to) {
        return rewrite(dialect, from, to).isPresent();
    }

    /**
     * Why changing a column of type {@code from} to {@code to} rewrites (PostgreSQL) or copies (MySQL, MariaDB) its
     * table, as a clause for a message; empty when it does not, or when that cannot be told.
     */
    public static Optional<String> rewrite(Dialect dialect, SqlType from, SqlType to) {
        if (from == null || to == null) return Optional.empty();
        SqlType f = canonical(dialect, from);
        SqlType t = canonical(dialect, to);
        if (f.equals(t)) return Optional.empty();
        if (dialect == Dialect.POSTGRES) return postgres(f, t);
        if (dialect.isMysqlFamily()) return mysql(f, t);
        return Optional.empty();
    }

    /**
     * The type as {@code dialect} names it: a migration's operations and the replayed schema may have been typed for
     * another database than the one the migration runs on ({@code integer} is MySQL's {@code int}).
     */
    private static SqlType canonical(Dialect dialect, SqlType type) {
        SqlType again = SqlType.parse(dialect, type.display());
        return again == null ? type : again;
    }

    private static Optional<String> postgres(SqlType from, SqlType to) {
        if (!POSTGRES_KNOWN.contains(from.name()) || !POSTGRES_KNOWN.contains(to.name())) return Optional.empty();
        // An array's elements are coerced one by one; whether that is a relabelling is not told here.
        if (from.array() || to.array()) return Optional.empty();
        String change = from.display() + " to " + to.display();
        if (POSTGRES_TEXT.contains(from.name()) && POSTGRES_TEXT.contains(to.name())) {
            if (!to.name().equals("varchar") || to.length() == null) return Optional.empty();
            if (from.name().equals("varchar") && from.length() != null && to.length() >= from.length()) {
                return Optional.empty();
            }
            return Optional.of(change + " checks the length of every value");
        }
        if (from.name().equals(to.name())) {
            switch (from.name()) {
                case "numeric" -> {
                    if (to.precision() == null) return Optional.empty();
                    if (from.precision() != null && to.precision() >= from.precision()
                            && java.util.Objects.equals(from.scale(), to.scale())) {
                        return Optional.empty();
                    }
                }
                case "bit varying" -> {
                    if (to.length() == null || from.length() != null && to.length() >= from.length()) {
                        return Optional.empty();
                    }
                }
                default -> {
                    if (POSTGRES_PRECISION.contains(from.name()) && (to.precision() == null
                            || from.precision() != null && to.precision() >= from.precision())) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(change + " converts every value");
        }
        // Relabellings between distinct types: cidr is stored as inet. timestamp to timestamptz is one only when the
        // session's time zone is UTC (PostgreSQL 12+), which a migration does not show: not told.
        if (from.name().equals("cidr") && to.name().equals("inet")) return Optional.empty();
        if (Set.of("timestamp", "timestamptz").containsAll(Set.of(from.name(), to.name()))) return Optional.empty();
        return Optional.of(change + " is not binary-coercible");
    }

    private static Optional<String> mysql(SqlType from, SqlType to) {
        String change = from.display() + " to " + to.display();
        boolean variable = from.name().equals(to.name())
                && (from.name().equals("varchar") || from.name().equals("varbinary"));
        if (!variable) return Optional.of(change + " is a change of type");
        if (from.length() == null || to.length() == null) return Optional.empty();
        if (to.length() < from.length()) return Optional.of(change + " shrinks the column");
        int perChar = from.name().equals("varchar") ? MYSQL_BYTES_PER_CHAR : 1;
        if (from.length() * perChar <= 255 && to.length() * perChar > 255) {
            return Optional.of(change + " crosses 255 bytes" + (perChar > 1 ? " in utf8mb4" : "")
                    + " (the length prefix of every value grows from one byte to two)");
        }
        return Optional.empty();
    }

    /**
     * Whether an added column's default is computed for each existing row (a volatile function), so that PostgreSQL
     * writes every row instead of storing the default once (11+). {@code now()} is stable, not volatile.
     */
    public static boolean volatileDefault(String expression) {
        if (expression == null) return false;
        // A string literal that spells a call ('random()') is a value, not a call.
        String code = expression.replaceAll("'(?:[^']|'')*'", "''");
        return VOLATILE.matcher(code.toLowerCase(Locale.ROOT)).find();
    }
}
