package dev.migrationguard.typescript;

import java.util.function.Supplier;

/** Plays another machine for {@link SwcNative}: tests outside this package set the platform through here. */
public final class SwcPlatformSeam {
    private SwcPlatformSeam() {
    }

    /** Runs {@code body} as if the JVM reported {@code os} and {@code arch}, then restores the real platform. */
    public static <T> T on(String os, String arch, Supplier<T> body) {
        Supplier<String[]> real = SwcNative.platform;
        SwcNative.platform = () -> new String[]{os, arch};
        try {
            return body.get();
        } finally {
            SwcNative.platform = real;
        }
    }
}
