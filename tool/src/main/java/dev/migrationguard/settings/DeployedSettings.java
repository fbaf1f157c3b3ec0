package dev.migrationguard.settings;

import java.util.Map;

/**
 * The {@code deployed} section: what counts as deployed besides the files of the repository.
 *
 * @param ref      the ref whose migrations count as deployed, or null for the default order of SPEC.md
 * @param lockFile the lock file's path in the repository ({@code migrations.lock}); used when it exists
 * @param from     the database whose history tables are read (read-only), or null
 * @param tables   the history table of a stack, by stack id, where the configuration names one other than the
 *                 default of the stack's migration tool
 */
public record DeployedSettings(String ref, String lockFile, DeployedFrom from, Map<String, String> tables) {
    public static final String DEFAULT_LOCK_FILE = "migrations.lock";
    public static final DeployedSettings DEFAULTS = new DeployedSettings(null, DEFAULT_LOCK_FILE, null, Map.of());

    public DeployedSettings {
        tables = Map.copyOf(tables);
    }

    public DeployedSettings withRef(String newRef) {
        return new DeployedSettings(newRef, lockFile, from, tables);
    }

    public DeployedSettings withFrom(DeployedFrom newFrom) {
        return new DeployedSettings(ref, lockFile, newFrom, tables);
    }
}
