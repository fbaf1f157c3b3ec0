package dev.migrationguard.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.migrationguard.model.Finding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * GitLab's code-quality report (a JSON array of issues), shown in the merge request. The fingerprint is the finding's
 * stable one, so GitLab sees the same issue across pipelines even when lines above it moved. GitLab has no notion of
 * a suppressed issue, so suppressed findings are left out.
 */
public final class GitlabRenderer implements Renderer {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public record Issue(String description, String check_name, String fingerprint, String severity, Where location) {
    }

    public record Where(String path, Lines lines) {
    }

    public record Lines(int begin) {
    }

    @Override
    public void write(Report report, Appendable out) throws IOException {
        List<Issue> issues = new ArrayList<>();
        for (int i = 0; i < report.findings().size(); i++) {
            Finding f = report.findings().get(i);
            if (f.suppressed()) continue;
            String severity = switch (f.severity()) {
                case ERROR -> "major";
                case WARNING -> "minor";
                case INFO -> "info";
            };
            // GitLab requires a line; a finding about the whole file points at its first.
            int line = f.location().isWholeFile() ? 1 : f.location().line();
            issues.add(new Issue(f.hint() == null ? f.message() : f.message() + " Hint: " + f.hint(), f.rule(),
                    report.fingerprints().get(i), severity, new Where(f.path(), new Lines(line))));
        }
        out.append(MAPPER.writeValueAsString(issues)).append('\n');
    }
}
