package dev.migrationguard.model.schema;

import java.util.Objects;

/**
 * A column's default: none, an expression in {@link SqlText#normalise normal form}, or unknown (a statement that set
 * it could not be read). Unknown is the same as anything.
 *
 * @param expression the normalised expression; null for none and for unknown
 * @param known      false when the default cannot be told
 * @param constraint the name SQL Server's {@code CONSTRAINT x DEFAULT v} gives the default, by which a later
 *                   {@code DROP CONSTRAINT x} removes it; null when the statement named none. Not part of the value:
 *                   {@link #sameAs} and {@link #sameValue} ignore it
 */
public record ColumnDefault(String expression, boolean known, String constraint) {
    public static final ColumnDefault NONE = new ColumnDefault(null, true);
    public static final ColumnDefault UNKNOWN = new ColumnDefault(null, false);

    public ColumnDefault {
        if (!known && expression != null) throw new IllegalArgumentException("an unknown default has no expression");
        if (expression == null && constraint != null) throw new IllegalArgumentException("only a default has a name");
    }

    /** A default no constraint name is known for. */
    public ColumnDefault(String expression, boolean known) {
        this(expression, known, null);
    }

    /** The default {@code sql} sets; {@code DEFAULT NULL} is no default. */
    public static ColumnDefault of(String sql) {
        String e = SqlText.normalise(sql);
        return e == null || e.isEmpty() || e.equals("null") ? NONE : new ColumnDefault(e, true);
    }

    /** The default {@code sql} sets under the constraint name {@code constraint} (null when unnamed). */
    public static ColumnDefault of(String sql, String constraint) {
        ColumnDefault d = of(sql);
        return d.expression() == null ? d : new ColumnDefault(d.expression(), true, constraint);
    }

    /** Whether the two are the same default, known or unknown alike, whatever their constraints are named. */
    public boolean sameValue(ColumnDefault other) {
        return known == other.known && Objects.equals(expression, other.expression);
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
