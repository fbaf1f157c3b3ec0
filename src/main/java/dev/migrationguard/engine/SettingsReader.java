package dev.migrationguard.engine;

import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.SyncSetting;

/** Finds settings that let an ORM change the schema by itself, in the configuration files of one stack. */
public interface SettingsReader {
    boolean accepts(String path);

    ReadResult<SyncSetting> read(String path, String content);
}
