package dev.migrationguard.model.schema;

import java.util.regex.Pattern;

/**
 * The normal form of an SQL expression (a default, a check, a view's query, an index predicate) in which two texts
 * a reviewer would call the same are equal: case and spacing outside string literals, redundant outer parentheses,
 * a literal's cast ({@code 'a'::character varying}), a number written as a string ({@code '1'}), and the spellings of
 * the current time ({@code now()}, {@code CURRENT_TIMESTAMP}). It is text, not a parse: anything else stays distinct.
 */
public final class SqlText {
    private SqlText() {
    }

    private static final Pattern CAST_LITERAL = Pattern.compile(
            "('(?:[^']|'')*'|-?\\d+(?:\\.\\d+)?)::[a-z][a-z0-9_]*(?: [a-z][a-z0-9_]*)*(?:\\(\\d+(?:,\\d+)?\\))?(?:\\[])?");
    /** A whole expression that is a number in quotes: PostgreSQL and MySQL store {@code DEFAULT '1'} as 1. */
    private static final Pattern QUOTED_NUMBER = Pattern.compile("^'(-?\\d+(?:\\.\\d+)?)'$");
    private static final Pattern NOW = Pattern.compile("\\b(?:now\\(\\)|current_timestamp\\(\\)|current_timestamp(?!\\())");
    private static final Pattern NOW_PRECISION = Pattern.compile("\\bnow\\((\\d+)\\)");

    /** The normal form of {@code sql}; null for null. */
    public static String normalise(String sql) {
        if (sql == null) return null;
        String s = spacing(sql);
        s = stripOuterParentheses(s);
        s = CAST_LITERAL.matcher(s).replaceAll("$1");
        s = stripOuterParentheses(s);
        s = QUOTED_NUMBER.matcher(s).replaceAll("$1");
        s = NOW.matcher(s).replaceAll("current_timestamp");
        s = NOW_PRECISION.matcher(s).replaceAll("current_timestamp($1)");
        return s;
    }

    /**
     * Lower case outside literals and quoted names, and a single space only where it separates two words
     * ({@code a and b}); none around operators and punctuation ({@code length(a)>0}).
     */
    private static String spacing(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        boolean pendingSpace = false;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = true;
                i++;
                continue;
            }
            if (pendingSpace && !out.isEmpty() && word(out.charAt(out.length() - 1)) && word(c)) out.append(' ');
            pendingSpace = false;
            if (c == '\'' || c == '"' || c == '`') {
                int end = closing(sql, i, c);
                out.append(sql, i, end);
                i = end;
                continue;
            }
            out.append(Character.toLowerCase(c));
            i++;
        }
        return out.toString();
    }

    private static boolean word(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '\'' || c == '"' || c == '`';
    }

    /** The index just after the literal or quoted name that opens at {@code start} (a doubled quote stays inside). */
    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static String stripOuterParentheses(String s) {
        String t = s.strip();
        while (t.length() >= 2 && t.charAt(0) == '(' && matchingClose(t) == t.length() - 1) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    /** Where the parenthesis opening {@code s} closes, minding literals; -1 when it never does. */
    private static int matchingClose(String s) {
        int depth = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = closing(s, i, c);
                continue;
            }
            if (c == '(') depth++;
            if (c == ')' && --depth == 0) return i;
            i++;
        }
        return -1;
    }
}
