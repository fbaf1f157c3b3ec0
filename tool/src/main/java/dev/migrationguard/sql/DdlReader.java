package dev.migrationguard.sql;

import dev.migrationguard.model.ops.ColumnDef;
import dev.migrationguard.model.ops.Constraint;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Operation.ConstraintKind;
import dev.migrationguard.model.ops.Operation.OpaqueKind;
import dev.migrationguard.model.ops.Operation.RoutineKind;
import dev.migrationguard.model.ops.Origin;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.SqlType;
import dev.migrationguard.sql.SqlTokens.Cursor;
import dev.migrationguard.sql.SqlTokens.Token;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The tolerant reader: the statements JSqlParser cannot parse (PostgreSQL's {@code CONCURRENTLY}, {@code NOT VALID},
 * enum types, partial indexes, several tables in one DROP, SQL Server brackets...) read from their tokens, and every
 * statement outside the model classified as {@link Operation.Opaque} with the tables it mentions. Never throws on
 * any text; what it does not understand is opaque.
 */
final class DdlReader {
    /** The words after CREATE / ALTER / DROP that name the kind of object, and what the others are. */
    private static final Set<String> PROCEDURAL_OBJECTS = Set.of("FUNCTION", "PROCEDURE", "TRIGGER", "EVENT",
            "PACKAGE", "LANGUAGE", "AGGREGATE", "OPERATOR", "CAST", "TRANSFORM", "ALIAS");
    private static final Set<String> PRIVILEGE_OBJECTS = Set.of("POLICY", "ROLE", "USER", "GROUP", "LOGIN");
    private static final Set<String> OTHER_OBJECTS = Set.of("EXTENSION", "SCHEMA", "DATABASE", "DOMAIN", "COLLATION",
            "STATISTICS", "PUBLICATION", "SUBSCRIPTION", "SERVER", "TABLESPACE", "SYNONYM", "TEXT", "CONVERSION", "RULE",
            "ACCESS", "FOREIGN", "DEFAULT", "EXTERNAL", "SYSTEM");
    private static final Set<String> SESSION_WORDS = Set.of("SET", "COMMIT", "ROLLBACK", "USE", "SAVEPOINT",
            "RELEASE", "LOCK", "PRAGMA", "VACUUM", "ANALYZE", "ANALYSE", "REINDEX", "CLUSTER", "CHECKPOINT", "SHOW",
            "DESCRIBE", "DESC", "EXPLAIN", "DISCARD", "RESET", "LISTEN", "NOTIFY", "UNLISTEN", "REFRESH", "OPTIMIZE",
            "FLUSH", "SETUSER", "PRINT", "ABORT");
    private static final Set<String> PROCEDURAL_WORDS = Set.of("DO", "CALL", "EXEC", "EXECUTE", "DECLARE", "IF",
            "PERFORM", "PREPARE", "DEALLOCATE", "FOR", "WHILE", "LOOP", "RAISE", "RETURN", "SELECT", "VALUES");
    /** The words an ALTER TABLE clause starts with. */
    private static final Set<String> ALTER_ACTIONS = Set.of("ADD", "DROP", "ALTER", "MODIFY", "CHANGE", "RENAME",
            "VALIDATE", "OWNER", "ENABLE", "DISABLE", "SET", "RESET", "ENGINE", "CHECK", "NOCHECK", "CONVERT",
            "DEFAULT", "CHARACTER", "CHARSET", "COLLATE", "COMMENT", "AUTO_INCREMENT", "ROW_FORMAT", "CLUSTER",
            "REPLICA", "ATTACH", "DETACH", "INHERIT", "NO", "OF", "NOT", "FORCE", "ORDER", "PARTITION", "WITH");
    /** The ALTER TABLE clauses that set storage options of the table, read as {@link Operation.TableOptions}. */
    private static final Set<String> TABLE_OPTIONS = Set.of("ENGINE", "CONVERT", "ROW_FORMAT", "AUTO_INCREMENT",
            "CHARACTER", "CHARSET", "COLLATE", "COMMENT", "RESET", "CLUSTER", "REPLICA");
    /** Words after FROM / JOIN / ON / INTO / TABLE that are not table names. */
    private static final Set<String> NOT_TABLES = Set.of("SELECT", "DELETE", "UPDATE", "INSERT", "ONLY", "LATERAL",
            "EACH", "ROW", "STATEMENT", "CONFLICT", "COMMIT", "SCHEMA", "DATABASE", "FUNCTION", "TABLE", "COLUMN",
            "ALL", "SEQUENCE", "SEQUENCES", "TABLES", "VIEW", "TYPE", "DUPLICATE", "DEFAULT", "IF", "EXISTS", "NOT",
            "CASCADE", "WITH", "VALUES", "SET", "AS", "CONSTRAINT", "INDEX", "UNNEST", "GENERATE_SERIES", "DUAL", "ON", "OF",
            "FOR", "TO", "WHERE", "PUBLIC");
    /** Aggregates and casts that make a SELECT no more than a query. */
    private static final Set<String> QUERY_FUNCTIONS = Set.of("COUNT", "SUM", "MIN", "MAX", "AVG", "COALESCE",
            "CAST", "LOWER", "UPPER", "EXISTS", "IN", "NOT", "AND", "OR", "ON", "USING", "OVER", "FILTER", "VALUES");

    private final Origin origin;
    private final Dialect dialect;
    private final Cursor c;
    private final List<Operation> out = new ArrayList<>();
    /** The current ALTER TABLE clause was preceded by SQL Server's WITH NOCHECK. */
    private boolean noCheck;

    private DdlReader(Origin origin, Dialect dialect, List<Token> tokens) {
        this.origin = origin;
        this.dialect = dialect;
        this.c = new Cursor(tokens);
    }

