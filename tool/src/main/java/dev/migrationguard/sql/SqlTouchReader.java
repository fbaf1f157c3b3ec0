package dev.migrationguard.sql;

import dev.migrationguard.model.Migration.Touch;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.comment.Comment;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which tables (and columns) a SQL script acts on: created, altered, renamed (old and new name), dropped, truncated,
 * indexed, commented, or written by INSERT/UPDATE/DELETE/MERGE. Each statement is parsed with JSqlParser; a statement it
 * cannot parse is read by tolerant patterns instead. Knows nothing of any migration tool.
 *
 * <p>Actions: {@code create}, {@code alter}, {@code rename}, {@code drop}, {@code truncate}, {@code index},
 * {@code comment}, {@code write} on tables; {@code add-column}, {@code drop-column}, {@code alter-column},
 * {@code rename-column}, {@code comment} on columns.
 */
public final class SqlTouchReader {
    /** Statements longer than this go straight to the patterns: JSqlParser can take seconds on huge inserts. */
    private static final int MAX_PARSED_LENGTH = 20_000;

    private SqlTouchReader() {
    }

    /** The touches of every statement in {@code sql}, in order, without duplicates. Never throws. */
    public static List<Touch> touches(String sql) {
        Set<Touch> out = new LinkedHashSet<>();
        try {
            for (String statement : SqlScript.split(sql)) {
                out.addAll(touchesOfStatement(statement));
            }
        } catch (RuntimeException | StackOverflowError e) {
            // A reader must not stop the run; what was read so far stands.
        }
        return new ArrayList<>(out);
    }

    /** The touches of one statement (no trailing delimiter). Never throws. */
    public static List<Touch> touchesOfStatement(String statement) {
        Set<Touch> out = new LinkedHashSet<>();
        try {
            StatementKind kind = StatementKind.of(statement);
            if (kind == StatementKind.IRRELEVANT) return List.of();
            if (kind == StatementKind.DATA) {
                // Its only touch is the table it writes, named in its first words: a seed script of a hundred thousand
                // INSERTs took minutes through the parser (a thread hand-off and a full parse each) for that one fact.
                FallbackPatterns.read(statement, out);
                if (!out.isEmpty()) return new ArrayList<>(out);
            }
            Statement parsed = statement.length() <= MAX_PARSED_LENGTH ? parse(statement) : null;
            if (parsed == null || !fromAst(parsed, out)) {
                out.clear();
                FallbackPatterns.read(statement, out);
            }
            if (kind == StatementKind.DROP_TABLE) FallbackPatterns.read(statement, out);
        } catch (RuntimeException | StackOverflowError e) {
            out.clear();
            try {
                FallbackPatterns.read(statement, out);
            } catch (RuntimeException | StackOverflowError ignored) {
                // Nothing more to learn from this statement.
            }
        }
        return new ArrayList<>(out);
    }

    private static Statement parse(String statement) {
        try {
            return BoundedParse.parse(statement, false);
        } catch (Exception | StackOverflowError e) {
            return null;
        }
    }

    /** Adds what the parsed statement touches; false when the tree is not one we understand (use the patterns). */
    private static boolean fromAst(Statement s, Set<Touch> out) {
        if (s instanceof CreateTable ct) {
            return add(out, ct.getTable(), null, "create");
        } else if (s instanceof Alter alter) {
            return fromAlter(alter, out);
        } else if (s instanceof RenameTableStatement rename) {
            for (var e : rename.getTableNames()) {
                add(out, e.getKey(), null, "rename");
                add(out, e.getValue(), null, "rename");
            }
            return !out.isEmpty();
        } else if (s instanceof Drop drop) {
            if (drop.getType() == null || !drop.getType().equalsIgnoreCase("TABLE")) {
                return !drop.getType().equalsIgnoreCase("INDEX") || dropIndexOn(drop, out);
            }
            return add(out, drop.getName(), null, "drop");
        } else if (s instanceof Truncate t) {
            if (t.getTables() != null) t.getTables().forEach(x -> add(out, x, null, "truncate"));
            return t.getTables() != null && !t.getTables().isEmpty() || add(out, t.getTable(), null, "truncate");
        } else if (s instanceof CreateIndex ci) {
            return add(out, ci.getTable(), null, "index");
        } else if (s instanceof Comment c) {
            if (c.getColumn() != null && c.getColumn().getTable() != null) {
                add(out, c.getColumn().getTable(), null, "comment");
                return add(out, c.getColumn().getTable(), c.getColumn().getColumnName(), "comment");
            }
            return c.getTable() == null || add(out, c.getTable(), null, "comment");
        } else if (s instanceof Insert i) {
            return add(out, i.getTable(), null, "write");
        } else if (s instanceof Update u) {
            return add(out, u.getTable(), null, "write");
        } else if (s instanceof Delete d) {
            if (d.getTables() != null) d.getTables().forEach(x -> add(out, x, null, "write"));
            return add(out, d.getTable(), null, "write") || !out.isEmpty();
        } else if (s instanceof Merge m) {
            return add(out, m.getTable(), null, "write");
        } else if (s instanceof Upsert u) {
            return add(out, u.getTable(), null, "write");
        }
        return false;
    }

