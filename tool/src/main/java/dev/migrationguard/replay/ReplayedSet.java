package dev.migrationguard.replay;

import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.schema.Dialect;

/**
 * The schema one migration set builds, replayed without a database.
 *
 * @param set       the set, in its runner's order
 * @param dialect   the database it was replayed for: the set's own, else the run's
 * @param state     the schema after every migration's forward part
 * @param fromCache how many of its first migrations the cache gave; the rest were replayed
 */
public record ReplayedSet(MigrationSet set, Dialect dialect, ReplayState state, int fromCache) {

    /** One line for {@code --debug}: which set, what the replay read and what the cache saved. */
    public String describe() {
        int n = set.migrations().size();
        String cache = fromCache == 0 ? "cache miss" : fromCache == n ? "cache hit" : "cache hit for " + fromCache
                + " of " + n + " migrations";
        return "replayed " + set.stack() + " set " + set.name() + (set.project().isEmpty() ? "" : " of " + set.project())
                + " (" + dialect.id() + "): " + n + " migrations, " + state.operations() + " operations, "
                + state.opaque() + " opaque, " + state.unresolved() + " on objects it lacked; " + cache;
    }
}
