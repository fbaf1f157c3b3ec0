package dev.migrationguard.config;

import java.io.File;
import java.nio.file.Path;

/** The user's cache folder for migration-guard (class-data archive, the unpacked TypeScript parser library). */
public final class UserCache {
    private UserCache() {
    }

    /** {@code $XDG_CACHE_HOME}, {@code %LOCALAPPDATA%}, {@code ~/Library/Caches} or {@code ~/.cache}, then migration-guard. */
    public static Path folder() {
        return home().resolve("migration-guard");
    }

    private static Path home() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg);
        String home = System.getProperty("user.home");
        if (File.separatorChar == '\\' && System.getenv("LOCALAPPDATA") != null) {
            return Path.of(System.getenv("LOCALAPPDATA"));
        }
        if (System.getProperty("os.name", "").startsWith("Mac")) return Path.of(home, "Library", "Caches");
        return Path.of(home, ".cache");
    }
}
