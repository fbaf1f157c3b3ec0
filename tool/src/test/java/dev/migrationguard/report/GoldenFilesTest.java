package dev.migrationguard.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every format over the one fixed report of {@link GoldenReport}, compared byte for byte with
 * {@code src/test/resources/golden/<format>.<ext>}. After a deliberate change of a format, regenerate the files with
 * {@code mvn -q -Dtest=GoldenFilesTest -Dgolden.update=true test} and review their diff before committing it.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"text, txt", "json, json", "sarif, sarif", "github, txt", "junit, xml", "checkstyle, xml", "gitlab, json"})
    void formatMatchesItsGoldenFile(String format, String extension) throws IOException {
        // SARIF embeds the rule pages: fixed pages here, so that editing a page in rules/ does not break the golden file
        Renderer renderer = format.equals("sarif")
                ? new SarifRenderer(() -> GoldenReport.catalog(id -> "# " + id + "\n\n## What it flags\n\nWhat " + id
                        + " flags.\n\n## Why\n\nWhy it matters.\n"))
                : Formats.renderer(format, GoldenReport.SOURCE_OF, false, () -> List.of()).orElseThrow();
        StringWriter out = new StringWriter();
        renderer.write(GoldenReport.report(), out);
        Path golden = GOLDEN.resolve(format + "." + extension);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, out.toString(), StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(golden), golden + " is missing: run with -Dgolden.update=true to write it");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), out.toString(),
                format + " differs from " + golden + " (regenerate with -Dgolden.update=true if the change is meant)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"text", "json", "sarif", "github", "junit", "checkstyle", "gitlab"})
    void everyFormatHasAGoldenTest(String format) {
        assertTrue(Formats.NAMES.contains(format));
        assertEquals(7, Formats.NAMES.size(), "a new format needs its golden file and a line in this test");
    }
}