    /** The operations of one statement; at least one, an {@link Operation.Opaque} when nothing better is known. */
    static List<Operation> read(String statement, Origin origin, Dialect dialect) {
        List<Token> tokens = SqlTokens.of(statement);
        DdlReader reader = new DdlReader(origin, dialect, tokens);
        try {
            reader.statement(statement);
        } catch (RuntimeException e) {
            // Tolerant to the end: a shape no branch expected is opaque, never a failure of the run.
            reader.out.clear();
        }
        if (reader.out.isEmpty()) reader.out.add(opaque(origin, OpaqueKind.UNREAD, tokens));
        return reader.out;
    }

    private void statement(String statement) {
        Token first = c.peek();
        if (first == null) return;
        String word = first.upper();
        switch (word) {
            case "CREATE" -> create(statement);
            case "ALTER" -> alter();
            case "DROP" -> drop();
            case "RENAME" -> renameTables();
            case "INSERT", "REPLACE", "UPSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE" -> {
                List<Operation> data = DataStatements.read(statement, word, origin);
                if (data != null) out.addAll(data);
            }
            case "WITH" -> {
                List<Operation> data = DataStatements.afterWith(c, origin);
                if (data != null) out.addAll(data); else out.add(opaque(OpaqueKind.QUERY));
            }
            case "COMMENT" -> out.add(comment());
            case "GRANT", "REVOKE" -> out.add(opaque(OpaqueKind.PRIVILEGE));
            case "CALL" -> out.add(call());
            case "DO" -> out.addAll(RoutineReader.doBlock(statement, c, origin, dialect));
            case "EXEC", "EXECUTE" -> {
                if (!spRename()) out.add(opaque(OpaqueKind.PROCEDURAL));
            }
            case "BEGIN", "START", "END" -> out.add(opaque(isTransaction() ? OpaqueKind.SESSION
                    : OpaqueKind.PROCEDURAL));
            default -> {
                if (SESSION_WORDS.contains(word)) {
                    out.add(opaque(OpaqueKind.SESSION));
                } else if (word.equals("SELECT") || word.equals("VALUES")) {
                    out.add(opaque(callsFunction() ? OpaqueKind.PROCEDURAL : OpaqueKind.QUERY));
                } else if (PROCEDURAL_WORDS.contains(word)) {
                    out.add(opaque(OpaqueKind.PROCEDURAL));
                }
            }
        }
    }

    // ---- CREATE

    private void create(String statement) {
        c.accept("CREATE");
        boolean orReplace = c.accept("OR", "REPLACE");
        boolean temporary = false;
        boolean unique = false;
        boolean materialized = false;
        String method = null;
        // Modifiers and MySQL's DEFINER=... / ALGORITHM=... / SQL SECURITY come before the kind of object.
        for (int guard = 0; guard < 16 && !c.done(); guard++) {
            Token t = c.peek();
            String u = t.upper();
            if (isObjectKind(u)) break;
            switch (u) {
                case "TEMPORARY", "TEMP" -> temporary = true;
                case "UNIQUE" -> unique = true;
                case "MATERIALIZED" -> materialized = true;
                case "FULLTEXT", "SPATIAL" -> method = u;
                default -> {
                }
            }
            c.next();
        }
        Token kind = c.peek();
        if (kind == null) return;
        String u = kind.upper();
        c.next();
        switch (u) {
            case "TABLE" -> createTable(temporary);
            case "INDEX" -> createIndex(unique, method);
            case "VIEW" -> createView(orReplace, materialized);
            case "SEQUENCE" -> createSequence();
            case "TYPE" -> createType();
            case "FUNCTION", "PROCEDURE", "TRIGGER" -> {
                Operation routine = RoutineReader.define(statement, c, origin, dialect, routineKind(u));
                out.add(routine != null ? routine : opaque(objectKind(u)));
            }
            default -> out.add(opaque(objectKind(u)));
        }
    }

    private static boolean isObjectKind(String word) {
        return word.equals("TABLE") || word.equals("INDEX") || word.equals("VIEW") || word.equals("SEQUENCE")
                || word.equals("TYPE") || PROCEDURAL_OBJECTS.contains(word) || PRIVILEGE_OBJECTS.contains(word)
                || OTHER_OBJECTS.contains(word) && !word.equals("DEFAULT") && !word.equals("FOREIGN")
                && !word.equals("SYSTEM");
    }

    private static OpaqueKind objectKind(String word) {
        if (PROCEDURAL_OBJECTS.contains(word)) return OpaqueKind.PROCEDURAL;
        if (PRIVILEGE_OBJECTS.contains(word)) return OpaqueKind.PRIVILEGE;
        if (OTHER_OBJECTS.contains(word)) return OpaqueKind.OTHER_OBJECT;
        return OpaqueKind.UNREAD;
    }

    private static RoutineKind routineKind(String word) {
        return switch (word) {
            case "FUNCTION" -> RoutineKind.FUNCTION;
            case "PROCEDURE" -> RoutineKind.PROCEDURE;
            case "TRIGGER" -> RoutineKind.TRIGGER;
            default -> null;
        };
    }

    /** {@code CALL name(...)}: opaque, naming the routine a replay that saw it defined runs instead. */
    private Operation call() {
        c.accept("CALL");
        QualifiedName routine = c.name();
        c.reset(0);
        List<Token> tokens = c.rest();
        return new Operation.Opaque(origin, OpaqueKind.PROCEDURAL, summary(tokens), mentions(tokens), routine);
    }

    private void createTable(boolean temporary) {
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        QualifiedName table = c.name();
        if (table == null) return;
        List<Token> elements = c.group();
        c.until("AS");
        boolean fromQuery = c.at("AS");
        if (elements == null && !fromQuery) return;
        tableElements(table, elements == null ? List.of() : SqlTokens.splitCommas(elements), ifNotExists, temporary,
                fromQuery);
    }

