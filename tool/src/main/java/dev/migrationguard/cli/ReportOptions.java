package dev.migrationguard.cli;

import dev.migrationguard.model.CannotJudge;
import dev.migrationguard.model.Severity;
import dev.migrationguard.report.Formats;
import dev.migrationguard.report.Renderer;
import dev.migrationguard.report.Report;
import dev.migrationguard.report.RuleHelp;
import dev.migrationguard.rules.RuleCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The report of check and lint: its formats and where each goes, the baseline it honours, and what fails the run. */
final class ReportOptions {
    @Option(names = "--format", paramLabel = "<format>", description = "text, json, sarif (GitHub code scanning), github (annotations on the pull request), "
            + "junit (test results), checkstyle (reviewdog) or gitlab (code quality); default text. Repeat "
            + "--format/--output for several reports in one run.")
    List<String> formats = new ArrayList<>();

    @Option(names = "--output", paramLabel = "<file>", description = "Write the report to this file instead of stdout; pairs with --format in order.")
    List<Path> outputs = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "<file>", description = "Report the findings this baseline file holds "
            + "(written by the baseline command) as suppressed; only new ones count. Overrides the configuration's.")
    Path baseline;

    @Option(names = "--fail-on", paramLabel = "<level>", description = "error, warning or never (default error).")
    String failOn = "error";

    @Option(names = "--no-color", description = "Never colour the text report.")
    boolean noColor;

    /** Stops a run whose report could not be written as asked, before it reads anything. */
    void check() {
        failOn();
        for (String f : formats) renderer(f, null, false);
        if (outputs.size() > Math.max(1, formats.size())) {
            throw new CannotJudge("more --output than --format options: give each --output its --format");
        }
        if (formats.size() - outputs.size() > 1) {
            throw new CannotJudge("--format " + String.join(", ", formats.subList(outputs.size(), formats.size()))
                    + " would all go to stdout: give each but one an --output, in order");
        }
    }

    /** Writes the report in every format asked for; returns the exit code its findings call for. */
    int deliver(CommandLine.Model.CommandSpec spec, Report report, Function<String, Optional<String>> sourceOf) {
        int n = Math.max(1, formats.size());
        for (int i = 0; i < n; i++) {
            String format = formats.isEmpty() ? "text" : formats.get(i);
            Path output = i < outputs.size() ? outputs.get(i) : null;
            boolean color = Colors.wanted(output == null && Main.stdoutIsTerminal(spec), noColor, Main.env(spec));
            Renderer renderer = renderer(format, sourceOf, color);
            if (output == null) {
                StringWriter buffer = new StringWriter();
                try {
                    renderer.write(report, buffer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                spec.commandLine().getOut().print(buffer);
                spec.commandLine().getOut().flush();
            } else {
                Run.writeFile(output, "--output", out -> renderer.write(report, out));
            }
        }
        return report.failsAt(failOn()) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private static Renderer renderer(String format, Function<String, Optional<String>> sourceOf, boolean color) {
        return Formats.renderer(format, sourceOf, color, ReportOptions::catalog).orElseThrow(() -> new CannotJudge(
                "unknown --format '" + format + "' (known: " + String.join(", ", Formats.NAMES) + ")"));
    }

    /** Every rule with its page, as SARIF lists them. */
    private static List<RuleHelp> catalog() {
        return RuleCatalog.all().stream().map(m -> new RuleHelp(m.id(), m.severity(), m.summary(),
                RuleCatalog.documentation(m.id()).orElse(null))).toList();
    }

    /** The lowest severity that fails the run, or null for never. */
    private Severity failOn() {
        if (failOn.equalsIgnoreCase("never")) return null;
        Severity s = Severity.parse(failOn);
        if (s == null || s == Severity.INFO) {
            throw new CannotJudge("--fail-on must be error, warning or never, not '" + failOn + "'");
        }
        return s;
    }
}
