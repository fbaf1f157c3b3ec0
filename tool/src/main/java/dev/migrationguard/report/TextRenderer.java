package dev.migrationguard.report;

import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Severity;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
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
        // Each file's lines are indexed once: splitting the file again for each finding made 5,000 findings in one
        // file take minutes.
        Map<String, Optional<Lines>> files = new HashMap<>();
        for (Finding f : report.findings()) {
            var at = f.location();
            String path = quoted(f.path());
            out.append(bold(at.isWholeFile() ? path : path + ":" + at.line() + ":" + at.column())).append(": ")
                    .append(paint(f.severity(), f.severity().id())).append(" [").append(f.rule()).append("] ")
                    .append(oneLine(f.message()));
            if (f.suppressed()) {
                out.append(" (suppressed").append(f.suppression().reason() == null ? "" : ": " + oneLine(f.suppression().reason()))
                        .append(')');
            }
            out.append('\n');
            if (!at.isWholeFile()) {
                Optional<Lines> lines = files.computeIfAbsent(f.path(), p -> sourceOf.apply(p).map(Lines::new));
                if (lines.isPresent()) excerpt(f, lines.get(), out);
            }
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

    /**
     * One finding, one line, as a compiler prints it: line breaks inside a message become spaces, and other control
     * characters (from a file name quoted in it) are shown escaped, never sent to the terminal.
     */
    private static String oneLine(String s) {
        String joined = s.replaceAll("\\s*(\r\n|\r|\n)\\s*", " ");
        StringBuilder b = new StringBuilder(joined.length());
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (isControl(c) && c != '\t') b.append(String.format("\\x%02x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }

    /**
     * A path as git prints one ({@code core.quotePath}): as is, unless it holds a control character, a quote or a
     * backslash, then in double quotes with C escapes, so that a newline in a file name cannot split the line.
     */
    static String quoted(String path) {
        boolean plain = true;
        for (int i = 0; i < path.length() && plain; i++) {
            char c = path.charAt(i);
            plain = !isControl(c) && c != '"' && c != '\\';
        }
        if (plain) return path;
        StringBuilder b = new StringBuilder(path.length() + 8).append('"');
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\u0007' -> b.append("\\a");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\u000b' -> b.append("\\v");
                default -> {
                    if (isControl(c)) b.append(String.format("\\%03o", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    private void excerpt(Finding f, Lines lines, Appendable out) throws IOException {
        int line = f.location().line();
        if (line < 1 || line > lines.count()) return;
        String raw = lines.line(line);
        if (raw.length() > 200) return;
        // One column per character, so the caret stays under its column: a tab becomes a space, other control
        // characters their visible pictures (U+2400...).
        StringBuilder src = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            src.append(c == '\t' ? ' ' : c < 0x20 ? (char) (0x2400 + c) : c == 0x7f ? '\u2421' : c);
        }
        out.append("   | ").append(src).append('\n');
        int col = Math.min(Math.max(f.location().column(), 1), src.length() + 1);
        out.append("   | ").append(" ".repeat(col - 1)).append(paint(f.severity(), "^")).append('\n');
    }

    /** A file's text with the start of each line found once; a line break is {@code \r\n}, {@code \r} or {@code \n}. */
    private static final class Lines {
        private final String text;
        private final int[] starts;
        private final int count;

        Lines(String text) {
            this.text = text;
            int[] found = new int[16];
            int n = 0;
            found[n++] = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c != '\n' && c != '\r') continue;
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                if (n == found.length) found = Arrays.copyOf(found, n * 2);
                found[n++] = i + 1;
            }
            this.starts = found;
            this.count = n;
        }

        int count() {
            return count;
        }

        /** Line {@code k} (1-based) without its line break. */
        String line(int k) {
            int start = starts[k - 1];
            int end = k < count ? starts[k] : text.length();
            while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
            return text.substring(start, end);
        }
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