    private void tableElements(QualifiedName table, List<List<Token>> elements, boolean ifNotExists,
                               boolean temporary, boolean fromQuery) {
        List<ColumnDef> columns = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>();
        List<Operation> indexes = new ArrayList<>();
        for (List<Token> element : elements) {
            if (element.isEmpty()) continue;
            Token head = element.get(0);
            ColumnSyntax.ConstraintClause cc = ColumnSyntax.constraint(element);
            if (cc != null) {
                constraints.add(cc.constraint());
            } else if (head.is("LIKE")) {
                fromQuery = true;
            } else if (isInlineIndex(element)) {
                indexes.add(inlineIndex(table, element));
            } else if (!head.is("PERIOD") && !head.is("EXCLUDE")) {
                ColumnDef column = ColumnSyntax.column(element, dialect);
                if (column != null) columns.add(column);
            }
        }
        out.add(new Operation.CreateTable(origin, table, columns, constraints, ifNotExists, temporary, fromQuery));
        out.addAll(indexes);
    }

    /**
     * MySQL's {@code [FULLTEXT|SPATIAL] KEY|INDEX [name] [USING x] (cols)}, told from a column that happens to be
     * called {@code key} or {@code index} ({@code key TEXT PRIMARY KEY}) by the parenthesis that follows.
     */
    private static boolean isInlineIndex(List<Token> element) {
        int i = 0;
        if (i < element.size() && (element.get(i).is("FULLTEXT") || element.get(i).is("SPATIAL"))) i++;
        if (i >= element.size() || !(element.get(i).is("KEY") || element.get(i).is("INDEX"))) return i > 0;
        i++;
        if (i < element.size() && element.get(i).isName() && !element.get(i).is("USING")) i++;
        return i < element.size() && (element.get(i).is("(") || element.get(i).is("USING"));
    }

    /** MySQL's {@code KEY name (cols)}, {@code FULLTEXT KEY name (cols)} inside CREATE TABLE or after ADD. */
    private Operation inlineIndex(QualifiedName table, List<Token> element) {
        Cursor k = new Cursor(element);
        String method = null;
        if (k.atAny("FULLTEXT", "SPATIAL")) method = k.next().upper();
        if (!k.accept("KEY")) k.accept("INDEX");
        String name = k.at("(") || k.at("USING") ? null : k.identifier();
        if (k.accept("USING")) method = k.next().text();
        List<Operation.IndexKey> keys = ColumnSyntax.indexKeys(k.group());
        if (k.accept("USING")) method = k.next().text();
        return new Operation.CreateIndex(origin, name, table, keys, false, false, false, method, null);
    }

    private void createIndex(boolean unique, String method) {
        boolean concurrently = c.accept("CONCURRENTLY");
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        String name = null;
        if (!c.at("ON") && !c.at("USING")) {
            QualifiedName n = c.name();
            if (n == null) return;
            name = n.name();
        }
        if (c.accept("USING")) method = c.next().text();
        if (!c.accept("ON")) return;
        c.accept("ONLY");
        QualifiedName table = c.name();
        if (table == null) return;
        if (c.accept("USING")) method = c.next().text();
        List<Token> keyTokens = c.group();
        if (keyTokens == null) return;
        String where = null;
        String algorithm = null;
        String lock = null;
        while (!c.done()) {
            if (c.accept("WHERE")) {
                where = SqlTokens.canonical(c.rest());
            } else if (c.accept("ALGORITHM")) {
                c.accept("=");
                algorithm = c.next().upper();
            } else if (c.accept("LOCK")) {
                c.accept("=");
                lock = c.next().upper();
            } else if (c.accept("USING")) {
                method = c.next().text();
            } else if (c.group() == null) {
                c.next();
            }
        }
        out.add(new Operation.CreateIndex(origin, name, table, ColumnSyntax.indexKeys(keyTokens), unique,
                concurrently, ifNotExists, method, where));
        if (algorithm != null || lock != null) out.add(new Operation.LockOptions(origin, table, algorithm, lock));
    }

    private void createView(boolean orReplace, boolean materialized) {
        c.accept("IF", "NOT", "EXISTS");
        QualifiedName view = c.name();
        if (view == null) return;
        c.until("AS");
        if (!c.accept("AS")) return;
        out.add(new Operation.CreateView(origin, view, orReplace, materialized, tablesRead(c.rest())));
    }

    private void createSequence() {
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        QualifiedName sequence = c.name();
        if (sequence == null) return;
        out.add(new Operation.CreateSequence(origin, sequence, ifNotExists, SqlTokens.canonical(c.rest())));
    }

    private void createType() {
        QualifiedName type = c.name();
        if (type == null) return;
        if (!c.accept("AS", "ENUM")) {
            out.add(opaque(OpaqueKind.OTHER_OBJECT));
            return;
        }
        List<String> values = new ArrayList<>();
        List<Token> inside = c.group();
        if (inside == null) return;
        for (Token t : inside) if (t.type() == SqlTokens.Type.STRING) values.add(literal(t));
        out.add(new Operation.CreateEnumType(origin, type, values));
    }

    // ---- ALTER

    private void alter() {
        c.accept("ALTER");
        c.accept("ONLINE");
        c.accept("IGNORE");
        Token kind = c.next();
        if (kind == null) return;
        String u = kind.upper();
        switch (u) {
            case "TABLE" -> alterTable();
            case "INDEX" -> alterIndex();
            case "TYPE" -> alterType();
            case "SEQUENCE" -> alterSequence();
            case "VIEW" -> alterView(false);
            case "MATERIALIZED" -> {
                if (c.accept("VIEW")) alterView(true);
            }
            case "SESSION" -> out.add(opaque(OpaqueKind.SESSION));
            default -> out.add(opaque(objectKind(u)));
        }
    }

