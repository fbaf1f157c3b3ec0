package dev.migrationguard.model.schema;

import java.util.Objects;

/**
 * A column's default: none, an expression in {@link SqlText#normalise normal form}, or unknown (a statement that set
 * it could not be read). Unknown is the same as anything.
 *
 * @param expression the normalised expression; null for none and for unknown
 * @param known      false when the default cannot be told
 */
public record ColumnDefault(String expression, boolean known) {
    public static final ColumnDefault NONE = new ColumnDefault(null, true);
    public static final ColumnDefault UNKNOWN = new ColumnDefault(null, false);

    public ColumnDefault {
        if (!known && expression != null) throw new IllegalArgumentException("an unknown default has no expression");
    }

    /** The default {@code sql} sets; {@code DEFAULT NULL} is no default. */
    public static ColumnDefault of(String sql) {
        String e = SqlText.normalise(sql);
        return e == null || e.isEmpty() || e.equals("null") ? NONE : new ColumnDefault(e, true);
    }

    /** Whether the two may be the same default (an unknown one may be any). */
    public boolean sameAs(ColumnDefault other) {
        return !known || !other.known || Objects.equals(expression, other.expression);
    }

    /** As DDL says it: {@code DEFAULT now()}, {@code no default}, {@code DEFAULT ?}. */
    public String display() {
        if (!known) return "DEFAULT ?";
        return expression == null ? "no default" : "DEFAULT " + expression;
    }
}
