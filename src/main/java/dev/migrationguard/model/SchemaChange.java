package dev.migrationguard.model;

import java.util.Objects;

/**
 * One difference the entities make to the database, from either of two sources: the physical schemas' diff (stored
 * names, a message in SQL terms) or, until every entity reader gives tables, the old comparison of schema facts.
 *
 * @param kind          added, removed, changed or renamed
 * @param target        what kind of object it is about, which decides what a migration must do to its table
 * @param schema        the schema of the table, null for the default one
 * @param table         the stored name of the table, view, sequence or enum type (after a rename, the new one)
 * @param previousTable the old name of a renamed table or view, else null
 * @param column        the stored name of the column a column change is about (for a rename, the new one), else null
 * @param message       the change in SQL terms ({@code column "owner"."email": varchar(255) NULL -> varchar(320)
 *                      NOT NULL}); null for a change of facts, whose rule words it from the facts
 * @param location      the source that causes it
 * @param before        the fact as it was (facts only), null otherwise
 * @param after         the fact as it is (facts only), null otherwise
 */
public record SchemaChange(Kind kind, Target target, String schema, String table, String previousTable, String column,
                           String message, Location location, SchemaFact before, SchemaFact after) {

    public SchemaChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(table, "table");
    }

    /** A change of schema facts (the facts path, kept until every entity reader gives tables). */
    public SchemaChange(Kind kind, SchemaFact before, SchemaFact after, Location location) {
        this(kind, factTarget(after != null ? after : before), null, (after != null ? after : before).table(), null,
                null, null, location, before, after);
    }

    /** A change of the physical schema, as {@code PhysicalDiff} says it. */
    public static SchemaChange physical(Kind kind, Target target, String schema, String table, String previousTable,
                                        String column, String message, Location location) {
        return new SchemaChange(kind, target, schema, table, previousTable, column, Objects.requireNonNull(message),
                location, null, null);
    }

    public enum Kind {
        ADDED("added"), REMOVED("removed"), CHANGED("changed"), RENAMED("renamed");

        private final String verb;

        Kind(String verb) {
            this.verb = verb;
        }

        public String verb() {
            return verb;
        }
    }

    /** The object a change is about. A column or constraint change asks its table to be altered. */
    public enum Target {
        TABLE("table"), VIEW("view"), COLUMN("table"), CONSTRAINT("table"), SEQUENCE("sequence"),
        ENUM_TYPE("type");

        private final String noun;

        Target(String noun) {
            this.noun = noun;
        }

        /** How a migration's object is called: a column change needs a migration that alters its {@code table}. */
        public String noun() {
            return noun;
        }

        /** Whether the change is about the object as a whole (created, dropped, renamed), not something in it. */
        public boolean whole() {
            return this != COLUMN && this != CONSTRAINT;
        }
    }

    /** Whether this change comes from comparing schema facts rather than physical schemas. */
    public boolean ofFacts() {
        return before != null || after != null;
    }

    /** The fact as it is now, or as it was when it was removed; null for a physical change. */
    public SchemaFact fact() {
        return after != null ? after : before;
    }

    /**
     * {@code Contest.divisions} for a member, {@code Contest} for a table-level fact; for a physical change, the
     * table's name, with the column's after a dot.
     */
    public String subject() {
        SchemaFact f = fact();
        if (f == null) return column == null ? table : table + "." + column;
        return f.member() == null ? f.entity() : f.entity() + "." + f.member();
    }

    private static Target factTarget(SchemaFact f) {
        if (f.isTable()) return Target.TABLE;
        return f.key().startsWith("column:") ? Target.COLUMN : Target.CONSTRAINT;
    }
}