    private void alterTable() {
        c.accept("IF", "EXISTS");
        c.accept("ONLY");
        QualifiedName table = c.name();
        if (table == null) return;
        c.accept("*");
        alterClauses(table, SqlTokens.splitCommas(c.rest()));
    }

    /**
     * The operations of an ALTER TABLE whose clauses JSqlParser has already separated; null when a clause is not
     * understood (the caller then reads the whole statement tolerantly).
     */
    static List<Operation> alterTable(Origin origin, Dialect dialect, QualifiedName table, List<List<Token>> clauses) {
        DdlReader reader = new DdlReader(origin, dialect, List.of());
        reader.alterClauses(table, clauses);
        for (Operation op : reader.out) {
            if (op instanceof Operation.Opaque o && o.kind() == OpaqueKind.UNREAD) return null;
        }
        return reader.out;
    }

    /** The operations of a CREATE TABLE's elements, as {@code createTable} reads them. */
    static List<Operation> createTable(Origin origin, Dialect dialect, QualifiedName table, List<List<Token>> elements,
                                       boolean ifNotExists, boolean temporary, boolean fromQuery) {
        DdlReader reader = new DdlReader(origin, dialect, List.of());
        reader.tableElements(table, elements, ifNotExists, temporary, fromQuery);
        return reader.out;
    }

    private void alterClauses(QualifiedName table, List<List<Token>> clauses) {
        String algorithm = null;
        String lock = null;
        String previous = null;
        for (List<Token> clause : clauses) {
            if (clause.isEmpty()) continue;
            Cursor k = new Cursor(clause);
            // SQL Server: WITH NOCHECK adds a constraint without checking the rows, as PostgreSQL's NOT VALID does
            noCheck = k.accept("WITH", "NOCHECK");
            if (!noCheck) k.accept("WITH", "CHECK");
            Token head = k.peek();
            String verb = head == null ? "" : head.upper();
            if (verb.equals("ALGORITHM") || verb.equals("LOCK")) {
                k.next();
                k.accept("=");
                Token value = k.next();
                if (value == null) continue;
                if (verb.equals("ALGORITHM")) algorithm = value.upper(); else lock = value.upper();
                continue;
            }
            if (!isAlterAction(verb) && "ADD".equals(previous) && head != null && head.isName()) {
                // SQL Server adds several columns after one ADD: ADD a int, b int
                addColumn(table, k, false);
                continue;
            }
            int before = out.size();
            alterAction(table, k, verb);
            if (out.size() == before) out.add(opaque(OpaqueKind.UNREAD, table, "ALTER TABLE " + words(clause)));
            previous = verb;
        }
        if (algorithm != null || lock != null) out.add(new Operation.LockOptions(origin, table, algorithm, lock));
    }

    private static boolean isAlterAction(String verb) {
        return ALTER_ACTIONS.contains(verb);
    }

    private void alterAction(QualifiedName table, Cursor k, String verb) {
        switch (verb) {
            case "ADD" -> add(table, k);
            case "DROP" -> dropClause(table, k);
            case "ALTER" -> alterColumn(table, k);
            case "MODIFY" -> modify(table, k);
            case "CHANGE" -> {
                k.next();
                k.accept("COLUMN");
                String old = k.identifier();
                ColumnDef definition = ColumnSyntax.column(k.rest(), dialect);
                if (old != null && definition != null) {
                    out.add(new Operation.RedefineColumn(origin, table, old, definition));
                }
            }
            case "RENAME" -> renameClause(table, k);
            case "VALIDATE" -> {
                k.next();
                if (k.accept("CONSTRAINT")) {
                    String name = k.identifier();
                    if (name != null) out.add(new Operation.ValidateConstraint(origin, table, name));
                }
            }
            case "CHECK" -> {
                // SQL Server: CHECK CONSTRAINT name enables a constraint and checks the rows
                k.next();
                if (k.accept("CONSTRAINT") && !k.at("ALL")) {
                    String name = k.identifier();
                    if (name != null) out.add(new Operation.ValidateConstraint(origin, table, name));
                }
            }
            case "OWNER" -> out.add(opaque(OpaqueKind.PRIVILEGE, table, "ALTER TABLE OWNER"));
            case "ENABLE", "DISABLE", "FORCE", "NO" -> {
                boolean security = k.rest().stream().anyMatch(t -> t.is("SECURITY"));
                out.add(opaque(security ? OpaqueKind.PRIVILEGE : OpaqueKind.PROCEDURAL, table,
                        "ALTER TABLE " + verb));
            }
            default -> {
                if (TABLE_OPTIONS.contains(verb) || verb.equals("SET") && (k.at("SET", "(") || k.at("SET", "TABLESPACE")
                        || k.at("SET", "LOGGED") || k.at("SET", "UNLOGGED"))) {
                    out.add(new Operation.TableOptions(origin, table, SqlTokens.canonical(k.rest())));
                } else if (isAlterAction(verb)) {
                    out.add(opaque(OpaqueKind.OTHER_OBJECT, table, "ALTER TABLE " + verb));
                }
            }
        }
    }

    private void add(QualifiedName table, Cursor k) {
        k.next();
        if (k.at("(")) {
            // Oracle: ADD (a int, b int, CONSTRAINT ...)
            for (List<Token> element : SqlTokens.splitCommas(k.group())) addElement(table, new Cursor(element));
            return;
        }
        addElement(table, k);
    }

