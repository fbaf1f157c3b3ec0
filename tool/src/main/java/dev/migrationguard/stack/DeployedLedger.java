package dev.migrationguard.stack;

import dev.migrationguard.model.ChangeSet;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.Snapshot;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A record of what is deployed, consulted besides the git deploy ref: a lock file the deploy pipeline commits, or the
 * migrations table of a live database. Each entry must still be in the repository with the same content.
 */
public interface DeployedLedger {
    /** How messages name the record: {@code migrations.lock}, {@code the database at jdbc:postgresql://db/app}. */
    String name();

    List<Entry> entries();

    /** Is {@code m} the migration this entry records? */
    boolean records(Entry entry, Migration m);

    /** Does {@code m}'s content still match the entry? True when the entry has no comparable checksum. */
    boolean matches(Entry entry, Migration m);

    /**
     * Keys to find an entry's migration by, so that a ledger of thousands is not matched against every migration:
     * whenever {@link #records} holds, {@code keys(entry)} and {@link #keys(Migration)} share a key. The default, one
     * key shared by all, narrows nothing.
     */
    default Set<String> keys(Entry entry) {
        return Set.of("");
    }

    /** The keys a migration is found by; see {@link #keys(Entry)}. */
    default Set<String> keys(Migration m) {
        return Set.of("");
    }

    /**
     * One deployed migration as recorded.
     *
     * @param stack    the id of the stack whose migration it is
     * @param name     its name in the record: a migration id, a Flyway script, a TypeORM name, a changeSet
     *                 {@code file::id::author}
     * @param checksum the recorded checksum, or null when the record has none comparable
     * @param location where the record is, when it is a file of the repository; null for a database
     */
    record Entry(String stack, String name, String checksum, Location location) {
    }

    /** A ledger to open once the engine can list the migrations of either side of the change; empty when it has none. */
    interface Source {
        /**
         * @param migrationsOf every migration of a side of the change with what identifies it (see
         *                     {@link MigrationReader#identify}); files the configuration excludes are left out
         */
        Optional<DeployedLedger> open(ChangeSet cs, Function<Snapshot, List<Migration>> migrationsOf);
    }
}
