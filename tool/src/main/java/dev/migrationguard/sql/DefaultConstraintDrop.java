package dev.migrationguard.sql;

import dev.migrationguard.model.ops.QualifiedName;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL Server's way to drop the default of a column whose constraint name the database made up
 * ({@code DF__orders__statu__3A81B327}): the name is looked up in {@code sys.default_constraints} into a variable, and
 * an {@code EXEC} runs the {@code ALTER TABLE ... DROP CONSTRAINT} built from it. Read as what it does, the column
 * losing its default, only when the one table and the one column can be read from the lookup and the table agrees
 * with the {@code ALTER TABLE} text; anything else in it (another filter, a list of columns, a table built from an
 * expression) leaves each statement to the other readers, which make it opaque.
 */
final class DefaultConstraintDrop {
    /** At most a DECLARE, the SELECT, and the EXEC (an IF guard is part of the EXEC's statement). */
    private static final int MAX_STATEMENTS = 3;
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final String VARIABLE = "@\\w+";
    private static final String LITERAL = "N?'([^']*)'";
    /** Text up to the end of its statement: a semicolon only inside a string. */
    private static final String SEGMENT = "(?:[^;']|'[^']*')*?";
    private static final Pattern IDIOM = Pattern.compile("\\s*(?:DECLARE\\s+(?<declared>" + VARIABLE + ")\\s+(?:AS\\s+)?"
            + "(?:N?VARCHAR\\s*\\(\\s*(?:\\d+|MAX)\\s*\\)|SYSNAME)(?:\\s*=\\s*N?'')?\\s*;?\\s*)?"
            + "SELECT\\s+(?<selected>" + VARIABLE + ")\\s*=\\s*(?<value>" + SEGMENT + ")"
            + "\\s+FROM\\s+sys\\.default_constraints\\b"
            + "(?<lookup>" + SEGMENT + ")\\s*;?\\s*"
            + "(?:IF\\s+(?<guarded>" + VARIABLE + ")\\s+IS\\s+NOT\\s+NULL\\s+)?(?:BEGIN\\s+)?"
            + "EXEC(?:UTE)?\\s*(?:\\(\\s*(?<run>" + SEGMENT + ")\\s*\\)|sp_executesql\\s+(?<passed>" + VARIABLE + "))"
            + "\\s*;?\\s*(?:END\\s*;?\\s*)?", FLAGS);
    /**
     * The statement text, built in a literal: {@code 'ALTER TABLE [dbo].[orders] DROP CONSTRAINT ' + name}, the name
     * perhaps in brackets ({@code '... CONSTRAINT [' + @name + ']'}) or followed by a semicolon.
     */
    private static final Pattern ALTER = Pattern.compile("N?'\\s*ALTER\\s+TABLE\\s+(?<table>[^'\\s]+)\\s+DROP\\s+"
            + "CONSTRAINT\\s*\\[?'\\s*\\+\\s*(?<name>.+?)(?:\\s*\\+\\s*N?'\\]?;?')?", FLAGS);
    /** The constraint's name as the lookup returns it: {@code name}, {@code dc.name}, {@code QUOTENAME(d.name)}. */
    private static final Pattern NAME_COLUMN = Pattern.compile("(?:QUOTENAME\\s*\\(\\s*)?(?:\\w+\\.)?name(?:\\s*\\))?",
            FLAGS);
    private static final Pattern QUOTED_VARIABLE = Pattern.compile("(?:QUOTENAME\\s*\\(\\s*)?(" + VARIABLE
            + ")(?:\\s*\\))?", FLAGS);
    private static final Pattern STRING = Pattern.compile(LITERAL);
    private static final Pattern OBJECT_ID = Pattern.compile("OBJECT_ID\\s*\\(\\s*" + LITERAL
            + "(?:\\s*,\\s*N?'U')?\\s*\\)", FLAGS);
    private static final Pattern COLUMN_PROPERTY = Pattern.compile("COLUMNPROPERTY\\s*\\(\\s*OBJECT_ID\\s*\\(\\s*"
            + LITERAL + "\\s*\\)\\s*,\\s*" + LITERAL + "\\s*,\\s*N?'ColumnId'\\s*\\)", FLAGS);
    private static final Pattern COL_NAME = Pattern.compile("COL_NAME\\s*\\([^()]*\\)\\s*=\\s*" + LITERAL, FLAGS);
    private static final Pattern ALIASED = Pattern.compile("sys\\.(columns|tables)\\s+(?:AS\\s+)?(\\w+)", FLAGS);

    private DefaultConstraintDrop() {
    }

    /** The statements from {@code spans.get(from)} that make one such drop, and what they drop. */
    record Match(int statements, QualifiedName table, String column) {
    }

    static Optional<Match> at(List<SqlStatements.Span> spans, int from) {
        String first = spans.get(from).text().stripLeading();
        boolean declares = first.regionMatches(true, 0, "DECLARE", 0, 7);
        if (!declares && !first.regionMatches(true, 0, "SELECT", 0, 6)) return Optional.empty();
        if (!declares && !first.toLowerCase(Locale.ROOT).contains("sys.default_constraints")) return Optional.empty();
        StringBuilder text = new StringBuilder();
        for (int n = 1; n <= MAX_STATEMENTS && from + n <= spans.size(); n++) {
            if (n > 1) text.append(";\n");
            text.append(spans.get(from + n - 1).text());
            Matcher m = IDIOM.matcher(text);
            if (m.matches()) return read(m).map(d -> new Match(statementsOf(spans, from, m), d.table(), d.column()));
        }
        return Optional.empty();
    }

