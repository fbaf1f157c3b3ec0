package dev.migrationguard.settings;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * Include and exclude globs over repository-relative paths ({@code **} crosses folders). With no include, everything
 * is included; an exclude always wins.
 */
public record PathFilter(List<String> include, List<String> exclude) {
    public static final PathFilter ALL = new PathFilter(List.of(), List.of());

    public PathFilter {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    public boolean test(String path) {
        Path p = Path.of(path);
        if (!include.isEmpty() && include.stream().noneMatch(g -> matches(g, p))) return false;
        return exclude.stream().noneMatch(g -> matches(g, p));
    }

    private static boolean matches(String glob, Path path) {
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        if (m.matches(path)) return true;
        // "**/x" should also match "x" at the top level, as users expect from .gitignore-style globs.
        return glob.startsWith("**/") && FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)).matches(path);
    }
}
