package dev.migrationguard.sql;

import dev.migrationguard.model.ops.ColumnDef;
import dev.migrationguard.model.ops.ColumnDef.Generated;
import dev.migrationguard.model.ops.Constraint;
import dev.migrationguard.model.ops.Operation.IndexKey;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.SqlType;
import dev.migrationguard.sql.SqlTokens.Cursor;
import dev.migrationguard.sql.SqlTokens.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Column definitions, table constraints and index keys read from tokens. Both readers end here: the tolerant one with
 * the statement's own tokens, the JSqlParser one with the text of the parsed element, so one column reads the same
 * whichever parsed the statement.
 */
final class ColumnSyntax {
    /** Words that end a column's type and start its constraints or options. */
    private static final Set<String> TYPE_END = Set.of("NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "REFERENCES",
            "CHECK", "CONSTRAINT", "GENERATED", "AUTO_INCREMENT", "AUTOINCREMENT", "IDENTITY", "COLLATE", "COMMENT",
            "ON", "CHARSET", "AS", "FIRST", "AFTER", "INVISIBLE", "VISIBLE", "SPARSE", "STORAGE", "COLUMN_FORMAT",
            "SRID", "KEY", "ENCODE", "ROWGUIDCOL", "FILESTREAM", "MASKED", "ENABLE", "USING");
    /** Words that end a DEFAULT expression. */
    private static final Set<String> DEFAULT_END = Set.of("NOT", "NULL", "PRIMARY", "UNIQUE", "REFERENCES", "CHECK",
            "CONSTRAINT", "GENERATED", "AUTO_INCREMENT", "AUTOINCREMENT", "COLLATE", "COMMENT", "ON", "FIRST", "AFTER",
            "VISIBLE", "INVISIBLE", "IDENTITY", "CHARSET", "CHARACTER");

    private ColumnSyntax() {
    }

    /** A column definition starting with its name; null when the tokens do not start with a name. */
    static ColumnDef column(List<Token> tokens, Dialect dialect) {
        Cursor c = new Cursor(tokens);
        String name = c.identifier();
        if (name == null) return null;
        int typeStart = c.position();
        while (!c.done() && !endsType(c)) {
            if (c.group() == null) c.next();
        }
        List<Token> type = c.slice(typeStart, c.position());
        String typeText = type.isEmpty() ? null : SqlTokens.canonical(type);
        SqlType sqlType = typeText == null ? null : SqlType.parse(dialect, typeText);
        Generated generated = typeText != null && isSerial(typeText) ? new Generated(Generated.Kind.SERIAL, null) : null;
        boolean notNull = false;
        boolean primaryKey = false;
        boolean unique = false;
        String defaultValue = null;
        String defaultConstraint = null;
        // The name of a CONSTRAINT clause names the clause right after it; SQL Server names a default this way.
        String constraintName = null;
        ColumnDef.Reference references = null;
        while (!c.done()) {
            String named = constraintName;
            constraintName = null;
            if (c.accept("NOT", "NULL")) {
                notNull = true;
            } else if (c.accept("NULL")) {
                notNull = false;
            } else if (c.accept("DEFAULT")) {
                defaultValue = SqlTokens.canonical(expression(c));
                defaultConstraint = named;
            } else if (c.accept("PRIMARY", "KEY")) {
                primaryKey = true;
                notNull = true;
                skipOrder(c);
            } else if (c.accept("UNIQUE")) {
                c.accept("KEY");
                unique = true;
            } else if (c.accept("REFERENCES")) {
                references = reference(c);
            } else if (c.at("GENERATED") || c.at("AS", "(") || c.at("AS", "IDENTITY")) {
                generated = generation(c);
            } else if (c.accept("AUTO_INCREMENT") || c.accept("AUTOINCREMENT")) {
                generated = new Generated(Generated.Kind.AUTO_INCREMENT, null);
            } else if (c.accept("IDENTITY")) {
                c.group();
                generated = new Generated(Generated.Kind.IDENTITY_BY_DEFAULT, null);
            } else if (c.accept("CHECK")) {
                c.group();
            } else if (c.accept("CONSTRAINT")) {
                constraintName = c.identifier();
            } else {
                c.next();
            }
        }
        return new ColumnDef(name, sqlType, typeText, notNull, defaultValue, generated, primaryKey, unique, references,
                defaultConstraint);
    }

