package dev.migrationguard.settings;

import dev.migrationguard.model.schema.Dialect;

import java.util.Map;

/**
 * {@code .migration-guard.yml}, section by section: each consumer takes the one it needs. What the command line says
 * for one run (a deploy ref, a database, an allowance for deployed edits) is laid over a section by whoever builds the
 * run, never kept here.
 *
 * @param allowedEdits deployed migrations whose edit is deliberate: path to the reason given
 * @param baseline     the baseline file, relative to the work tree's root, or null for none
 * @param stacks       each stack's options as written, by stack id; a stack read them and checked them when the file
 *                     was loaded
 * @param dialect      the database named by {@code dialect:}, which wins over the project's settings; null for none
 */
public record Settings(DeployedSettings deployed, Scope scope, RuleSettings rules, Map<String, String> allowedEdits,
                       String baseline, Map<String, OptionValues> stacks, Dialect dialect) {
    public static final Settings DEFAULTS = new Settings(DeployedSettings.DEFAULTS, Scope.ALL, RuleSettings.DEFAULTS,
            Map.of(), null, Map.of(), null);

    public Settings {
        allowedEdits = Map.copyOf(allowedEdits);
        stacks = Map.copyOf(stacks);
    }

    /** The options written for a stack, or none. */
    public OptionValues stack(String id) {
        return stacks.getOrDefault(id, OptionValues.NONE);
    }

    public Settings withDeployed(DeployedSettings section) {
        return new Settings(section, scope, rules, allowedEdits, baseline, stacks, dialect);
    }
}
