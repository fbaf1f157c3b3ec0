package dev.migrationguard.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link SqlScript}'s split, keeping where each statement starts in the script: the same statements, the same text
 * (comments blanked, trimmed), each with the offset of its first character, so that an operation read from it can be
 * placed in the file. {@code SqlStatementsTest} holds the two to the same result.
 */
public final class SqlStatements {
    /** A delimiter no script holds: the statements end only at a delimiter line. */
    private static final String NEVER = "\u0000\u0000";

    private SqlStatements() {
    }

    /** A statement's text, as {@link SqlScript#split} gives it, and the offset in the script of its first character. */
    public record Span(String text, int offset) {
    }

    /** The statements of {@code sql} in order; never throws. */
    public static List<Span> split(String sql) {
        return split(sql, null);
    }

    /**
     * The statements of {@code sql} split where Liquibase splits them for an {@code endDelimiter}: at that text instead
     * of {@code ;}, or, for {@code GO} and {@code /} (written {@code \nGO} too), only at a line that holds nothing
     * else, so that a procedure body keeps its semicolons. Null: as {@link #split(String)}.
     */
    public static List<Span> split(String sql, String endDelimiter) {
        List<Span> out = new ArrayList<>();
        if (sql == null || sql.isEmpty()) return out;
        String delimiter = ";";
        String lineDelimiter = "GO";
        if (endDelimiter != null && !endDelimiter.isBlank()) {
            String d = endDelimiter.strip().replace("\\n", "").replace("\\r", "").strip();
            if (d.equalsIgnoreCase("GO") || d.equals("/")) {
                lineDelimiter = d.toUpperCase(Locale.ROOT);
                delimiter = NEVER;
            } else if (!d.isEmpty()) {
                delimiter = d;
            }
        }
        StringBuilder current = new StringBuilder();
        boolean started = false;
        // The script offset of the first character String.trim() would keep, -1 before it.
        int first = -1;
        int n = sql.length();
        int i = 0;
        boolean lineStart = true;
        while (i < n) {
            char c = sql.charAt(i);
            if (lineStart) {
                int eol = lineEnd(sql, i);
                String line = sql.substring(i, eol).trim();
                String upper = line.toUpperCase(Locale.ROOT);
                if (!started && upper.startsWith("DELIMITER ") && line.length() > 10) {
                    delimiter = line.substring(10).trim();
                    i = eol;
                    continue;
                }
                if (upper.equals(lineDelimiter) || upper.equals("GO")) {
                    flush(current, first, out);
                    started = false;
                    first = -1;
                    i = eol;
                    continue;
                }
            }
            lineStart = false;
            if (c == '\n' || c == '\r') {
                current.append(c);
                lineStart = true;
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                i = lineEnd(sql, i);
                current.append(' ');
            } else if (c == '#' && delimiter.equals(";") && isMySqlHashComment(sql, i)) {
                i = lineEnd(sql, i);
                current.append(' ');
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                current.append(' ');
            } else if (c == '\'' || c == '"' || c == '`') {
                int end = quoteEnd(sql, i, c);
                if (first < 0) first = i;
                current.append(sql, i, end);
                started = true;
                i = end;
            } else if (c == '[') {
                int end = sql.indexOf(']', i + 1);
                end = end < 0 ? n : end + 1;
                if (first < 0) first = i;
                current.append(sql, i, end);
                started = true;
                i = end;
            } else if (c == '$' && SqlScript.dollarTag(sql, i) != null) {
                String tag = SqlScript.dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                end = end < 0 ? n : end + tag.length();
                if (first < 0) first = i;
                current.append(sql, i, end);
                started = true;
                i = end;
            } else if (sql.startsWith(delimiter, i)) {
                flush(current, first, out);
                started = false;
                first = -1;
                i += delimiter.length();
            } else {
                if (first < 0 && c > ' ') first = i;
                current.append(c);
                if (!Character.isWhitespace(c)) started = true;
                i++;
            }
        }
        flush(current, first, out);
        return out;
    }

    private static void flush(StringBuilder current, int first, List<Span> out) {
        String s = current.toString().trim();
        if (!s.isEmpty()) out.add(new Span(s, first));
        current.setLength(0);
    }

    private static int lineEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') i++;
        return i;
    }

    /** Just past the quote that closes the one at {@code start} (doubled or backslashed quotes stay inside). */
    static int quoteEnd(String s, int start, char q) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && q == '\'' && i + 1 < s.length()) {
                i += 2;
            } else if (c == q) {
                if (i + 1 < s.length() && s.charAt(i + 1) == q) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return s.length();
    }

    private static boolean isMySqlHashComment(String s, int i) {
        int j = i - 1;
        while (j >= 0 && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) j--;
        return j < 0 || s.charAt(j) == '\n' || s.charAt(j) == '\r';
    }
}
