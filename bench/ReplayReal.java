import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.Rollback;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.replay.Replay;
import dev.migrationguard.replay.ReplayCache;
import dev.migrationguard.replay.ReplayState;
import dev.migrationguard.replay.ReplayedSet;
import dev.migrationguard.replay.SchemaText;
import dev.migrationguard.replay.SetReplayer;
import dev.migrationguard.sql.SqlOperations;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays one Flyway folder of real migrations copied to {@code folder}: the V scripts in Flyway's version order,
 * read into operations as the Flyway reader would. Prints one summary line, and the replayed schema to {@code out}.
 *
 *   java -cp ... bench/ReplayReal.java <label> <dialect> <folder> <out>
 */
public class ReplayReal {
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.*\\.sql");

    public static void main(String[] args) throws Exception {
        String label = args[0];
        Dialect dialect = Dialect.parse(args[1]).orElseThrow();
        Path folder = Path.of(args[2]);
        List<Path> files = new ArrayList<>();
        try (var list = Files.list(folder)) {
            list.filter(p -> VERSIONED.matcher(p.getFileName().toString()).matches()).forEach(files::add);
        }
        files.sort(Comparator.comparing(ReplayReal::version, ReplayReal::compareVersions));
        List<Migration> migrations = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            String sql = Files.readString(f, StandardCharsets.UTF_8);
            migrations.add(new Migration(name, name, "flyway", Migration.Kind.VERSIONED, version(f), name,
                    Location.file(name), List.of(), Rollback.notApplicable(), sql)
                    .withOperations(SqlOperations.read(sql, dialect, Location.file(name), Side.UP)));
        }
        MigrationSet set = new MigrationSet("flyway", "", label, dialect, migrations);
        long t = System.nanoTime();
        ReplayedSet r = new SetReplayer(ReplayCache.none(), "real").replay(set, dialect, Snapshot.EMPTY);
        double ms = (System.nanoTime() - t) / 1e6;
        List<Table> tables = r.state().schema().tableList();
        long incomplete = tables.stream().filter(x -> !x.complete()).count();
        long unknownTypes = tables.stream().flatMap(x -> x.columns().stream()).filter(c -> c.type() == null).count();
        long columns = tables.stream().mapToLong(x -> x.columns().size()).sum();
        System.out.printf("%s\t%s\t%d migrations\t%d ops\t%d opaque\t%d unresolved\t%d tables (%d incomplete)\t"
                        + "%d columns (%d type unknown)\tschema %s\t%.0f ms%n", label, dialect.id(), migrations.size(),
                r.state().operations(), r.state().opaque(), r.state().unresolved(), tables.size(), incomplete, columns,
                unknownTypes, r.state().schema().complete() ? "complete" : "incomplete", ms);
        if (System.getenv("LIST") != null) unresolved(set, dialect);
        StringBuilder out = new StringBuilder();
        SchemaText.write(List.of(r), out);
        Files.writeString(Path.of(args[3]), out);
    }

    /** Each operation that acted on an object the replay lacked, or made a table or the schema incomplete. */
    private static void unresolved(MigrationSet set, Dialect dialect) {
        ReplayState s = ReplayState.start(dialect);
        for (Migration m : set.migrations()) {
            for (var op : m.operations()) {
                if (op.origin().side() != Side.UP) continue;
                ReplayState next = Replay.apply(s, op);
                long incomplete = next.schema().tableList().stream().filter(t -> !t.complete()).count();
                long before = s.schema().tableList().stream().filter(t -> !t.complete()).count();
                if (next.unresolved() > s.unresolved() || incomplete > before
                        || next.schema().complete() != s.schema().complete()) {
                    String text = op.toString();
                    System.out.println("  " + op.origin().location().path() + ":" + op.origin().location().line() + " "
                            + text.substring(0, Math.min(220, text.length())));
                }
                s = next;
            }
        }
    }

    private static String version(Path p) {
        Matcher m = VERSIONED.matcher(p.getFileName().toString());
        return m.matches() ? m.group(1) : "";
    }

    /** Flyway's order: numeric parts, dots and underscores alike. */
    private static int compareVersions(String a, String b) {
        String[] x = a.split("[._]");
        String[] y = b.split("[._]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length && !x[i].isEmpty() ? Long.parseLong(x[i]) : 0;
            long q = i < y.length && !y[i].isEmpty() ? Long.parseLong(y[i]) : 0;
            if (p != q) return Long.compare(p, q);
        }
        return 0;
    }
}
