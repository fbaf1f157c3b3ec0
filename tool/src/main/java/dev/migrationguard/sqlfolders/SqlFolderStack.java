package dev.migrationguard.sqlfolders;

import dev.migrationguard.model.Migration;
import dev.migrationguard.settings.OptionValues;
import dev.migrationguard.stack.MigrationTool;
import dev.migrationguard.stack.Stack;
import dev.migrationguard.stack.WayBack;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Folders of plain SQL migrations outside the three runners (golang-migrate, dbmate, numbered scripts), named by
 * {@code migrations.sql-folders}: their migrations are read like any other, so every rule that reads migrations judges
 * them. Without that key the stack reads nothing.
 */
public final class SqlFolderStack implements Stack, MigrationTool {
    public static final String ID = "sql-folder";

    private static final WayBack DOWN_SCRIPT = new WayBack() {
        @Override
        public String missing(Migration m) {
            String down = SqlFolder.downOf(m.path());
            return "Migration " + m.path() + " has no way back: "
                    + (down != null ? "no " + down.substring(down.lastIndexOf('/') + 1) + " beside it."
                    : "no -- migrate:down section.");
        }

        @Override
        public String remedy(Migration m) {
            return SqlFolder.downOf(m.path()) != null
                    ? "Add the down script beside it, reversing what it does."
                    : "Add a -- migrate:down section reversing what it does.";
        }
    };

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> options() {
        return List.of(SqlFolder.KEY);
    }

    @Override
    public Parts parts(OptionValues options) {
        List<Map<String, String>> entries = options.entries(SqlFolder.KEY).orElse(List.of());
        List<SqlFolder> folders = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) folders.add(SqlFolder.parse(entries.get(i), i + 1));
        if (folders.isEmpty()) return new Parts(List.of(), List.of(), List.of(), List.of());
        return new Parts(List.of(), List.of(new SqlFolderReader(folders)), List.of(),
                List.of(new SqlFolderAdvisor(folders, Clock.systemUTC())));
    }

    @Override
    public Optional<MigrationTool> migrationTool() {
        return Optional.of(this);
    }

    @Override
    public WayBack wayBack() {
        return DOWN_SCRIPT;
    }
}
