package dev.migrationguard.typescript;

import dev.migrationguard.model.CannotJudge;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one thread that runs SWC, with a stack large enough for what {@link SourceScan} lets through. SWC recurses on
 * the calling thread's stack, natively, about 4.5 KB per level of nesting at worst; a JVM's main thread has 1 MB, which
 * a file with 350 nested parentheses overflows, and an overflow there is a segfault, not a StackOverflowError. The
 * stack is reserved address space: memory is used only as deep as a parse goes.
 */
final class ParserThread {
    /** Measured with swc4j 2.0.0: nested generic types cost the most native stack per level (parentheses 3 KB). */
    static final long BYTES_PER_LEVEL = 4_608;
    /** How much larger than the measured need the stack is, for what the measurements did not try. */
    private static final int MARGIN = 4;
    /** No real source comes near it; the bound is lower when a smaller stack is all the machine grants. */
    static final int MAX_DEPTH = 10_000;
    /** Tried in turn: a machine that commits stacks up front (strict overcommit) may refuse the first. */
    private static final long[] STACK_SIZES = {256L << 20, 64L << 20, 16L << 20};

    private static ExecutorService executor;
    private static int maxDepth;

    private ParserThread() {
    }

    /** The deepest nesting handed to SWC on this thread's stack. */
    static synchronized int maxDepth() {
        start();
        return maxDepth;
    }

    /** Runs {@code work} on the parser thread and returns its result, rethrowing what it threw. */
    static <T> T run(Callable<T> work) {
        Future<T> future;
        synchronized (ParserThread.class) {
            start();
            future = executor.submit(work);
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    // A native parse cannot be stopped halfway: wait for it, and keep the interrupt for the caller.
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) throw r;
                    if (cause instanceof Error err) throw err;
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private static void start() {
        if (executor != null) return;
        for (long size : STACK_SIZES) {
            ExecutorService candidate = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(null, r, "migration-guard-typescript", size);
                t.setDaemon(true);
                return t;
            });
            try {
                candidate.submit(() -> null).get();
                executor = candidate;
                maxDepth = (int) Math.min(MAX_DEPTH, size / (BYTES_PER_LEVEL * MARGIN));
                return;
            } catch (OutOfMemoryError | InterruptedException | ExecutionException e) {
                candidate.shutdownNow();
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            }
        }
        throw new CannotJudge("could not start a thread for the TypeScript parser: the machine refused "
                + "even a " + (STACK_SIZES[STACK_SIZES.length - 1] >> 20) + " MB stack");
    }
}
