package dev.migrationguard.liquibase;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.ops.ColumnDef;
import dev.migrationguard.model.ops.Constraint;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Operation.ConstraintKind;
import dev.migrationguard.model.ops.Operation.DataKind;
import dev.migrationguard.model.ops.Operation.IndexKey;
import dev.migrationguard.model.ops.Operation.OpaqueKind;
import dev.migrationguard.model.ops.Operation.RoutineKind;
import dev.migrationguard.model.ops.Origin;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.sql.SqlOperations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Liquibase change types as the operations the SQL Liquibase generates for them performs, for one database: each
 * change in order, a {@code sql} or {@code sqlFile} change through {@link SqlOperations}, and code or commands it
 * cannot read as {@link Operation.Opaque}. Also the inverse Liquibase applies on rollback where it has one.
 */
final class ChangeOperations {
    /** Changes that do nothing to the schema or its rows. */
    private static final List<String> NOTHING = List.of("tagDatabase", "output", "empty", "stop");

    private final String path;
    private final Dialect dialect;
    private final Properties properties;
    private final TextPlaces places;
    private final Function<ChangeNode, Optional<SqlFile>> sqlFile;

    /** The SQL a {@code sqlFile} change reads, with its repository path. */
    record SqlFile(String path, String content) {
    }

    /**
     * @param places  where a change's text starts in the changelog, for the SQL read from it
     * @param sqlFile the file a {@code sqlFile} change names, when it is in the repository
     */
    ChangeOperations(String path, Dialect dialect, Properties properties, TextPlaces places,
                     Function<ChangeNode, Optional<SqlFile>> sqlFile) {
        this.path = path;
        this.dialect = dialect;
        this.properties = properties;
        this.places = places;
        this.sqlFile = sqlFile;
    }

    /**
     * What the change does, on {@code side}; nothing when its {@code dbms} excludes this database. A change missing
     * what Liquibase needs (a column without a name) is opaque, as Liquibase would refuse it.
     */
    List<Operation> of(ChangeNode change, Side side) {
        if (!ChangeSetFacts.dbmsIncludes(change.attribute("dbms"), dialect)) return List.of();
        Origin at = new Origin(Location.at(path, change.line(), change.column()), side);
        try {
            return read(change, side, at);
        } catch (RuntimeException e) {
            return List.of(new Operation.Opaque(at, OpaqueKind.UNREAD, change.name(), List.of()));
        }
    }

