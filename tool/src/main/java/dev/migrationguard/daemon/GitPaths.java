package dev.migrationguard.daemon;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Git's path variables made absolute against the folder of the request. Git hands a hook relative ones (a
 * {@code GIT_INDEX_FILE} of {@code .git/next-index-123.lock} for {@code git commit <paths>}, a {@code GIT_DIR} of
 * {@code .git}); a fresh JVM resolves them against the folder it started in, the checker would against its own.
 */
final class GitPaths {
    private static final Set<String> PATHS = Set.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE",
            "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR");
    private static final Set<String> PATH_LISTS = Set.of("GIT_ALTERNATE_OBJECT_DIRECTORIES",
            "GIT_CEILING_DIRECTORIES");

    private GitPaths() {
    }

    static Map<String, String> absolute(Map<String, String> env, Path cwd) {
        Map<String, String> result = new LinkedHashMap<>(env);
        for (Map.Entry<String, String> e : result.entrySet()) {
            String value = e.getValue();
            if (value.isEmpty()) continue;
            if (PATHS.contains(e.getKey())) {
                e.setValue(cwd.resolve(value).toString());
            } else if (PATH_LISTS.contains(e.getKey())) {
                StringBuilder b = new StringBuilder();
                for (String part : value.split(java.io.File.pathSeparator, -1)) {
                    if (b.length() > 0) b.append(java.io.File.pathSeparator);
                    b.append(part.isEmpty() ? part : cwd.resolve(part).toString());
                }
                e.setValue(b.toString());
            }
        }
        return result;
    }
}
