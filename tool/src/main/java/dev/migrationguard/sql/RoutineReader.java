package dev.migrationguard.sql;

import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Operation.OpaqueKind;
import dev.migrationguard.model.ops.Operation.RoutineKind;
import dev.migrationguard.model.ops.Origin;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.sql.SqlTokens.Cursor;
import dev.migrationguard.sql.SqlTokens.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Functions, procedures and triggers, and PostgreSQL's {@code DO} blocks. Defining code changes no table; what its body
 * does happens when it runs, so the body is read as far as it is a straight list of statements: what a {@code CALL} of
 * the procedure, or the {@code DO} block itself, does. A body with loops, variables or dynamic SQL is not read, and
 * only the tables it names are kept.
 */
final class RoutineReader {
    /** After a body: words that may follow it in the definition (PostgreSQL's options), none that starts a statement. */
    private static final Set<String> STATEMENT_WORDS = Set.of("CREATE", "ALTER", "DROP", "INSERT", "UPDATE",
            "DELETE", "GRANT", "REVOKE", "COMMENT", "TRUNCATE");
    /** Schemas whose tables describe the database: a test of them guards a statement, it does not change data. */
    private static final Set<String> CATALOGS = Set.of("information_schema", "pg_catalog", "sys", "mysql");
    /** Statement kinds that a straight body may hold besides the schema's own: they change no table. */
    private static final Set<OpaqueKind> HARMLESS = Set.of(OpaqueKind.COMMENT, OpaqueKind.PRIVILEGE);

    private RoutineReader() {
    }

    /**
     * {@code CREATE ... FUNCTION | PROCEDURE | TRIGGER}, the cursor past the kind; null when no name or no body is
     * found, or when the text after the body holds another statement (a delimiter the splitter missed): the caller
     * reads those as opaque.
     */
    static Operation define(String statement, Cursor c, Origin origin, Dialect dialect, RoutineKind kind) {
        c.accept("IF", "NOT", "EXISTS");
        QualifiedName name = c.name();
        if (name == null) return null;
        Body body = kind == RoutineKind.TRIGGER ? triggerBody(c) : body(c);
        if (body == null) return null;
        if (body.trailer().stream().anyMatch(t -> t.type() == SqlTokens.Type.WORD
                && STATEMENT_WORDS.contains(t.upper()))) {
            return null;
        }
        String text = body.text(statement);
        List<Token> tokens = SqlTokens.of(text);
        List<QualifiedName> mentions = DdlReader.mentions(tokens, true);
        List<Operation> ops = kind == RoutineKind.PROCEDURE
                ? statements(unwrap(text), dialect, new Origin(at(statement, origin, body.offset()), origin.side()))
                : null;
        return new Operation.Routine(origin, kind, name, false, ops, mentions);
    }

    /** {@code DROP FUNCTION | PROCEDURE | TRIGGER [IF EXISTS] name, ...}, the cursor past the kind. */
    static List<Operation> drop(Cursor c, Origin origin, RoutineKind kind) {
        c.accept("IF", "EXISTS");
        List<Operation> out = new ArrayList<>();
        do {
            QualifiedName name = c.name();
            if (name == null) break;
            out.add(new Operation.Routine(origin, kind, name, true, null, List.of()));
            c.group();
        } while (c.accept(","));
        return out;
    }

    /**
     * {@code DO [LANGUAGE x] $$ body $$}: the body's statements when it is a straight list, else an opaque statement
     * naming the tables the body names.
     */
    static List<Operation> doBlock(String statement, Cursor c, Origin origin, Dialect dialect) {
        c.accept("DO");
        Body body = body(c);
        if (body != null && body.trailer().isEmpty()) {
            List<Operation> ops = statements(unwrap(body.text(statement)), dialect,
                    new Origin(at(statement, origin, body.offset()), origin.side()));
            if (ops != null) return ops;
        }
        c.reset(0);
        List<Token> tokens = c.rest();
        return List.of(new Operation.Opaque(origin, OpaqueKind.PROCEDURAL, DdlReader.summary(tokens),
                DdlReader.mentions(tokens, true)));
    }