    private List<Operation> read(ChangeNode change, Side side, Origin at) {
        String table = attr(change, "tableName");
        List<Operation> out = new ArrayList<>();
        switch (change.name()) {
            case "sql" -> out.addAll(sql(change, side));
            case "sqlFile" -> out.addAll(sqlFile.apply(change)
                    .map(f -> sqlFile(f, change, side))
                    .orElseGet(() -> List.of(new Operation.Opaque(at, OpaqueKind.UNREAD, "sqlFile " + attr(change,
                            "path"), List.of()))));
            case "createTable" -> out.add(createTable(at, change, table));
            case "dropTable" -> out.add(new Operation.DropTable(at, name(change, table), false,
                    bool(change, "cascadeConstraints")));
            case "renameTable" -> out.add(new Operation.RenameTable(at, name(change, attr(change, "oldTableName")),
                    name(change, attr(change, "newTableName"))));
            case "addColumn" -> {
                for (ChangeNode column : change.descendants("column")) {
                    out.add(new Operation.AddColumn(at, name(change, table), column(column), false));
                }
            }
            case "dropColumn" -> {
                if (attr(change, "columnName") != null) {
                    out.add(new Operation.DropColumn(at, name(change, table), attr(change, "columnName"), false,
                            false));
                }
                for (ChangeNode column : change.descendants("column")) {
                    out.add(new Operation.DropColumn(at, name(change, table), attr(column, "name"), false, false));
                }
            }
            case "renameColumn" -> out.add(new Operation.RenameColumn(at, name(change, table),
                    attr(change, "oldColumnName"), attr(change, "newColumnName")));
            case "modifyDataType" -> out.add(modifyDataType(at, change, table));
            case "addNotNullConstraint" -> {
                String fill = attr(change, "defaultNullValue");
                if (fill != null) {
                    // Liquibase fills the NULLs first: UPDATE t SET c = fill WHERE c IS NULL
                    out.add(new Operation.DataChange(at, DataKind.UPDATE, name(change, table),
                            List.of(attr(change, "columnName")), true, null));
                }
                out.add(new Operation.AlterColumnNullability(at, name(change, table), attr(change, "columnName"),
                        false));
            }
            case "dropNotNullConstraint" -> out.add(new Operation.AlterColumnNullability(at, name(change, table),
                    attr(change, "columnName"), true));
            case "addDefaultValue" -> out.add(new Operation.AlterColumnDefault(at, name(change, table),
                    attr(change, "columnName"), defaultValue(change)));
            case "dropDefaultValue" -> out.add(new Operation.AlterColumnDefault(at, name(change, table),
                    attr(change, "columnName"), null));
            case "createIndex" -> out.add(createIndex(at, change, table));
            case "dropIndex" -> out.add(new Operation.DropIndex(at, name(change, attr(change, "indexName")),
                    table == null ? null : name(change, table), false, false));
            case "addPrimaryKey" -> out.add(new Operation.AddConstraint(at, name(change, table),
                    new Constraint.PrimaryKey(attr(change, "constraintName"), list(attr(change, "columnNames"))),
                    false));
            case "dropPrimaryKey" -> out.add(new Operation.DropConstraint(at, name(change, table),
                    attr(change, "constraintName"), ConstraintKind.PRIMARY_KEY, false));
            case "addForeignKeyConstraint" -> out.add(addForeignKey(at, change));
            case "dropForeignKeyConstraint" -> out.add(new Operation.DropConstraint(at,
                    name(change, attr(change, "baseTableName")), attr(change, "constraintName"),
                    ConstraintKind.FOREIGN_KEY, false));
            case "addUniqueConstraint" -> out.add(new Operation.AddConstraint(at, name(change, table),
                    new Constraint.Unique(attr(change, "constraintName"), list(attr(change, "columnNames")), null),
                    false));
            case "dropUniqueConstraint" -> out.add(new Operation.DropConstraint(at, name(change, table),
                    attr(change, "constraintName"), ConstraintKind.UNIQUE, false));
            case "addCheckConstraint" -> out.add(new Operation.AddConstraint(at, name(change, table),
                    new Constraint.Check(attr(change, "constraintName"), text(change, "constraintBody")),
                    !bool(change, "validate", true)));
            case "dropCheckConstraint" -> out.add(new Operation.DropConstraint(at, name(change, table),
                    attr(change, "constraintName"), ConstraintKind.CHECK, false));
            case "createView" -> out.add(createView(at, change));
            case "dropView" -> out.add(new Operation.DropView(at, name(change, attr(change, "viewName")), false,
                    bool(change, "ifExists")));
            case "createSequence" -> out.add(new Operation.CreateSequence(at, name(change,
                    attr(change, "sequenceName")), false, sequenceOptions(change)));
            case "alterSequence" -> out.add(new Operation.AlterSequence(at, name(change,
                    attr(change, "sequenceName")), sequenceOptions(change)));
            case "dropSequence" -> out.add(new Operation.DropSequence(at, name(change, attr(change, "sequenceName")),
                    false));
            case "addAutoIncrement" -> out.addAll(addAutoIncrement(at, change, table));
            case "addLookupTable" -> out.addAll(addLookupTable(at, change));
            case "mergeColumns" -> out.addAll(mergeColumns(at, change, table));
            case "insert" -> out.add(new Operation.DataChange(at, DataKind.INSERT, name(change, table),
                    columnNames(change), false, null));
            case "update" -> out.add(new Operation.DataChange(at, DataKind.UPDATE, name(change, table),
                    columnNames(change), hasWhere(change), null, derivedColumns(change)));
            case "delete" -> out.add(new Operation.DataChange(at, DataKind.DELETE, name(change, table), List.of(),
                    hasWhere(change), null));
            case "loadData" -> out.add(new Operation.DataChange(at, DataKind.INSERT, name(change, table),
                    columnNames(change), false, null));
            case "loadUpdateData" -> out.add(new Operation.DataChange(at, DataKind.MERGE, name(change, table),
                    columnNames(change), false, null));
            case "setTableRemarks", "setColumnRemarks" -> out.add(new Operation.Opaque(at, OpaqueKind.COMMENT,
                    change.name(), mentions(change, table)));
            case "dropProcedure" -> out.add(dropRoutine(at, change, RoutineKind.PROCEDURE, "procedureName"));
            case "dropTrigger" -> out.add(dropRoutine(at, change, RoutineKind.TRIGGER, "triggerName"));
            case "createProcedure", "createFunction", "createTrigger", "createPackage", "createPackageBody",
                 "createSynonym", "dropFunction", "dropPackage", "dropPackageBody", "dropSynonym", "enableTrigger",
                 "disableTrigger", "customChange", "executeCommand" -> {
                String code = change.text().isEmpty() ? attr(change, "procedureText") : change.text();
                List<QualifiedName> mentioned = new ArrayList<>(mentions(change, table));
                List<Operation> read = code == null || code.isBlank() ? List.of()
                        : SqlOperations.statement(properties.substitute(code), at, dialect);
                if (change.name().startsWith("create") && read.size() == 1
                        && read.get(0) instanceof Operation.Routine routine) {
                    // the definition Liquibase runs, as written
                    out.add(routine);
                    break;
                }
                for (Operation op : read) if (op instanceof Operation.Opaque o) mentioned.addAll(o.mentions());
                out.add(new Operation.Opaque(at, OpaqueKind.PROCEDURAL, change.name(), distinct(mentioned)));
            }
            default -> {
                if (!NOTHING.contains(change.name())) {
                    out.add(new Operation.Opaque(at, OpaqueKind.UNREAD, change.name(), mentions(change, table)));
                }
            }
        }
        return out;
    }

