package dev.migrationguard.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a SQL script into statements without parsing it: semicolons inside quotes, comments and PostgreSQL dollar
 * quotes do not end a statement. Comments are dropped from the statement text; {@code DELIMITER} lines (MySQL) and
 * {@code GO} lines (SQL Server) are understood.
 */
public final class SqlScript {
    private SqlScript() {
    }

    /** The statements of {@code sql}, trimmed, comments removed, empty ones left out. Never throws. */
    public static List<String> split(String sql) {
        List<String> out = new ArrayList<>();
        if (sql == null || sql.isEmpty()) return out;
        String delimiter = ";";
        StringBuilder current = new StringBuilder();
        // Whether the statement so far has more than blanks: asking the builder at every line start was quadratic.
        boolean started = false;
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
                if (upper.equals("GO")) {
                    flush(current, out);
                    started = false;
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
                current.append(sql, i, end);
                started = true;
                i = end;
            } else if (c == '[') {
                int end = sql.indexOf(']', i + 1);
                end = end < 0 ? n : end + 1;
                current.append(sql, i, end);
                started = true;
                i = end;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                end = end < 0 ? n : end + tag.length();
                current.append(sql, i, end);
                started = true;
                i = end;
            } else if (sql.startsWith(delimiter, i)) {
                flush(current, out);
                started = false;
                i += delimiter.length();
            } else {
                current.append(c);
                if (!Character.isWhitespace(c)) started = true;
                i++;
            }
        }
        flush(current, out);
        return out;
    }

    private static void flush(StringBuilder current, List<String> out) {
        String s = current.toString().trim();
        if (!s.isEmpty()) out.add(s);
        current.setLength(0);
    }

    private static int lineEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') i++;
        return i;
    }

    /** End (exclusive) of a quoted run starting at {@code start}; a doubled quote or a backslash escapes. */
    private static int quoteEnd(String s, int start, char q) {
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

    /** {@code $$} or {@code $tag$} at {@code i}, or null when the dollar sign is something else ({@code $1}). */
    static String dollarTag(String s, int i) {
        int j = i + 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '$') return s.substring(i, j + 1);
            if (!(Character.isLetter(c) || c == '_' || (j > i + 1 && Character.isDigit(c)))) return null;
            j++;
        }
        return null;
    }

    /** MySQL allows {@code #} comments; elsewhere {@code #} is part of a name or an operator, so only at line start. */
    private static boolean isMySqlHashComment(String s, int i) {
        int j = i - 1;
        while (j >= 0 && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) j--;
        return j < 0 || s.charAt(j) == '\n' || s.charAt(j) == '\r';
    }
}
