package dev.migrationguard.liquibase;

import dev.migrationguard.model.Migration.Touch;
import dev.migrationguard.sql.SqlTouchReader;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The tables and columns one Liquibase change acts on, per change type, as its generated SQL would. */
final class ChangeTouches {
    private ChangeTouches() {
    }

    /** @param sqlOf the SQL of a {@code sql} or {@code sqlFile} change (the file read for the latter) */
    static List<Touch> of(ChangeNode change, Function<ChangeNode, String> sqlOf) {
        List<Touch> out = new ArrayList<>();
        String table = change.attribute("tableName");
        switch (change.name()) {
            case "sql", "sqlFile", "createProcedure" -> {
                String sql = sqlOf.apply(change);
                if (sql != null && !sql.isBlank()) out.addAll(SqlTouchReader.touches(sql));
            }
            case "createTable" -> {
                add(out, table, null, "create");
                columns(out, change, table, "create");
            }
            case "dropTable" -> add(out, table, null, "drop");
            case "renameTable" -> {
                add(out, change.attribute("oldTableName"), null, "rename");
                add(out, change.attribute("newTableName"), null, "rename");
            }
            case "addColumn" -> {
                add(out, table, null, "alter");
                columns(out, change, table, "alter");
            }
            case "dropColumn" -> {
                add(out, table, change.attribute("columnName"), "drop");
                columns(out, change, table, "drop");
            }
            case "renameColumn" -> {
                add(out, table, change.attribute("oldColumnName"), "rename");
                add(out, table, change.attribute("newColumnName"), "rename");
            }
            case "createIndex", "dropIndex" -> {
                add(out, table, null, "index");
                columns(out, change, table, "index");
            }
            case "addForeignKeyConstraint", "dropForeignKeyConstraint", "dropAllForeignKeyConstraints" ->
                    add(out, change.attribute("baseTableName"), change.attribute("baseColumnNames"), "alter");
            case "addLookupTable" -> {
                add(out, change.attribute("existingTableName"), change.attribute("existingColumnName"), "alter");
                add(out, change.attribute("newTableName"), null, "create");
            }
            case "insert", "update", "delete", "loadData", "loadUpdateData" -> add(out, table, null, "write");
            default -> {
                // modifyDataType, add/dropNotNullConstraint, add/dropDefaultValue, add/dropPrimaryKey,
                // add/dropUniqueConstraint, addAutoIncrement, ... all alter the table they name
                if (table != null) add(out, table, change.attribute("columnName"), "alter");
            }
        }
        return out;
    }

    private static void columns(List<Touch> out, ChangeNode change, String table, String action) {
        for (ChangeNode column : change.descendants("column")) add(out, table, column.attribute("name"), action);
    }

    private static void add(List<Touch> out, String table, String column, String action) {
        if (table == null || table.isBlank()) return;
        out.add(new Touch(table, column == null || column.isBlank() ? null : column, action));
    }
}
