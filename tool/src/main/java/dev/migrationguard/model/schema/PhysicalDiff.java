package dev.migrationguard.model.schema;

import dev.migrationguard.model.Location;

import java.util.List;
import java.util.Objects;

/**
 * What differs between two physical schemas, said in SQL terms ({@code column "owner"."email": varchar(255) NULL ->
 * varchar(320) NOT NULL}). A change is reported only when the database would get something else: names are compared as
 * the dialect compares them, types in canonical form, expressions in normal form, and an unknown fact is the same as
 * any (it can never make a change). A table or column that disappears while one with the same content appears is a
 * rename. Changes come in a stable order: tables, then their columns and constraints, then sequences and enum types.
 *
 * @param changes the changes, empty when the database would get the same schema
 */
public record PhysicalDiff(List<Change> changes) {

    public PhysicalDiff {
        changes = List.copyOf(changes);
    }

    /** The difference from {@code before} to {@code after}; names are compared as {@code after}'s dialect does. */
    public static PhysicalDiff diff(PhysicalSchema before, PhysicalSchema after) {
        return new PhysicalDiff(new SchemaComparison(before, after).changes());
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** What kind of object changed and how. */
    public enum Kind {
        TABLE_ADDED, TABLE_REMOVED, TABLE_RENAMED,
        VIEW_ADDED, VIEW_REMOVED, VIEW_RENAMED, VIEW_CHANGED,
        COLUMN_ADDED, COLUMN_REMOVED, COLUMN_RENAMED, COLUMN_CHANGED,
        PRIMARY_KEY_ADDED, PRIMARY_KEY_REMOVED, PRIMARY_KEY_CHANGED,
        FOREIGN_KEY_ADDED, FOREIGN_KEY_REMOVED, FOREIGN_KEY_CHANGED,
        INDEX_ADDED, INDEX_REMOVED, INDEX_CHANGED,
        UNIQUE_ADDED, UNIQUE_REMOVED,
        CHECK_ADDED, CHECK_REMOVED, CHECK_CHANGED,
        SEQUENCE_ADDED, SEQUENCE_REMOVED, SEQUENCE_CHANGED,
        ENUM_TYPE_ADDED, ENUM_TYPE_REMOVED, ENUM_TYPE_CHANGED;

        /** The kind the same change has when the two schemas swap places: added and removed trade, the rest stay. */
        public Kind inverse() {
            String n = name();
            if (n.endsWith("_ADDED")) return valueOf(n.substring(0, n.length() - 6) + "_REMOVED");
            if (n.endsWith("_REMOVED")) return valueOf(n.substring(0, n.length() - 8) + "_ADDED");
            return this;
        }
    }

    /**
     * One change.
     *
     * @param kind     what changed and how
     * @param schema   the schema of the table, sequence or enum type it belongs to; null for the default one
     * @param object   the stored name of that table (after a rename, the new one), sequence or enum type
     * @param message  the change in SQL terms, naming the object
     * @param location the source that causes it: the new fact, else the table that no longer has it, else the old fact
     * @param column   for a column change, the stored name of the column (after a rename, the new one); null otherwise
     * @param previous for a table, view or column renamed, its stored name before; null otherwise
     */
    public record Change(Kind kind, String schema, String object, String message, Location location, String column,
                         String previous) {
        public Change {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }

        /** A change of a whole object or of a constraint: no column, no previous name. */
        public Change(Kind kind, String schema, String object, String message, Location location) {
            this(kind, schema, object, message, location, null, null);
        }
    }
}
