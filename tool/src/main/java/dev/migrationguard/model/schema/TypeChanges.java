package dev.migrationguard.model.schema;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changing a column from one type to another does to the values it holds, judged from the types alone. Only what
 * holds on every database that spells the types so is said: a change that may or may not lose values is not narrowing.
 */
public final class TypeChanges {
    private TypeChanges() {
    }

    /** No length: as long as the database allows (PostgreSQL's {@code varchar}, {@code text}, SQL Server's {@code max}). */
    private static final long UNBOUNDED = Long.MAX_VALUE;

    private static final Set<String> CHARACTERS = Set.of("varchar", "char", "nvarchar", "nchar", "varchar2",
            "nvarchar2", "character", "bpchar");
    private static final Set<String> BYTES = Set.of("varbinary", "binary", "raw");
    /** MySQL's text and blob sizes, smallest first: the names say their capacity there. */
    private static final List<String> TEXTS = List.of("tinytext", "text", "mediumtext", "longtext");
    private static final List<String> BLOBS = List.of("tinyblob", "blob", "mediumblob", "longblob");
    /**
     * The capacity of a large type as a source: the least any database gives it ({@code text} is 65,535 bytes on
     * MySQL, unbounded on PostgreSQL), so that a change is narrowing only when it is narrowing everywhere.
     */
    private static final Map<String, Long> LARGE_LEAST = Map.ofEntries(
            Map.entry("tinytext", 255L), Map.entry("text", 65_535L), Map.entry("mediumtext", 16_777_215L),
            Map.entry("longtext", UNBOUNDED), Map.entry("ntext", UNBOUNDED), Map.entry("clob", UNBOUNDED),
            Map.entry("nclob", UNBOUNDED), Map.entry("citext", UNBOUNDED),
            Map.entry("tinyblob", 255L), Map.entry("blob", 65_535L), Map.entry("mediumblob", 16_777_215L),
            Map.entry("longblob", UNBOUNDED), Map.entry("bytea", UNBOUNDED), Map.entry("image", UNBOUNDED));
    private static final Set<String> LARGE_TEXTS = Set.of("tinytext", "text", "mediumtext", "longtext", "ntext", "clob",
            "nclob", "citext");

    private record Range(BigInteger min, BigInteger max) {
        static Range signed(int bits) {
            BigInteger half = BigInteger.TWO.pow(bits - 1);
            return new Range(half.negate(), half.subtract(BigInteger.ONE));
        }

        static Range unsigned(int bits) {
            return new Range(BigInteger.ZERO, BigInteger.TWO.pow(bits).subtract(BigInteger.ONE));
        }

        boolean contains(Range other) {
            return min.compareTo(other.min) <= 0 && max.compareTo(other.max) >= 0;
        }

        /** The decimal digits needed to write every value: 10 for {@code integer}. */
        int digits() {
            return Math.max(min.negate().toString().length(), max.toString().length());
        }
    }

    private static final Map<String, Range> INTEGERS = Map.ofEntries(
            Map.entry("tinyint", Range.signed(8)), Map.entry("smallint", Range.signed(16)),
            Map.entry("mediumint", Range.signed(24)), Map.entry("integer", Range.signed(32)),
            Map.entry("int", Range.signed(32)), Map.entry("bigint", Range.signed(64)),
            Map.entry("tinyint unsigned", Range.unsigned(8)), Map.entry("smallint unsigned", Range.unsigned(16)),
            Map.entry("mediumint unsigned", Range.unsigned(24)), Map.entry("int unsigned", Range.unsigned(32)),
            Map.entry("bigint unsigned", Range.unsigned(64)));
    private static final Set<String> DECIMALS = Set.of("numeric", "decimal", "number");
    private static final Set<String> DOUBLES = Set.of("double precision", "double", "float8");
    private static final Set<String> FLOATS = Set.of("real", "float", "double precision", "double", "float8",
            "float4");
    private static final Set<String> DATE_TIMES = Set.of("timestamp", "timestamptz", "datetime", "datetime2",
            "smalldatetime", "datetimeoffset", "timestamp with time zone", "timestamp with local time zone");

