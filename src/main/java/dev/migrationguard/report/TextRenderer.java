package dev.migrationguard.report;

import dev.migrationguard.engine.Report;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Severity;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads like a compiler: {@code path:line:col: severity [rule] message}, the source line with a caret under the
 * column, the hint, and a summary line. Colour only when asked (a terminal, no NO_COLOR, no --no-color).
 */
public final class TextRenderer implements Renderer {
    private final Function<String, Optional<String>> sourceOf;
    private final boolean color;

    /** @param sourceOf the text of a file as judged (staged or committed), for the source excerpt */
    public TextRenderer(Function<String, Optional<String>> sourceOf, boolean color) {
        this.sourceOf = sourceOf;
        this.color = color;
    }

    @Override
    public void write(Report report, Appendable out) throws IOException {
        for (Finding f : report.findings()) {
            var at = f.location();
            out.append(bold(at.isWholeFile() ? f.path() : f.path() + ":" + at.line() + ":" + at.column())).append(": ")
                    .append(paint(f.severity(), f.severity().id())).append(" [").append(f.rule()).append("] ")
                    .append(oneLine(f.message()));
            if (f.suppressed()) {
                out.append(" (suppressed").append(f.suppression().reason() == null ? "" : ": " + oneLine(f.suppression().reason()))
                        .append(')');
            }
            out.append('\n');
            if (!at.isWholeFile()) excerpt(f, out);
            if (f.hint() != null && !f.suppressed()) out.append("  = hint: ").append(oneLine(f.hint())).append('\n');
        }
        long errors = report.count(Severity.ERROR);
        long warnings = report.count(Severity.WARNING);
        long infos = report.count(Severity.INFO);
        long suppressed = report.suppressed();
        out.append(String.format("%s: %d error%s, %d warning%s%s%s in %d file%s checked (%s).%n", Report.TOOL, errors,
                errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s",
                infos > 0 ? ", " + infos + " info" + (infos == 1 ? "" : "s") : "",
                suppressed > 0 ? ", " + suppressed + " suppressed" : "", report.filesChecked(),
                report.filesChecked() == 1 ? "" : "s", report.mode()));
    }

    /** One finding, one line, as a compiler prints it: line breaks inside a message become spaces. */
    private static String oneLine(String s) {
        return s.replaceAll("\\s*(\r\n|\r|\n)\\s*", " ");
    }

    private void excerpt(Finding f, Appendable out) throws IOException {
        Optional<String> text = sourceOf.apply(f.path());
        if (text.isEmpty()) return;
        String[] lines = text.get().split("\r\n|\r|\n", -1);
        int line = f.location().line();
        if (line < 1 || line > lines.length) return;
        String src = lines[line - 1].replace('\t', ' ');
        if (src.length() > 200) return;
        out.append("   | ").append(src).append('\n');
        int col = Math.min(Math.max(f.location().column(), 1), src.length() + 1);
        out.append("   | ").append(" ".repeat(col - 1)).append(paint(f.severity(), "^")).append('\n');
    }

    private String bold(String s) {
        return color ? "\u001b[1m" + s + "\u001b[0m" : s;
    }

    private String paint(Severity severity, String s) {
        if (!color) return s;
        String code = switch (severity) {
            case ERROR -> "\u001b[1;31m";
            case WARNING -> "\u001b[1;33m";
            case INFO -> "\u001b[1;36m";
        };
        return code + s + "\u001b[0m";
    }
}