    private void addElement(QualifiedName table, Cursor k) {
        int start = k.position();
        List<Token> rest = k.rest();
        k.reset(start);
        ColumnSyntax.ConstraintClause cc = ColumnSyntax.constraint(rest);
        if (cc != null) {
            out.add(new Operation.AddConstraint(origin, table, cc.constraint(), cc.notValid() || noCheck));
            return;
        }
        if (isInlineIndex(rest)) {
            out.add(inlineIndex(table, rest));
            return;
        }
        if (k.at("CONSTRAINT") && defaultFor(table, k)) return;
        addColumn(table, k, true);
    }

    /** SQL Server: {@code ADD CONSTRAINT df DEFAULT value FOR column}. */
    private boolean defaultFor(QualifiedName table, Cursor k) {
        int start = k.position();
        k.accept("CONSTRAINT");
        String name = k.identifier();
        if (!k.accept("DEFAULT")) {
            k.reset(start);
            return false;
        }
        List<Token> value = k.until("FOR");
        if (!k.accept("FOR")) {
            k.reset(start);
            return false;
        }
        String column = k.identifier();
        if (column == null) return false;
        out.add(new Operation.AlterColumnDefault(origin, table, column, SqlTokens.canonical(value), name));
        return true;
    }

    private void addColumn(QualifiedName table, Cursor k, boolean keywordsAllowed) {
        if (keywordsAllowed) k.accept("COLUMN");
        boolean ifNotExists = k.accept("IF", "NOT", "EXISTS");
        ColumnDef column = ColumnSyntax.column(k.rest(), dialect);
        if (column != null) out.add(new Operation.AddColumn(origin, table, column, ifNotExists));
    }

    private void dropClause(QualifiedName table, Cursor k) {
        k.next();
        if (k.accept("CONSTRAINT")) {
            boolean ifExists = k.accept("IF", "EXISTS");
            String name = k.identifier();
            if (name != null) out.add(new Operation.DropConstraint(origin, table, name, null, ifExists));
        } else if (k.accept("PRIMARY", "KEY")) {
            out.add(new Operation.DropConstraint(origin, table, null, ConstraintKind.PRIMARY_KEY, false));
        } else if (k.accept("FOREIGN", "KEY")) {
            boolean ifExists = k.accept("IF", "EXISTS");
            String name = k.identifier();
            if (name != null) {
                out.add(new Operation.DropConstraint(origin, table, name, ConstraintKind.FOREIGN_KEY, ifExists));
            }
        } else if (k.accept("CHECK")) {
            String name = k.identifier();
            if (name != null) out.add(new Operation.DropConstraint(origin, table, name, ConstraintKind.CHECK, false));
        } else if (k.accept("INDEX") || k.accept("KEY")) {
            boolean ifExists = k.accept("IF", "EXISTS");
            String name = k.identifier();
            if (name != null) {
                out.add(new Operation.DropIndex(origin, QualifiedName.of(name), table, false, ifExists));
            }
        } else if (k.at("(")) {
            for (String column : SqlTokens.names(k.group())) {
                out.add(new Operation.DropColumn(origin, table, column, false, false));
            }
        } else if (!k.atAny("DEFAULT", "PARTITION", "PERIOD", "SYSTEM")) {
            k.accept("COLUMN");
            boolean ifExists = k.accept("IF", "EXISTS");
            String name = k.identifier();
            if (name == null) return;
            boolean cascade = k.rest().stream().anyMatch(t -> t.is("CASCADE"));
            out.add(new Operation.DropColumn(origin, table, name, ifExists, cascade));
        }
    }

    private void alterColumn(QualifiedName table, Cursor k) {
        k.next();
        k.accept("COLUMN");
        int nameAt = k.position();
        String column = k.identifier();
        if (column == null) return;
        if (k.accept("TYPE") || k.accept("SET", "DATA", "TYPE")) {
            List<Token> type = k.until("USING", "COLLATE");
            String using = null;
            while (!k.done()) {
                if (k.accept("USING")) {
                    using = SqlTokens.canonical(k.until("COLLATE"));
                } else {
                    k.next();
                }
            }
            String typeText = SqlTokens.canonical(type);
            out.add(new Operation.AlterColumnType(origin, table, column, SqlType.parse(dialect, typeText), typeText,
                    using));
        } else if (k.accept("SET", "NOT", "NULL")) {
            out.add(new Operation.AlterColumnNullability(origin, table, column, false));
        } else if (k.accept("DROP", "NOT", "NULL") || k.accept("SET", "NULL")) {
            // SET NULL is H2's spelling of DROP NOT NULL
            out.add(new Operation.AlterColumnNullability(origin, table, column, true));
        } else if (k.accept("SET", "DEFAULT")) {
            out.add(new Operation.AlterColumnDefault(origin, table, column, SqlTokens.canonical(k.rest())));
        } else if (k.accept("DROP", "DEFAULT")) {
            out.add(new Operation.AlterColumnDefault(origin, table, column, null));
        } else if (k.atAny("SET", "DROP", "ADD", "RESET", "OPTIONS")) {
            out.add(opaque(OpaqueKind.OTHER_OBJECT, table, "ALTER COLUMN " + k.peek().upper() + " "
                    + (k.peek(1) == null ? "" : k.peek(1).upper())));
        } else if (!k.done()) {
            // SQL Server and H2: ALTER COLUMN name type [NULL | NOT NULL], a new definition
            k.reset(nameAt);
            ColumnDef definition = ColumnSyntax.column(k.rest(), dialect);
            if (definition != null) out.add(new Operation.RedefineColumn(origin, table, column, definition));
        }
    }

    private void modify(QualifiedName table, Cursor k) {
        k.next();
        k.accept("COLUMN");
        List<List<Token>> definitions = k.at("(") ? SqlTokens.splitCommas(k.group()) : List.of(k.rest());
        for (List<Token> tokens : definitions) {
            ColumnDef definition = ColumnSyntax.column(tokens, dialect);
            if (definition == null) continue;
            if (dialect == Dialect.ORACLE) {
                oracleModify(table, definition, tokens);
            } else {
                out.add(new Operation.RedefineColumn(origin, table, definition.name(), definition));
            }
        }
    }

