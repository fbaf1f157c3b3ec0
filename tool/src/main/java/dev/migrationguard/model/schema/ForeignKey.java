package dev.migrationguard.model.schema;

import dev.migrationguard.model.Location;

import java.util.List;

/**
 * A foreign key, with the table and columns it references resolved (a relation's target entity becomes its table).
 *
 * @param name              the constraint's name; null when made up by the ORM or the database
 * @param columns           the referencing columns, in order
 * @param referencedSchema  the referenced table's schema; null for the default
 * @param referencedTable   the referenced table's stored name; null when unknown
 * @param referencedColumns the referenced columns; null when unknown
 * @param onDelete          {@code CASCADE}, {@code SET NULL}, {@code NO ACTION}...; null when unknown
 * @param onUpdate          as {@code onDelete}
 * @param location          the source that causes it
 */
public record ForeignKey(String name, List<String> columns, String referencedSchema, String referencedTable,
                         List<String> referencedColumns, String onDelete, String onUpdate, Location location) {
    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = referencedColumns == null ? null : List.copyOf(referencedColumns);
    }
}