    private static boolean dropIndexOn(Drop drop, Set<Touch> out) {
        List<String> params = drop.getParameters();
        if (params == null) return true;
        for (int i = 0; i + 1 < params.size(); i++) {
            if (params.get(i).equalsIgnoreCase("ON")) {
                out.add(new Touch(unquote(params.get(i + 1)), null, "index"));
            }
        }
        return true;
    }

    private static boolean fromAlter(Alter alter, Set<Touch> out) {
        Table table = alter.getTable();
        if (table == null) return false;
        String name = tableName(table);
        List<AlterExpression> expressions = alter.getAlterExpressions();
        boolean altered = false;
        if (expressions != null) {
            for (AlterExpression e : expressions) {
                if (e.getOperation() == null) {
                    altered = true;
                    continue;
                }
                switch (e.getOperation()) {
                    case RENAME_TABLE -> {
                        if (e.getNewTableName() == null) return false;
                        out.add(new Touch(name, null, "rename"));
                        out.add(new Touch(unquoteQualified(e.getNewTableName()), null, "rename"));
                    }
                    case RENAME -> {
                        altered = true;
                        String old = firstNonNull(e.getColumnOldName(), e.getColOldName());
                        if (old != null) out.add(new Touch(name, unquote(old), "rename-column"));
                        if (e.getColumnName() != null) out.add(new Touch(name, unquote(e.getColumnName()), "rename-column"));
                    }
                    case ADD -> {
                        altered = true;
                        columns(e).forEach(c -> out.add(new Touch(name, c, "add-column")));
                    }
                    case DROP -> {
                        altered = true;
                        columns(e).forEach(c -> out.add(new Touch(name, c, "drop-column")));
                    }
                    case ALTER, MODIFY -> {
                        altered = true;
                        columns(e).forEach(c -> out.add(new Touch(name, c, "alter-column")));
                    }
                    case CHANGE -> {
                        altered = true;
                        String old = firstNonNull(e.getColOldName(), e.getColumnOldName());
                        List<String> now = columns(e);
                        if (old != null && !now.isEmpty() && !unquote(old).equals(now.get(0))) {
                            out.add(new Touch(name, unquote(old), "rename-column"));
                            now.forEach(c -> out.add(new Touch(name, c, "rename-column")));
                        } else {
                            now.forEach(c -> out.add(new Touch(name, c, "alter-column")));
                        }
                    }
                    default -> altered = true;
                }
            }
        }
        if (altered || expressions == null || expressions.isEmpty()) out.add(new Touch(name, null, "alter"));
        return true;
    }