    /** The body of a routine and where it is in its statement. */
    private record Body(int offset, int end, List<Token> trailer) {
        String text(String statement) {
            return statement.substring(offset, end);
        }
    }

    /**
     * PostgreSQL's dollar-quoted (or quoted) body after {@code AS}, or MySQL's {@code BEGIN ... END} (or single
     * statement) after the parameters and characteristics.
     */
    private static Body body(Cursor c) {
        int depth = 0;
        while (!c.done()) {
            Token t = c.next();
            if (t.is("(")) depth++;
            else if (t.is(")")) depth--;
            if (depth > 0) continue;
            if (t.type() == SqlTokens.Type.STRING && t.text().startsWith("$")) {
                String tag = SqlScript.dollarTag(t.text(), 0);
                if (tag == null || t.text().length() < 2 * tag.length()) return null;
                return new Body(t.start() + tag.length(), t.end() - tag.length(), c.rest());
            }
            if (t.is("BEGIN")) return blockFrom(c, t);
            if (t.is("AS") && c.peek() != null && c.peek().type() == SqlTokens.Type.STRING
                    && !c.peek().text().startsWith("$")) {
                Token s = c.next();
                return new Body(s.start() + 1, s.end() - 1, c.rest());
            }
        }
        return null;
    }

    /**
     * A trigger's body: after {@code FOR EACH ROW} (MySQL), or none when it executes a function (PostgreSQL), whose
     * call must end the statement.
     */
    private static Body triggerBody(Cursor c) {
        while (!c.done()) {
            Token t = c.next();
            if (t.is("EXECUTE")) {
                if (!c.accept("FUNCTION")) c.accept("PROCEDURE");
                c.name();
                c.group();
                int end = t.end();
                return new Body(end, end, c.rest());
            }
            if (t.is("FOR") && c.accept("EACH", "ROW") || t.is("FOR") && c.accept("EACH", "STATEMENT")) {
                c.accept("FOLLOWS");
                c.accept("PRECEDES");
                if (c.at("BEGIN")) return blockFrom(c, c.next());
                List<Token> rest = c.rest();
                if (rest.isEmpty()) return null;
                return new Body(rest.get(0).start(), rest.get(rest.size() - 1).end(), List.of());
            }
        }
        return null;
    }

    /** {@code BEGIN ... END}: the rest of the statement, which must end with that END (or a label after it). */
    private static Body blockFrom(Cursor c, Token begin) {
        List<Token> rest = c.rest();
        int last = rest.size() - 1;
        if (last >= 0 && !rest.get(last).is("END") && last >= 1 && rest.get(last - 1).is("END")) last--;
        if (last < 0 || !rest.get(last).is("END")) return null;
        return new Body(begin.start(), rest.get(last).end(), rest.subList(last + 1, rest.size()));
    }

    /**
     * The statements inside {@code BEGIN ... END}: null when the body is not one block (PostgreSQL's
     * {@code DECLARE} first, a nested block, an exception handler).
     */
    private static String unwrap(String body) {
        List<Token> tokens = SqlTokens.of(body);
        if (tokens.isEmpty() || !tokens.get(0).is("BEGIN")) return null;
        int last = tokens.size() - 1;
        if (last >= 1 && tokens.get(last).is(";")) last--;
        if (last < 1 || !tokens.get(last).is("END")) return null;
        Token begin = tokens.get(0);
        // BEGIN blanked, not cut: the statements keep their offsets in the body, and so their places in the file
        return body.substring(0, begin.start()) + " ".repeat(begin.end() - begin.start())
                + body.substring(begin.end(), tokens.get(last).start());
    }

