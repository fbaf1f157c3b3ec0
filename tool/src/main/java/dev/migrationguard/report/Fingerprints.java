package dev.migrationguard.report;

import dev.migrationguard.model.Digests;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Stable identities of findings, for the baseline and for CI systems that track findings across runs (SARIF, GitLab).
 * A fingerprint hashes the rule, the path, the message and the finding's source line without its whitespace; never
 * the line number, so that an edit above a finding, or a re-indent or re-spacing of its line, keeps its fingerprint.
 */
public final class Fingerprints {
    private Fingerprints() {
    }

    /**
     * The fingerprint of each finding, in the same order. Findings that would hash alike (the same message on two
     * identical lines of a file) are numbered in report order, so each fingerprint in one report is unique.
     *
     * @param sourceOf the text of a file as judged, or empty when it has none (a deleted file)
     */
    public static List<String> of(List<Finding> findings, Function<String, Optional<String>> sourceOf) {
        Map<String, String[]> lines = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<String> prints = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            String source = "";
            if (!f.location().isWholeFile()) {
                String[] text = lines.computeIfAbsent(f.path(),
                        p -> sourceOf.apply(p).map(Text::lines).orElse(new String[0]));
                int line = f.location().line();
                if (line <= text.length) source = normalise(text[line - 1]);
            }
            String identity = String.join("\u0000", "v1", f.rule(), f.path(), f.message(), source);
            int occurrence = seen.merge(identity, 1, Integer::sum);
            prints.add(Digests.sha256(identity + "\u0000" + occurrence).substring(0, 32));
        }
        return prints;
    }

    static String normalise(String line) {
        return line.replaceAll("\\s+", "");
    }

}
