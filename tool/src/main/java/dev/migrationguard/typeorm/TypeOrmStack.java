package dev.migrationguard.typeorm;

import dev.migrationguard.model.Migration;
import dev.migrationguard.settings.OptionValues;
import dev.migrationguard.stack.HistoryTable;
import dev.migrationguard.stack.MigrationTool;
import dev.migrationguard.stack.Stack;
import dev.migrationguard.stack.WayBack;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * TypeORM: entities named by the configured strategy ({@code entities.typeorm-naming}: {@code default}, TypeORM's
 * own, or {@code snake}; unsaid, the one the data sources set in code), migration classes with their {@code down()}, data-source settings, the command that
 * generates a migration, and the {@code migrations} table.
 */
public final class TypeOrmStack implements Stack, MigrationTool {
    public static final String ID = "typeorm";
    static final String NAMING = "entities.typeorm-naming";

    private static final WayBack DOWN = new WayBack() {
        @Override
        public String missing(Migration m) {
            return "Migration " + m.path() + " has no down() method.";
        }

        @Override
        public String remedy(Migration m) {
            return "Write the way back: a down() that reverses up() in reverse order.";
        }

        @Override
        public boolean inMigrationFile() {
            return true;
        }
    };

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> options() {
        return List.of(NAMING);
    }

    @Override
    public Parts parts(OptionValues options) {
        TypeOrmNaming naming = naming(options);
        // One parse cache for the TypeORM readers: an entity, a base class or a data source is parsed once per run.
        TsSources typescript = new TsSources();
        return new Parts(List.of(new TypeOrmEntityReader(typescript, naming)),
                List.of(new TypeOrmMigrationReader(typescript)), List.of(new TypeOrmSettingsReader(typescript)),
                List.of(new TypeOrmAdvisor()));
    }

    /** The configured strategy; null when unsaid. */
    static TypeOrmNaming naming(OptionValues options) {
        // Unsaid: the strategy the project's data sources set in code, else TypeORM's default.
        String naming = options.string(NAMING).map(v -> v.toLowerCase(Locale.ROOT)).orElse(null);
        if (naming == null) return null;
        return switch (naming) {
            case "default" -> TypeOrmNaming.DEFAULT;
            case "snake" -> TypeOrmNaming.SNAKE;
            default -> throw new OptionValues.BadOption(NAMING, NAMING + " must be default or snake, not '"
                    + naming + "'");
        };
    }

    @Override
    public Optional<MigrationTool> migrationTool() {
        return Optional.of(this);
    }

    @Override
    public WayBack wayBack() {
        return DOWN;
    }

    @Override
    public Optional<HistoryTable> historyTable() {
        return Optional.of(new TypeOrmHistory());
    }
}
