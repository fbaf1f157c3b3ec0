package dev.migrationguard.engine;

import dev.migrationguard.analysis.Analysis.SuppressionComment;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Severity;
import dev.migrationguard.report.Baseline;
import dev.migrationguard.report.Fingerprints;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What happens to findings after the rules, in order. Each step is small and says why it sits where it does.
 */
public final class Processors {
    private Processors() {
    }

    /**
     * @param suppressionsOf the suppression comments of a file (scanned lazily for files the engine did not scan)
     */
    public static List<Finding> run(List<Finding> findings, Map<String, RuleMeta> rules, Judging judging,
                                    Function<String, List<SuppressionComment>> suppressionsOf) {
        return run(findings, rules, judging, suppressionsOf, path -> Optional.empty());
    }

    /**
     * @param rules    the metadata of the rules that ran, by id: what a step needs to know of a finding's rule
     * @param sourceOf the text of a file as judged, for the fingerprints
     */
    public static List<Finding> run(List<Finding> findings, Map<String, RuleMeta> rules, Judging judging,
                                    Function<String, List<SuppressionComment>> suppressionsOf,
                                    Function<String, Optional<String>> sourceOf) {
        List<UnaryOperator<List<Finding>>> steps = List.of(
                // First the configured severity, so that every later step and the report see the final severity.
                list -> severity(list, rules, judging.severities()),
                // One thing said once, by the rule that says most: before suppressions, so that a suppression names
                // the finding that is reported.
                list -> subsumed(list, rules),
                // Deliberate edits of deployed migrations are listed in the configuration with a reason, or allowed
                // for one run by the pull-request gate's label: reported, never silently dropped, and not counted.
                list -> allowedEdits(list, rules, judging),
                // Inline suppressions after severities: a suppressed finding keeps its severity in the report.
                list -> inlineSuppressions(list, rules, suppressionsOf),
                // Two readers can see the same thing (a file in two roles): report it once.
                Processors::dedupe,
                // A stable order: by file, line, column, rule.
                Processors::sort,
                // The baseline last: fingerprints number identical findings in report order, so they need the final
                // order and the final severities. Findings already suppressed keep their own reason.
                list -> baseline(list, judging.baseline(), sourceOf));
        List<Finding> current = findings;
        for (var step : steps) current = step.apply(current);
        return current;
    }

    /**
     * The configured severity replaces the rule's default. A finding the rule itself reported below its default (a
     * deployed migration's name, which can no longer change) stays at most that mild: configuration never raises it.
     */
    static List<Finding> severity(List<Finding> findings, Map<String, RuleMeta> rules,
                                  Map<String, Severity> severities) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Severity chosen = severities.get(f.rule());
            if (chosen == null) {
                out.add(f);
                continue;
            }
            RuleMeta meta = rules.get(f.rule());
            Severity byDefault = meta == null ? null : meta.severity();
            if (byDefault != null && byDefault.atLeast(f.severity()) && byDefault != f.severity()
                    && chosen.atLeast(f.severity())) {
                chosen = f.severity();
            }
            out.add(f.withSeverity(chosen));
        }
        return out;
    }

    static List<Finding> allowedEdits(List<Finding> findings, Map<String, RuleMeta> rules, Judging judging) {
        if (judging.allowedEdits().isEmpty() && judging.allowedEditsReason() == null) return findings;
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (!deployedEdit(rules, f) || f.suppressed()) {
                out.add(f);
                continue;
            }
            String reason = judging.allowedEdits().get(f.path());
            if (reason != null) {
                out.add(f.suppressedBy(new Finding.Suppression("allowed-edit", reason)));
            } else if (judging.allowedEditsReason() != null) {
                out.add(f.suppressedBy(new Finding.Suppression("label", judging.allowedEditsReason())));
            } else {
                out.add(f);
            }
        }
        return out;
    }

    static List<Finding> inlineSuppressions(List<Finding> findings, Map<String, RuleMeta> rules,
                                            Function<String, List<SuppressionComment>> suppressionsOf) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (f.suppressed() || !suppressibleInline(rules, f)) {
                out.add(f);
                continue;
            }
            SuppressionComment match = null;
            for (SuppressionComment s : suppressionsOf.apply(f.path())) {
                if (!f.rule().equals(s.rule()) || s.reason() == null) continue;
                Location at = f.location();
                int line = s.location().line();
                if (s.wholeFile() || (!at.isWholeFile() && (at.line() == line || at.line() == line + 1))) {
                    match = s;
                    break;
                }
            }
            out.add(match == null ? f : f.suppressedBy(new Finding.Suppression("inline", match.reason())));
        }
        return out;
    }

    /** Whether the finding's rule reports edits of deployed migrations. */
    private static boolean deployedEdit(Map<String, RuleMeta> rules, Finding f) {
        RuleMeta meta = rules.get(f.rule());
        return meta != null && meta.deployedEdits();
    }

    /** Whether a suppression comment may silence the finding; by default it may. */
    private static boolean suppressibleInline(Map<String, RuleMeta> rules, Finding f) {
        RuleMeta meta = rules.get(f.rule());
        return meta == null || meta.suppressibleInline();
    }

    static List<Finding> baseline(List<Finding> findings, Baseline baseline,
                                  Function<String, Optional<String>> sourceOf) {
        if (baseline.fingerprints().isEmpty()) return findings;
        List<String> prints = Fingerprints.of(findings, sourceOf);
        List<Finding> out = new ArrayList<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            boolean known = !f.suppressed() && baseline.contains(prints.get(i));
            out.add(known ? f.suppressedBy(new Finding.Suppression("baseline", "in " + baseline.name())) : f);
        }
        return out;
    }

    /** A finding that another rule's finding at the same place says all of ({@link RuleMeta#subsumes}) is left out. */
    static List<Finding> subsumed(List<Finding> findings, Map<String, RuleMeta> rules) {
        java.util.Set<String> covered = new java.util.HashSet<>();
        for (Finding f : findings) {
            RuleMeta meta = rules.get(f.rule());
            if (meta == null) continue;
            for (String other : meta.subsumes()) covered.add(other + "\u0000" + f.location());
        }
        if (covered.isEmpty()) return findings;
        return findings.stream().filter(f -> !covered.contains(f.rule() + "\u0000" + f.location())).toList();
    }

    static List<Finding> dedupe(List<Finding> findings) {
        Map<String, Finding> unique = new LinkedHashMap<>();
        for (Finding f : findings) {
            unique.putIfAbsent(f.rule() + "\u0000" + f.location() + "\u0000" + f.message(), f);
        }
        return new ArrayList<>(unique.values());
    }

    static List<Finding> sort(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings);
        out.sort(Comparator.comparing((Finding f) -> f.location().path())
                .thenComparingInt(f -> f.location().line())
                .thenComparingInt(f -> f.location().column())
                .thenComparing(Finding::rule)
                .thenComparing(Finding::message));
        return out;
    }
}
