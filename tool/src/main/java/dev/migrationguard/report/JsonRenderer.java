package dev.migrationguard.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Severity;

import java.io.IOException;
import java.util.List;

/** The JSON report of SPEC.md. Its wire records are its own, so the internal model can change freely. */
public final class JsonRenderer implements Renderer {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The report as it travels. Field order is the order of SPEC.md. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Wire(ToolWire tool, String mode, List<FindingWire> findings, SummaryWire summary) {
    }

    public record ToolWire(String name, String version) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FindingWire(String rule, String severity, String path, Integer line, Integer column, String message,
                              String hint, Boolean suppressed, String suppressionKind, String suppressionReason) {
    }

    public record SummaryWire(long errors, long warnings, long infos, long suppressed, int filesChecked) {
    }

    public static Wire wire(Report report) {
        List<FindingWire> findings = report.findings().stream().map(JsonRenderer::wire).toList();
        long suppressed = report.findings().stream().filter(Finding::suppressed).count();
        return new Wire(new ToolWire(Report.TOOL, Report.VERSION), report.mode(), findings,
                new SummaryWire(report.count(Severity.ERROR), report.count(Severity.WARNING), report.count(Severity.INFO),
                        suppressed, report.filesChecked()));
    }

    private static FindingWire wire(Finding f) {
        boolean whole = f.location().isWholeFile();
        return new FindingWire(f.rule(), f.severity().id(), f.path(), whole ? null : f.location().line(),
                whole ? null : f.location().column(), f.message(), f.hint(), f.suppressed() ? Boolean.TRUE : null,
                f.suppressed() ? f.suppression().kind() : null, f.suppressed() ? f.suppression().reason() : null);
    }

    @Override
    public void write(Report report, Appendable out) throws IOException {
        out.append(MAPPER.writeValueAsString(wire(report))).append('\n');
    }
}
