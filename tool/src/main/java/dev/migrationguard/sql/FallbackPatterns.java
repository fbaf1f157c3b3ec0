package dev.migrationguard.sql;

import dev.migrationguard.model.Migration.Touch;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tolerant patterns for the statements JSqlParser cannot parse (vendor syntax, partial scripts): they find the table a
 * statement acts on from its first words alone.
 */
final class FallbackPatterns {
    /** A possibly qualified, possibly quoted name: {@code "public"."contest"}, {@code `db`.`t`}, {@code [dbo].[t]}. */
    private static final String PART = "(?:\"[^\"]+\"|`[^`]+`|\\[[^\\]]+\\]|[\\w$]+)";
    private static final String NAME = "(" + PART + "(?:\\s*\\.\\s*" + PART + "){0,2})";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "^\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:(?:GLOBAL|LOCAL)\\s+)?(?:(?:TEMPORARY|TEMP|UNLOGGED|VIRTUAL)\\s+)?"
                    + "TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME, FLAGS);
    private static final Pattern ALTER_TABLE = Pattern.compile(
            "^\\s*ALTER\\s+(?:ONLINE\\s+|IGNORE\\s+)?TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?" + NAME, FLAGS);
    private static final Pattern RENAME_TO = Pattern.compile("\\bRENAME\\s+TO\\s+" + NAME, FLAGS);
    private static final Pattern COLUMN_OP = Pattern.compile(
            "(?:^|,)\\s*(ADD|DROP|ALTER|MODIFY|RENAME)\\s+(?:COLUMN\\s+)?(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?" + NAME
                    + "(?:\\s+TO\\s+" + NAME + ")?", FLAGS);
    private static final Pattern DROP_TABLE = Pattern.compile(
            "^\\s*DROP\\s+(?:TEMPORARY\\s+)?TABLE\\s+(?:IF\\s+EXISTS\\s+)?(.*)$", FLAGS);
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "^\\s*CREATE\\s+(?:UNIQUE\\s+|FULLTEXT\\s+|SPATIAL\\s+|BITMAP\\s+)?(?:(?:NON)?CLUSTERED\\s+)?INDEX\\s+"
                    + "(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:" + NAME + "\\s+)?ON\\s+(?:ONLY\\s+)?" + NAME,
            FLAGS);
    private static final Pattern DROP_INDEX_ON = Pattern.compile(
            "^\\s*DROP\\s+INDEX\\s+(?:IF\\s+EXISTS\\s+)?" + NAME + "\\s+ON\\s+" + NAME, FLAGS);
    private static final Pattern RENAME_TABLE = Pattern.compile("^\\s*RENAME\\s+TABLES?\\s+(.*)$", FLAGS);
    private static final Pattern RENAME_PAIR = Pattern.compile(NAME + "\\s+TO\\s+" + NAME, FLAGS);
    private static final Pattern INSERT = Pattern.compile(
            "^\\s*(?:INSERT|REPLACE|UPSERT)\\s+(?:LOW_PRIORITY\\s+|DELAYED\\s+|HIGH_PRIORITY\\s+|IGNORE\\s+|OR\\s+\\w+\\s+)*"
                    + "(?:INTO\\s+)?" + NAME, FLAGS);
    private static final Pattern UPDATE = Pattern.compile(
            "^\\s*UPDATE\\s+(?:LOW_PRIORITY\\s+|IGNORE\\s+|ONLY\\s+)*" + NAME, FLAGS);
    private static final Pattern DELETE = Pattern.compile(
            "^\\s*DELETE\\s+(?:LOW_PRIORITY\\s+|QUICK\\s+|IGNORE\\s+)*FROM\\s+(?:ONLY\\s+)?" + NAME, FLAGS);
    private static final Pattern MERGE = Pattern.compile("^\\s*MERGE\\s+(?:INTO\\s+)?" + NAME, FLAGS);
    private static final Pattern TRUNCATE = Pattern.compile(
            "^\\s*TRUNCATE\\s+(?:TABLE\\s+)?(?:ONLY\\s+)?(.*)$", FLAGS);
    private static final Pattern COMMENT_COLUMN = Pattern.compile(
            "^\\s*COMMENT\\s+ON\\s+COLUMN\\s+" + NAME, FLAGS);
    private static final Pattern COMMENT_TABLE = Pattern.compile("^\\s*COMMENT\\s+ON\\s+TABLE\\s+" + NAME, FLAGS);
    private static final Pattern NAME_LIST_ITEM = Pattern.compile("\\s*" + NAME + "\\s*(?:,|$|\\s)", FLAGS);

    private static final Set<String> NOT_COLUMNS = Set.of("CONSTRAINT", "PRIMARY", "FOREIGN", "UNIQUE", "INDEX",
            "KEY", "CHECK", "DEFAULT", "PARTITION", "FULLTEXT", "SPATIAL", "TO", "EXCLUDE", "PERIOD");

    private FallbackPatterns() {
    }

    static void read(String statement, Set<Touch> out) {
        Matcher m;
        if ((m = CREATE_TABLE.matcher(statement)).find()) {
            out.add(new Touch(name(m.group(1)), null, "create"));
        } else if ((m = ALTER_TABLE.matcher(statement)).find()) {
            alter(name(m.group(1)), statement.substring(m.end()), out);
        } else if ((m = DROP_TABLE.matcher(statement)).find()) {
            nameList(m.group(1), "drop", out);
        } else if ((m = CREATE_INDEX.matcher(statement)).find()) {
            out.add(new Touch(name(m.group(2)), null, "index"));
        } else if ((m = DROP_INDEX_ON.matcher(statement)).find()) {
            out.add(new Touch(name(m.group(2)), null, "index"));
        } else if ((m = RENAME_TABLE.matcher(statement)).find()) {
            Matcher pair = RENAME_PAIR.matcher(m.group(1));
            while (pair.find()) {
                out.add(new Touch(name(pair.group(1)), null, "rename"));
                out.add(new Touch(name(pair.group(2)), null, "rename"));
            }
        } else if ((m = INSERT.matcher(statement)).find() || (m = UPDATE.matcher(statement)).find()
                || (m = DELETE.matcher(statement)).find() || (m = MERGE.matcher(statement)).find()) {
            out.add(new Touch(name(m.group(1)), null, "write"));
        } else if ((m = TRUNCATE.matcher(statement)).find()) {
            nameList(m.group(1), "truncate", out);
        } else if ((m = COMMENT_COLUMN.matcher(statement)).find()) {
            String qualified = name(m.group(1));
            int dot = qualified.lastIndexOf('.');
            if (dot > 0) {
                out.add(new Touch(qualified.substring(0, dot), null, "comment"));
                out.add(new Touch(qualified.substring(0, dot), qualified.substring(dot + 1), "comment"));
            }
        } else if ((m = COMMENT_TABLE.matcher(statement)).find()) {
            out.add(new Touch(name(m.group(1)), null, "comment"));
        }
    }

    private static void alter(String table, String rest, Set<Touch> out) {
        Matcher rename = RENAME_TO.matcher(rest);
        if (rename.find() && rest.substring(0, rename.start()).isBlank()) {
            out.add(new Touch(table, null, "rename"));
            out.add(new Touch(name(rename.group(1)), null, "rename"));
            return;
        }
        out.add(new Touch(table, null, "alter"));
        for (String clause : topLevelClauses(rest)) {
            Matcher op = COLUMN_OP.matcher(clause);
            if (!op.find()) continue;
            String column = name(op.group(2));
            if (NOT_COLUMNS.contains(column.toUpperCase(java.util.Locale.ROOT))) continue;
            String verb = op.group(1).toUpperCase(java.util.Locale.ROOT);
            switch (verb) {
                case "ADD" -> out.add(new Touch(table, column, "add-column"));
                case "DROP" -> out.add(new Touch(table, column, "drop-column"));
                case "RENAME" -> {
                    out.add(new Touch(table, column, "rename-column"));
                    if (op.group(3) != null) out.add(new Touch(table, name(op.group(3)), "rename-column"));
                }
                default -> out.add(new Touch(table, column, "alter-column"));
            }
        }
    }

    /** The comma-separated clauses of an ALTER TABLE, ignoring commas inside parentheses and quotes. */
    private static java.util.List<String> topLevelClauses(String rest) {
        java.util.List<String> clauses = new java.util.ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                clauses.add(rest.substring(start, i));
                start = i + 1;
            }
        }
        clauses.add(rest.substring(start));
        return clauses;
    }

    private static void nameList(String list, String action, Set<Touch> out) {
        for (String item : list.split(",")) {
            Matcher m = NAME_LIST_ITEM.matcher(item);
            if (!m.lookingAt()) continue;
            String n = name(m.group(1));
            String upper = n.toUpperCase(java.util.Locale.ROOT);
            if (upper.equals("CASCADE") || upper.equals("RESTRICT") || upper.equals("ONLY")) continue;
            out.add(new Touch(n, null, action));
        }
    }

    private static String name(String raw) {
        return SqlTouchReader.unquoteQualified(raw.replaceAll("\\s*\\.\\s*", "."));
    }
}
