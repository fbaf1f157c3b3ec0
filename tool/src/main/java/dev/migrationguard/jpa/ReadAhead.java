package dev.migrationguard.jpa;

import com.github.javaparser.JavaParser;
import dev.migrationguard.javasrc.JavaSources;
import dev.migrationguard.model.Snapshot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;

/**
 * Reads and parses, on a second thread, the files a caller is about to ask for one by one in a known order: lint's
 * pass over every Java file of a repository, where parsing the entities is the largest single cost and a second core
 * sits idle. It only ever runs ahead of the caller, by a bounded amount of source; the caller takes each result in its
 * turn and does with it what it would have done with its own read and parse, so what it finds, and in which order it
 * keeps and drops trees, is the same. Whatever the second thread could not do (it failed, or its turn was skipped) is
 * not there, and the caller does it itself, failing as it would have.
 */
final class ReadAhead implements AutoCloseable {
    /**
     * How much source, in characters, may wait parsed for the caller: about forty times that in trees (see
     * {@link SnapshotSources#KEPT_SOURCE_CHARS}). One file larger than this still passes, alone.
     */
    static final int AHEAD_CHARS = 256_000;

    /**
     * One file as the second thread found it.
     *
     * @param text   the text when the file is present, readable and passes the filter, else null
     * @param parsed its tree, or null when it was not parsed
     */
    record Read(String text, ParsedSource parsed, int permits) {
    }

    private final List<String> paths;
    private final Map<String, Integer> positions = new HashMap<>();
    private final List<CompletableFuture<Read>> results;
    private final Semaphore budget = new Semaphore(AHEAD_CHARS);
    private final Thread thread;
    /** The position of the next result the caller may take; earlier ones were taken or let go. Caller's thread only. */
    private int next;

    private ReadAhead(Snapshot snapshot, List<String> paths, Predicate<String> filter) {
        this.paths = List.copyOf(paths);
        this.results = this.paths.stream().map(p -> new CompletableFuture<Read>()).toList();
        for (int i = this.paths.size() - 1; i >= 0; i--) positions.put(this.paths.get(i), i);
        JavaParser parser = JavaSources.newParser();
        thread = new Thread(() -> run(snapshot, parser, filter), "migration-guard-java-read-ahead");
        thread.setDaemon(true);
    }

    /** Starts reading {@code paths} ahead, in this order. */
    static ReadAhead start(Snapshot snapshot, List<String> paths, Predicate<String> filter) {
        ReadAhead ahead = new ReadAhead(snapshot, paths, filter);
        ahead.thread.start();
        return ahead;
    }

    private void run(Snapshot snapshot, JavaParser parser, Predicate<String> filter) {
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            Read read = null;
            try {
                String text = snapshot.readableText(path).filter(filter).orElse(null);
                ParsedSource parsed = null;
                int permits = 0;
                if (text != null) {
                    permits = Math.min(Math.max(text.length(), 1), AHEAD_CHARS);
                    budget.acquire(permits);
                    try {
                        parsed = SnapshotSources.parseText(parser, path, text);
                    } catch (RuntimeException | Error e) {
                        // the caller parses it again, and fails as it would have
                    }
                }
                read = new Read(text, parsed, permits);
            } catch (InterruptedException e) {
                // closed: nobody takes the rest
                for (int j = i; j < paths.size(); j++) results.get(j).complete(null);
                return;
            } catch (RuntimeException | Error e) {
                // the caller reads it again, and fails as it would have
            }
            results.get(i).complete(read);
        }
    }

    /**
     * What the second thread found of {@code path}, or null when it has nothing for it: a path it was not given, one
     * whose turn has passed, or one it failed on. Results before it that were not taken are let go.
     */
    Read take(String path) {
        Integer at = positions.get(path);
        if (at == null || at < next) return null;
        while (next < at) let(results.get(next++));
        next = at + 1;
        Read read;
        try {
            read = results.get(at).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return null;
        }
        if (read != null) budget.release(read.permits());
        return read;
    }

    /** Frees the budget a result not taken holds, whenever it comes. */
    private void let(CompletableFuture<Read> result) {
        result.thenAccept(read -> {
            if (read != null) budget.release(read.permits());
        });
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