    /** The columns an alter expression names directly (not the columns of a constraint it adds). */
    private static List<String> columns(AlterExpression e) {
        List<String> names = new ArrayList<>();
        if (e.getColDataTypeList() != null) {
            e.getColDataTypeList().forEach(c -> names.add(unquote(c.getColumnName())));
        }
        if (e.getColumnDropNotNullList() != null) {
            e.getColumnDropNotNullList().forEach(c -> names.add(unquote(c.getColumnName())));
        }
        if (e.getColumnDropDefaultList() != null) {
            e.getColumnDropDefaultList().forEach(c -> names.add(unquote(c.getColumnName())));
        }
        if (e.getColumnSetDefaultList() != null) {
            e.getColumnSetDefaultList().forEach(c -> names.add(unquote(c.getColumnName())));
        }
        if (e.getColumnName() != null && names.isEmpty()) names.add(unquote(e.getColumnName()));
        names.removeIf(n -> n == null || n.isEmpty());
        return names;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private static boolean add(Set<Touch> out, Table table, String column, String action) {
        if (table == null || table.getName() == null) return false;
        out.add(new Touch(tableName(table), column == null ? null : unquote(column), action));
        return true;
    }

    private static String tableName(Table table) {
        List<String> parts = new ArrayList<>();
        if (table.getSchemaName() != null) parts.add(unquote(table.getSchemaName()));
        parts.add(unquote(table.getName()));
        return String.join(".", parts);
    }

    /** {@code "public"."contest"} becomes {@code public.contest}. */
    static String unquoteQualified(String name) {
        List<String> parts = new ArrayList<>();
        for (String p : splitQualified(name.trim())) parts.add(unquote(p));
        return String.join(".", parts);
    }

    private static List<String> splitQualified(String name) {
        List<String> parts = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        char quote = 0;
        for (char c : name.toCharArray()) {
            if (quote != 0) {
                b.append(c);
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '`') {
                quote = c;
                b.append(c);
            } else if (c == '[') {
                quote = ']';
                b.append(c);
            } else if (c == '.') {
                parts.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        parts.add(b.toString());
        return parts;
    }

    /** A name without its quotes, backticks or brackets. */
    static String unquote(String name) {
        if (name == null) return null;
        String n = name.trim();
        if (n.length() >= 2) {
            char first = n.charAt(0);
            char last = n.charAt(n.length() - 1);
            if ((first == '"' && last == '"') || (first == '`' && last == '`') || (first == '[' && last == ']')) {
                return n.substring(1, n.length() - 1);
            }
        }
        return n;
    }

    /**
     * A cheap look at the first words: most statements that touch no table are never handed to the parser, and data
     * statements ({@link #DATA}: INSERT, REPLACE INTO, UPSERT, UPDATE) only when their first words name no table.
     */
    enum StatementKind {
        RELEVANT, DROP_TABLE, DATA, IRRELEVANT;

        private static final Pattern LEAD = Pattern.compile(
                "^\\s*(?:WITH\\b.*?\\)\\s*)?(\\w+)(?:\\s+(\\w+))?(?:\\s+(\\w+))?(?:\\s+(\\w+))?",
                Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

        static StatementKind of(String statement) {
            String head = statement.length() > 400 ? statement.substring(0, 400) : statement;
            String upper = head.toUpperCase(Locale.ROOT).stripLeading();
            if (upper.startsWith("WITH")) return RELEVANT;
            Matcher m = LEAD.matcher(upper);
            if (!m.find()) return IRRELEVANT;
            String first = m.group(1);
            List<String> rest = new ArrayList<>();
            for (int g = 2; g <= 4; g++) if (m.group(g) != null) rest.add(m.group(g));
            return switch (first) {
                case "INSERT", "UPSERT", "UPDATE" -> DATA;
                case "REPLACE" -> !rest.isEmpty() && !rest.get(0).equals("INTO") ? IRRELEVANT : DATA;
                case "DELETE", "MERGE", "TRUNCATE", "RENAME", "COMMENT" -> RELEVANT;
                case "CREATE" -> createsTableOrIndex(rest) ? RELEVANT : IRRELEVANT;
                case "ALTER" -> rest.contains("TABLE") ? RELEVANT : IRRELEVANT;
                case "DROP" -> rest.contains("TABLE") ? DROP_TABLE : rest.contains("INDEX") ? RELEVANT : IRRELEVANT;
                default -> IRRELEVANT;
            };
        }

        private static boolean createsTableOrIndex(List<String> words) {
            for (String w : words) {
                switch (w) {
                    case "TABLE", "INDEX" -> {
                        return true;
                    }
                    case "TEMPORARY", "TEMP", "UNIQUE", "GLOBAL", "LOCAL", "UNLOGGED", "CLUSTERED", "NONCLUSTERED",
                         "VIRTUAL", "FULLTEXT", "SPATIAL", "BITMAP", "OR", "REPLACE" -> {
                    }
                    default -> {
                        return false;
                    }
                }
            }
            return false;
        }
    }
}
