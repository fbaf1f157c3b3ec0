package dev.migrationguard.report;

import dev.migrationguard.model.Finding;

import java.io.IOException;

/**
 * GitHub Actions workflow commands ({@code ::error file=…,line=…,col=…,title=…::message}), which the runner turns into
 * annotations on the pull request's diff. Suppressed findings are not emitted: an annotation cannot say "accepted".
 */
public final class GithubRenderer implements Renderer {
    @Override
    public void write(Report report, Appendable out) throws IOException {
        for (Finding f : report.findings()) {
            if (f.suppressed()) continue;
            String command = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            };
            out.append("::").append(command).append(" file=").append(property(f.path()));
            if (!f.location().isWholeFile()) {
                out.append(",line=").append(String.valueOf(f.location().line()))
                        .append(",col=").append(String.valueOf(f.location().column()));
            }
            out.append(",title=").append(property(Report.TOOL + " [" + f.rule() + "]")).append("::")
                    .append(data(f.hint() == null ? f.message() : f.message() + "\nhint: " + f.hint())).append('\n');
        }
    }

    /** The message part: GitHub's escaping of {@code %}, CR and LF (the runner's {@code escapeData}). */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value: the message escaping plus {@code :} and {@code ,} (the runner's {@code escapeProperty}). */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
