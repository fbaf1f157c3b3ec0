package dev.migrationguard.report;

import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Severity;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /** Each finding asked for its file and split it again: 5,000 findings in a 4 MB file took minutes. */
    @Test
    void aFileIsReadAndSplitOnceHoweverManyFindingsItHas() throws Exception {
        StringBuilder source = new StringBuilder();
        List<Finding> findings = new ArrayList<>();
        for (int i = 1; i <= 5_000; i++) {
            source.append("-- migration-guard-ignore destructive-change\r\n");
            findings.add(Finding.of("invalid-suppression", Severity.WARNING, Location.at("V1__seed.sql", i, 4),
                    "Suppression of destructive-change gives no reason.", null));
        }
        AtomicInteger reads = new AtomicInteger();
        StringWriter out = new StringWriter();
        new TextRenderer(path -> {
            reads.incrementAndGet();
            return Optional.of(source.toString());
        }, false).write(new Report("lint", findings, 1), out);
        assertEquals(1, reads.get());
        String[] lines = out.toString().split("\n");
        assertEquals(5_000 * 3 + 1, lines.length);
        assertEquals("V1__seed.sql:5000:4: warning [invalid-suppression] Suppression of destructive-change gives no "
                + "reason.", lines[3 * 4_999]);
        assertEquals("   | -- migration-guard-ignore destructive-change", lines[3 * 4_999 + 1]);
        assertEquals("   |    ^", lines[3 * 4_999 + 2]);
    }

    @Test
    void controlCharactersInAPathAreEscapedAsGitQuotesThem() throws Exception {
        String path = "db/migration/V1__a\nb\u001b[31m.sql";
        StringWriter out = new StringWriter();
        new TextRenderer(p -> Optional.of("SELECT\t1;\u0000\n"), false).write(new Report("lint", List.of(
                Finding.of("parse-error", Severity.ERROR, Location.at(path, 1, 8), "In " + path + ": odd.", null)),
                1), out);
        String[] lines = out.toString().split("\n");
        assertEquals("\"db/migration/V1__a\\nb\\033[31m.sql\":1:8: error [parse-error] In db/migration/V1__a "
                + "b\\x1b[31m.sql: odd.", lines[0]);
        assertEquals("   | SELECT 1;\u2400", lines[1]);
        assertEquals("   |        ^", lines[2]);
        assertEquals(4, lines.length, out::toString);
        assertEquals("plain/V1__a.sql", TextRenderer.quoted("plain/V1__a.sql"));
        assertEquals("\"a\\\\b\\\"c\"", TextRenderer.quoted("a\\b\"c"));
    }
}
