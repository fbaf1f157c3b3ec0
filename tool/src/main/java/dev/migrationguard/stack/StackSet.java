package dev.migrationguard.stack;

import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.settings.OptionValues;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The stacks of one run, each set up with its options: their readers and advisors in the order the stacks are
 * registered (the first advisor that knows the project's migrations speaks), and each migration tool by its stack's id.
 */
public record StackSet(List<EntityReader> entityReaders, List<MigrationReader> migrationReaders,
                       List<SettingsReader> settingsReaders, List<MigrationAdvisor> advisors,
                       Map<String, MigrationTool> tools) {

    public StackSet {
        entityReaders = List.copyOf(entityReaders);
        migrationReaders = List.copyOf(migrationReaders);
        settingsReaders = List.copyOf(settingsReaders);
        advisors = List.copyOf(advisors);
        tools = Collections.unmodifiableMap(new LinkedHashMap<>(tools));
    }

    /** @param options the options written for a stack, by its id */
    public static StackSet of(List<Stack> stacks, Function<String, OptionValues> options) {
        return of(stacks, options, null);
    }

    /**
     * @param options  the options written for a stack, by its id
     * @param database the database the user named, which wins over what the project's settings say; null for none
     */
    public static StackSet of(List<Stack> stacks, Function<String, OptionValues> options, Dialect database) {
        List<EntityReader> entities = new ArrayList<>();
        List<MigrationReader> migrations = new ArrayList<>();
        List<SettingsReader> settings = new ArrayList<>();
        List<MigrationAdvisor> advisors = new ArrayList<>();
        Map<String, MigrationTool> tools = new LinkedHashMap<>();
        for (Stack stack : stacks) {
            Stack.Parts parts = stack.parts(options.apply(stack.id()), database);
            entities.addAll(parts.entities());
            migrations.addAll(parts.migrations());
            settings.addAll(parts.settings());
            advisors.addAll(parts.advisors());
            stack.migrationTool().ifPresent(tool -> tools.put(stack.id(), tool));
        }
        return new StackSet(entities, migrations, settings, advisors, tools);
    }

    /** The migration tool of the stack whose migration this is. */
    public MigrationTool tool(String stackId) {
        MigrationTool tool = tools.get(stackId);
        if (tool == null) throw new IllegalArgumentException("no registered stack with a migration tool is " + stackId);
        return tool;
    }
}
