package dev.migrationguard.sql;

import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Origin;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.sql.SqlTokens.Token;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.create.view.AlterView;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.drop.Drop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The first reader of DDL: JSqlParser parses the statement and gives its structure (kind, names, the columns and
 * constraints of a table, the clauses of an ALTER TABLE); the meaning of each element is read by {@link ColumnSyntax}
 * and {@link DdlReader}, as for the statements JSqlParser cannot parse, so both paths agree. Null from
 * {@link #read} means "read it tolerantly instead".
 */
final class AstReader {
    /** JSqlParser can take seconds on a huge statement; the tolerant reader is linear. */
    private static final int MAX_PARSED_LENGTH = 20_000;

    private static final List<String> UNPARSED_WORDS = List.of("CONCURRENTLY", "VALID", "ENUM", "EXCLUDE", "ROWID",
            "OWNED");

    private AstReader() {
    }

    /** The statement's operations from JSqlParser's tree; null when it does not parse or is not one we map. */
    static List<Operation> read(String statement, Origin origin, Dialect dialect) {
        if (statement.length() > MAX_PARSED_LENGTH || statement.contains("${") || beyondJSqlParser(statement)) {
            return null;
        }
        Statement parsed;
        try {
            parsed = BoundedParse.parse(statement, dialect == Dialect.MSSQL);
        } catch (Exception | StackOverflowError e) {
            return null;
        }
        try {
            return map(parsed, origin, dialect);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Syntax JSqlParser 5.3 fails on (CONCURRENTLY, NOT VALID, enum types, EXCLUDE, WITHOUT ROWID, OWNED BY,
     * UNIQUE USING INDEX): a parse attempt would cost a millisecond for nothing, and these are the common statements
     * of PostgreSQL migrations.
     */
    private static boolean beyondJSqlParser(String statement) {
        for (String word : UNPARSED_WORDS) {
            if (DataStatements.indexOfWord(statement, word) >= 0) return true;
        }
        return false;
    }

    private static List<Operation> map(Statement s, Origin origin, Dialect dialect) {
        if (s instanceof CreateTable ct) return createTable(ct, origin, dialect);
        if (s instanceof Alter alter) return alter(alter, origin, dialect);
        if (s instanceof CreateIndex ci) return createIndex(ci, origin);
        if (s instanceof Drop drop) return drop(drop, origin);
        if (s instanceof CreateView cv) {
            if (cv.getSelect() == null) return null;
            return List.of(new Operation.CreateView(origin, name(cv.getView()), cv.isOrReplace(),
                    cv.isMaterialized(), DdlReader.tablesRead(SqlTokens.of(cv.getSelect().toString()))));
        }
        if (s instanceof AlterView av) {
            if (av.getSelect() == null) return null;
            return List.of(new Operation.CreateView(origin, name(av.getView()), true, false,
                    DdlReader.tablesRead(SqlTokens.of(av.getSelect().toString()))));
        }
        if (s instanceof RenameTableStatement rename) {
            List<Operation> out = new ArrayList<>();
            for (var e : rename.getTableNames()) out.add(new Operation.RenameTable(origin, name(e.getKey()), name(e.getValue())));
            return out.isEmpty() ? null : out;
        }
        return null;
    }

    private static List<Operation> createTable(CreateTable ct, Origin origin, Dialect dialect) {
        boolean fromQuery = ct.getSelect() != null || ct.getLikeTable() != null;
        if (ct.getColumnDefinitions() == null && !fromQuery) return null;
        List<List<Token>> elements = new ArrayList<>();
        if (ct.getColumnDefinitions() != null) {
            for (ColumnDefinition column : ct.getColumnDefinitions()) {
                String specs = column.getColumnSpecs() == null ? "" : " " + String.join(" ", column.getColumnSpecs());
                elements.add(SqlTokens.of(column.getColumnName() + " " + column.getColDataType() + specs));
            }
        }
        if (ct.getIndexes() != null) {
            for (Index index : ct.getIndexes()) elements.add(SqlTokens.of(indexText(index)));
        }
        boolean temporary = ct.getCreateOptionsStrings() != null && ct.getCreateOptionsStrings().stream()
                .anyMatch(o -> o.equalsIgnoreCase("TEMPORARY") || o.equalsIgnoreCase("TEMP"));
        return DdlReader.createTable(origin, dialect, name(ct.getTable()), elements, ct.isIfNotExists(), temporary,
                fromQuery);
    }

    /** A table element's text; a check constraint without a name prints as {@code CONSTRAINT null} otherwise. */
    private static String indexText(Index index) {
        if (index instanceof CheckConstraint check) {
            return (check.getName() == null ? "" : "CONSTRAINT " + check.getName() + " ") + "CHECK ("
                    + check.getExpression() + ")";
        }
        return index.toString();
    }

    private static List<Operation> alter(Alter alter, Origin origin, Dialect dialect) {
        if (alter.getTable() == null || alter.getAlterExpressions() == null) return null;
        List<List<Token>> clauses = new ArrayList<>();
        for (AlterExpression e : alter.getAlterExpressions()) clauses.add(SqlTokens.of(e.toString()));
        return DdlReader.alterTable(origin, dialect, name(alter.getTable()), clauses);
    }

    private static List<Operation> createIndex(CreateIndex ci, Origin origin) {
        Index index = ci.getIndex();
        if (index == null || ci.getTable() == null || index.getColumns() == null) return null;
        List<Token> keys = new ArrayList<>();
        for (var column : index.getColumns()) {
            if (!keys.isEmpty()) keys.add(new Token(SqlTokens.Type.SYMBOL, ",", 0, 0));
            keys.addAll(SqlTokens.of(column.toString()));
        }
        String type = index.getType() == null ? "" : index.getType().toUpperCase(Locale.ROOT);
        String method = index.getUsing();
        if (type.contains("FULLTEXT")) method = "FULLTEXT";
        if (type.contains("SPATIAL")) method = "SPATIAL";
        String name = index.getName() == null ? null : SqlTouchReader.unquote(lastPart(index.getName()));
        return List.of(new Operation.CreateIndex(origin, name, name(ci.getTable()), ColumnSyntax.indexKeys(keys),
                type.contains("UNIQUE"), false, ci.isUsingIfNotExists(), method, null));
    }

    private static List<Operation> drop(Drop drop, Origin origin) {
        String type = drop.getType() == null ? "" : drop.getType().toUpperCase(Locale.ROOT);
        if (drop.toString().toUpperCase(Locale.ROOT).startsWith("DROP MATERIALIZED")) type = "MATERIALIZED VIEW";
        List<String> parameters = drop.getParameters() == null ? List.of() : drop.getParameters();
        boolean cascade = parameters.stream().anyMatch(p -> p.equalsIgnoreCase("CASCADE"));
        QualifiedName n = name(drop.getName());
        return switch (type) {
            case "TABLE" -> List.of(new Operation.DropTable(origin, n, drop.isIfExists(), cascade));
            case "VIEW" -> List.of(new Operation.DropView(origin, n, false, drop.isIfExists()));
            case "MATERIALIZED VIEW" -> List.of(new Operation.DropView(origin, n, true, drop.isIfExists()));
            case "SEQUENCE" -> List.of(new Operation.DropSequence(origin, n, drop.isIfExists()));
            case "INDEX" -> {
                QualifiedName table = null;
                for (int i = 0; i + 1 < parameters.size(); i++) {
                    if (parameters.get(i).equalsIgnoreCase("ON")) table = nameOf(parameters.get(i + 1));
                }
                boolean unread = parameters.stream().anyMatch(p -> !p.equalsIgnoreCase("ON")
                        && !p.equalsIgnoreCase("CASCADE") && !p.equalsIgnoreCase("RESTRICT"))
                        && table == null;
                yield unread ? null : List.of(new Operation.DropIndex(origin, n, table, false, drop.isIfExists()));
            }
            default -> null;
        };
    }

    private static QualifiedName name(Table table) {
        String schema = table.getSchemaName() == null ? null : SqlTouchReader.unquote(table.getSchemaName());
        String raw = table.getName();
        return new QualifiedName(schema, SqlTouchReader.unquote(raw), isQuoted(raw));
    }

    private static QualifiedName nameOf(String text) {
        QualifiedName n = new SqlTokens.Cursor(text).name();
        return n == null ? QualifiedName.of(text) : n;
    }

    private static boolean isQuoted(String raw) {
        return raw != null && raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '`' || raw.charAt(0) == '[');
    }

    private static String lastPart(String name) {
        QualifiedName n = nameOf(name);
        return n.quoted() ? "\"" + n.name() + "\"" : n.name();
    }
}
