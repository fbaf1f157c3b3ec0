package dev.migrationguard.flyway;

import dev.migrationguard.javasrc.JavaStrings;
import dev.migrationguard.model.Migration.Touch;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.sql.SqlTouchReader;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SQL a Java migration runs, found in its string literals, text blocks and concatenations (constants of the same
 * file substituted), and the tables that SQL touches.
 */
final class JavaMigrationSql {
    private static final Pattern LOOKS_LIKE_SQL = Pattern.compile(
            "^\\s*(?:INSERT|UPDATE|DELETE|MERGE|UPSERT|REPLACE|TRUNCATE|RENAME|COMMENT|CREATE|ALTER|DROP|WITH)\\s",
            Pattern.CASE_INSENSITIVE);

    /** What was read: the SQL strings and the tables they touch, or the problem that stopped the parser. */
    record Result(List<String> statements, List<Touch> touches, ParseProblem problem) {
    }

    private JavaMigrationSql() {
    }

    static Result read(String path, String source) {
        JavaStrings.Result strings = JavaStrings.of(path, source);
        if (strings.problem() != null) return new Result(List.of(), List.of(), strings.problem());
        Set<Touch> touches = new LinkedHashSet<>();
        List<String> statements = new ArrayList<>();
        for (String candidate : strings.strings()) {
            if (!LOOKS_LIKE_SQL.matcher(candidate).find()) continue;
            statements.add(candidate);
            for (Touch t : SqlTouchReader.touches(candidate)) {
                // a name built from a part that could not be evaluated is no table the migration names
                if (!t.table().contains(JavaStrings.UNKNOWN)
                        && (t.column() == null || !t.column().contains(JavaStrings.UNKNOWN))) {
                    touches.add(t);
                }
            }
        }
        return new Result(statements, new ArrayList<>(touches), null);
    }
}