    /**
     * What Liquibase runs to roll this change back by itself ({@code createInverses()}), at the change's place on
     * the rollback side; empty when it has no inverse.
     */
    List<Operation> inverse(ChangeNode change) {
        if (!ChangeSetFacts.dbmsIncludes(change.attribute("dbms"), dialect)) return List.of();
        Origin at = new Origin(Location.at(path, change.line(), change.column()), Side.ROLLBACK);
        try {
            return inverse(change, at);
        } catch (RuntimeException e) {
            return List.of(new Operation.Opaque(at, OpaqueKind.UNREAD, change.name(), List.of()));
        }
    }

    private List<Operation> inverse(ChangeNode change, Origin at) {
        String table = attr(change, "tableName");
        List<Operation> out = new ArrayList<>();
        switch (change.name()) {
            case "createTable" -> out.add(new Operation.DropTable(at, name(change, table), false, false));
            case "addColumn" -> {
                List<ChangeNode> columns = change.descendants("column");
                for (int i = columns.size() - 1; i >= 0; i--) {
                    out.add(new Operation.DropColumn(at, name(change, table), attr(columns.get(i), "name"), false,
                            false));
                }
            }
            case "renameColumn" -> out.add(new Operation.RenameColumn(at, name(change, table),
                    attr(change, "newColumnName"), attr(change, "oldColumnName")));
            case "renameTable" -> out.add(new Operation.RenameTable(at, name(change, attr(change, "newTableName")),
                    name(change, attr(change, "oldTableName"))));
            case "createIndex" -> out.add(new Operation.DropIndex(at, name(change, attr(change, "indexName")),
                    table == null ? null : name(change, table), false, false));
            case "createView" -> out.add(new Operation.DropView(at, name(change, attr(change, "viewName")), false,
                    false));
            case "createSequence" -> out.add(new Operation.DropSequence(at, name(change,
                    attr(change, "sequenceName")), false));
            case "addForeignKeyConstraint" -> out.add(new Operation.DropConstraint(at,
                    name(change, attr(change, "baseTableName")), attr(change, "constraintName"),
                    ConstraintKind.FOREIGN_KEY, false));
            case "addPrimaryKey" -> out.add(new Operation.DropConstraint(at, name(change, table),
                    attr(change, "constraintName"), ConstraintKind.PRIMARY_KEY, false));
            case "addUniqueConstraint" -> out.add(new Operation.DropConstraint(at, name(change, table),
                    attr(change, "constraintName"), ConstraintKind.UNIQUE, false));
            case "addNotNullConstraint" -> out.add(new Operation.AlterColumnNullability(at, name(change, table),
                    attr(change, "columnName"), true));
            case "dropNotNullConstraint" -> out.add(new Operation.AlterColumnNullability(at, name(change, table),
                    attr(change, "columnName"), false));
            case "addDefaultValue" -> out.add(new Operation.AlterColumnDefault(at, name(change, table),
                    attr(change, "columnName"), null));
            case "addLookupTable" -> {
                out.add(new Operation.DropConstraint(at, name(change, attr(change, "existingTableName")),
                        attr(change, "constraintName"), ConstraintKind.FOREIGN_KEY, false));
                out.add(new Operation.DropTable(at, name(change, attr(change, "newTableName")), false, false));
            }
            case "loadUpdateData" -> out.add(new Operation.DataChange(at, DataKind.DELETE, name(change, table),
                    List.of(), true, null));
            case "renameView", "renameSequence" -> out.add(new Operation.Opaque(at, OpaqueKind.OTHER_OBJECT,
                    change.name(), List.of()));
            default -> {
            }
        }
        return out;
    }

