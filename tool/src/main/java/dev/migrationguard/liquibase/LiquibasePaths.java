package dev.migrationguard.liquibase;

import java.util.ArrayDeque;
import java.util.Deque;

/** Paths as Liquibase sees them: relative to the classpath root a build puts {@code src/main/resources/} at. */
public final class LiquibasePaths {
    private static final String[] RESOURCE_ROOTS = {"src/main/resources/", "src/test/resources/"};

    private LiquibasePaths() {
    }

    /** The resource root holding {@code path} (with its trailing slash), or "" when it lies in none. */
    static String resourceRoot(String path) {
        int best = -1;
        String root = "";
        for (String r : RESOURCE_ROOTS) {
            int at = path.startsWith(r) ? 0 : path.lastIndexOf("/" + r) + 1;
            if (at == 0 && !path.startsWith(r)) continue;
            if (at > best) {
                best = at;
                root = path.substring(0, at + r.length());
            }
        }
        return root;
    }

    /** The file name Liquibase records for a changelog at this repository path (DATABASECHANGELOG.FILENAME). */
    public static String logical(String path) {
        return path.substring(resourceRoot(path).length());
    }

    /** A recorded file name compared loosely: {@code classpath:} and leading slashes dropped, {@code \} as {@code /}. */
    public static String normalizeRecorded(String filename) {
        String f = filename.replace('\\', '/');
        if (f.startsWith("classpath:")) f = f.substring("classpath:".length());
        while (f.startsWith("/")) f = f.substring(1);
        return f;
    }

    /** Where an include or sqlFile points, as a repository path: beside the changelog, or from its resource root. */
    static String resolve(String changelogPath, String target, boolean relativeToChangelog) {
        String t = normalizeRecorded(target.strip());
        String base;
        if (relativeToChangelog) {
            int slash = changelogPath.lastIndexOf('/');
            base = slash < 0 ? "" : changelogPath.substring(0, slash + 1);
        } else {
            base = resourceRoot(changelogPath);
        }
        return normalize(base + t);
    }

    private static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                if (!parts.isEmpty()) parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }
}
