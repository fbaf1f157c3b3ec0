package dev.migrationguard.sql;

import java.util.ArrayList;
import java.util.List;

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
        for (SqlStatements.Span span : SqlStatements.split(sql)) out.add(span.text());
        return out;
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
}
