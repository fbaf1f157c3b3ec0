package dev.migrationguard.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** The output formats by name: the one place that knows them all, for the CLI and its help. */
public final class Formats {
    /** Every format, in the order the help lists them. */
    public static final List<String> NAMES = List.of("text", "json", "sarif", "github", "junit", "checkstyle", "gitlab");

    private Formats() {
    }

    /**
     * @param sourceOf the text of a file as judged, for the text format's source excerpt
     * @param color    whether the text format may colour its output
     * @param catalog  every rule a report may name, for the formats that describe them (SARIF)
     * @return the renderer of this format, or empty when no format has this name
     */
    public static Optional<Renderer> renderer(String name, Function<String, Optional<String>> sourceOf, boolean color,
                                              Supplier<List<RuleHelp>> catalog) {
        return Optional.ofNullable(switch (name.toLowerCase(Locale.ROOT)) {
            case "text" -> new TextRenderer(sourceOf, color);
            case "json" -> new JsonRenderer();
            case "sarif" -> new SarifRenderer(catalog);
            case "github" -> new GithubRenderer();
            case "junit" -> new JunitRenderer();
            case "checkstyle" -> new CheckstyleRenderer();
            case "gitlab" -> new GitlabRenderer();
            default -> null;
        });
    }
}
