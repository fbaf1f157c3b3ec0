package dev.migrationguard.settings;

/**
 * The {@code entities} and {@code migrations} sections as the engine needs them: which files may hold entities and
 * which may hold migrations, by path.
 */
public record Scope(PathFilter entities, PathFilter migrations) {
    public static final Scope ALL = new Scope(PathFilter.ALL, PathFilter.ALL);
}