    /** {@code dropProcedure} and {@code dropTrigger}: code removed, no table changed; unread without the name. */
    private Operation dropRoutine(Origin at, ChangeNode change, RoutineKind kind, String nameAttribute) {
        String routine = attr(change, nameAttribute);
        if (routine == null) return new Operation.Opaque(at, OpaqueKind.PROCEDURAL, change.name(), List.of());
        return new Operation.Routine(at, kind, new QualifiedName(attr(change, "schemaName"), routine, false), true,
                null, List.of());
    }

    /** The SQL of a {@code sqlFile} change, split as Liquibase splits it. */
    private List<Operation> sqlFile(SqlFile f, ChangeNode change, Side side) {
        return SqlOperations.read(properties.substitute(f.content()), dialect, Location.file(f.path()), side,
                change.attribute("endDelimiter"));
    }

    /** The SQL of a {@code sql} change (or a rollback written as SQL), read where it is written. */
    List<Operation> sql(ChangeNode change, Side side) {
        String sql = change.attribute("sql");
        ChangeNode nested = change.child("sql");
        if (sql == null) sql = nested != null && !nested.text().isBlank() ? nested.text() : change.text();
        if (sql == null || sql.isBlank()) return List.of();
        String substituted = properties.substitute(sql);
        int lead = 0;
        while (lead < substituted.length() && Character.isWhitespace(substituted.charAt(lead))) lead++;
        String body = substituted.substring(lead);
        Location base = places.start(sql, change);
        if ("false".equalsIgnoreCase(change.attribute("splitStatements"))) {
            // Liquibase sends the whole text as one statement (a procedure body with its own semicolons)
            return SqlOperations.statement(body.strip(), new Origin(base, side), dialect);
        }
        return SqlOperations.read(body, dialect, base, side, change.attribute("endDelimiter"));
    }