    private static boolean endsType(Cursor c) {
        Token t = c.peek();
        if (t.type() != SqlTokens.Type.WORD) return false;
        String u = t.upper();
        if (u.equals("CHARACTER")) return c.peek(1) != null && c.peek(1).is("SET");
        if (u.equals("WITH")) return c.peek(1) == null || !(c.peek(1).is("TIME") || c.peek(1).is("LOCAL"));
        return TYPE_END.contains(u);
    }

    private static boolean isSerial(String typeText) {
        String t = typeText.toLowerCase(Locale.ROOT);
        return t.equals("serial") || t.equals("bigserial") || t.equals("smallserial") || t.startsWith("serial")
                && t.length() == 7;
    }

    /**
     * The tokens of a DEFAULT expression: its first term whatever it is ({@code NULL}, {@code -1}, {@code now()}), then
     * everything up to the next word that starts a constraint or option of the column.
     */
    private static List<Token> expression(Cursor c) {
        int start = c.position();
        while (!c.done()) {
            Token t = c.peek();
            boolean first = c.position() == start;
            if (!first && (t.is(",") || endsDefault(c))) break;
            if (c.group() == null) c.next();
        }
        return c.slice(start, c.position());
    }

    private static boolean endsDefault(Cursor c) {
        Token t = c.peek();
        if (t.type() != SqlTokens.Type.WORD || !DEFAULT_END.contains(t.upper())) return false;
        // 'x'::character varying is a cast; CHARACTER SET starts a MySQL option
        return !t.is("CHARACTER") || c.peek(1) != null && c.peek(1).is("SET");
    }

    private static boolean isOperator(Token t) {
        return t.type() == SqlTokens.Type.SYMBOL && !t.is("(") && !t.is(")") && !t.is(",");
    }

    private static Generated generation(Cursor c) {
        c.accept("GENERATED");
        boolean always = c.accept("ALWAYS");
        if (c.accept("BY", "DEFAULT")) always = false;
        c.accept("ON", "NULL");
        if (c.accept("AS", "IDENTITY")) {
            c.group();
            return new Generated(always ? Generated.Kind.IDENTITY_ALWAYS : Generated.Kind.IDENTITY_BY_DEFAULT, null);
        }
        c.accept("AS");
        List<Token> expr = c.group();
        String text = expr == null ? null : SqlTokens.canonical(expr);
        boolean stored = c.accept("STORED") || c.accept("PERSISTED");
        c.accept("VIRTUAL");
        return new Generated(stored ? Generated.Kind.STORED : Generated.Kind.VIRTUAL, text);
    }

    private static void skipOrder(Cursor c) {
        if (!c.accept("ASC")) c.accept("DESC");
    }

    /** After {@code REFERENCES}: the table, its columns and the ON DELETE / ON UPDATE actions. */
    static ColumnDef.Reference reference(Cursor c) {
        QualifiedName table = c.name();
        List<String> columns = SqlTokens.names(c.group());
        String onDelete = null;
        String onUpdate = null;
        while (!c.done()) {
            if (c.accept("ON", "DELETE")) {
                onDelete = action(c);
            } else if (c.accept("ON", "UPDATE")) {
                onUpdate = action(c);
            } else if (c.accept("MATCH")) {
                c.next();
            } else {
                break;
            }
        }
        return new ColumnDef.Reference(table == null ? QualifiedName.of("?") : table, columns, onDelete, onUpdate);
    }

    private static String action(Cursor c) {
        if (c.accept("SET", "NULL")) return "SET NULL";
        if (c.accept("SET", "DEFAULT")) return "SET DEFAULT";
        if (c.accept("NO", "ACTION")) return "NO ACTION";
        Token t = c.next();
        return t == null ? null : t.upper();
    }

    /** What a table element or {@code ADD} clause defines, when it is a constraint. */
    record ConstraintClause(Constraint constraint, boolean notValid) {
    }

