package dev.migrationguard.maven;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/** An output stream that hands each line it receives to the build's log. */
final class LogLines extends OutputStream {
    private final Consumer<CharSequence> log;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private String first;
    private String message;

    LogLines(Consumer<CharSequence> log) {
        this.log = log;
    }

    @Override
    public void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            line.write(b);
        }
    }

    @Override
    public void close() {
        if (line.size() > 0) emit();
    }

    /**
     * The CLI's message when it stops on a usage or configuration problem or a bug: the last of its own lines (not a
     * debug line, not the usage help or a stack trace after it), else the first line written.
     */
    Optional<String> message() {
        return Optional.ofNullable(message != null ? message : first);
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        if (text.endsWith("\r")) text = text.substring(0, text.length() - 1);
        line.reset();
        if (first == null && !text.isBlank()) first = text;
        boolean own = text.startsWith("migration-guard: ") && !text.startsWith("migration-guard: debug:");
        if (own || text.startsWith("Error: ")) message = text;
        log.accept(text);
    }
}
