import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.NotRun;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.typeorm.TsSources;
import dev.migrationguard.typeorm.TypeOrmMigrationReader;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What TypeOrmMigrationReader makes of a real TypeORM project at one commit: the migration sets its data sources
 * define (project, data source, dialect, migrations), the share of operations that fell to opaque, and every file the
 * reader says TypeORM will not run, with the reason, to be judged by hand. Run by bench/typeorm-runner-view.sh; it reads
 * the project's bare repository and copies nothing of it.
 *
 *   java -cp <classpath> bench/TypeOrmRunnerView.java <git-dir> [rev]
 */
public class TypeOrmRunnerView {
    /** Opaque kinds that cannot change a table's columns, keys or indexes. */
    private static final Set<Operation.OpaqueKind> HARMLESS = Set.of(Operation.OpaqueKind.COMMENT,
            Operation.OpaqueKind.PRIVILEGE, Operation.OpaqueKind.SESSION, Operation.OpaqueKind.QUERY);

    public static void main(String[] args) throws Exception {
        String rev = args.length > 1 ? args[1] : "HEAD";
        try (Repository repo = new FileRepositoryBuilder().setGitDir(new File(args[0])).setMustExist(true).build()) {
            Snapshot snapshot = new TreeSnapshot(repo, repo.resolve(rev + "^{tree}"));
            var reader = new TypeOrmMigrationReader(new TsSources());
            long start = System.nanoTime();
            List<MigrationSet> sets = reader.sets(snapshot);
            long setsMs = (System.nanoTime() - start) / 1_000_000;
            Set<String> files = new HashSet<>();
            int operations = 0;
            int opaque = 0;
            int schemaOpaque = 0;
            Map<String, Integer> opaqueSummaries = new LinkedHashMap<>();
            for (MigrationSet s : sets) {
                System.out.printf("set  project=%s  name=%s  dialect=%s  migrations=%d%n", s.project().isEmpty() ? "."
                        : s.project(), s.name(), s.dialect(), s.migrations().size());
                for (Migration m : s.migrations()) {
                    if (!files.add(m.path() + "#" + m.id())) continue;
                    for (Operation op : m.operations()) {
                        operations++;
                        if (op instanceof Operation.Opaque o) {
                            opaque++;
                            if (!HARMLESS.contains(o.kind())) schemaOpaque++;
                            opaqueSummaries.merge(o.kind() + " " + o.summary(), 1, Integer::sum);
                        }
                    }
                }
            }
            start = System.nanoTime();
            List<NotRun> notRun = new ArrayList<>();
            for (String path : snapshot.paths()) reader.notRun(snapshot, path).ifPresent(notRun::add);
            long notRunMs = (System.nanoTime() - start) / 1_000_000;
            for (NotRun n : notRun) System.out.printf("not-run  %s  %s%n", n.path(), n.reason());
            opaqueSummaries.forEach((k, v) -> System.out.printf("opaque  %4d  %s%n", v, k));
            System.out.printf("summary sets=%d migrations=%d operations=%d opaque=%d (%.1f%%) schema-opaque=%d (%.1f%%)"
                            + " not-run=%d sets-ms=%d not-run-all-files-ms=%d%n", sets.size(), files.size(), operations,
                    opaque, operations == 0 ? 0 : 100.0 * opaque / operations, schemaOpaque,
                    operations == 0 ? 0 : 100.0 * schemaOpaque / operations, notRun.size(), setsMs, notRunMs);
        }
    }

    /** The files of one tree of a bare repository, read through JGit. */
    static final class TreeSnapshot implements Snapshot {
        private final Repository repo;
        private final Map<String, ObjectId> blobs = new LinkedHashMap<>();

        TreeSnapshot(Repository repo, ObjectId tree) throws IOException {
            this.repo = repo;
            try (RevWalk walk = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
                tw.addTree(walk.parseTree(tree));
                tw.setRecursive(true);
                while (tw.next()) blobs.put(tw.getPathString(), tw.getObjectId(0));
            }
        }

        @Override
        public List<String> paths() {
            return new ArrayList<>(blobs.keySet());
        }

        @Override
        public Optional<byte[]> read(String path) {
            ObjectId id = blobs.get(path);
            if (id == null) return Optional.empty();
            try {
                return Optional.of(repo.open(id).getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
