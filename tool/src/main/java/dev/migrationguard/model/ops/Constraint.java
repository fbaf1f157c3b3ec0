package dev.migrationguard.model.ops;

import java.util.List;

/** A table constraint as {@code CREATE TABLE} or {@code ADD CONSTRAINT} writes it; {@code name} is null when unnamed. */
public sealed interface Constraint {
    String name();

    record PrimaryKey(String name, List<String> columns) implements Constraint {
        public PrimaryKey {
            columns = List.copyOf(columns);
        }
    }

    record ForeignKey(String name, List<String> columns, ColumnDef.Reference references) implements Constraint {
        public ForeignKey {
            columns = List.copyOf(columns);
        }
    }

    /**
     * @param usingIndex PostgreSQL {@code UNIQUE USING INDEX idx}: built from an existing index (no scan under lock);
     *                   the columns are then the index's, empty here
     */
    record Unique(String name, List<String> columns, String usingIndex) implements Constraint {
        public Unique {
            columns = List.copyOf(columns);
        }
    }

    /** @param expression the condition as written, without the parentheses */
    record Check(String name, String expression) implements Constraint {
    }

    /** PostgreSQL {@code EXCLUDE USING ...}; {@code definition} is the text after {@code EXCLUDE}. */
    record Exclusion(String name, String definition) implements Constraint {
    }
}
