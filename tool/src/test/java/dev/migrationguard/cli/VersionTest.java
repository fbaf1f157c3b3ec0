package dev.migrationguard.cli;

import dev.migrationguard.testing.ProjectRoot;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The version is written once, in the root pom: --version and every report give that one. */
class VersionTest {

    @Test
    void versionAndReportsGiveThePomsVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>migration-guard-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ProjectRoot.file("pom.xml")));
        assertTrue(m.find(), "the root pom names its version after its artifactId");
        String version = m.group(1);

        var out = new ByteArrayOutputStream();
        int code = Main.run(new String[]{"--version"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        assertEquals("migration-guard " + version, out.toString(StandardCharsets.UTF_8).strip());
        assertEquals(version, dev.migrationguard.report.Report.VERSION);
    }
}
