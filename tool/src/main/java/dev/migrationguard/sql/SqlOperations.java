package dev.migrationguard.sql;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Operation.OpaqueKind;
import dev.migrationguard.model.ops.Origin;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads SQL into the ordered operations it performs on the schema. Data statements are read from their first words
 * (a seed script of INSERTs stays linear and fast); DDL goes to JSqlParser first and, where it fails, to the tolerant
 * reader; what neither understands is an {@link Operation.Opaque}. Each operation is placed at the first character of
 * its statement, counted from {@code base}: the SQL may be a whole file or a piece of one (a TypeORM template string,
 * a Liquibase {@code <sql>} block). Never throws.
 */
public final class SqlOperations {
    private static final Set<String> DATA = Set.of("INSERT", "REPLACE", "UPSERT", "UPDATE", "DELETE", "MERGE",
            "TRUNCATE");
    private static final Set<String> PARSED = Set.of("CREATE", "ALTER", "DROP", "RENAME");

    private SqlOperations() {
    }

    /**
     * The operations of every statement in {@code sql}, in order, with SQLite's table rebuilds folded.
     *
     * @param base where the first character of {@code sql} is in its file (a whole-file location counts as 1:1)
     * @param side the part of the migration the SQL belongs to, decided by the caller
     */
    public static List<Operation> read(String sql, Dialect dialect, Location base, Side side) {
        return read(sql, dialect, base, side, null);
    }

    /**
     * As {@link #read(String, Dialect, Location, Side)}, the statements split at Liquibase's {@code endDelimiter}
     * ({@link SqlStatements#split(String, String)}); null splits at {@code ;}.
     */
    public static List<Operation> read(String sql, Dialect dialect, Location base, Side side, String endDelimiter) {
        List<Operation> out = new ArrayList<>();
        if (sql == null || sql.isEmpty()) return out;
        Positions positions = new Positions(sql, base);
        List<SqlStatements.Span> spans;
        try {
            spans = SqlStatements.split(sql, endDelimiter);
        } catch (RuntimeException | StackOverflowError e) {
            return out;
        }
        for (int i = 0; i < spans.size(); i++) {
            Optional<DefaultConstraintDrop.Match> drop = DefaultConstraintDrop.at(spans, i);
            if (drop.isPresent()) {
                i += defaultDrop(drop.get(), spans.subList(i, i + drop.get().statements()), positions, side, out) - 1;
                continue;
            }
            SqlStatements.Span span = spans.get(i);
            out.addAll(statement(span.text(), new Origin(positions.at(span.offset()), side), dialect));
        }
        return TableRebuilds.fold(out);
    }

    /** The operations of one statement (no trailing delimiter), all at {@code origin}; at least one. Never throws. */
    public static List<Operation> statement(String statement, Origin origin, Dialect dialect) {
        try {
            String first = firstWord(statement);
            if (DATA.contains(first)) {
                List<Operation> data = DataStatements.read(statement, first, origin);
                if (data != null) return data;
            }
            if (first.equals("DECLARE") || first.equals("SELECT")) {
                // A batch without semicolons holds the whole lookup-and-EXEC drop in one statement.
                Optional<DefaultConstraintDrop.Match> drop = DefaultConstraintDrop.at(
                        List.of(new SqlStatements.Span(statement, 0)), 0);
                if (drop.isPresent()) {
                    return List.of(new Operation.AlterColumnDefault(origin, drop.get().table(), drop.get().column(),
                            null));
                }
            }
            if (PARSED.contains(first)) {
                List<Operation> parsed = AstReader.read(statement, origin, dialect);
                if (parsed != null && !parsed.isEmpty()) return parsed;
            }
            return DdlReader.read(statement, origin, dialect);
        } catch (RuntimeException | StackOverflowError e) {
            return List.of(new Operation.Opaque(origin, OpaqueKind.UNREAD, firstWord(statement), List.of()));
        }
    }

    /**
     * Whether an SQL expression (a Liquibase {@code valueComputed}) reads {@code column}: an UPDATE that sets a column
     * from such an expression transforms the old value rather than replacing it.
     */
    public static boolean readsColumn(String expression, String column) {
        if (expression == null || column == null) return false;
        try {
            return DataStatements.readsColumn(SqlTokens.of(expression), null, column);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * SQL Server's lookup of a default constraint's name and the EXEC that drops it, as the column losing its default
     * (at the EXEC); the DECLARE and the SELECT before it change nothing. Returns how many statements it took.
     */
    private static int defaultDrop(DefaultConstraintDrop.Match drop, List<SqlStatements.Span> statements,
                                   Positions positions, Side side, List<Operation> out) {
        for (int k = 0; k < statements.size(); k++) {
            SqlStatements.Span span = statements.get(k);
            Origin origin = new Origin(positions.at(span.offset()), side);
            String word = firstWord(span.text());
            if (k < statements.size() - 1) {
                out.add(new Operation.Opaque(origin, word.equals("DECLARE") ? OpaqueKind.SESSION : OpaqueKind.QUERY,
                        word, List.of()));
            } else {
                out.add(new Operation.AlterColumnDefault(origin, drop.table(), drop.column(), null));
            }
        }
        return statements.size();
    }

    private static String firstWord(String statement) {
        int i = 0;
        int n = statement.length();
        while (i < n && Character.isWhitespace(statement.charAt(i))) i++;
        int start = i;
        while (i < n && (Character.isLetter(statement.charAt(i)) || statement.charAt(i) == '_')) i++;
        return statement.substring(start, i).toUpperCase(Locale.ROOT);
    }

    /** Offsets of the SQL to locations in its file, computed forward once: statements come in order. */
    static final class Positions {
        private final String sql;
        private final String path;
        private final int baseLine;
        private final int baseColumn;
        private int offset;
        private int line;
        private int lineStart;

        Positions(String sql, Location base) {
            this.sql = sql;
            this.path = base.path();
            this.baseLine = Math.max(base.line(), 1);
            this.baseColumn = Math.max(base.column(), 1);
        }

        Location at(int target) {
            if (target < offset) {
                offset = 0;
                line = 0;
                lineStart = 0;
            }
            while (offset < target && offset < sql.length()) {
                char ch = sql.charAt(offset++);
                if (ch == '\n' || ch == '\r' && (offset >= sql.length() || sql.charAt(offset) != '\n')) {
                    line++;
                    lineStart = offset;
                }
            }
            int column = target - lineStart + 1;
            return Location.at(path, baseLine + line, line == 0 ? baseColumn + column - 1 : column);
        }
    }
}
