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
        // "timestamp with time zone" takes its precision after the first word: timestamp(3) with time zone
        int zone = name.indexOf(" with");
        String head = zone > 0 ? name.substring(0, zone) : name;
        StringBuilder b = new StringBuilder(head);
        if (length != null) {
            b.append('(').append(length).append(')');
        } else if (precision != null) {
            b.append('(').append(precision);
            if (scale != null) b.append(',').append(scale);
            b.append(')');
        }
        if (zone > 0) b.append(name.substring(zone));
        if (array) b.append("[]");
        return b.toString();
    }

    @Override
    public String toString() {
        return display();
    }

    /**
     * A record's own equals and hashCode are linked through invokedynamic on their first call, milliseconds in the fresh
     * JVM of a pre-commit run, where comparing columns calls them first: written out, with the record's meaning.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof SqlType t && name.equals(t.name) && Objects.equals(length, t.length)
                && Objects.equals(precision, t.precision) && Objects.equals(scale, t.scale) && array == t.array;
    }

    @Override
    public int hashCode() {
        int h = name.hashCode();
        h = 31 * h + Objects.hashCode(length);
        h = 31 * h + Objects.hashCode(precision);
        h = 31 * h + Objects.hashCode(scale);
        return 31 * h + Boolean.hashCode(array);
    }

    private static final Pattern SPELLING = Pattern.compile(
            "\\s*([a-z_][a-z0-9_ ]*?)\\s*(?:\\(\\s*(max|\\d+)\\s*(?:(?:byte|char)\\s*)?(?:,\\s*(-?\\d+)\\s*)?\\))?"
                    + "\\s*((?:with|without)\\s+(?:local\\s+)?time\\s+zone)?\\s*(unsigned)?\\s*(\\[\\s*\\])?\\s*");

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

    /** Oracle stores the ANSI names as its own: INTEGER is NUMBER(38), DOUBLE PRECISION is FLOAT(126). */
    private static final Map<String, String> ORACLE = Map.ofEntries(
            Map.entry("varchar", "varchar2"), Map.entry("numeric", "number"), Map.entry("double precision", "float"),
            Map.entry("real", "float"), Map.entry("integer", "number"), Map.entry("smallint", "number"));

    private static final Map<String, String> MSSQL = Map.ofEntries(
            Map.entry("double precision", "float"), Map.entry("rowversion", "timestamp"));

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
        Integer first = m.group(2) == null || m.group(2).equals("max") ? null : number(m.group(2));
        Integer second = m.group(3) == null ? null : number(m.group(3));
        if (m.group(2) != null && !m.group(2).equals("max") && first == null || m.group(3) != null && second == null) {
            return null;
        }
        boolean array = m.group(6) != null;
        String name = canonicalName(dialect, base);
        if (name == null) return null;
        if (dialect == Dialect.ORACLE && !name.equals(COMMON.getOrDefault(base, base))) {
            String ansi = COMMON.getOrDefault(base, base);
            if (ansi.equals("integer") || ansi.equals("smallint")) return SqlType.of("number").withPrecision(38, 0);
            if (ansi.equals("real")) return SqlType.of("float").withPrecision(63, null);
            if (ansi.equals("double precision")) return SqlType.of("float").withPrecision(126, null);
        }
        if (dialect.isMysqlFamily()) {
            // BOOLEAN is a synonym of TINYINT(1); UNSIGNED is part of the type (int unsigned holds other values).
            if (base.equals("bool") || base.equals("boolean")) return SqlType.of("tinyint").withLength(1);
            if (m.group(5) != null) name = name + " unsigned";
        }
        return sized(dialect, name, first, second, m.group(2) != null && m.group(2).equals("max")).withArray(array);
    }

    /** A size too large for any database is no type. */
    private static Integer number(String digits) {
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private SqlType withArray(boolean a) {
        return a == array ? this : new SqlType(name, length, precision, scale, a);
    }

    private static String canonicalName(Dialect dialect, String base) {
        String name = base;
        if (dialect.isMysqlFamily()) {
            name = MYSQL.getOrDefault(name, COMMON.getOrDefault(name, name));
            name = MYSQL.getOrDefault(name, name);
            // MariaDB's JSON is LONGTEXT with a json_valid check; the column is stored and listed as longtext.
            if (dialect == Dialect.MARIADB && name.equals("json")) name = "longtext";
        } else {
            name = COMMON.getOrDefault(name, name);
            switch (dialect) {
                case POSTGRES -> name = POSTGRES.getOrDefault(name, name);
                case ORACLE -> name = ORACLE.getOrDefault(name, name);
                case MSSQL -> name = MSSQL.getOrDefault(name, name);
                default -> { }
            }
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
                // BIT without a length is BIT(1) where it is a bit string; on SQL Server it is the boolean type.
                if (first == null && name.equals("bit") && (dialect == Dialect.POSTGRES || dialect.isMysqlFamily())) {
                    return type.withLength(1);
                }
                return type.withLength(first);
            }
            case "numeric", "decimal", "number" -> {
                return decimal(dialect, type, first, second);
            }
            case "float" -> {
                return floating(dialect, first, second);
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
                if (isTemporal(name)) {
                    // The database's default fractional-second precision is the same type written without it.
                    Integer p = first != null && first.equals(defaultFraction(dialect, name)) ? null : first;
                    return type.withPrecision(p, null);
                }
                if (first == null) return type;
                return second == null ? type.withLength(first) : type.withPrecision(first, second);
            }
        }
    }

    private static boolean isTemporal(String name) {
        return name.startsWith("timestamp") || name.startsWith("time") || name.startsWith("datetime")
                || name.equals("interval");
    }

    /** The fractional-second precision each database gives a temporal type declared without one. */
    private static Integer defaultFraction(Dialect dialect, String name) {
        return switch (dialect) {
            case POSTGRES -> 6;
            case ORACLE -> name.startsWith("timestamp") ? 6 : null;
            case H2 -> name.startsWith("timestamp") ? 6 : 0;
            case MYSQL, MARIADB -> 0;
            case MSSQL -> name.equals("datetime") ? null : 7;
            case SQLITE -> null;
        };
    }

    /** NUMERIC(p) has scale 0 everywhere; MySQL's bare DECIMAL is DECIMAL(10,0), SQL Server's NUMERIC(18,0). */
    private static SqlType decimal(Dialect dialect, SqlType type, Integer precision, Integer scale) {
        Integer p = precision;
        if (p == null && dialect.isMysqlFamily()) p = 10;
        if (p == null && dialect == Dialect.MSSQL) p = 18;
        if (p == null) return type;
        return type.withPrecision(p, scale == null ? 0 : scale);
    }

    /**
     * FLOAT(p) counts binary digits: PostgreSQL, SQL Server and H2 store 1-24 as their single-precision type and
     * 25-53 as double; MySQL keeps FLOAT up to 24 and makes DOUBLE above; Oracle keeps FLOAT(p), 126 when omitted.
     */
    private static SqlType floating(Dialect dialect, Integer p, Integer s) {
        boolean single = p != null && p <= 24;
        return switch (dialect) {
            case POSTGRES -> SqlType.of(single ? "real" : "double precision");
            case H2 -> SqlType.of(single ? "real" : "double precision");
            case MSSQL -> SqlType.of(single ? "real" : "float");
            case MYSQL, MARIADB -> s != null ? SqlType.of("float").withPrecision(p, s)
                    : SqlType.of(p == null || single ? "float" : "double");
            case ORACLE -> SqlType.of("float").withPrecision(p == null ? 126 : p, null);
            case SQLITE -> SqlType.of("float").withPrecision(p, s);
        };
    }
}