    /**
     * Whether some value a column of type {@code from} may hold does not fit {@code to}, so that the change fails or
     * cuts it: a shorter string ({@code varchar(320)} to {@code varchar(100)}, {@code text} to {@code varchar(n)}), a
     * smaller integer ({@code bigint} to {@code int}, a signed one to unsigned), fewer digits on either side of the
     * point ({@code numeric(10,2)} to {@code numeric(8,2)}), a fraction dropped (a decimal or float to an integer), a
     * date-time cut to its date or time. False when the types are of different kinds or unknown (null).
     */
    public static boolean isNarrowing(SqlType from, SqlType to) {
        if (from == null || to == null || from.equals(to)) return false;
        if (from.array() != to.array()) return false;
        String a = from.name();
        String b = to.name();
        if (isString(a) && isString(b)) return shrinks(a, from.length(), b, to.length(), TEXTS);
        if (isBytes(a) && isBytes(b)) return shrinks(a, from.length(), b, to.length(), BLOBS);
        if (INTEGERS.containsKey(a) && INTEGERS.containsKey(b)) return !INTEGERS.get(b).contains(INTEGERS.get(a));
        if (INTEGERS.containsKey(a) && DECIMALS.contains(b)) {
            return to.precision() != null && integerDigits(to) < INTEGERS.get(a).digits();
        }
        if (DECIMALS.contains(a) && INTEGERS.containsKey(b)) {
            // Every number of fewer digits than the integer type's largest value fits it.
            return from.precision() == null || from.scale() != null && from.scale() > 0
                    || integerDigits(from) >= INTEGERS.get(b).digits();
        }
        if (DECIMALS.contains(a) && DECIMALS.contains(b)) {
            if (to.precision() == null) return false;
            if (from.precision() == null) return true;
            return integerDigits(to) < integerDigits(from) || scale(to) < scale(from);
        }
        if (FLOATS.contains(a) && INTEGERS.containsKey(b)) return true;
        // MySQL's float and everyone's real are single precision; SQL Server's float is a double
        if (DOUBLES.contains(a) && (b.equals("real") || b.equals("float4") || b.equals("float"))) return true;
        if (a.equals("float") && b.equals("real")) return true;
        if (DATE_TIMES.contains(a) && (b.equals("date") || b.startsWith("time") && !DATE_TIMES.contains(b))) {
            return true;
        }
        if (DATE_TIMES.contains(a) && DATE_TIMES.contains(b) || a.equals(b) && a.startsWith("time")) {
            return from.precision() != null && to.precision() != null && to.precision() < from.precision();
        }
        return false;
    }

    private static boolean isString(String name) {
        return CHARACTERS.contains(name) || LARGE_TEXTS.contains(name);
    }

    private static boolean isBytes(String name) {
        return BYTES.contains(name) || LARGE_LEAST.containsKey(name) && !LARGE_TEXTS.contains(name);
    }

    /**
     * Whether the longest value of {@code from} may not fit {@code to}. The MySQL sizes compare by their rank; a large
     * type as a source holds at least what it holds anywhere, as a target at most that.
     */
    private static boolean shrinks(String from, Integer fromLength, String to, Integer toLength, List<String> ranks) {
        if (ranks.contains(from) && ranks.contains(to)) return ranks.indexOf(to) < ranks.indexOf(from);
        long fromSize = LARGE_LEAST.containsKey(from) ? LARGE_LEAST.get(from) : length(fromLength);
        long toSize = LARGE_LEAST.containsKey(to) ? mostHeld(to) : length(toLength);
        return toSize < fromSize;
    }

    /** The most a large type holds on any database: {@code text} and {@code blob} are unbounded on some. */
    private static long mostHeld(String name) {
        return name.equals("text") || name.equals("blob") ? UNBOUNDED : LARGE_LEAST.get(name);
    }

    private static long length(Integer n) {
        return n == null || n == Integer.MAX_VALUE ? UNBOUNDED : n;
    }

    private static int integerDigits(SqlType decimal) {
        return decimal.precision() - scale(decimal);
    }

    private static int scale(SqlType decimal) {
        return decimal.scale() == null ? 0 : decimal.scale();
    }
}
