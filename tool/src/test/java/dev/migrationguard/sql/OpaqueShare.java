package dev.migrationguard.sql;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Operation.Opaque;
import dev.migrationguard.model.ops.Origin;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Dialect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs {@link SqlOperations} over migration files outside the repository and counts the statements that fall to
 * {@link Opaque}, per project and per statement kind; or times the reading of whole files. Driven by
 * {@code bench/opaque-share.sh}; not part of the tool.
 *
 * <pre>
 * OpaqueShare &lt;manifest&gt; [--list]      lines: project TAB file TAB path-in-its-project; --list prints
 *                                      each opaque statement's start, to judge the reader by</pre><pre>
 * OpaqueShare --time &lt;dialect&gt; &lt;file&gt;...  milliseconds to read each file into operations, and for
 *                                      comparison into SqlTouchReader's touches (in the same JVM, after)
 * </pre>
 */
public final class OpaqueShare {
    private OpaqueShare() {
    }

    /** Statement counts: all, and those with an opaque operation, by opaque kind. */
    private static final class Count {
        int statements;
        int opaque;
        final Map<String, Integer> byKind = new TreeMap<>();

        void add(List<Operation> ops) {
            statements++;
            Opaque o = ops.stream().filter(op -> op instanceof Opaque).map(op -> (Opaque) op).findFirst()
                    .orElse(null);
            if (o == null) return;
            opaque++;
            byKind.merge(o.kind().name(), 1, Integer::sum);
        }

        String line(String name) {
            return String.format("%-36s %7d %7d %6.1f%%  %s", name, statements, opaque,
                    statements == 0 ? 0.0 : 100.0 * opaque / statements, byKind);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 3 && args[0].equals("--time")) {
            Dialect dialect = Dialect.parse(args[1]).orElse(Dialect.DEFAULT);
            for (int i = 2; i < args.length; i++) {
                String sql = Files.readString(Path.of(args[i]), StandardCharsets.UTF_8);
                long start = System.nanoTime();
                List<Operation> ops = SqlOperations.read(sql, dialect, Location.file(args[i]), Side.UP);
                long ms = (System.nanoTime() - start) / 1_000_000;
                start = System.nanoTime();
                int touches = SqlTouchReader.touches(sql).size();
                long touchMs = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("%s: %d bytes, %d operations in %d ms (SqlTouchReader after it: %d touches in %d ms)%n",
                        Path.of(args[i]).getFileName(), sql.length(), ops.size(), ms, touches, touchMs);
            }
            return;
        }
        Map<String, Count> projects = new TreeMap<>();
        Map<String, Count> kinds = new TreeMap<>();
        Count total = new Count();
        boolean list = args.length > 1 && args[1].equals("--list");
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length < 3) continue;
            String content = Files.readString(Path.of(f[1]), StandardCharsets.UTF_8);
            Dialect dialect = EmbeddedSql.dialectOf(f[2]);
            for (EmbeddedSql.Piece piece : EmbeddedSql.of(f[2], content)) {
                for (SqlStatements.Span span : SqlStatements.split(piece.sql())) {
                    List<Operation> ops = SqlOperations.statement(span.text(),
                            new Origin(piece.base(), Side.UP), dialect);
                    projects.computeIfAbsent(f[0], k -> new Count()).add(ops);
                    kinds.computeIfAbsent(DdlReader.summary(SqlTokens.of(span.text(), 16)), k -> new Count())
                            .add(ops);
                    total.add(ops);
                    if (list && ops.stream().anyMatch(op -> op instanceof Opaque)) {
                        String text = span.text().replaceAll("\\s+", " ");
                        System.out.printf("%s %s %s | %s%n", f[0], f[2], ((Opaque) ops.stream()
                                .filter(op -> op instanceof Opaque).findFirst().orElseThrow()).kind(),
                                text.substring(0, Math.min(160, text.length())));
                    }
                }
            }
        }
        System.out.printf("%-36s %7s %7s %7s  %s%n", "project", "stmts", "opaque", "share", "opaque by kind");
        projects.forEach((name, count) -> System.out.println(count.line(name)));
        System.out.println(total.line("all"));
        System.out.printf("%n%-36s %7s %7s %7s  %s%n", "statement kind", "stmts", "opaque", "share", "opaque by kind");
        kinds.entrySet().stream().sorted((a, b) -> b.getValue().statements - a.getValue().statements)
                .forEach(e -> System.out.println(e.getValue().line(e.getKey())));
    }
}