    /**
     * A table constraint: {@code [CONSTRAINT name] PRIMARY KEY (...) | UNIQUE [KEY|INDEX] [name] (...) | UNIQUE USING
     * INDEX i | FOREIGN KEY [name] (...) REFERENCES ... | CHECK (...) | EXCLUDE ...}, then {@code NOT VALID}. Null when
     * the tokens are not a constraint (a column, or a MySQL index).
     */
    static ConstraintClause constraint(List<Token> tokens) {
        Cursor c = new Cursor(tokens);
        String name = null;
        if (c.accept("CONSTRAINT")) {
            if (!c.atAny("PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "EXCLUDE")) name = c.identifier();
        }
        Constraint constraint;
        if (c.accept("PRIMARY", "KEY")) {
            c.accept("CLUSTERED");
            c.accept("NONCLUSTERED");
            skipIndexType(c);
            constraint = new Constraint.PrimaryKey(name, keyColumns(c.group()));
        } else if (c.accept("UNIQUE")) {
            if (c.accept("USING", "INDEX")) {
                constraint = new Constraint.Unique(name, List.of(), c.identifier());
            } else {
                c.accept("NULLS", "NOT", "DISTINCT");
                boolean keyword = c.accept("KEY") || c.accept("INDEX");
                c.accept("CLUSTERED");
                c.accept("NONCLUSTERED");
                if (!c.at("(") && (keyword || c.peek() != null && c.peek().isName() && !c.at("USING"))) {
                    String indexName = c.identifier();
                    if (name == null) name = indexName;
                }
                skipIndexType(c);
                constraint = new Constraint.Unique(name, keyColumns(c.group()), null);
            }
        } else if (c.accept("FOREIGN", "KEY")) {
            if (!c.at("(")) {
                String indexName = c.identifier();
                if (name == null) name = indexName;
            }
            List<String> columns = SqlTokens.names(c.group());
            if (!c.accept("REFERENCES")) return null;
            constraint = new Constraint.ForeignKey(name, columns, reference(c));
        } else if (c.accept("CHECK")) {
            List<Token> expr = c.group();
            if (expr == null) return null;
            constraint = new Constraint.Check(name, SqlTokens.canonical(expr));
        } else if (c.accept("EXCLUDE")) {
            constraint = new Constraint.Exclusion(name, SqlTokens.canonical(c.until("NOT")));
        } else {
            return null;
        }
        boolean notValid = false;
        while (!c.done()) {
            if (c.accept("NOT", "VALID")) {
                notValid = true;
            } else {
                c.next();
            }
        }
        return new ConstraintClause(constraint, notValid);
    }

    private static void skipIndexType(Cursor c) {
        if (c.accept("USING")) c.next();
    }

    /** The columns of a key list, without MySQL prefix lengths or sort orders ({@code name(10) DESC}). */
    static List<String> keyColumns(List<Token> inside) {
        List<String> out = new ArrayList<>();
        for (IndexKey k : indexKeys(inside)) out.add(k.column() != null ? k.column() : k.expression());
        return out;
    }

    /** Index keys: a name (with MySQL's prefix length, opclass, order, nulls order dropped) or an expression. */
    static List<IndexKey> indexKeys(List<Token> inside) {
        List<IndexKey> out = new ArrayList<>();
        if (inside == null) return out;
        for (List<Token> part : SqlTokens.splitCommas(inside)) {
            if (part.isEmpty()) continue;
            Token first = part.get(0);
            boolean bareName = first.isName() && (part.size() == 1 || !part.get(1).is("(") && !part.get(1).is(".")
                    && !isOperator(part.get(1)) || part.get(1).is("(") && isPrefixLength(part));
            if (first.isName() && (bareName || first.type() == SqlTokens.Type.QUOTED && !part.get(1).is("."))) {
                out.add(IndexKey.column(first.name()));
            } else {
                out.add(IndexKey.expression(SqlTokens.canonical(withoutOrder(part))));
            }
        }
        return out;
    }

    /** {@code name(10)}: MySQL's index prefix length, a number alone in parentheses after a name. */
    private static boolean isPrefixLength(List<Token> part) {
        return part.size() >= 4 && part.get(2).type() == SqlTokens.Type.NUMBER && part.get(3).is(")");
    }

    private static List<Token> withoutOrder(List<Token> part) {
        int end = part.size();
        while (end > 1 && (part.get(end - 1).is("ASC") || part.get(end - 1).is("DESC")
                || part.get(end - 1).is("FIRST") || part.get(end - 1).is("LAST") || part.get(end - 1).is("NULLS"))) {
            end--;
        }
        return part.subList(0, end);
    }
}