    /** How many of the spans the idiom took: the span that holds the EXEC is the last. */
    private static int statementsOf(List<SqlStatements.Span> spans, int from, Matcher m) {
        int offset = 0;
        int exec = m.start("run") >= 0 ? m.start("run") : m.start("passed");
        for (int n = 0; from + n < spans.size(); n++) {
            offset += spans.get(from + n).text().length() + 2;
            if (exec < offset) return n + 1;
        }
        return spans.size() - from;
    }

    private record Dropped(QualifiedName table, String column) {
    }

    private static Optional<Dropped> read(Matcher m) {
        String variable = m.group("selected").toLowerCase(Locale.ROOT);
        if (!same(variable, m.group("declared")) || !same(variable, m.group("guarded"))
                || !same(variable, m.group("passed"))) {
            return Optional.empty();
        }
        // Either the variable holds the whole statement, or only the name the EXEC's text ends with.
        String statement;
        if (m.group("passed") != null || m.group("run").equalsIgnoreCase(m.group("selected"))) {
            Matcher alter = ALTER.matcher(m.group("value"));
            if (!alter.matches() || !NAME_COLUMN.matcher(alter.group("name").strip()).matches()) return Optional.empty();
            statement = alter.group("table");
        } else {
            Matcher alter = ALTER.matcher(m.group("run"));
            if (!alter.matches() || !NAME_COLUMN.matcher(m.group("value").strip()).matches()) return Optional.empty();
            Matcher named = QUOTED_VARIABLE.matcher(alter.group("name").strip());
            if (!named.matches() || !same(variable, named.group(1))) return Optional.empty();
            statement = alter.group("table");
        }
        QualifiedName altered = table(statement);
        return lookup(m.group("lookup")).filter(d -> sameTable(d.table(), altered))
                .map(d -> new Dropped(altered, d.column()));
    }

    /**
     * The one table and the one column the lookup filters on. Every literal in it must be one of those names (or
     * {@code 'ColumnId'}, {@code 'U'}): another filter would drop less than the column's default, a list more.
     */
    private static Optional<Dropped> lookup(String lookup) {
        Set<String> tables = new HashSet<>();
        Set<String> columns = new HashSet<>();
        Matcher property = COLUMN_PROPERTY.matcher(lookup);
        while (property.find()) {
            tables.add(property.group(1));
            columns.add(property.group(2));
        }
        Matcher id = OBJECT_ID.matcher(lookup);
        while (id.find()) tables.add(id.group(1));
        Matcher colName = COL_NAME.matcher(lookup);
        while (colName.find()) columns.add(colName.group(1));
        Matcher alias = ALIASED.matcher(lookup);
        while (alias.find()) {
            Matcher named = Pattern.compile("\\b" + Pattern.quote(alias.group(2)) + "\\.name\\s*=\\s*" + LITERAL, FLAGS)
                    .matcher(lookup);
            while (named.find()) {
                (alias.group(1).equalsIgnoreCase("columns") ? columns : tables).add(named.group(1));
            }
        }
        if (tables.size() != 1 || columns.size() != 1 || Pattern.compile("\\bIN\\s*\\(|\\bLIKE\\b|\\bOR\\b", FLAGS)
                .matcher(lookup).find()) {
            return Optional.empty();
        }
        String table = tables.iterator().next();
        String column = columns.iterator().next();
        Matcher literal = STRING.matcher(lookup);
        while (literal.find()) {
            String v = literal.group(1);
            if (!v.equals(table) && !v.equals(column) && !v.equalsIgnoreCase("ColumnId") && !v.equalsIgnoreCase("U")) {
                return Optional.empty();
            }
        }
        QualifiedName name = table(table);
        return name == null || column.isBlank() ? Optional.empty() : Optional.of(new Dropped(name, unquoted(column)));
    }

    /** {@code [dbo].[orders]}, {@code dbo.orders} or {@code orders} as a name; null when it is not one. */
    private static QualifiedName table(String text) {
        String[] parts = text.strip().split("\\.");
        if (parts.length > 2) return null;
        for (String p : parts) {
            if (!unquoted(p).matches("[\\w$#@]+")) return null;
        }
        return parts.length == 1 ? QualifiedName.of(unquoted(parts[0]))
                : QualifiedName.of(unquoted(parts[0]), unquoted(parts[1]));
    }

    private static String unquoted(String name) {
        String n = name.strip();
        if (n.length() >= 2 && (n.startsWith("[") && n.endsWith("]") || n.startsWith("\"") && n.endsWith("\""))) {
            return n.substring(1, n.length() - 1);
        }
        return n;
    }

    /** The same table, a missing schema on one side matching any: {@code OBJECT_ID('orders')} finds dbo's. */
    private static boolean sameTable(QualifiedName a, QualifiedName b) {
        if (a == null || b == null || !a.name().equalsIgnoreCase(b.name())) return false;
        return a.schema() == null || b.schema() == null || a.schema().equalsIgnoreCase(b.schema());
    }

    private static boolean same(String variable, String other) {
        return other == null || other.equalsIgnoreCase(variable);
    }
}
