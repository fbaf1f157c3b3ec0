package dev.migrationguard.report;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextRendererTest {
    @Test
    void colourIsEscapeCodesOnlyWhenAsked() throws Exception {
        StringWriter plain = new StringWriter();
        new TextRenderer(GoldenReport.SOURCE_OF, false).write(GoldenReport.report(), plain);
        assertFalse(plain.toString().contains("\u001b["), plain::toString);
        StringWriter coloured = new StringWriter();
        new TextRenderer(GoldenReport.SOURCE_OF, true).write(GoldenReport.report(), coloured);
        assertTrue(coloured.toString().contains("\u001b[1;31merror\u001b[0m"), coloured::toString);
        assertTrue(coloured.toString().replaceAll("\u001b\\[[0-9;]*m", "").equals(plain.toString()),
                "colour adds escape codes and nothing else");
    }
}
