package dev.migrationguard.jpa;

import dev.migrationguard.git.GitRepo;
import dev.migrationguard.model.ChangeSet;
import dev.migrationguard.model.FileChange;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.PhysicalDiff;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.Table;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Prints, for each given commit of a real repository, the {@link PhysicalDiff} between the tables
 * {@link JpaEntityReader#tables} reads from its parent and from it, so that each can be judged by hand
 * ({@code bench/jpa-physical.sh} runs it). Arguments: the clone, the naming ({@code spring|hibernate}), the
 * dialect, then commits.
 */
public final class JpaTablesHarness {
    private JpaTablesHarness() {
    }

    public static void main(String[] args) {
        Path clone = Path.of(args[0]);
        JpaNaming naming = JpaNaming.valueOf(args[1].toUpperCase(java.util.Locale.ROOT));
        Dialect dialect = Dialect.parse(args[2]).orElseThrow();
        try (GitRepo repo = GitRepo.open(clone)) {
            for (int i = 3; i < args.length; i++) {
                String commit = args[i];
                ChangeSet change = repo.range(commit + "^", commit, null);
                Set<String> changed = new TreeSet<>();
                for (FileChange c : change.changes()) {
                    if (c.oldPath() != null && c.oldPath().endsWith(".java")) changed.add(c.oldPath());
                    if (c.newPath() != null && c.newPath().endsWith(".java")) changed.add(c.newPath());
                }
                JpaEntityReader reader = new JpaEntityReader(naming);
                Set<String> paths = new TreeSet<>(changed);
                paths.addAll(reader.dependents(change.before(), changed));
                paths.addAll(reader.dependents(change.after(), changed));
                long start = System.nanoTime();
                ReadResult<Table> was = reader.tables(change.before(), paths, dialect);
                ReadResult<Table> is = reader.tables(change.after(), paths, dialect);
                long millis = (System.nanoTime() - start) / 1_000_000;
                PhysicalDiff diff = PhysicalDiff.diff(PhysicalSchema.of(dialect, was.items(), List.of(), List.of()),
                        PhysicalSchema.of(dialect, is.items(), List.of(), List.of()));
                System.out.printf("== %s  tables %d -> %d  read %d paths in %d ms%n", commit,
                        was.items().size(), is.items().size(), paths.size(), millis);
                problems("before", was.problems());
                problems("after", is.problems());
                for (PhysicalDiff.Change c : diff.changes()) {
                    System.out.printf("   %s:%d  %s%n", c.location() == null ? "?" : c.location().path(),
                            c.location() == null ? 0 : c.location().line(), c.message());
                }
            }
        }
    }

    private static void problems(String side, List<ParseProblem> problems) {
        for (ParseProblem p : problems) System.out.printf("   problem %s %s: %s%n", side, p.location(), p.message());
    }

}
