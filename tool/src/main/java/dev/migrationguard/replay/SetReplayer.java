package dev.migrationguard.replay;

import dev.migrationguard.model.Digests;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replays the forward part of each migration of a set, in order, from the longest prefix whose state the cache kept:
 * a commit that adds one migration replays one. A {@code CALL} of a procedure an earlier migration defined runs its
 * body ({@link Routines}), which every migration's operations are read for, cached or not. A prefix is keyed by what decides its state: the tool's version, the
 * dialect, and for each migration its identity with the git object ids of its files (else the digest of the content
 * its runner checks, when the side is not read from git), chained so that a key names its whole prefix.
 */
public final class SetReplayer {
    /** Changes whenever the replay or the form of its state changes meaning within one tool version. */
    private static final String FORMAT = "replay-5";
    private final ReplayCache cache;
    private final String toolVersion;

    public SetReplayer(ReplayCache cache, String toolVersion) {
        this.cache = cache;
        this.toolVersion = toolVersion;
    }

    /**
     * The schema {@code set} builds on {@code side}.
     *
     * @param fallback the dialect when the set names none
     */
    public ReplayedSet replay(MigrationSet set, Dialect fallback, Snapshot side) {
        Dialect dialect = set.dialect() != null ? set.dialect() : fallback;
        List<Migration> migrations = set.migrations();
        String setId = Digests.sha256(set.stack() + "\n" + set.project() + "\n" + set.name()).substring(0, 16);
        List<String> keys = keys(migrations, dialect, side);
        Optional<ReplayCache.Hit> hit = cache.longest(setId, keys);
        ReplayState state = hit.map(ReplayCache.Hit::state).orElse(ReplayState.start(dialect));
        int from = hit.map(ReplayCache.Hit::migrations).orElse(0);
        Routines routines = new Routines();
        for (int i = 0; i < migrations.size(); i++) {
            List<Operation> ops = routines.expand(migrations.get(i), Side.UP);
            if (i >= from) state = Replay.apply(state, ops);
        }
        if (from < migrations.size()) cache.store(setId, keys.get(keys.size() - 1), state);
        return new ReplayedSet(set, dialect, state, from);
    }

    /** {@code keys.get(i)} names the first {@code i + 1} migrations. */
    List<String> keys(List<Migration> migrations, Dialect dialect, Snapshot side) {
        List<String> keys = new ArrayList<>(migrations.size());
        String previous = Digests.sha256(FORMAT + "\n" + toolVersion + "\n" + dialect.id());
        for (Migration m : migrations) {
            StringBuilder b = new StringBuilder(previous).append('\n').append(m.stack()).append('\n').append(m.id())
                    .append('\n').append(m.path()).append('\n').append(m.kind()).append('\n').append(m.digest());
            b.append('\n').append(side.objectId(m.path()).orElse("-"));
            for (String dependency : m.dependsOn()) {
                b.append('\n').append(dependency).append(' ').append(side.objectId(dependency).orElse("-"));
            }
            previous = Digests.sha256(b.toString());
            keys.add(previous);
        }
        return keys;
    }
}
