package dev.migrationguard.engine;

import dev.migrationguard.model.Snapshot;
import dev.migrationguard.stack.MigrationReader;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Lint's migrations read on a second thread while the first one reads the entities. On bench.sh's 2,000 entities and
 * 5,000 migrations the caller spends most of the entity pass waiting for the Java parser's own second thread, then
 * reads the migrations alone, the other core idle. Here a thread runs through the migrations the readers may read ahead
 * ({@link MigrationReader#readsAhead}), in the caller's order; such a reader keeps what it read, so the caller's own
 * read of the file later, in its turn, gets the very same result, and a file the caller reaches first is read once,
 * by the caller, with this thread waiting for it. The caller does everything else as without it: the checks of size,
 * the problems, the order of the results. Only with two processors and from {@link #MIN_FILES} files.
 */
final class MigrationReadAhead implements AutoCloseable {
    /** Fewer files are read on the caller's thread: starting a thread costs more than it saves. */
    static final int MIN_FILES = 64;
    private static final MigrationReadAhead NONE = new MigrationReadAhead();

    /** The second thread; null when none runs. Set before it starts, by the caller's thread. */
    private Thread thread;
    private volatile boolean stopped;

    private MigrationReadAhead() {
    }

    /** Starts reading ahead the files of {@code paths} that a reader of {@code readersOf} may read ahead. */
    static MigrationReadAhead start(Snapshot side, List<String> paths,
                                    Function<String, List<MigrationReader>> readersOf) {
        List<String> files = new ArrayList<>();
        List<MigrationReader> readers = new ArrayList<>();
        for (String path : paths) {
            for (MigrationReader r : readersOf.apply(path)) {
                if (r.readsAhead(path)) {
                    files.add(path);
                    readers.add(r);
                }
            }
        }
        if (files.size() < MIN_FILES || Runtime.getRuntime().availableProcessors() < 2) return NONE;
        MigrationReadAhead ahead = new MigrationReadAhead();
        ahead.thread = new Thread(() -> ahead.run(side, files, readers), "migration-guard-migration-read-ahead");
        ahead.thread.setDaemon(true);
        ahead.thread.start();
        return ahead;
    }

    private void run(Snapshot side, List<String> files, List<MigrationReader> readers) {
        for (int i = 0; i < files.size() && !stopped; i++) {
            String path = files.get(i);
            try {
                // A file too large to read is the caller's to report, and never read.
                if (side.tooLarge(path).isPresent()) continue;
                readers.get(i).read(side, path);
            } catch (RuntimeException | Error e) {
                // The reader keeps what it met; the caller's read meets it again, and reports (or dies of) it as it
                // would have. Nothing is printed from this thread.
            }
        }
    }

    /** Stops reading ahead, and waits for the file being read. */
    @Override
    public void close() {
        if (thread == null) return;
        stopped = true;
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
