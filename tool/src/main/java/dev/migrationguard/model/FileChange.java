package dev.migrationguard.model;

/**
 * One changed file. {@code oldPath} is null for an added file, {@code newPath} null for a deleted one;
 * a renamed file has both (a rename may also carry an edit).
 */
public record FileChange(ChangeKind kind, String oldPath, String newPath) {
    public static FileChange added(String path) {
        return new FileChange(ChangeKind.ADDED, null, path);
    }

    public static FileChange modified(String path) {
        return new FileChange(ChangeKind.MODIFIED, path, path);
    }

    public static FileChange deleted(String path) {
        return new FileChange(ChangeKind.DELETED, path, null);
    }

    public static FileChange renamed(String oldPath, String newPath) {
        return new FileChange(ChangeKind.RENAMED, oldPath, newPath);
    }

    /** The path a person sees for this change: the new one, or the old one for a deletion. */
    public String path() {
        return newPath != null ? newPath : oldPath;
    }
}
