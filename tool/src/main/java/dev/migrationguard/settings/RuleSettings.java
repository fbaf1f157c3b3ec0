package dev.migrationguard.settings;

import dev.migrationguard.model.Severity;

import java.util.Map;
import java.util.Set;

/**
 * The {@code rules} section.
 *
 * @param severities per rule id, the severity that replaces the rule's default
 * @param off        rules switched off
 * @param options    per rule id, the options written for it
 */
public record RuleSettings(Map<String, Severity> severities, Set<String> off, Map<String, OptionValues> options) {
    public static final RuleSettings DEFAULTS = new RuleSettings(Map.of(), Set.of(), Map.of());

    public RuleSettings {
        severities = Map.copyOf(severities);
        off = Set.copyOf(off);
        options = Map.copyOf(options);
    }
}
