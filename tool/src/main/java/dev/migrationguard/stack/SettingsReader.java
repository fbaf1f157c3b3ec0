package dev.migrationguard.stack;

import dev.migrationguard.model.DatabaseSetting;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.SyncSetting;

import java.util.List;

/**
 * Finds settings that let an ORM change the schema by itself, and those that name the database, in the configuration
 * files of one stack.
 */
public interface SettingsReader {
    /**
     * A cheap test on the path alone: could this file hold a setting that lets the ORM change the schema? By default
     * none, for a stack whose settings only name the database (Flyway's, Liquibase's).
     */
    default boolean accepts(String path) {
        return false;
    }

    /**
     * Whether an accepted file too large to read could still hold such settings, judged from its first bytes: such a
     * file is reported, any other left alone. By default every accepted file could.
     */
    default boolean recognizes(String path, String head) {
        return true;
    }

    /** The settings of an accepted file that let the ORM change the schema. */
    default ReadResult<SyncSetting> read(String path, String content) {
        return ReadResult.empty();
    }

    /**
     * A cheap test on the path alone: could this file name the project's database? Only such files of the checked
     * side are read for {@link #databases}. By default none.
     */
    default boolean mayNameDatabase(String path) {
        return false;
    }

    /**
     * The settings in this file that name the project's database (a JDBC URL, a Hibernate dialect, a data source's
     * type), each with the profile it applies to. A file that cannot be read names none.
     */
    default List<DatabaseSetting> databases(String path, String content) {
        return List.of();
    }
}
