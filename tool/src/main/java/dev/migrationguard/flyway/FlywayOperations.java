package dev.migrationguard.flyway;

import dev.migrationguard.javasrc.JavaStrings;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Operation.OpaqueKind;
import dev.migrationguard.model.ops.Origin;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.sql.SqlOperations;
import dev.migrationguard.sql.SqlStatements;
import dev.migrationguard.sql.SqlTouchReader;
import dev.migrationguard.sql.TableRebuilds;

import java.util.ArrayList;
import java.util.List;

/**
 * The operations of a Flyway migration: a SQL script read after Flyway's placeholder replacement, or the SQL strings
 * of a Java migration. A statement holding a placeholder no configuration sets is opaque (Flyway itself would stop
 * on it), as is SQL a Java migration computes.
 */
final class FlywayOperations {
    private FlywayOperations() {
    }

    /** The operations of a SQL script, each at its statement's first character in the file. */
    static List<Operation> sql(String path, String content, FlywayConfig config, Dialect dialect, Side side) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        Location file = Location.at(path, 1, 1);
        if (!config.placeholderReplacement() || !text.contains(config.placeholderPrefix())) {
            return SqlOperations.read(text, dialect, file, side);
        }
        List<Operation> out = new ArrayList<>();
        int[] lineStarts = lineStarts(text);
        for (SqlStatements.Span span : SqlStatements.split(text)) {
            Origin origin = new Origin(at(path, lineStarts, span.offset()), side);
            Replaced replaced = replace(span.text(), config);
            if (replaced.unknown() != null) {
                out.add(new Operation.Opaque(origin, OpaqueKind.UNREAD, "placeholder " + config.placeholderPrefix()
                        + replaced.unknown() + config.placeholderSuffix() + " is set by no Flyway configuration",
                        List.of()));
            } else {
                out.addAll(SqlOperations.statement(replaced.text(), origin, dialect));
            }
        }
        return TableRebuilds.fold(out);
    }

    /** The statement with every placeholder replaced, or the first one no configuration sets. */
    record Replaced(String text, String unknown) {
    }

    static Replaced replace(String statement, FlywayConfig config) {
        String prefix = config.placeholderPrefix();
        String suffix = config.placeholderSuffix();
        StringBuilder b = new StringBuilder(statement.length());
        int i = 0;
        while (i < statement.length()) {
            int start = statement.indexOf(prefix, i);
            int end = start < 0 ? -1 : statement.indexOf(suffix, start + prefix.length());
            if (start < 0 || end < 0) {
                b.append(statement, i, statement.length());
                break;
            }
            String name = statement.substring(start + prefix.length(), end);
            String value = config.placeholder(name);
            if (value == null) value = builtIn(name);
            if (value == null) return new Replaced(null, name);
            b.append(statement, i, start).append(value);
            i = end + suffix.length();
        }
        return new Replaced(b.toString(), null);
    }

    /** The text with every placeholder a configuration sets replaced, the others left as written. */
    static String replaceKnown(String text, FlywayConfig config) {
        String prefix = config.placeholderPrefix();
        String suffix = config.placeholderSuffix();
        StringBuilder b = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf(prefix, i);
            int end = start < 0 ? -1 : text.indexOf(suffix, start + prefix.length());
            if (start < 0 || end < 0) {
                b.append(text, i, text.length());
                break;
            }
            String value = config.placeholder(text.substring(start + prefix.length(), end));
            b.append(text, i, start).append(value != null ? value : text.substring(start, end + suffix.length()));
            i = end + suffix.length();
        }
        return b.toString();
    }

    /**
     * Flyway's own placeholders whose value does not change what a statement does to the schema, replaced by a
     * neutral word; the schema ones leave names unqualified, as the default schema would.
     */
    private static String builtIn(String name) {
        return switch (name) {
            case "flyway:defaultSchema" -> "public";
            case "flyway:user", "flyway:database", "flyway:environment" -> "flyway";
            case "flyway:timestamp" -> "'2000-01-01 00:00:00'";
            case "flyway:filename", "flyway:workingDirectory" -> "'flyway'";
            case "flyway:table" -> "flyway_schema_history";
            default -> null;
        };
    }

    /**
     * The operations of a Java migration: each SQL string literal (constants of the file substituted) read as SQL; a
     * string built from something the file does not fix is opaque, naming the tables it still shows. All are placed
     * on the file: the literals' positions are not kept.
     */
    static List<Operation> java(String path, String content, Dialect dialect, Side side) {
        Location file = Location.file(path);
        List<Operation> out = new ArrayList<>();
        JavaMigrationSql.Result read = JavaMigrationSql.read(path, content);
        if (read.problem() != null) {
            out.add(new Operation.Opaque(new Origin(file, side), OpaqueKind.UNREAD, "unreadable Java migration",
                    List.of()));
            return out;
        }
        for (String sql : read.statements()) {
            if (sql.contains(JavaStrings.UNKNOWN)) {
                List<QualifiedName> mentions = new ArrayList<>();
                for (Migration.Touch t : SqlTouchReader.touches(sql)) {
                    if (!t.table().contains(JavaStrings.UNKNOWN)) {
                        mentions.add(QualifiedName.of(t.table()));
                    }
                }
                out.add(new Operation.Opaque(new Origin(file, side), OpaqueKind.UNREAD,
                        "SQL the Java migration computes", mentions.stream().distinct().toList()));
                continue;
            }
            for (SqlStatements.Span span : SqlStatements.split(sql)) {
                out.addAll(SqlOperations.statement(span.text(), new Origin(file, side), dialect));
            }
        }
        if (out.isEmpty()) {
            out.add(new Operation.Opaque(new Origin(file, side), OpaqueKind.PROCEDURAL,
                    "Java migration with no SQL string", List.of()));
        }
        return TableRebuilds.fold(out);
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) starts.add(i + 1);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Location at(String path, int[] lineStarts, int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) lo = mid;
            else hi = mid - 1;
        }
        return Location.at(path, lo + 1, offset - lineStarts[lo] + 1);
    }
}
