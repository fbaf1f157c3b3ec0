package dev.migrationguard.flyway;

import dev.migrationguard.model.Migration;
import dev.migrationguard.settings.OptionValues;
import dev.migrationguard.stack.HistoryTable;
import dev.migrationguard.stack.MigrationTool;
import dev.migrationguard.stack.Stack;
import dev.migrationguard.stack.WayBack;

import java.util.List;
import java.util.Optional;

/**
 * Flyway: versioned, undo, repeatable and baseline SQL scripts and Java migrations, the sets each module's settings
 * make Flyway run and the files it skips, the next script's name for an entity change, and
 * {@code flyway_schema_history}.
 */
public final class FlywayStack implements Stack, MigrationTool {
    public static final String ID = "flyway";

    /** An undo script is a file of its own, and a Teams feature many projects never use. */
    private static final WayBack UNDO_SCRIPT = new WayBack() {
        @Override
        public String missing(Migration m) {
            return "Versioned migration " + m.path() + " has no undo script U" + m.version() + "__" + m.description()
                    + ".sql.";
        }

        @Override
        public String remedy(Migration m) {
            return "Add the undo script beside it, reversing what it does; or suppress this with the reason it cannot "
                    + "be undone.";
        }

        @Override
        public boolean optional() {
            return true;
        }
    };

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Parts parts(OptionValues options) {
        return new Parts(List.of(), List.of(new FlywayMigrationReader()), List.of(new FlywaySettingsReader()),
                List.of(new FlywayAdvisor()));
    }

    @Override
    public Optional<MigrationTool> migrationTool() {
        return Optional.of(this);
    }

    @Override
    public WayBack wayBack() {
        return UNDO_SCRIPT;
    }

    @Override
    public Optional<HistoryTable> historyTable() {
        return Optional.of(new FlywayHistory());
    }
}
