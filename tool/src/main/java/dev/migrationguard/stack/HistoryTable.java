package dev.migrationguard.stack;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The table a migration tool records applied migrations in, as {@code --deployed-from} reads it: which rows record an
 * applied migration, and which migration of the repository a recorded name is. The database package finds the table,
 * sends the SELECTs and compares; this says what the table means.
 */
public interface HistoryTable {
    /** Its usual name ({@code flyway_schema_history}); {@code deployed.tables.<stack id>} names another. */
    String defaultName();

    /**
     * The migrations the table records as applied, in the order applied; rows that record no applied migration (a
     * marker, a failed attempt, one marked deleted) are left out.
     */
    List<Applied> read(Rows rows) throws SQLException;

    /**
     * Keys to find the migration a recorded name stands for, so that a table of thousands is not matched against every
     * migration: whenever {@link #records} holds, {@code keys(recorded)} and {@link #keys(Migration)} share a key.
     */
    Set<String> keys(String recorded);

    /** The keys a migration of this tool is found by; see {@link #keys(String)}. */
    Set<String> keys(Migration m);

    /** Whether {@code m}, a migration of this tool, is the one recorded under {@code recorded}. */
    boolean records(String recorded, Migration m);

    /**
     * Where a recorded migration that the repository no longer holds is reported, worked out once from this tool's
     * migrations now (the changelog that held a changeSet, the folder of the other scripts). By default its name.
     */
    default Function<String, Location> missingPlaces(List<Migration> current) {
        return Location::file;
    }

    /**
     * Whether a file of {@code paths} is the one recorded under {@code recorded}, judged by its name alone: for a run
     * that read none of this tool's migrations, where a row is then taken as present when its file is.
     */
    default boolean fileOf(String recorded, Collection<String> paths) {
        return false;
    }

    /**
     * One migration the table records as applied.
     *
     * @param name     as recorded: a script, a {@code file::id::author}, a class name
     * @param checksum the recorded checksum, or null when there is none comparable
     * @param compare  how its content can be held to the repository
     */
    record Applied(String name, String checksum, Compare compare) {
    }

    /** How an applied migration's content is held to the repository. */
    enum Compare {
        /** The checksum the table records against the file's (computed as the tool computes it). */
        CHECKSUM,
        /** No comparable checksum: the version the change started from against the checked one. */
        STARTING_VERSION,
        /** Only its presence: any content is fine (a migration that re-runs when it changes). */
        PRESENCE
    }

    /** The table as found in the database, read with SELECT only. */
    interface Rows {
        /** Whether the table has all these columns (lower case). */
        boolean has(String... columns);

        /** Stops the run (exit 2) unless the table has all these columns: then it is not this tool's table. */
        void require(String... columns);

        /** Hands {@code each} every row of these columns (in this order), ordered by {@code orderBy}. */
        void select(List<String> columns, String orderBy, Row each) throws SQLException;
    }

    /** Reads one row: its columns by position, from 1. */
    interface Row {
        void read(ResultSet row) throws SQLException;
    }
}
