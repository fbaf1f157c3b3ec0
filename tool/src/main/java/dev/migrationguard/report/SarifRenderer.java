package dev.migrationguard.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Severity;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: every rule with its summary, its page as help text
 * and its default level in {@code tool.driver.rules}; every finding as a result with a relative location, the stable
 * fingerprint, and, when suppressed, a suppression with its reason. The wire records are this renderer's own.
 */
public final class SarifRenderer implements Renderer {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String FINGERPRINT_KEY = "migrationGuard/v1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {
    }

    record Run(Tool tool, List<Result> results) {
    }

    record Tool(Driver driver) {
    }

    record Driver(String name, String version, String semanticVersion, List<Rule> rules) {
    }

    record Rule(String id, Text shortDescription, Text fullDescription, Help help, Configuration defaultConfiguration) {
    }

    record Text(String text) {
    }

    record Help(String text, String markdown) {
    }

    record Configuration(String level) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(String ruleId, Integer ruleIndex, String level, Text message, List<Location> locations,
                  Map<String, String> partialFingerprints, List<Suppression> suppressions) {
    }

    record Location(PhysicalLocation physicalLocation) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {
    }

    record ArtifactLocation(String uri, String uriBaseId) {
    }

    record Region(int startLine, int startColumn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Suppression(String kind, String status, String justification) {
    }

    private final Supplier<List<RuleHelp>> catalog;

    /**
     * @param catalog every rule the report may name, in catalog order; asked only when a report is written, since the
     *                pages are read from the jar
     */
    public SarifRenderer(Supplier<List<RuleHelp>> catalog) {
        this.catalog = catalog;
    }

    @Override
    public void write(Report report, Appendable out) throws IOException {
        List<RuleHelp> helps = catalog.get();
        List<String> ids = helps.stream().map(RuleHelp::id).toList();
        List<Rule> rules = helps.stream().map(SarifRenderer::rule).toList();
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < report.findings().size(); i++) {
            Finding f = report.findings().get(i);
            int index = ids.indexOf(f.rule());
            var at = f.location();
            Region region = at.isWholeFile() ? null : new Region(at.line(), at.column());
            results.add(new Result(f.rule(), index < 0 ? null : index, level(f.severity()),
                    new Text(f.hint() == null ? f.message() : f.message() + "\nHint: " + f.hint()),
                    List.of(new Location(new PhysicalLocation(new ArtifactLocation(uri(f.path()), "%SRCROOT%"), region))),
                    Map.of(FINGERPRINT_KEY, report.fingerprints().get(i)), suppressions(f)));
        }
        var driver = new Driver(Report.TOOL, Report.VERSION, Report.VERSION, rules);
        var log = new Log(SCHEMA, "2.1.0", List.of(new Run(new Tool(driver), results)));
        out.append(MAPPER.writeValueAsString(log)).append('\n');
    }

    private static Rule rule(RuleHelp help) {
        String page = help.page() != null ? help.page() : help.summary() + ".";
        return new Rule(help.id(), new Text(help.summary()),
                new Text(section(page, "What it flags").orElse(help.summary())), new Help(page, page),
                new Configuration(level(help.severity())));
    }

    /** The text of one {@code ## heading} section of a rule page, when the page has it. */
    static Optional<String> section(String page, String heading) {
        int start = page.indexOf("\n## " + heading + "\n");
        if (start < 0) return Optional.empty();
        int from = start + heading.length() + 5;
        int end = page.indexOf("\n## ", from);
        String text = (end < 0 ? page.substring(from) : page.substring(from, end)).strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static List<Suppression> suppressions(Finding f) {
        if (!f.suppressed()) return List.of();
        // An inline comment lives in the source; the configuration's allowed edits and the baseline do not.
        String kind = f.suppression().kind().equals("inline") ? "inSource" : "external";
        String reason = f.suppression().reason();
        return List.of(new Suppression(kind, "accepted",
                f.suppression().kind() + (reason == null ? "" : ": " + reason)));
    }

    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** A relative URI reference: the path with what a URI cannot carry (spaces, non-ASCII) percent-encoded. */
    static String uri(String path) {
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + path, e);
        }
    }
}
