package dev.migrationguard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The child asks for 2 MB pages only where Linux gives them on request: elsewhere the option is useless (always) or
 * makes the JVM warn (never, or no such file).
 */
class HugePagesTest {
    @TempDir
    Path dir;

    @Test
    void onlyAModeOfMadviseMakesTheChildAsk() throws IOException {
        assertTrue(FastStart.hugePagesOnRequest(mode("always [madvise] never\n")));
        assertFalse(FastStart.hugePagesOnRequest(mode("[always] madvise never\n")));
        assertFalse(FastStart.hugePagesOnRequest(mode("always madvise [never]\n")));
        assertFalse(FastStart.hugePagesOnRequest(mode("")));
    }

    @Test
    void noSuchFileMeansNoOption() {
        assertFalse(FastStart.hugePagesOnRequest(dir.resolve("absent").toFile()));
        assertFalse(FastStart.hugePagesOnRequest(dir.toFile()));
    }

    private File mode(String text) throws IOException {
        Path file = Files.createTempFile(dir, "enabled", "");
        Files.writeString(file, text);
        return file.toFile();
    }
}
