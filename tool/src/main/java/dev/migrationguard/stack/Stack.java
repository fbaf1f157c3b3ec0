package dev.migrationguard.stack;

import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.settings.OptionValues;

import java.util.List;
import java.util.Optional;

/**
 * One ecosystem behind one interface (an ORM, a migration tool, a framework's settings): the readers and advisor it
 * brings to a run, the options it reads, and its migration tool as the rest of the tool knows it. Registered by one
 * line in {@code SupportedStacks}; shared code asks this interface and never which stack it is.
 */
public interface Stack {
    /**
     * Its name wherever the tool writes one: {@link dev.migrationguard.model.Migration#stack()} of its migrations,
     * their {@code stack} in {@code migrations.lock}, the key of its history table under {@code deployed.tables}.
     */
    String id();

    /**
     * The configuration keys it reads, as {@code section.key} ({@code entities.naming}); the section may be one of the
     * tool's, or one of its own ({@code liquibase.changelogs}). Every other key stays unknown, and so refused.
     */
    default List<String> options() {
        return List.of();
    }

    /**
     * Its part of one run, set up with its options as written; also called when the configuration is loaded, so that
     * a bad value stops the run before any work.
     *
     * @throws OptionValues.BadOption when an option's value is not acceptable, naming the option
     */
    Parts parts(OptionValues options);

    /**
     * Its part of one run, for a database the user named ({@code dialect:} in the configuration, or {@code schema
     * --dialect}); null when none is named. Stacks whose readers read no database-specific text ignore it.
     */
    default Parts parts(OptionValues options, Dialect database) {
        return parts(options);
    }

    /** Its migration tool; empty for a stack that has no migrations (entities, a framework's settings). */
    default Optional<MigrationTool> migrationTool() {
        return Optional.empty();
    }

    /** What a stack brings to one run. One instance of each reader serves the whole run. */
    record Parts(List<EntityReader> entities, List<MigrationReader> migrations, List<SettingsReader> settings,
                 List<MigrationAdvisor> advisors) {
        public Parts {
            entities = List.copyOf(entities);
            migrations = List.copyOf(migrations);
            settings = List.copyOf(settings);
            advisors = List.copyOf(advisors);
        }
    }
}
