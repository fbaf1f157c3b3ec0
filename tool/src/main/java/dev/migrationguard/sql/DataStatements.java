package dev.migrationguard.sql;

import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Operation.DataChange;
import dev.migrationguard.model.ops.Operation.DataKind;
import dev.migrationguard.model.ops.Origin;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.sql.SqlTokens.Cursor;
import dev.migrationguard.sql.SqlTokens.Token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * INSERT, UPDATE, DELETE, MERGE and TRUNCATE read from their words, never through the parser: a seed script of a
 * hundred thousand INSERTs must read in a second or two, and all a rule needs is the table, the columns an INSERT names
 * or an UPDATE sets, and whether a WHERE limits an UPDATE or DELETE. An INSERT is tokenised only up to its values.
 */
final class DataStatements {
    /** Enough for the longest column list of an INSERT, far less than its values. */
    private static final int INSERT_HEAD_TOKENS = 4_000;
    private static final Set<String> INSERT_MODIFIERS = Set.of("LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE");

    private DataStatements() {
    }

    /** The operations of a data statement, or null when {@code first} starts none or the table cannot be read. */
    static List<Operation> read(String statement, String first, Origin origin) {
        return switch (first) {
            case "INSERT", "REPLACE", "UPSERT" -> insert(new Cursor(head(statement)), origin);
            case "UPDATE" -> update(new Cursor(statement), origin);
            case "DELETE" -> delete(new Cursor(statement), origin);
            case "MERGE" -> merge(new Cursor(SqlTokens.of(statement, 40)), origin);
            case "TRUNCATE" -> truncate(new Cursor(statement), origin);
            default -> null;
        };
    }

    /**
     * The tokens an INSERT is read from: everything before its VALUES, whose rows can be megabytes; an INSERT ...
     * SELECT up to a bound that any column and select list fits in.
     */
    private static List<Token> head(String statement) {
        int values = indexOfWord(statement, "VALUES");
        return values > 0 ? SqlTokens.of(statement.substring(0, values)) : SqlTokens.of(statement, INSERT_HEAD_TOKENS);
    }

