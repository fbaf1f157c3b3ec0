import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.Rollback;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.replay.ReplayCache;
import dev.migrationguard.replay.ReplayedSet;
import dev.migrationguard.replay.SetReplayer;
import dev.migrationguard.sql.SqlOperations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Replay of a generated N-migration PostgreSQL history (a table every fifth migration, columns, indexes, foreign
 * keys, type and default changes between): cold, cold while writing the cache, from the cache, and with one migration
 * appended to a cached prefix. The SQL is read into operations once, before timing: that is the readers' cost.
 */
public class ReplayBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        List<Migration> all = history(n);
        MigrationSet set = set(all);
        MigrationSet head = set(all.subList(0, n - 1));
        Path cacheDir = Files.createTempDirectory("replay-bench");
        try {
            SetReplayer none = new SetReplayer(ReplayCache.none(), "bench");
            SetReplayer cached = new SetReplayer(ReplayCache.at(cacheDir), "bench");
            ReplayedSet result = none.replay(set, Dialect.POSTGRES, Snapshot.EMPTY);
            System.out.printf("%d migrations, %d operations, %d tables%n", n, result.state().operations(),
                    result.state().schema().tables().size());
            report("cold (no cache)", runs, () -> none.replay(set, Dialect.POSTGRES, Snapshot.EMPTY), () -> { });
            report("cold, writing the cache", runs, () -> cached.replay(set, Dialect.POSTGRES, Snapshot.EMPTY),
                    () -> clear(cacheDir));
            cached.replay(set, Dialect.POSTGRES, Snapshot.EMPTY);
            report("all from the cache", runs, () -> check(cached.replay(set, Dialect.POSTGRES, Snapshot.EMPTY), n),
                    () -> { });
            report("one appended to a cached prefix", runs,
                    () -> check(cached.replay(set, Dialect.POSTGRES, Snapshot.EMPTY), n - 1),
                    () -> {
                        clear(cacheDir);
                        cached.replay(head, Dialect.POSTGRES, Snapshot.EMPTY);
                    });
            try (Stream<Path> files = Files.list(cacheDir)) {
                long bytes = files.filter(p -> p.toString().endsWith(".json")).mapToLong(p -> p.toFile().length()).max()
                        .orElse(0);
                System.out.printf("cached state: %d KiB%n", bytes / 1024);
            }
        } finally {
            clear(cacheDir);
            Files.deleteIfExists(cacheDir);
        }
    }

    private static ReplayedSet check(ReplayedSet r, int fromCache) {
        if (r.fromCache() != fromCache) throw new AssertionError(r.describe());
        return r;
    }

    private static void report(String what, int runs, Supplier<ReplayedSet> work, Runnable before) {
        for (int i = 0; i < 3; i++) {
            before.run();
            work.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            before.run();
            long t = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-34s median %8.1f ms  (min %.1f, max %.1f, %d runs)%n", what, ms[runs / 2], ms[0],
                ms[runs - 1], runs);
    }

    private static void clear(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    private static MigrationSet set(List<Migration> migrations) {
        return new MigrationSet("flyway", "", "db/migration", Dialect.POSTGRES, migrations);
    }

    private static List<Migration> history(int n) {
        List<Migration> out = new ArrayList<>(n);
        int tables = 0;
        for (int i = 1; i <= n; i++) {
            String path = "db/migration/V" + i + "__step.sql";
            String sql;
            if (i % 5 == 1) {
                tables++;
                sql = "CREATE TABLE t" + tables + " (id bigserial PRIMARY KEY, name varchar(100) NOT NULL, "
                        + "created_at timestamptz DEFAULT now()" + (tables > 1 ? ", parent_id bigint REFERENCES t"
                        + (tables - 1) + " (id)" : "") + ");\nCREATE INDEX t" + tables + "_name ON t" + tables
                        + " (name);";
            } else {
                String t = "t" + tables;
                sql = switch (i % 5) {
                    case 2 -> "ALTER TABLE " + t + " ADD COLUMN c" + i + " integer NOT NULL DEFAULT 0;";
                    case 3 -> "ALTER TABLE " + t + " ALTER COLUMN name TYPE varchar(200);\nUPDATE " + t
                            + " SET name = trim(name);";
                    case 4 -> "CREATE UNIQUE INDEX " + t + "_c" + (i - 2) + " ON " + t + " (c" + (i - 2) + ");";
                    default -> "ALTER TABLE " + t + " RENAME COLUMN c" + (i - 3) + " TO d" + (i - 3) + ";";
                };
            }
            out.add(new Migration(path, path, "flyway", Migration.Kind.VERSIONED, String.valueOf(i), "step",
                    Location.file(path), List.of(), Rollback.notApplicable(), sql).withOperations(
                    SqlOperations.read(sql, Dialect.POSTGRES, Location.file(path), Side.UP)));
        }
        return out;
    }
}
