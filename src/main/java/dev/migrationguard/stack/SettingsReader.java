package dev.migrationguard.stack;

import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.SyncSetting;

/** Finds settings that let an ORM change the schema by itself, in the configuration files of one stack. */
public interface SettingsReader {
    boolean accepts(String path);

    /**
     * Whether an accepted file too large to read could still hold such settings, judged from its first bytes: such a
     * file is reported, any other left alone. By default every accepted file could.
     */
    default boolean recognizes(String path, String head) {
        return true;
    }

    ReadResult<SyncSetting> read(String path, String content);
}
