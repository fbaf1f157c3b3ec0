import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.PhysicalDiff;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.typeorm.TsSources;
import dev.migrationguard.typeorm.TypeOrmEntityReader;
import dev.migrationguard.typeorm.TypeOrmNaming;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The physical diff of TypeORM entities between two commits of a real project, for reading by hand: for each commit
 * given on stdin (one hash a line), the changed .ts files that declare an entity on either side, with the entity files
 * that depend on them (as the engine reads a change), are read by TypeOrmEntityReader.tables at the parent and at the
 * commit, and the PhysicalDiff is printed with the files' own diffs beside it. Run by bench/typeorm-physical.sh; it
 * reads the project's bare repository and copies nothing of it.
 *
 *   java -cp <classpath> bench/TypeOrmPhysical.java <git-dir> <dialect> <default|snake>  < commits
 */
public class TypeOrmPhysical {
    public static void main(String[] args) throws Exception {
        String gitDir = args[0];
        Dialect dialect = Dialect.parse(args[1]).orElseThrow();
        TypeOrmNaming naming = TypeOrmNaming.valueOf(args[2].toUpperCase());
        var reader = new TypeOrmEntityReader(new TsSources(), naming);
        int commits = 0;
        int empty = 0;
        for (String commit : new String(System.in.readAllBytes(), StandardCharsets.UTF_8).split("\\s+")) {
            if (commit.isBlank()) continue;
            String parent = git(gitDir, "rev-parse", commit + "^").strip();
            Snapshot before = new GitSnapshot(gitDir, parent);
            Snapshot after = new GitSnapshot(gitDir, commit);
            Set<String> changed = new TreeSet<>();
            for (String path : git(gitDir, "diff", "--no-renames", "--name-only", parent, commit, "--", "*.ts").split("\n")) {
                if (path.isBlank() || path.endsWith(".d.ts") || path.contains("/migration")) continue;
                if (declaresEntity(before, path) || declaresEntity(after, path)) changed.add(path);
            }
            if (changed.isEmpty()) continue;
            // As the engine reads a change: the changed files, and the entity files whose tables depend on them.
            Set<String> read = new TreeSet<>(changed);
            read.addAll(reader.dependents(before, changed));
            read.addAll(reader.dependents(after, changed));
            ReadResult<Table> was = reader.tables(before, read, dialect);
            ReadResult<Table> now = reader.tables(after, read, dialect);
            PhysicalDiff diff = PhysicalDiff.diff(PhysicalSchema.of(dialect, was.items(), List.of(), List.of()),
                    PhysicalSchema.of(dialect, now.items(), List.of(), List.of()));
            commits++;
            if (diff.isEmpty()) empty++;
            System.out.println("=== " + commit.substring(0, 10) + "  " + git(gitDir, "log", "-1", "--format=%s", commit)
                    .strip() + "  [" + String.join(", ", changed) + "]");
            was.problems().forEach(p -> System.out.println("  problem before: " + p));
            now.problems().forEach(p -> System.out.println("  problem after: " + p));
            if (diff.isEmpty()) System.out.println("  (no physical change)");
            diff.changes().forEach(c -> System.out.println("  " + c.kind() + "  " + c.message() + "  @ "
                    + (c.location() == null ? "?" : c.location().path() + ":" + c.location().line())));
            for (String path : changed) {
                System.out.println("  --- " + path + ":");
                for (String line : git(gitDir, "diff", "-U0", parent, commit, "--", path).split("\n")) {
                    if ((line.startsWith("+") || line.startsWith("-")) && !line.startsWith("+++")
                            && !line.startsWith("---")) {
                        System.out.println("  | " + line);
                    }
                }
            }
        }
        System.out.println("### " + commits + " commits read, " + empty + " with no physical change");
    }

    private static boolean declaresEntity(Snapshot s, String path) {
        return s.readText(path).map(t -> t.contains("typeorm") && (t.contains("@Entity(") || t.contains("@ViewEntity(")
                || t.contains("@ChildEntity("))).orElse(false);
    }

    static String git(String gitDir, String... args) {
        return new String(gitBytes(gitDir, args), StandardCharsets.UTF_8);
    }

    static byte[] gitBytes(String gitDir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "--git-dir=" + gitDir));
        command.addAll(Arrays.asList(args));
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                in.transferTo(b);
                out = b.toByteArray();
            }
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One commit of a bare repository, read through the git command line. */
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
            if (paths == null) {
                paths = List.of(git(gitDir, "ls-tree", "-r", "--name-only", commit).split("\n"));
            }
            return paths;
        }

        @Override
        public synchronized Optional<byte[]> read(String path) {
            return blobs.computeIfAbsent(path, p -> paths().contains(p)
                    ? Optional.ofNullable(gitBytes(gitDir, "cat-file", "blob", commit + ":" + p)) : Optional.empty());
        }
    }
}
