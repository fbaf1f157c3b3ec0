package dev.migrationguard.engine;

import dev.migrationguard.model.Severity;
import dev.migrationguard.report.Baseline;

import java.util.Map;

/**
 * How the processors judge findings after the rules: from the configuration, the severity each rule is set to and
 * the deployed migrations whose edit is deliberate; from the run, the reason given for allowing every such edit and
 * the baseline.
 *
 * @param severities         per rule id, the severity that replaces the rule's default
 * @param allowedEdits       deployed migrations whose edit is deliberate: path to the reason given
 * @param allowedEditsReason when not null, every edit of a deployed migration is deliberate for this reason (the
 *                           pull-request gate's opt-in label, {@code check --allow-deployed-edits})
 * @param baseline           the fingerprints of findings accepted when the tool was adopted
 */
public record Judging(Map<String, Severity> severities, Map<String, String> allowedEdits, String allowedEditsReason,
                      Baseline baseline) {
    /** Rules at their default severities, no edit allowed, no baseline. */
    public static final Judging DEFAULTS = new Judging(Map.of(), Map.of(), null, Baseline.NONE);

    public Judging {
        severities = Map.copyOf(severities);
        allowedEdits = Map.copyOf(allowedEdits);
    }
}
