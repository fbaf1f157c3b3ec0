package dev.migrationguard.model;

import java.util.List;

/**
 * What a run judges: the files that changed between {@code before} and {@code after}, and the version that counts as
 * deployed. In lint mode there are no changes and {@code before} is empty: rules look at {@code after} as a whole.
 *
 * @param lintPaths in lint mode, the files to check (all of {@code after} below the requested paths)
 * @param deployed  the deploy ref's files, or null when no deploy ref exists
 */
public record ChangeSet(Mode mode, List<FileChange> changes, Snapshot before, Snapshot after, Snapshot deployed,
                        String deployedRef, List<String> lintPaths) {

    public enum Mode {
        STAGED("staged"), RANGE("range"), LINT("lint");

        private final String id;

        Mode(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public ChangeSet {
        changes = List.copyOf(changes);
        lintPaths = List.copyOf(lintPaths);
    }

    public boolean isLint() {
        return mode == Mode.LINT;
    }
}
