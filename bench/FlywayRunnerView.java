import dev.migrationguard.flyway.FlywayMigrationReader;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.NotRun;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.ops.Operation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flyway's view of a real project's HEAD, for judging by hand: the migration sets FlywayMigrationReader.sets finds
 * (project, name, migrations, operations and the opaque share), and every file its notRun says Flyway will not run,
 * with the reason. Run by bench/flyway-view.sh; it reads the project's bare repository and copies nothing of it.
 *
 * With {@code --added}, the commits come on stdin (one hash a line) and, for each, notRun is asked of the files that
 * commit adds, as a pre-commit check of that commit would ask it.
 *
 *   java -cp <classpath> bench/FlywayRunnerView.java <git-dir> [commit | --added]
 */
public class FlywayRunnerView {
    public static void main(String[] args) throws IOException {
        String gitDir = args[0];
        if (args.length > 1 && args[1].equals("--added")) {
            added(gitDir);
            return;
        }
        String commit = args.length > 1 ? args[1] : "HEAD";
        Snapshot side = new GitSnapshot(gitDir, commit);
        var reader = new FlywayMigrationReader();
        long start = System.nanoTime();
        List<MigrationSet> sets = reader.sets(side);
        long setsMs = (System.nanoTime() - start) / 1_000_000;
        int ops = 0;
        int opaque = 0;
        for (MigrationSet set : sets) {
            int setOps = 0;
            int setOpaque = 0;
            for (Migration m : set.migrations()) {
                for (Operation o : m.operations()) {
                    setOps++;
                    if (o instanceof Operation.Opaque op) {
                        setOpaque++;
                        if (System.getenv("LIST") != null) {
                            System.out.println("  opaque " + op.kind() + " " + op.origin().location().path()
                                    .replaceAll(".*/", "") + ":" + op.origin().location().line() + " " + op.summary());
                        }
                    }
                }
            }
            ops += setOps;
            opaque += setOpaque;
            System.out.printf("set project=%s name=%s dialect=%s migrations=%d (sql %d, java %d) operations=%d opaque=%d%n",
                    set.project().isEmpty() ? "." : set.project(), set.name(), set.dialect(), set.migrations().size(),
                    set.migrations().stream().filter(m -> !m.path().endsWith(".java")).count(),
                    set.migrations().stream().filter(m -> m.path().endsWith(".java")).count(), setOps, setOpaque);
        }
        start = System.nanoTime();
        int notRun = 0;
        for (String path : side.paths()) {
            Optional<NotRun> n = reader.notRun(side, path);
            if (n.isEmpty()) continue;
            notRun++;
            System.out.println("not-run " + path + ": " + n.get().reason() + ". " + n.get().fix());
        }
        long notRunMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("total sets=%d operations=%d opaque=%d (%.1f%%) not-run=%d paths=%d sets-ms=%d not-run-ms=%d%n",
                sets.size(), ops, opaque, ops == 0 ? 0.0 : 100.0 * opaque / ops, notRun, side.paths().size(), setsMs,
                notRunMs);
    }

    private static void added(String gitDir) throws IOException {
        int commits = 0;
        int files = 0;
        int notRun = 0;
        for (String commit : new String(System.in.readAllBytes(), StandardCharsets.UTF_8).split("\\s+")) {
            if (commit.isBlank()) continue;
            commits++;
            Snapshot side = new GitSnapshot(gitDir, commit);
            var reader = new FlywayMigrationReader();
            for (String path : git(gitDir, "diff-tree", "--no-commit-id", "-r", "--diff-filter=A", "--name-only",
                    commit).split("\n")) {
                if (path.isBlank()) continue;
                files++;
                Optional<NotRun> n = reader.notRun(side, path);
                if (n.isEmpty()) continue;
                notRun++;
                System.out.println("not-run " + commit.substring(0, 9) + " " + path + ": " + n.get().reason() + ". "
                        + n.get().fix());
            }
        }
        System.out.printf("commits=%d added-files=%d not-run=%d%n", commits, files, notRun);
    }

    static String git(String gitDir, String... args) {
        return new String(gitBytes(gitDir, args), StandardCharsets.UTF_8);
    }

    static byte[] gitBytes(String gitDir, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "--git-dir";
        command[2] = gitDir;
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = p.getInputStream()) {
                in.transferTo(out);
            }
            return p.waitFor() == 0 ? out.toByteArray() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static final class GitSnapshot implements Snapshot {
        private final String gitDir;
        private final String commit;
        private List<String> paths;
        private final Map<String, Optional<byte[]>> blobs = new HashMap<>();

        GitSnapshot(String gitDir, String commit) {
            this.gitDir = gitDir;
            this.commit = commit;
        }

        @Override
        public synchronized List<String> paths() {
            if (paths == null) paths = List.of(git(gitDir, "ls-tree", "-r", "--name-only", commit).split("\n"));
            return paths;
        }

        @Override
        public synchronized Optional<byte[]> read(String path) {
            return blobs.computeIfAbsent(path, p -> paths().contains(p)
                    ? Optional.ofNullable(gitBytes(gitDir, "cat-file", "blob", commit + ":" + p)) : Optional.empty());
        }
    }
}