    private Operation createTable(Origin at, ChangeNode change, String table) {
        List<ColumnDef> columns = new ArrayList<>();
        List<String> primary = new ArrayList<>();
        String primaryName = null;
        List<Constraint> constraints = new ArrayList<>();
        for (ChangeNode column : change.descendants("column")) {
            ColumnDef def = column(column);
            ChangeNode c = column.child("constraints");
            if (def.primaryKey()) {
                primary.add(def.name());
                if (c != null && attr(c, "primaryKeyName") != null) primaryName = attr(c, "primaryKeyName");
            }
            if (c != null && attr(c, "uniqueConstraintName") != null && def.unique()) {
                constraints.add(new Constraint.Unique(attr(c, "uniqueConstraintName"), List.of(def.name()), null));
                def = withUnique(def, false);
            }
            if (c != null && attr(c, "checkConstraint") != null) {
                constraints.add(new Constraint.Check(null, attr(c, "checkConstraint")));
            }
            columns.add(def);
        }
        if (primary.size() > 1 || primaryName != null) {
            // Liquibase writes a table-level PRIMARY KEY for several columns or a named key
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).primaryKey()) columns.set(i, withoutPrimaryKey(columns.get(i)));
            }
            constraints.add(0, new Constraint.PrimaryKey(primaryName, primary));
        }
        return new Operation.CreateTable(at, name(change, table), columns, constraints, bool(change, "ifNotExists"),
                false, false);
    }

    private static ColumnDef withUnique(ColumnDef d, boolean unique) {
        return new ColumnDef(d.name(), d.type(), d.typeText(), d.notNull(), d.defaultValue(), d.generated(),
                d.primaryKey(), unique, d.references(), d.defaultConstraint());
    }

    private static ColumnDef withoutPrimaryKey(ColumnDef d) {
        return new ColumnDef(d.name(), d.type(), d.typeText(), true, d.defaultValue(), d.generated(), false,
                d.unique(), d.references(), d.defaultConstraint());
    }

    /** A {@code column} element of createTable or addColumn. */
    private ColumnDef column(ChangeNode column) {
        String type = attr(column, "type");
        ChangeNode c = column.child("constraints");
        boolean primaryKey = c != null && bool(c, "primaryKey");
        boolean notNull = primaryKey || c != null && c.attribute("nullable") != null && !bool(c, "nullable");
        boolean unique = c != null && bool(c, "unique");
        ColumnDef.Reference references = null;
        if (c != null) {
            String target = attr(c, "referencedTableName");
            List<String> targetColumns = list(attr(c, "referencedColumnNames"));
            String inline = attr(c, "references");
            if (target == null && inline != null && inline.contains("(")) {
                target = inline.substring(0, inline.indexOf('(')).strip();
                targetColumns = list(inline.substring(inline.indexOf('(') + 1, inline.lastIndexOf(')') < 0
                        ? inline.length() : inline.lastIndexOf(')')));
            }
            if (target != null) {
                references = new ColumnDef.Reference(QualifiedName.of(target), targetColumns,
                        bool(c, "deleteCascade") ? "CASCADE" : null, null);
            }
        }
        ColumnDef.Generated generated = bool(column, "autoIncrement") ? autoIncrement() : null;
        // defaultValueConstraintName: the name Liquibase gives the default on SQL Server, which a dropDefaultValue or
        // a DROP CONSTRAINT in a sql change later finds it by
        return new ColumnDef(attr(column, "name"), LiquibaseTypes.of(dialect, type), type, notNull,
                defaultValue(column), generated, primaryKey, unique, references,
                attr(column, "defaultValueConstraintName"));
    }

    private ColumnDef.Generated autoIncrement() {
        return new ColumnDef.Generated(switch (dialect) {
            case MYSQL, MARIADB, SQLITE -> ColumnDef.Generated.Kind.AUTO_INCREMENT;
            default -> ColumnDef.Generated.Kind.IDENTITY_BY_DEFAULT;
        }, null);
    }

    /** Liquibase's {@code defaultValue*} attributes, as the SQL they become. */
    private String defaultValue(ChangeNode node) {
        String text = attr(node, "defaultValue");
        if (text != null) return "'" + text.replace("'", "''") + "'";
        for (String key : List.of("defaultValueNumeric", "defaultValueBoolean", "defaultValueComputed")) {
            String v = attr(node, key);
            if (v != null) return v;
        }
        String date = attr(node, "defaultValueDate");
        if (date != null) return "'" + date + "'";
        String sequence = attr(node, "defaultValueSequenceNext");
        return sequence == null ? null : "nextval('" + sequence + "')";
    }

    /** MySQL's MODIFY gives the column only the new type, dropping NOT NULL and the default, as Liquibase writes it. */
    private Operation modifyDataType(Origin at, ChangeNode change, String table) {
        String written = attr(change, "newDataType");
        String column = attr(change, "columnName");
        if (dialect.isMysqlFamily()) {
            return new Operation.RedefineColumn(at, name(change, table), column, new ColumnDef(column,
                    LiquibaseTypes.of(dialect, written), written, false, null, null, false, false, null));
        }
        return new Operation.AlterColumnType(at, name(change, table), column, LiquibaseTypes.of(dialect, written),
                written, null);
    }

    private Operation createIndex(Origin at, ChangeNode change, String table) {
        List<IndexKey> keys = new ArrayList<>();
        for (ChangeNode column : change.descendants("column")) {
            String n = attr(column, "name");
            if (n == null) continue;
            keys.add(bool(column, "computed") ? IndexKey.expression(n) : IndexKey.column(n));
        }
        return new Operation.CreateIndex(at, attr(change, "indexName"), name(change, table), keys,
                bool(change, "unique"), false, false, null, null);
    }

    private Operation addForeignKey(Origin at, ChangeNode change) {
        String onDelete = attr(change, "onDelete");
        if (onDelete == null && bool(change, "deleteCascade")) onDelete = "CASCADE";
        var reference = new ColumnDef.Reference(qualified(attr(change, "referencedTableSchemaName"),
                attr(change, "referencedTableName")), list(attr(change, "referencedColumnNames")), onDelete,
                attr(change, "onUpdate"));
        return new Operation.AddConstraint(at, qualified(attr(change, "baseTableSchemaName"),
                attr(change, "baseTableName")), new Constraint.ForeignKey(attr(change, "constraintName"),
                list(attr(change, "baseColumnNames")), reference), !bool(change, "validate", true));
    }

    private Operation createView(Origin at, ChangeNode change) {
        String view = attr(change, "viewName");
        String query = change.attribute("selectQuery") != null ? attr(change, "selectQuery") : change.text();
        boolean replace = bool(change, "replaceIfExists");
        List<QualifiedName> reads = List.of();
        if (query != null && !query.isBlank() && !bool(change, "fullDefinition")) {
            for (Operation op : SqlOperations.statement("CREATE VIEW v AS " + properties.substitute(query), at,
                    dialect)) {
                if (op instanceof Operation.CreateView v) reads = v.reads();
            }
        }
        return new Operation.CreateView(at, name(change, view), replace, false, reads);
    }

    private String sequenceOptions(ChangeNode change) {
        StringBuilder b = new StringBuilder();
        option(b, "START WITH", attr(change, "startValue"));
        option(b, "INCREMENT BY", attr(change, "incrementBy"));
        option(b, "MINVALUE", attr(change, "minValue"));
        option(b, "MAXVALUE", attr(change, "maxValue"));
        option(b, "CACHE", attr(change, "cacheSize"));
        if (change.attribute("cycle") != null) option(b, bool(change, "cycle") ? "CYCLE" : "NO CYCLE", "");
        return b.toString().strip();
    }

    private static void option(StringBuilder b, String keyword, String value) {
        if (value == null) return;
        b.append(' ').append(keyword);
        if (!value.isEmpty()) b.append(' ').append(value);
    }

    /**
     * MySQL: {@code MODIFY c type AUTO_INCREMENT}. Elsewhere Liquibase gives the column a generated default (an
     * identity, or a sequence's {@code nextval}): a new default, whatever the mechanism.
     */
    private List<Operation> addAutoIncrement(Origin at, ChangeNode change, String table) {
        String column = attr(change, "columnName");
        String type = attr(change, "columnDataType");
        if (dialect.isMysqlFamily()) {
            return List.of(new Operation.RedefineColumn(at, name(change, table), column, new ColumnDef(column,
                    LiquibaseTypes.of(dialect, type), type, true, null, autoIncrement(), false, false, null)));
        }
        String sequence = table + "_" + column + "_seq";
        return List.of(new Operation.CreateSequence(at, name(change, sequence), false, sequenceOptions(change)),
                new Operation.AlterColumnDefault(at, name(change, table), column, "nextval('" + sequence + "')"));
    }

    /** A new table filled with the distinct values of a column, which then refers to it. */
    private List<Operation> addLookupTable(Origin at, ChangeNode change) {
        QualifiedName lookup = qualified(attr(change, "newTableSchemaName"), attr(change, "newTableName"));
        String column = attr(change, "newColumnName");
        String type = attr(change, "newColumnDataType");
        ColumnDef def = new ColumnDef(column, LiquibaseTypes.of(dialect, type), type, true, null, null, true, false,
                null);
        QualifiedName existing = qualified(attr(change, "existingTableSchemaName"), attr(change,
                "existingTableName"));
        return List.of(new Operation.CreateTable(at, lookup, List.of(def), List.of(), false, false, false),
                new Operation.DataChange(at, DataKind.INSERT, lookup, List.of(column), false, null),
                new Operation.AddConstraint(at, existing, new Constraint.ForeignKey(attr(change, "constraintName"),
                        List.of(attr(change, "existingColumnName")), new ColumnDef.Reference(lookup, List.of(column),
                        null, null)), false));
    }

    /** Add the final column, fill it from the two, drop the two. */
    private List<Operation> mergeColumns(Origin at, ChangeNode change, String table) {
        String type = attr(change, "finalColumnType");
        String merged = attr(change, "finalColumnName");
        QualifiedName t = name(change, table);
        return List.of(new Operation.AddColumn(at, t, new ColumnDef(merged, LiquibaseTypes.of(dialect, type), type,
                        false, null, null, false, false, null), false),
                new Operation.DataChange(at, DataKind.UPDATE, t, List.of(merged), false, null),
                new Operation.DropColumn(at, t, attr(change, "column1Name"), false, false),
                new Operation.DropColumn(at, t, attr(change, "column2Name"), false, false));
    }

    private List<String> columnNames(ChangeNode change) {
        List<String> out = new ArrayList<>();
        for (ChangeNode column : change.descendants("column")) {
            String n = attr(column, "name");
            if (n != null) out.add(n);
        }
        return out;
    }

    /** The columns an {@code <update>} computes from their own old value ({@code valueComputed="lower(name)"}). */
    private Map<String, String> derivedColumns(ChangeNode change) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ChangeNode column : change.descendants("column")) {
            String n = attr(column, "name");
            String computed = attr(column, "valueComputed");
            if (n != null && SqlOperations.readsColumn(computed, n)) out.put(n, computed.strip());
        }
        return out;
    }

    private static boolean hasWhere(ChangeNode change) {
        String where = change.attribute("where");
        ChangeNode nested = change.child("where");
        return where != null && !where.isBlank() || nested != null && !nested.text().isBlank();
    }

    private List<QualifiedName> mentions(ChangeNode change, String table) {
        return table == null ? List.of() : List.of(name(change, table));
    }

    private static List<QualifiedName> distinct(List<QualifiedName> names) {
        List<QualifiedName> out = new ArrayList<>();
        for (QualifiedName n : names) if (out.stream().noneMatch(o -> o.key().equals(n.key()))) out.add(n);
        return out;
    }

    private String text(ChangeNode change, String attribute) {
        String v = attr(change, attribute);
        return v != null ? v : properties.substitute(change.text());
    }

    /** A name in the change's schema ({@code schemaName}), a missing one as the empty name. */
    private QualifiedName name(ChangeNode change, String name) {
        return qualified(attr(change, "schemaName"), name);
    }

    private static QualifiedName qualified(String schema, String name) {
        return new QualifiedName(schema, name == null ? "" : name, false);
    }

    private String attr(ChangeNode node, String key) {
        String v = node.attribute(key);
        return v == null ? null : properties.substitute(v);
    }

    private boolean bool(ChangeNode node, String key) {
        return bool(node, key, false);
    }

    private boolean bool(ChangeNode node, String key, boolean unsaid) {
        String v = attr(node, key);
        return v == null ? unsaid : Boolean.parseBoolean(v.strip());
    }

    private static List<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) return List.of();
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The {@code property} values of a changelog and the changelogs before it, for one database: {@code ${name}} is
     * replaced where one value applies; otherwise it stays as written (and a type that holds it is unknown).
     */
    static final class Properties {
        static final Properties NONE = new Properties(Map.of());
        private final Map<String, String> values;

        private Properties(Map<String, String> values) {
            this.values = values;
        }

        /** Liquibase keeps the first value set for a name; one given for other databases does not count. */
        static Properties of(List<Changelog.Property> written, Dialect dialect) {
            Map<String, String> values = new java.util.HashMap<>();
            for (Changelog.Property p : written) {
                if (ChangeSetFacts.dbmsIncludes(p.dbms(), dialect)) values.putIfAbsent(p.name(), p.value());
            }
            return new Properties(values);
        }

        String substitute(String text) {
            if (text == null || values.isEmpty() || !text.contains("${")) return text;
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (true) {
                int open = text.indexOf("${", at);
                int close = open < 0 ? -1 : text.indexOf('}', open);
                if (close < 0) break;
                String value = values.get(text.substring(open + 2, close));
                out.append(text, at, open).append(value != null ? value : text.substring(open, close + 1));
                at = close + 1;
            }
            return out.append(text.substring(at)).toString();
        }
    }

    /** Where the text of a change starts in its changelog file. */
    interface TextPlaces {
        Location start(String text, ChangeNode change);
    }
}
