package dev.migrationguard.report;

import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one run: what every renderer shows and what decides the exit code.
 *
 * @param fingerprints the stable identity of each finding (see {@link Fingerprints}), index for index
 */
public record Report(String mode, List<Finding> findings, int filesChecked, List<String> fingerprints) {
    public static final String TOOL = "migration-guard";
    /** The pom's version, which Maven writes into a resource of the jar: the one place it is set. */
    public static final String VERSION = bundledVersion();

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

    private static String bundledVersion() {
        try (InputStream in = Report.class.getResourceAsStream("/dev/migrationguard/version.txt")) {
            if (in == null) throw new IllegalStateException("the build bundles no dev/migrationguard/version.txt");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
