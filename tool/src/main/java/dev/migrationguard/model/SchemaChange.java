package dev.migrationguard.model;

import java.util.Objects;

/**
 * One difference the entities make to the database, as the physical schemas' diff says it: stored names and a message
 * in SQL terms.
 *
 * @param kind          added, removed, changed or renamed
 * @param target        what kind of object it is about, which decides what a migration must do to its table
 * @param schema        the schema of the table, null for the default one
 * @param table         the stored name of the table, view, sequence or enum type (after a rename, the new one)
 * @param previousTable the old name of a renamed table or view, else null
 * @param column        the stored name of the column a column change is about (for a rename, the new one), else null
 * @param message       the change in SQL terms ({@code column "owner"."email": varchar(255) NULL -> varchar(320)
 *                      NOT NULL})
 * @param location      the source that causes it
 */
public record SchemaChange(Kind kind, Target target, String schema, String table, String previousTable, String column,
                           String message, Location location) {

    public SchemaChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(message, "message");
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
}
