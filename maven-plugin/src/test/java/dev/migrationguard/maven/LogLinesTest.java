package dev.migrationguard.maven;

import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The build's log gets the CLI's lines as written, and a failed run's message is the CLI's own line. */
class LogLinesTest {

    private static List<String> logged;

    private static LogLines write(String text) {
        logged = new ArrayList<>();
        var lines = new LogLines(line -> logged.add(line.toString()));
        try (var out = new PrintStream(lines, true, StandardCharsets.UTF_8)) {
            out.print(text);
        }
        return lines;
    }

    @Test
    void eachLineGoesToTheLogWholeAndDecodedOnce() {
        write("première ligne\r\nsecond\nno newline at the end");
        assertEquals(List.of("première ligne", "second", "no newline at the end"), logged);
    }

    @Test
    void theMessageIsTheCliLineNotTheUsageHelpAfterIt() {
        var lines = write("Error: Missing required argument (specify one of these): (--staged | --base=<ref>)\n"
                + "Usage: migration-guard check [-hV] [--debug] ...\n      --base=<ref>   Every change from ...\n");
        assertEquals(Optional.of("Error: Missing required argument (specify one of these): (--staged | --base=<ref>)"),
                lines.message());
    }

    @Test
    void theMessageIsTheLastOwnLineNeitherADebugLineNorAStackTrace() {
        var lines = write("migration-guard: debug: read 3 files\n"
                + "migration-guard: 1 path is outside the sparse checkout\n"
                + "migration-guard: --baseline b.json: no such file\n"
                + "dev.migrationguard.model.CannotJudge: --baseline b.json: no such file\n\tat dev.migrationguard...\n");
        assertEquals(Optional.of("migration-guard: --baseline b.json: no such file"), lines.message());
    }

    @Test
    void withoutAnOwnLineTheMessageIsTheFirstLine() {
        assertEquals(Optional.of("java.lang.IllegalStateException: x"),
                write("\njava.lang.IllegalStateException: x\n\tat a.b\n").message());
        assertEquals(Optional.empty(), write("").message());
    }
}
