package dev.migrationguard.analysis;

import java.util.function.Supplier;

/** A value read on first ask and then kept: what the analysis offers rules that may cost a repository read. */
public final class Once {
    private Once() {
    }

    /** {@code read}, called at most once, on the first {@code get()}. */
    public static <T> Supplier<T> of(Supplier<T> read) {
        return new Supplier<>() {
            private T value;
            private boolean done;

            @Override
            public synchronized T get() {
                if (!done) {
                    value = read.get();
                    done = true;
                }
                return value;
            }
        };
    }
}
