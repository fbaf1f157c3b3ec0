package dev.migrationguard.flyway;

import dev.migrationguard.stack.MigrationReader;
import dev.migrationguard.model.AcceptedEdits;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.Rollback;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.Text;
import dev.migrationguard.sql.SqlTouchReader;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Flyway migrations, SQL or Java, from files named by Flyway's convention in any folder (dialect subfolders
 * included). A versioned migration's way back is the {@code U} script of the same version anywhere in the snapshot.
 */
public final class FlywayMigrationReader implements MigrationReader {
    /** Undo scripts per snapshot, by identity: built once per snapshot and run, however many migrations ask. */
    private final List<UndoIndex> undoIndexes = new ArrayList<>();

    @Override
    public boolean accepts(String path) {
        return FlywayName.parse(path).isPresent();
    }

    @Override
    public ReadResult<Migration> read(Snapshot side, String path) {
        return read(side, path, true);
    }

    /** Name, checksum and digest only: Flyway's checksum needs no parsing, and a ledger needs nothing more. */
    @Override
    public ReadResult<Migration> identify(Snapshot side, String path) {
        return read(side, path, false);
    }

    private ReadResult<Migration> read(Snapshot side, String path, boolean full) {
        try {
            Optional<FlywayName> name = FlywayName.parse(path);
            Optional<byte[]> bytes = side.read(path);
            if (name.isEmpty() || bytes.isEmpty()) return ReadResult.empty();
            return read(side, path, name.get(), bytes.get(), full);
        } catch (RuntimeException | StackOverflowError e) {
            return ReadResult.problem(new ParseProblem(Location.file(path),
                    "Could not read this Flyway migration: " + e));
        }
    }

    private ReadResult<Migration> read(Snapshot side, String path, FlywayName name, byte[] bytes, boolean full) {
        // No binary sniff: the SQL reader never throws and the Java one reports what it cannot read.
        String content = Text.decode(bytes);
        List<Migration.Touch> touches = List.of();
        List<ParseProblem> problems = new ArrayList<>();
        String checksum;
        String digest;
        if (name.java()) {
            checksum = FlywayChecksum.java(content);
            digest = checksum.substring("sha256:".length());
            if (full) {
                JavaMigrationSql.Result java = JavaMigrationSql.read(path, content);
                touches = java.touches();
                if (java.problem() != null) problems.add(java.problem());
            }
        } else {
            checksum = FlywayChecksum.sql(content);
            digest = FlywayChecksum.sqlDigest(content);
            if (full) touches = SqlTouchReader.touches(content);
        }
        Migration migration = new Migration(path, path, FlywayStack.ID, name.kind(),
                name.normalizedVersion(), name.description(), Location.file(path), touches,
                full ? rollback(side, path, name) : Rollback.notApplicable(), checksum, digest,
                // Flyway re-applies a repeatable migration whenever its checksum changes: editing one is the workflow
                name.kind() == Migration.Kind.REPEATABLE ? AcceptedEdits.RERUNS_ON_CHANGE : AcceptedEdits.NONE);
        return new ReadResult<>(List.of(migration), problems);
    }

    private Rollback rollback(Snapshot side, String path, FlywayName name) {
        if (name.kind() != Migration.Kind.VERSIONED) return Rollback.notApplicable();
        UndoIndex index = undoIndex(side);
        String module = module(path);
        String undo = index.undoByModule.getOrDefault(module, Map.of()).get(name.version());
        if (undo != null) return new Rollback(Rollback.Status.PRESENT, Location.file(undo), true);
        return new Rollback(Rollback.Status.MISSING, null, index.undoByModule.containsKey(module));
    }

    /**
     * The module a migration belongs to: the folder above {@code src/main/...} (or {@code src/test/...}), or the
     * repository itself for other layouts. Flyway's locations of one module ({@code db/migration}, {@code db/undo},
     * Java and SQL alike) share undo scripts; two modules, or two projects in one repository, never do.
     */
    static String module(String path) {
        java.util.regex.Matcher m = SOURCE_ROOT.matcher(path);
        int start = -1;
        while (m.find()) start = m.start() + m.group(1).length();
        return start < 0 ? "" : path.substring(0, start);
    }

    private static final java.util.regex.Pattern SOURCE_ROOT =
            java.util.regex.Pattern.compile("(^|/)src/(main|test)/");

    private UndoIndex undoIndex(Snapshot side) {
        synchronized (undoIndexes) {
            undoIndexes.removeIf(i -> i.snapshot.get() == null);
            for (UndoIndex i : undoIndexes) {
                if (i.snapshot.get() == side) return i;
            }
            Map<String, Map<FlywayVersion, String>> undo = new HashMap<>();
            for (String p : side.paths()) {
                FlywayName.parse(p).filter(n -> n.kind() == Migration.Kind.UNDO).ifPresent(n ->
                        undo.computeIfAbsent(module(p), k -> new HashMap<>()).putIfAbsent(n.version(), p));
            }
            UndoIndex index = new UndoIndex(new WeakReference<>(side), undo);
            undoIndexes.add(index);
            return index;
        }
    }

    private record UndoIndex(WeakReference<Snapshot> snapshot, Map<String, Map<FlywayVersion, String>> undoByModule) {
    }
}
