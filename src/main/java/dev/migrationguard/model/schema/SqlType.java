package dev.migrationguard.model.schema;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column's SQL type as the database records it: one canonical name per dialect, whatever the spelling
 * ({@code character varying}, {@code varchar} and {@code VARCHAR} are one type on PostgreSQL; {@code int4} is
 * {@code integer}), with its length, precision and scale. Two columns whose types are {@link #equals equal} get the
 * same DDL; the canonical names follow PostgreSQL's short forms where the dialects agree.
 *
 * @param name      canonical lower-case name: {@code varchar}, {@code integer}, {@code timestamptz}, {@code numeric}...
 * @param length    for character and binary types; null when the type has none or takes the database's default
 * @param precision for numeric and fractional-second types; null when unspecified
 * @param scale     for numeric types; null when unspecified
 * @param array     a PostgreSQL array of the type ({@code integer[]})
 */
public record SqlType(String name, Integer length, Integer precision, Integer scale, boolean array) {

    public SqlType {
        Objects.requireNonNull(name, "name");
    }

    public static SqlType of(String name) {
        return new SqlType(name, null, null, null, false);
    }

    public SqlType withLength(Integer n) {
        return new SqlType(name, n, precision, scale, array);
    }

    public SqlType withPrecision(Integer p, Integer s) {
        return new SqlType(name, length, p, s, array);
    }

    public SqlType asArray() {
        return new SqlType(name, length, precision, scale, true);
    }

    /** As a person writes it in DDL: {@code varchar(320)}, {@code numeric(10,2)}, {@code timestamptz}, {@code text[]}. */
    public String display() {
        StringBuilder b = new StringBuilder(name);
        if (length != null) {
            b.append('(').append(length).append(')');
        } else if (precision != null) {
            b.append('(').append(precision);
            if (scale != null) b.append(',').append(scale);
            b.append(')');
        }
        if (array) b.append("[]");
        return b.toString();
    }

    @Override
    public String toString() {
        return display();
    }

    private static final Pattern SPELLING = Pattern.compile(
            "\\s*([a-z_][a-z0-9_ ]*?)\\s*(?:\\(\\s*(max|\\d+)\\s*(?:(?:byte|char)\\s*)?(?:,\\s*(-?\\d+)\\s*)?\\))?"
                    + "\\s*((?:with|without)\\s+time\\s+zone)?\\s*(unsigned)?\\s*(\\[\\s*\\])?\\s*");

    /** Synonyms shared by every dialect, before the dialect's own rules. */
    private static final Map<String, String> COMMON = Map.ofEntries(
            Map.entry("character varying", "varchar"), Map.entry("char varying", "varchar"),
            Map.entry("character", "char"), Map.entry("int", "integer"), Map.entry("dec", "numeric"),
            Map.entry("decimal", "numeric"), Map.entry("bool", "boolean"), Map.entry("double", "double precision"));

    private static final Map<String, String> POSTGRES = Map.ofEntries(
            Map.entry("int4", "integer"), Map.entry("serial", "integer"), Map.entry("serial4", "integer"),
            Map.entry("int8", "bigint"), Map.entry("bigserial", "bigint"), Map.entry("serial8", "bigint"),
            Map.entry("int2", "smallint"), Map.entry("smallserial", "smallint"), Map.entry("serial2", "smallint"),
            Map.entry("float8", "double precision"), Map.entry("float4", "real"), Map.entry("bpchar", "char"),
            Map.entry("timestamp with time zone", "timestamptz"), Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("time with time zone", "timetz"), Map.entry("time without time zone", "time"),
            Map.entry("varbit", "bit varying"), Map.entry("datetime", "timestamp"));

    private static final Map<String, String> MYSQL = Map.ofEntries(
            Map.entry("integer", "int"), Map.entry("numeric", "decimal"), Map.entry("fixed", "decimal"),
            Map.entry("double precision", "double"), Map.entry("real", "double"), Map.entry("boolean", "tinyint"),
            Map.entry("character varying", "varchar"), Map.entry("nvarchar", "varchar"), Map.entry("nchar", "char"),
            Map.entry("national varchar", "varchar"), Map.entry("national char", "char"), Map.entry("serial", "bigint"));

    /**
     * Reads a type as written in DDL, a migration or an ORM option ({@code VARCHAR(255)}, {@code int4},
     * {@code timestamp(6) with time zone}, {@code numeric(10, 2)}, {@code text[]}) and returns it in canonical form for
     * {@code dialect}; null when the text is not a type spelling (an expression, an unbalanced parenthesis).
     */
    public static SqlType parse(Dialect dialect, String spelled) {
        if (spelled == null) return null;
        Matcher m = SPELLING.matcher(spelled.toLowerCase(Locale.ROOT).replace('"', ' ').replace('`', ' '));
        if (!m.matches()) return null;
        String base = m.group(1).strip().replaceAll("\\s+", " ");
        if (m.group(4) != null) base = base + " " + m.group(4).replaceAll("\\s+", " ");
        Integer first = m.group(2) == null || m.group(2).equals("max") ? null : Integer.valueOf(m.group(2));
        Integer second = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        boolean array = m.group(6) != null;
        String name = canonicalName(dialect, base);
        if (name == null) return null;
        if (dialect.isMysqlFamily()) {
            // BOOLEAN is a synonym of TINYINT(1); UNSIGNED is part of the type (int unsigned holds other values).
            if (base.equals("bool") || base.equals("boolean")) return SqlType.of("tinyint").withLength(1);
            if (m.group(5) != null) name = name + " unsigned";
        }
        return sized(dialect, name, first, second, m.group(2) != null && m.group(2).equals("max")).withArray(array);
    }

    private SqlType withArray(boolean a) {
        return a == array ? this : new SqlType(name, length, precision, scale, a);
    }

    private static String canonicalName(Dialect dialect, String base) {
        String name = base;
        if (dialect.isMysqlFamily()) {
            name = MYSQL.getOrDefault(name, COMMON.getOrDefault(name, name));
            name = MYSQL.getOrDefault(name, name);
        } else {
            name = COMMON.getOrDefault(name, name);
            if (dialect == Dialect.POSTGRES) name = POSTGRES.getOrDefault(name, name);
        }
        if (name.startsWith("timestamp") || name.startsWith("time ")) {
            // "timestamp with time zone" written after the precision: "timestamp(6) with time zone"
            if (dialect == Dialect.POSTGRES) name = POSTGRES.getOrDefault(name, name);
        }
        return name.isEmpty() ? null : name;
    }

    /** Attaches the numbers to the part they mean for this type, dropping what the database ignores or assumes. */
    private static SqlType sized(Dialect dialect, String name, Integer first, Integer second, boolean max) {
        SqlType type = SqlType.of(name);
        switch (name) {
            case "varchar", "char", "nvarchar", "nchar", "varbinary", "binary", "bit", "bit varying", "varchar2",
                 "nvarchar2", "raw" -> {
                if (max) return type.withLength(Integer.MAX_VALUE);
                if (first == null && name.equals("char") && dialect != Dialect.SQLITE) return type.withLength(1);
                return type.withLength(first);
            }
            case "numeric", "decimal", "number" -> {
                return type.withPrecision(first, second);
            }
            case "timestamp", "timestamptz", "time", "timetz", "datetime", "datetime2", "interval" -> {
                // PostgreSQL's default fractional-second precision is 6: timestamp(6) is timestamp.
                Integer p = dialect == Dialect.POSTGRES && first != null && first == 6 ? null : first;
                return type.withPrecision(p, null);
            }
            case "float" -> {
                // float(p): PostgreSQL maps 1-24 to real and 25-53 (or none) to double precision.
                if (dialect == Dialect.POSTGRES) {
                    return SqlType.of(first != null && first <= 24 ? "real" : "double precision");
                }
                return type.withPrecision(first, second);
            }
            case "int", "integer", "bigint", "smallint", "tinyint", "mediumint", "int unsigned", "bigint unsigned",
                 "smallint unsigned", "tinyint unsigned", "mediumint unsigned" -> {
                // MySQL's display width (int(11)) changes nothing stored, except tinyint(1), the boolean convention.
                if (dialect.isMysqlFamily() && name.equals("tinyint") && first != null && first == 1) {
                    return type.withLength(1);
                }
                return type;
            }
            default -> {
                if (first == null) return type;
                return second == null && !name.contains("time") ? type.withLength(first) : type.withPrecision(first, second);
            }
        }
    }
}