    /** Where {@code word} first stands as a word of its own, ignoring case; -1 when nowhere. */
    static int indexOfWord(String s, String word) {
        int n = word.length();
        for (int i = 0; i + n <= s.length(); i++) {
            if (s.regionMatches(true, i, word, 0, n) && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))
                    && (i + n == s.length() || !Character.isLetterOrDigit(s.charAt(i + n)) && s.charAt(i + n) != '_')) {
                return i;
            }
        }
        return -1;
    }

    /** The statement after a {@code WITH} list of common table expressions, as data; null when it is not data. */
    static List<Operation> afterWith(Cursor c, Origin origin) {
        c.accept("WITH");
        c.accept("RECURSIVE");
        while (!c.done()) {
            if (c.identifier() == null) return null;
            c.group();
            if (!c.accept("AS")) return null;
            c.accept("NOT");
            c.accept("MATERIALIZED");
            if (c.group() == null) return null;
            if (!c.accept(",")) break;
        }
        Token t = c.peek();
        if (t == null) return null;
        return switch (t.upper()) {
            case "INSERT" -> insert(c, origin);
            case "UPDATE" -> update(c, origin);
            case "DELETE" -> delete(c, origin);
            case "MERGE" -> merge(c, origin);
            default -> null;
        };
    }

    private static List<Operation> insert(Cursor c, Origin origin) {
        c.next();
        while (!c.done() && (INSERT_MODIFIERS.contains(c.peek().upper()) || c.at("OR"))) {
            c.accept("OR");
            c.next();
        }
        c.accept("INTO");
        QualifiedName table = c.name();
        if (table == null) return null;
        if (c.accept("AS")) c.identifier();
        List<String> columns = List.of();
        if (c.at("(") && !c.at("(", "SELECT") && !c.at("(", "WITH")) columns = SqlTokens.names(c.group());
        int select = c.position();
        Operation.Copy copy = copy(c, columns);
        c.rest();
        return List.of(new DataChange(origin, DataKind.INSERT, table, columns, false, copy, Map.of(),
                reads(c.slice(select, c.position()), table)));
    }

    /**
     * {@code SELECT a, b AS x, lower(c) FROM t} after an INSERT's column list, when it reads one table: each target
     * column with what fills it. Null for VALUES, joins, set operations or lists of another length.
     */
    private static Operation.Copy copy(Cursor c, List<String> targets) {
        if (targets.isEmpty() || !c.accept("SELECT")) return null;
        c.accept("DISTINCT");
        List<List<Token>> expressions = SqlTokens.splitCommas(c.until("FROM"));
        if (!c.accept("FROM") || expressions.size() != targets.size()) return null;
        QualifiedName from = c.name();
        if (from == null) return null;
        if (c.peek() != null && c.peek().isName() && !c.at("WHERE")) c.next();
        if (!c.done() && !c.at("WHERE")) return null;
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            List<Token> e = expressions.get(i);
            int as = indexOf(e, "AS");
            if (as > 0) e = e.subList(0, as);
            columns.put(targets.get(i), e.size() == 1 && e.get(0).isName() ? e.get(0).name() : SqlTokens.canonical(e));
        }
        return new Operation.Copy(from, columns);
    }

    private static List<Operation> update(Cursor c, Origin origin) {
        int start = c.position();
        c.next();
        while (c.accept("LOW_PRIORITY") || c.accept("IGNORE") || c.accept("ONLY")) {
            // modifiers before the table
        }
        QualifiedName table = c.name();
        if (table == null) return null;
        c.until("SET");
        List<String> columns = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> derived = new LinkedHashMap<>();
        if (c.accept("SET")) {
            for (List<Token> part : SqlTokens.splitCommas(c.until("WHERE", "FROM", "RETURNING", "OUTPUT", "ORDER",
                    "LIMIT"))) {
                int eq = indexOf(part, "=");
                if (eq > 0 && part.get(eq - 1).isName()) {
                    String column = part.get(eq - 1).name();
                    columns.add(column);
                    List<Token> value = part.subList(eq + 1, part.size());
                    values.put(column, value(value));
                    if (readsColumn(value, table, column)) derived.put(column, SqlTokens.canonical(value));
                }
            }
        }
        c.until("WHERE");
        boolean where = c.at("WHERE");
        c.rest();
        return List.of(new DataChange(origin, DataKind.UPDATE, table, columns, where, null, values,
                reads(c.slice(start, c.position()), table), derived));
    }

    /**
     * Whether {@code expression} reads {@code column}, also as {@code table.column} (a function's name and the field of
     * {@code EXTRACT(field FROM x)} are no read).
     */
    static boolean readsColumn(List<Token> expression, QualifiedName table, String column) {
        for (int i = 0; i < expression.size(); i++) {
            Token t = expression.get(i);
            if (!t.isName() || !t.name().equalsIgnoreCase(column)) continue;
            if (i + 1 < expression.size() && expression.get(i + 1).is("(")) continue;
            // EXTRACT(YEAR FROM d) names a field, not a column called year
            if (i + 1 < expression.size() && expression.get(i + 1).is("FROM")) continue;
            // another table's column of the same name (UPDATE t SET a = o.a FROM o) is a copy, not the old value
            if (i >= 2 && expression.get(i - 1).is(".")
                    && (table == null || !expression.get(i - 2).name().equalsIgnoreCase(table.name()))) {
                continue;
            }
            return true;
        }
        return false;
    }

    /** What a SET assigns: a column (its last name part, unquoted: {@code t.name} is {@code name}), else its text. */
    private static String value(List<Token> e) {
        if (e.size() == 1 && e.get(0).isName()) return e.get(0).name();
        if (e.size() == 3 && e.get(0).isName() && e.get(1).is(".") && e.get(2).isName()) return e.get(2).name();
        return SqlTokens.canonical(e);
    }

    /**
     * The tables a data statement reads besides {@code target}: each named after a {@code JOIN}, or after a
     * {@code FROM} that belongs to a {@code SELECT} of its level (not {@code EXTRACT(x FROM y)} or {@code TRIM}), or to
     * the statement itself ({@code UPDATE a ... FROM b}, {@code DELETE FROM a USING b}); a list after {@code FROM} too.
     */
    static List<QualifiedName> reads(List<Token> tokens, QualifiedName target) {
        List<QualifiedName> out = new ArrayList<>();
        java.util.ArrayDeque<Boolean> selects = new java.util.ArrayDeque<>();
        boolean select = true;
        Cursor c = new Cursor(tokens);
        while (!c.done()) {
            Token t = c.next();
            if (t.is("(")) {
                selects.push(select);
                select = false;
            } else if (t.is(")")) {
                select = selects.isEmpty() || selects.pop();
            } else if (t.is("SELECT")) {
                select = true;
            } else if (t.is("JOIN") || t.is("USING") && selects.isEmpty() || t.is("FROM") && select) {
                do {
                    c.accept("ONLY");
                    QualifiedName read = c.name();
                    if (read == null || isKeyword(read)) break;
                    if (!read.key().equals(target.key()) && !out.contains(read)) out.add(read);
                    c.accept("AS");
                    if (c.peek() != null && c.peek().type() == SqlTokens.Type.WORD && !c.atAny(CLAUSES)) c.next();
                } while (c.accept(","));
            }
        }
        return out;
    }

    /** Words that may follow a table read, never its alias. */
    private static final String[] CLAUSES = {"WHERE", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "ON",
            "USING", "GROUP", "ORDER", "LIMIT", "SET", "UNION", "EXCEPT", "INTERSECT", "RETURNING", "NATURAL", "HAVING",
            "WINDOW", "OUTER", "STRAIGHT_JOIN", "FOR", "OFFSET", "FETCH"};

    private static List<Operation> delete(Cursor c, Origin origin) {
        c.next();
        while (c.accept("LOW_PRIORITY") || c.accept("QUICK") || c.accept("IGNORE")) {
            // modifiers before FROM
        }
        c.accept("FROM");
        c.accept("ONLY");
        QualifiedName table = c.name();
        if (table == null) return null;
        c.until("WHERE");
        return List.of(new DataChange(origin, DataKind.DELETE, table, List.of(), c.at("WHERE"), null));
    }

    private static List<Operation> merge(Cursor c, Origin origin) {
        c.next();
        c.accept("INTO");
        QualifiedName table = c.name();
        if (table == null) return null;
        return List.of(new DataChange(origin, DataKind.MERGE, table, List.of(), false, null));
    }

    private static List<Operation> truncate(Cursor c, Origin origin) {
        c.next();
        c.accept("TABLE");
        c.accept("ONLY");
        List<Operation> out = new ArrayList<>();
        QualifiedName table;
        while ((table = c.name()) != null) {
            if (isKeyword(table)) break;
            out.add(new DataChange(origin, DataKind.TRUNCATE, table, List.of(), false, null));
            c.accept("*");
            if (!c.accept(",")) break;
            c.accept("ONLY");
        }
        return out.isEmpty() ? null : out;
    }

    private static boolean isKeyword(QualifiedName name) {
        return !name.quoted() && name.schema() == null
                && Set.of("CASCADE", "RESTRICT", "RESTART", "CONTINUE").contains(name.name().toUpperCase(java.util.Locale.ROOT));
    }

    private static int indexOf(List<Token> tokens, String symbol) {
        for (int i = 0; i < tokens.size(); i++) if (tokens.get(i).is(symbol)) return i;
        return -1;
    }
}