    /**
     * The operations of a body's statements, in order, when each is one the readers read, or one that creates what a
     * test of the catalog before it looks for ({@code IF NOT EXISTS (SELECT ... FROM information_schema... WHERE
     * CONSTRAINT_NAME = 'fk_x') THEN ALTER TABLE ... ADD CONSTRAINT fk_x ... END IF}): the object is there after it
     * either way, so it counts as run. Null for anything else (loops, variables, dynamic SQL, other branches), which
     * is no straight list.
     */
    private static List<Operation> statements(String body, Dialect dialect, Origin start) {
        if (body == null) return null;
        List<Operation> out = new ArrayList<>();
        SqlOperations.Positions positions = new SqlOperations.Positions(body, start.location());
        // the names the open catalog test looks for, null outside one
        Set<String> guard = null;
        for (SqlStatements.Span span : SqlStatements.split(body)) {
            String text = span.text();
            int offset = span.offset();
            List<Token> tokens = SqlTokens.of(text);
            if (tokens.isEmpty()) continue;
            if (tokens.get(0).is("END") && tokens.size() >= 2 && tokens.get(1).is("IF")) {
                if (guard == null || tokens.size() > 2) return null;
                guard = null;
                continue;
            }
            if (tokens.get(0).is("IF")) {
                int then = thenAt(tokens);
                if (guard != null || then < 0 || !catalogTest(tokens.subList(1, then)) || branches(tokens)) {
                    return null;
                }
                guard = literals(tokens.subList(1, then));
                if (then + 1 >= tokens.size()) continue;
                int from = tokens.get(then + 1).start();
                offset += from;
                text = text.substring(from);
                if (SqlTokens.of(text).get(0).is("IF")) return null;
            }
            Origin origin = new Origin(positions.at(offset), start.side());
            for (Operation op : SqlOperations.statement(text, origin, dialect)) {
                if (op instanceof Operation.Opaque o && !HARMLESS.contains(o.kind())) return null;
                if (op instanceof Operation.Routine) return null;
                if (guard != null && !guard.contains(lower(created(op)))) return null;
                out.add(op);
            }
        }
        return guard == null ? out : null;
    }

    /**
     * What a statement creates, by name: a guarded statement counts as run only when its guard looks for that name
     * ({@code CONSTRAINT_NAME = 'fk_x'} before {@code ADD CONSTRAINT fk_x}), so that either way the object is there.
     */
    private static String created(Operation op) {
        if (op instanceof Operation.AddConstraint o) return o.constraint().name();
        if (op instanceof Operation.AddColumn o) return o.column().name();
        if (op instanceof Operation.CreateIndex o) return o.name();
        if (op instanceof Operation.CreateTable o) return o.table().name();
        if (op instanceof Operation.CreateEnumType o) return o.type().name();
        if (op instanceof Operation.CreateSequence o) return o.sequence().name();
        return null;
    }

    private static Set<String> literals(List<Token> condition) {
        Set<String> out = new java.util.HashSet<>();
        for (Token t : condition) {
            if (t.type() == SqlTokens.Type.STRING && !t.text().startsWith("$")) out.add(lower(DdlReader.literal(t)));
        }
        return out;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static int thenAt(List<Token> tokens) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("(")) depth++;
            else if (t.is(")")) depth--;
            else if (depth == 0 && t.is("THEN")) return i;
        }
        return -1;
    }

    private static boolean branches(List<Token> tokens) {
        return tokens.stream().anyMatch(t -> t.is("ELSE") || t.is("ELSIF") || t.is("ELSEIF"));
    }

    /** A condition that reads only the catalog: whether a table, column, constraint or type exists already. */
    private static boolean catalogTest(List<Token> condition) {
        List<QualifiedName> read = DdlReader.tablesRead(condition);
        if (read.isEmpty()) return false;
        for (QualifiedName q : read) {
            String schema = q.schema() == null ? "" : q.schema().toLowerCase(Locale.ROOT);
            String name = q.name().toLowerCase(Locale.ROOT);
            if (!CATALOGS.contains(schema) && !(q.schema() == null && name.startsWith("pg_"))) return false;
        }
        return true;
    }

    /** Where an offset of a statement is in its file. */
    private static dev.migrationguard.model.Location at(String statement, Origin origin, int offset) {
        return new SqlOperations.Positions(statement, origin.location()).at(offset);
    }
}