    /** Oracle's MODIFY changes only what it names: the type, the nullability, the default. */
    private void oracleModify(QualifiedName table, ColumnDef definition, List<Token> tokens) {
        if (definition.typeText() != null) {
            out.add(new Operation.AlterColumnType(origin, table, definition.name(), definition.type(),
                    definition.typeText(), null));
        }
        boolean saysNull = false;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is("NULL")) saysNull = true;
        }
        if (saysNull) {
            out.add(new Operation.AlterColumnNullability(origin, table, definition.name(), !definition.notNull()));
        }
        if (definition.defaultValue() != null) {
            out.add(new Operation.AlterColumnDefault(origin, table, definition.name(), definition.defaultValue()));
        }
    }

    private void renameClause(QualifiedName table, Cursor k) {
        k.next();
        if (k.accept("TO") || k.accept("AS")) {
            QualifiedName to = k.name();
            if (to != null) out.add(new Operation.RenameTable(origin, table, to));
        } else if (k.accept("CONSTRAINT")) {
            String from = k.identifier();
            if (from != null && k.accept("TO")) {
                String to = k.identifier();
                if (to != null) out.add(new Operation.RenameConstraint(origin, table, from, to));
            }
        } else if (k.accept("INDEX") || k.accept("KEY")) {
            String from = k.identifier();
            if (from != null && k.accept("TO")) {
                String to = k.identifier();
                if (to != null) out.add(new Operation.RenameIndex(origin, QualifiedName.of(from), to));
            }
        } else {
            k.accept("COLUMN");
            String from = k.identifier();
            if (from != null && k.accept("TO")) {
                String to = k.identifier();
                if (to != null) out.add(new Operation.RenameColumn(origin, table, from, to));
            }
        }
    }

    private void alterIndex() {
        c.accept("IF", "EXISTS");
        QualifiedName index = c.name();
        if (index == null) return;
        if (c.accept("RENAME", "TO")) {
            String to = c.identifier();
            if (to != null) out.add(new Operation.RenameIndex(origin, index, to));
        } else {
            out.add(opaque(OpaqueKind.OTHER_OBJECT));
        }
    }

    private void alterType() {
        QualifiedName type = c.name();
        if (type == null) return;
        if (c.accept("ADD", "VALUE")) {
            boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
            Token value = c.next();
            if (value == null || value.type() != SqlTokens.Type.STRING) return;
            String before = null;
            String after = null;
            if (c.accept("BEFORE") && c.peek() != null) before = literal(c.next());
            if (c.accept("AFTER") && c.peek() != null) after = literal(c.next());
            out.add(new Operation.AddEnumValue(origin, type, literal(value), before, after, ifNotExists));
        } else if (c.accept("RENAME", "TO")) {
            String to = c.identifier();
            if (to != null) out.add(new Operation.RenameType(origin, type, to));
        } else if (c.at("OWNER")) {
            out.add(opaque(OpaqueKind.PRIVILEGE));
        } else {
            out.add(opaque(OpaqueKind.OTHER_OBJECT));
        }
    }

    private void alterSequence() {
        c.accept("IF", "EXISTS");
        QualifiedName sequence = c.name();
        if (sequence == null) return;
        if (c.at("OWNER", "TO")) {
            out.add(opaque(OpaqueKind.PRIVILEGE));
            return;
        }
        out.add(new Operation.AlterSequence(origin, sequence, SqlTokens.canonical(c.rest())));
    }

    private void alterView(boolean materialized) {
        c.accept("IF", "EXISTS");
        QualifiedName view = c.name();
        if (view == null) return;
        if (c.accept("AS")) {
            out.add(new Operation.CreateView(origin, view, true, materialized, tablesRead(c.rest())));
        } else if (c.accept("RENAME", "TO")) {
            QualifiedName to = c.name();
            if (to != null) out.add(new Operation.RenameTable(origin, view, to));
        } else {
            out.add(opaque(c.at("OWNER") ? OpaqueKind.PRIVILEGE : OpaqueKind.OTHER_OBJECT));
        }
    }

    // ---- DROP, RENAME, COMMENT

    private void drop() {
        c.accept("DROP");
        c.accept("TEMPORARY");
        boolean materialized = c.accept("MATERIALIZED");
        Token kind = c.next();
        if (kind == null) return;
        String u = kind.upper();
        switch (u) {
            case "TABLE", "VIEW", "SEQUENCE", "TYPE" -> dropObjects(u, materialized);
            case "INDEX" -> dropIndex();
            case "FUNCTION", "PROCEDURE", "TRIGGER" -> out.addAll(RoutineReader.drop(c, origin, routineKind(u)));
            default -> out.add(opaque(objectKind(u)));
        }
    }

    private void dropObjects(String kind, boolean materialized) {
        boolean ifExists = c.accept("IF", "EXISTS");
        List<QualifiedName> names = nameList();
        boolean cascade = c.rest().stream().anyMatch(t -> t.is("CASCADE"));
        for (QualifiedName name : names) {
            out.add(switch (kind) {
                case "TABLE" -> new Operation.DropTable(origin, name, ifExists, cascade);
                case "VIEW" -> new Operation.DropView(origin, name, materialized, ifExists);
                case "SEQUENCE" -> new Operation.DropSequence(origin, name, ifExists);
                default -> new Operation.DropType(origin, name, ifExists, cascade);
            });
        }
    }

    private void dropIndex() {
        boolean concurrently = c.accept("CONCURRENTLY");
        boolean ifExists = c.accept("IF", "EXISTS");
        List<QualifiedName> names = nameList();
        QualifiedName table = c.accept("ON") ? c.name() : null;
        String algorithm = null;
        String lock = null;
        while (!c.done()) {
            if (c.accept("ALGORITHM")) {
                c.accept("=");
                algorithm = c.done() ? null : c.next().upper();
            } else if (c.accept("LOCK")) {
                c.accept("=");
                lock = c.done() ? null : c.next().upper();
            } else {
                c.next();
            }
        }
        for (QualifiedName name : names) {
            out.add(new Operation.DropIndex(origin, name, table, concurrently, ifExists));
        }
        if (table != null && (algorithm != null || lock != null)) {
            out.add(new Operation.LockOptions(origin, table, algorithm, lock));
        }
    }

    private List<QualifiedName> nameList() {
        List<QualifiedName> names = new ArrayList<>();
        QualifiedName name;
        while ((name = c.name()) != null) {
            if (!name.quoted() && name.schema() == null && Set.of("CASCADE", "RESTRICT", "PURGE", "ON")
                    .contains(name.name().toUpperCase(Locale.ROOT))) {
                c.reset(c.position() - 1);
                break;
            }
            names.add(name);
            if (!c.accept(",")) break;
        }
        return names;
    }

    /** MySQL {@code RENAME TABLE a TO b, c TO d}; Oracle {@code RENAME a TO b}. */
    private void renameTables() {
        c.accept("RENAME");
        if (!c.accept("TABLE")) c.accept("TABLES");
        do {
            QualifiedName from = c.name();
            if (from == null || !c.accept("TO")) return;
            QualifiedName to = c.name();
            if (to == null) return;
            out.add(new Operation.RenameTable(origin, from, to));
        } while (c.accept(","));
    }

    private Operation comment() {
        c.accept("COMMENT");
        c.accept("ON");
        Token kind = c.next();
        QualifiedName name = c.name();
        List<QualifiedName> mentions = new ArrayList<>();
        if (kind != null && name != null) {
            if (kind.is("COLUMN")) {
                if (name.schema() != null) mentions.add(QualifiedName.of(name.schema()));
            } else if (kind.is("TABLE") || kind.is("VIEW")) {
                mentions.add(name);
            }
        }
        return new Operation.Opaque(origin, OpaqueKind.COMMENT, "COMMENT ON" + (kind == null ? "" : " " + kind.upper()),
                mentions);
    }

    /**
     * SQL Server's {@code EXEC sp_rename 'schema.table.column', 'new', 'COLUMN'}, the way its migrations rename a
     * column, a table ({@code 'OBJECT'} or no third argument) or an index ({@code 'INDEX'}).
     */
    private boolean spRename() {
        c.next();
        if (!c.accept("sp_rename") && !c.accept("dbo", ".", "sp_rename")) return false;
        List<String> args = new ArrayList<>();
        for (List<Token> arg : SqlTokens.splitCommas(c.rest())) {
            Token value = arg.isEmpty() ? null : arg.get(arg.size() - 1);
            if (value == null || value.type() != SqlTokens.Type.STRING) return false;
            args.add(literal(value));
        }
        if (args.size() < 2) return false;
        List<String> parts = new ArrayList<>();
        for (String part : args.get(0).split("\\.")) parts.add(SqlTouchReader.unquote(part));
        String kind = args.size() > 2 ? args.get(2).toUpperCase(Locale.ROOT) : "OBJECT";
        String to = SqlTouchReader.unquote(args.get(1));
        switch (kind) {
            case "COLUMN" -> {
                if (parts.size() < 2) return false;
                out.add(new Operation.RenameColumn(origin, qualified(parts.subList(0, parts.size() - 1)),
                        parts.get(parts.size() - 1), to));
            }
            case "INDEX" -> out.add(new Operation.RenameIndex(origin, qualified(parts.subList(parts.size() - 1,
                    parts.size())), to));
            case "OBJECT" -> out.add(new Operation.RenameTable(origin, qualified(parts), QualifiedName.of(to)));
            default -> {
                return false;
            }
        }
        return true;
    }

    private static QualifiedName qualified(List<String> parts) {
        String name = parts.get(parts.size() - 1);
        return parts.size() > 1 ? QualifiedName.of(parts.get(parts.size() - 2), name) : QualifiedName.of(name);
    }

    // ---- opaque statements

    /** BEGIN / END alone or with TRANSACTION or WORK; anything else ({@code END IF}, {@code BEGIN ... END}) is code. */
    private boolean isTransaction() {
        Token next = c.peek(1);
        return next == null || next.is("TRANSACTION") || next.is("WORK") || next.is("ISOLATION") || next.is("TRAN");
    }

    /** A SELECT that calls a function other than an aggregate or a cast may change anything. */
    private boolean callsFunction() {
        Token previous = null;
        while (!c.done()) {
            Token t = c.next();
            if (t.is("(") && previous != null && previous.type() == SqlTokens.Type.WORD
                    && !QUERY_FUNCTIONS.contains(previous.upper())) {
                return true;
            }
            previous = t;
        }
        return false;
    }

    private Operation opaque(OpaqueKind kind) {
        c.reset(0);
        return opaque(origin, kind, c.rest());
    }

    private Operation opaque(OpaqueKind kind, QualifiedName table, String summary) {
        return new Operation.Opaque(origin, kind, summary, List.of(table));
    }

    static Operation.Opaque opaque(Origin origin, OpaqueKind kind, List<Token> tokens) {
        return new Operation.Opaque(origin, kind, summary(tokens), mentions(tokens));
    }

    /** The first words of a statement, up to the kind of object it acts on: {@code CREATE FUNCTION}, {@code DO}. */
    static String summary(List<Token> tokens) {
        if (tokens.isEmpty()) return "";
        Token first = tokens.get(0);
        if (first.type() != SqlTokens.Type.WORD) return first.text();
        String lead = first.upper();
        if (!Set.of("CREATE", "ALTER", "DROP").contains(lead)) return lead;
        for (int i = 1; i < Math.min(tokens.size(), 14); i++) {
            String u = tokens.get(i).upper();
            if (isObjectKind(u) || u.equals("DEFAULT") && i + 1 < tokens.size() && tokens.get(i + 1).is("PRIVILEGES")) {
                return lead + " " + (u.equals("DEFAULT") ? "DEFAULT PRIVILEGES" : u);
            }
        }
        return lead + (tokens.size() > 1 && tokens.get(1).type() == SqlTokens.Type.WORD ? " " + tokens.get(1).upper()
                : "");
    }

    /** The tables a statement names after FROM, JOIN, INTO, UPDATE, TABLE or ON, inside dollar-quoted bodies too. */
    static List<QualifiedName> mentions(List<Token> tokens) {
        return mentions(tokens, false);
    }

    /**
     * As {@link #mentions(List)}; {@code code}: the tokens are a routine's body, where the {@code INTO} of a
     * {@code SELECT}, {@code FETCH} or {@code RETURNING} fills variables (as in dollar-quoted bodies at any depth).
     */
    static List<QualifiedName> mentions(List<Token> tokens, boolean code) {
        Set<QualifiedName> found = new LinkedHashSet<>();
        collectMentions(tokens, found, code ? 1 : 0);
        return new ArrayList<>(found);
    }

    private static void collectMentions(List<Token> tokens, Set<QualifiedName> found, int depth) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.type() == SqlTokens.Type.STRING && t.text().startsWith("$") && depth < 3) {
                String tag = SqlScript.dollarTag(t.text(), 0);
                if (tag != null && t.text().length() >= 2 * tag.length()) {
                    String body = t.text().substring(tag.length(), t.text().length() - tag.length());
                    collectMentions(SqlTokens.of(body), found, depth + 1);
                }
                continue;
            }
            if (!(t.is("FROM") || t.is("JOIN") || t.is("INTO") || t.is("UPDATE") || t.is("TABLE") || t.is("ON")
                    || t.is("TRUNCATE") || t.is("REFERENCES"))) {
                continue;
            }
            if (depth > 0 && t.is("INTO") && fillsVariables(tokens, i)) continue;
            Cursor k = new Cursor(tokens.subList(i + 1, tokens.size()));
            k.accept("ONLY");
            k.accept("IF", "EXISTS");
            k.accept("IF", "NOT", "EXISTS");
            QualifiedName name = k.name();
            if (name != null && !(NOT_TABLES.contains(name.name().toUpperCase(Locale.ROOT)) && !name.quoted()
                    && name.schema() == null)) {
                found.add(name);
            }
        }
    }

    /**
     * Whether the {@code INTO} at {@code into} belongs to a {@code SELECT}, {@code FETCH}, {@code EXECUTE} or
     * {@code RETURNING} of procedural code, which fills variables, rather than to an {@code INSERT} or
     * {@code MERGE}: the nearer of them, looking back within the statement, decides.
     */
    private static boolean fillsVariables(List<Token> tokens, int into) {
        for (int j = into - 1; j >= 0; j--) {
            Token t = tokens.get(j);
            if (t.is(";")) return false;
            if (t.is("INSERT") || t.is("MERGE") || t.is("REPLACE")) return false;
            if (t.is("SELECT") || t.is("FETCH") || t.is("RETURNING") || t.is("EXECUTE")) return true;
        }
        return false;
    }

    /** The tables and views a query reads: the names after FROM (and its commas) and JOIN. */
    static List<QualifiedName> tablesRead(List<Token> query) {
        Set<QualifiedName> found = new LinkedHashSet<>();
        for (int i = 0; i < query.size(); i++) {
            Token t = query.get(i);
            if (!t.is("FROM") && !t.is("JOIN")) continue;
            Cursor k = new Cursor(query.subList(i + 1, query.size()));
            do {
                k.accept("ONLY");
                k.accept("LATERAL");
                QualifiedName name = k.name();
                if (name == null || !name.quoted() && name.schema() == null
                        && NOT_TABLES.contains(name.name().toUpperCase(Locale.ROOT))) {
                    break;
                }
                if (k.at("(")) break; // a function in FROM
                found.add(name);
                k.accept("AS");
                if (k.peek() != null && k.peek().isName() && !isClauseWord(k.peek())) k.next();
            } while (t.is("FROM") && k.accept(","));
        }
        return new ArrayList<>(found);
    }

    private static boolean isClauseWord(Token t) {
        return Set.of("WHERE", "JOIN", "LEFT", "RIGHT", "INNER", "OUTER", "FULL", "CROSS", "ON", "GROUP", "ORDER",
                "UNION", "HAVING", "LIMIT", "NATURAL", "WINDOW", "EXCEPT", "INTERSECT", "USING", "OFFSET", "FETCH",
                "FOR", "WITH").contains(t.upper());
    }

    private static String words(List<Token> clause) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(2, clause.size()); i++) {
            if (clause.get(i).type() != SqlTokens.Type.WORD) break;
            if (b.length() > 0) b.append(' ');
            b.append(clause.get(i).upper());
        }
        return b.toString();
    }

    /** A string literal's value: quotes removed, doubled quotes undone. */
    static String literal(Token t) {
        String s = t.text();
        if (t.type() != SqlTokens.Type.STRING) return s;
        int open = s.indexOf('\'');
        if (open < 0 || s.length() < open + 2) return s;
        return s.substring(open + 1, s.length() - 1).replace("''", "'");
    }
}
