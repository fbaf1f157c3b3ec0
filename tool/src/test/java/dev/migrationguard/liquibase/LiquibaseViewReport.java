package dev.migrationguard.liquibase;

import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.NotRun;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Side;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Prints Liquibase's view of a project checked out in a folder: the master changelogs found and the changeSets each
 * runs, the changelogs none reaches, and the share of operations that fell to opaque. Driven by
 * {@code bench/liquibase-view.sh}; not part of the tool.
 *
 * <pre>LiquibaseViewReport &lt;folder&gt; [--list]   --list prints every changeSet run, in order, and every opaque operation</pre>
 */
public final class LiquibaseViewReport {
    private LiquibaseViewReport() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        boolean list = args.length > 1 && args[1].equals("--list");
        Snapshot side = folder(root);
        LiquibaseMigrationReader reader = new LiquibaseMigrationReader();
        long start = System.nanoTime();
        List<MigrationSet> sets = reader.sets(side);
        long setsMs = (System.nanoTime() - start) / 1_000_000;
        int changeSets = 0;
        int ops = 0;
        int rollbackOps = 0;
        Map<String, Integer> opaque = new TreeMap<>();
        int opaqueCount = 0;
        for (MigrationSet set : sets) {
            System.out.printf("master %s (project '%s', dialect %s): %d changeSets%n", set.name(), set.project(),
                    set.dialect() == null ? "unnamed" : set.dialect().id(), set.migrations().size());
            changeSets += set.migrations().size();
            for (Migration m : set.migrations()) {
                if (list) System.out.println("  runs " + m.id());
                for (Operation op : m.operations()) {
                    if (op.origin().side() != Side.UP) {
                        rollbackOps++;
                        continue;
                    }
                    ops++;
                    if (op instanceof Operation.Opaque o) {
                        opaqueCount++;
                        opaque.merge(o.kind().name().toLowerCase() + " " + o.summary(), 1, Integer::sum);
                        if (list) System.out.println("  opaque " + o.origin().location() + " " + o.summary());
                    }
                }
            }
        }
        int changelogs = 0;
        int notRun = 0;
        for (String path : side.paths()) {
            if (!reader.accepts(path)) continue;
            if (reader.identify(side, path).items().isEmpty()
                    && !(path.endsWith(".xml") || path.endsWith(".yaml") || path.endsWith(".yml"))) {
                continue;
            }
            Optional<NotRun> n = reader.notRun(side, path);
            boolean isChangelog = !reader.identify(side, path).items().isEmpty() || n.isPresent();
            if (!isChangelog) continue;
            changelogs++;
            if (n.isPresent()) {
                notRun++;
                System.out.println("not run: " + path + " (" + n.get().fix() + ")");
            }
        }
        System.out.printf("masters %d, changeSets reached %d, changelog files with changeSets %d, not run %d,"
                        + " operations %d (+%d rollback), opaque %d (%.1f%%), sets in %d ms%n", sets.size(), changeSets,
                changelogs, notRun, ops, rollbackOps, opaqueCount, ops == 0 ? 0 : 100.0 * opaqueCount / ops, setsMs);
        opaque.forEach((k, v) -> System.out.println("  opaque " + v + " x " + k));
        // what a pre-commit check pays for one changed changelog: the view of the snapshot, then the file
        sets.stream().flatMap(s -> s.migrations().stream()).reduce((a, b) -> b).ifPresent(last -> {
            long t = System.nanoTime();
            new LiquibaseMigrationReader().read(side, last.path());
            System.out.printf("one changelog read by a fresh reader (view built) in %d ms%n",
                    (System.nanoTime() - t) / 1_000_000);
        });
    }

    private static Snapshot folder(Path root) throws IOException {
        List<String> paths;
        try (Stream<Path> s = Files.walk(root)) {
            paths = s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted()
                    .toList();
        }
        return new Snapshot() {
            @Override
            public List<String> paths() {
                return paths;
            }

            @Override
            public Optional<byte[]> read(String path) {
                Path p = root.resolve(path);
                if (!Files.isRegularFile(p)) return Optional.empty();
                try {
                    return Optional.of(Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
