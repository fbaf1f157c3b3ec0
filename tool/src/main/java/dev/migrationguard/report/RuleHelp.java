package dev.migrationguard.report;

import dev.migrationguard.model.Severity;

/**
 * A rule as a report describes it to the tools that show it (SARIF's rule list): its id, default severity, one-line
 * summary and its page, or null when it has none.
 */
public record RuleHelp(String id, Severity severity, String summary, String page) {
}
