package dev.migrationguard.engine;

import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Severity;

import java.util.List;

/** The outcome of one run: what every renderer shows and what decides the exit code. */
public record Report(String mode, List<Finding> findings, int filesChecked) {
    public static final String TOOL = "migration-guard";
    public static final String VERSION = "0.1.0";

    public Report {
        findings = List.copyOf(findings);
    }

    /** Findings of this severity that count (suppressed ones never do). */
    public long count(Severity severity) {
        return findings.stream().filter(f -> !f.suppressed() && f.severity() == severity).count();
    }

    /** True when a finding that counts is at or above the threshold; a null threshold never fails. */
    public boolean failsAt(Severity threshold) {
        return threshold != null && findings.stream().anyMatch(f -> !f.suppressed() && f.severity().atLeast(threshold));
    }
}
