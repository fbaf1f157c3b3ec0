package dev.migrationguard.engine;

import dev.migrationguard.model.FileTooLarge;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.stack.MigrationReader;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lint's migrations read ahead on a second thread: only what may be, never a file too large, and never too few. */
class MigrationReadAheadTest {
    private static final String AHEAD = "migration-guard-migration-read-ahead";

    @Test
    void theSecondThreadReadsWhatMayBeReadAheadAndSkipsFilesTooLarge() {
        List<String> paths = paths(200);
        var reader = new Recording(p -> !p.endsWith("7.sql"));
        Snapshot side = tooLarge(MemorySnapshot.of(), "db/V100.sql");
        try (var ahead = MigrationReadAhead.start(side, paths, p -> List.of(reader))) {
            // as lint's caller is busy with the entities first, the second thread gets ahead
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!reader.readBy.containsValue(AHEAD) && System.nanoTime() < deadline) Thread.onSpinWait();
            // the caller reads in its turn, as lint does, leaving out a file too large to read; the reader keeps what
            // either thread read
            for (String p : paths) if (side.tooLarge(p).isEmpty()) reader.read(side, p);
        }
        Map<String, String> by = reader.readBy;
        assertFalse(by.containsKey("db/V100.sql"), "a file too large to read is never read ahead");
        assertTrue(by.values().stream().anyMatch(AHEAD::equals), "the second thread read some: " + by);
        for (String p : paths) {
            if (p.endsWith("7.sql")) assertEquals(Thread.currentThread().getName(), by.get(p), p);
        }
    }

    @Test
    void fewFilesOrReadersThatSayNoAreReadOnTheCallersThreadAlone() {
        var few = new Recording(p -> true);
        List<String> some = paths(MigrationReadAhead.MIN_FILES - 1);
        try (var ahead = MigrationReadAhead.start(MemorySnapshot.of(), some, p -> List.of(few))) {
            for (String p : some) few.read(MemorySnapshot.of(), p);
        }
        assertTrue(few.readBy.values().stream().noneMatch(AHEAD::equals), few.readBy.toString());
        var no = new Recording(p -> false);
        List<String> many = paths(500);
        try (var ahead = MigrationReadAhead.start(MemorySnapshot.of(), many, p -> List.of(no))) {
            for (String p : many) no.read(MemorySnapshot.of(), p);
        }
        assertTrue(no.readBy.values().stream().noneMatch(AHEAD::equals), no.readBy.toString());
    }

    @Test
    void closingStopsTheSecondThread() {
        var slow = new Recording(p -> true) {
            @Override
            public ReadResult<Migration> read(Snapshot side, String path) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.read(side, path);
            }
        };
        List<String> paths = paths(5_000);
        MigrationReadAhead.start(MemorySnapshot.of(), paths, p -> List.of(slow)).close();
        int afterClose = slow.reads.size();
        assertTrue(afterClose < paths.size(), "stopped early: " + afterClose);
        assertEquals(afterClose, slow.reads.size());
    }

    private static List<String> paths(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) out.add("db/V" + i + ".sql");
        return out;
    }

    private static Snapshot tooLarge(MemorySnapshot files, String big) {
        return new Snapshot() {
            @Override
            public List<String> paths() {
                return files.paths();
            }

            @Override
            public Optional<byte[]> read(String path) {
                if (path.equals(big)) throw new AssertionError("read " + big);
                return files.read(path);
            }

            @Override
            public Optional<FileTooLarge> tooLarge(String path) {
                return path.equals(big) ? Optional.of(new FileTooLarge(path, 1L << 40, 1L << 20, new byte[0])) : Optional.empty();
            }
        };
    }

    /** A reader that keeps what it read, once per file, and which thread read it. */
    private static class Recording implements MigrationReader {
        final java.util.function.Predicate<String> ahead;
        final Map<String, String> readBy = new ConcurrentHashMap<>();
        final List<String> reads = java.util.Collections.synchronizedList(new ArrayList<>());

        Recording(java.util.function.Predicate<String> ahead) {
            this.ahead = ahead;
        }

        @Override
        public boolean accepts(String path) {
            return true;
        }

        @Override
        public boolean readsAhead(String path) {
            return ahead.test(path);
        }

        @Override
        public ReadResult<Migration> read(Snapshot side, String path) {
            readBy.computeIfAbsent(path, p -> {
                reads.add(p);
                return Thread.currentThread().getName();
            });
            return ReadResult.empty();
        }
    }
}
