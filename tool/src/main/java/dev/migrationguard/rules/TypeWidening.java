package dev.migrationguard.rules;

import dev.migrationguard.model.schema.SqlType;

import java.util.List;
import java.util.Objects;

/**
 * Whether every value of one column type fits another without loss: the same canonical type, a longer or unbounded
 * string, a larger number. Anything else (a narrowing, another kind of type, an unknown one) is not.
 */
final class TypeWidening {
    /** Integer types from small to large; a later one holds every value of an earlier one. */
    private static final List<String> INTEGERS = List.of("tinyint", "smallint", "mediumint", "int", "integer",
            "bigint");
    private static final List<String> FLOATS = List.of("real", "float", "double", "double precision");
    /** String types from bounded to unbounded. */
    private static final List<String> STRINGS = List.of("char", "varchar", "nvarchar", "varchar2", "nvarchar2",
            "text", "mediumtext", "longtext", "clob");

    private TypeWidening() {
    }

    /** Whether a column of type {@code from} can become one of type {@code to} keeping every value; false when unknown. */
    static boolean fits(SqlType from, SqlType to) {
        if (from == null || to == null) return false;
        if (from.equals(to)) return true;
        if (from.array() != to.array()) return false;
        if (from.name().equals(to.name())) return sameKindWider(from, to);
        int fi = INTEGERS.indexOf(from.name());
        int ti = INTEGERS.indexOf(to.name());
        // MySQL's tinyint(1) is the boolean convention, not a small number.
        if (fi >= 0 && ti >= 0) return rank(from.name()) <= rank(to.name()) && !isBoolean(from);
        if (FLOATS.contains(from.name()) && FLOATS.contains(to.name())) return rank(from.name()) <= rank(to.name());
        int fs = STRINGS.indexOf(from.name());
        int ts = STRINGS.indexOf(to.name());
        if (fs < 0 || ts < 0 || fs > ts) return false;
        return to.length() == null || from.length() != null && to.length() >= from.length();
    }

    private static boolean isBoolean(SqlType t) {
        return t.name().equals("tinyint") && Objects.equals(t.length(), 1);
    }

    private static int rank(String name) {
        return switch (name) {
            case "tinyint" -> 0;
            case "smallint" -> 1;
            case "mediumint" -> 2;
            case "int", "integer" -> 3;
            case "bigint" -> 4;
            case "real", "float" -> 0;
            default -> 1;
        };
    }

    /** The same type with a size that holds the old one's values: longer, more digits on both sides of the point. */
    private static boolean sameKindWider(SqlType from, SqlType to) {
        if (isBoolean(from) != isBoolean(to)) return false;
        if (!Objects.equals(from.length(), to.length())) {
            if (to.length() != null && (from.length() == null || to.length() < from.length())) return false;
        }
        if (Objects.equals(from.precision(), to.precision()) && Objects.equals(from.scale(), to.scale())) return true;
        if (to.precision() == null) return true;
        if (from.precision() == null) return false;
        int fromScale = from.scale() == null ? 0 : from.scale();
        int toScale = to.scale() == null ? 0 : to.scale();
        return toScale >= fromScale && to.precision() - toScale >= from.precision() - fromScale;
    }
}
