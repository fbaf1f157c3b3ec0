package dev.migrationguard.engine;

import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Severity;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one run: what every renderer shows and what decides the exit code.
 *
 * @param fingerprints the stable identity of each finding (see {@link Fingerprints}), index for index
 */
public record Report(String mode, List<Finding> findings, int filesChecked, List<String> fingerprints) {
    public static final String TOOL = "migration-guard";
    public static final String VERSION = "0.1.0";

    public Report {
        findings = List.copyOf(findings);
        fingerprints = List.copyOf(fingerprints);
        if (fingerprints.size() != findings.size()) {
            throw new IllegalArgumentException(findings.size() + " findings but " + fingerprints.size() + " fingerprints");
        }
    }

    /** A report whose fingerprints know no source lines (the findings' files are not at hand). */
    public Report(String mode, List<Finding> findings, int filesChecked) {
        this(mode, findings, filesChecked, Fingerprints.of(findings, path -> Optional.empty()));
    }

    /** Findings of this severity that count (suppressed ones never do). */
    public long count(Severity severity) {
        return findings.stream().filter(f -> !f.suppressed() && f.severity() == severity).count();
    }

    public long suppressed() {
        return findings.stream().filter(Finding::suppressed).count();
    }

    /** True when a finding that counts is at or above the threshold; a null threshold never fails. */
    public boolean failsAt(Severity threshold) {
        return threshold != null && findings.stream().anyMatch(f -> !f.suppressed() && f.severity().atLeast(threshold));
    }
}
