package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis.SuppressionComment;
import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A suppression must name a real rule and say why: an unexplained silence is how accidents get through. */
@RuleMeta(id = "invalid-suppression", severity = Severity.WARNING,
        summary = "A suppression comment without a reason, or naming an unknown rule", suppressibleInline = false)
public final class InvalidSuppression implements Rule {

    private final Set<String> knownRules;

    public InvalidSuppression(Set<String> knownRules) {
        this.knownRules = Set.copyOf(knownRules);
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (SuppressionComment s : analysis.suppressions()) {
            if (s.rule() == null) {
                findings.add(finding(s.location(), "Suppression names no rule.",
                        "Write: migration-guard-ignore <rule-id>: <reason>."));
            } else if (!knownRules.contains(s.rule())) {
                findings.add(finding(s.location(), "Suppression names unknown rule '" + s.rule() + "'.",
                        "Run 'migration-guard rules' for the rule ids."));
            } else if (s.reason() == null || s.reason().isBlank()) {
                findings.add(finding(s.location(), "Suppression of " + s.rule() + " gives no reason.",
                        "Write: migration-guard-ignore " + s.rule() + ": <why this is safe>."));
            }
        }
        return findings;
    }
}
