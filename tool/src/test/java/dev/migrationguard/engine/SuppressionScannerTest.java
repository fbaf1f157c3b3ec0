package dev.migrationguard.engine;

import dev.migrationguard.analysis.Analysis.SuppressionComment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuppressionScannerTest {

    @Test
    void readsEveryCommentSyntax() {
        for (String line : List.of(
                "// migration-guard-ignore parse-error: generated",
                "/* migration-guard-ignore parse-error: generated */",
                "-- migration-guard-ignore parse-error: generated",
                "# migration-guard-ignore parse-error: generated",
                "<!-- migration-guard-ignore parse-error: generated -->",
                " * migration-guard-ignore parse-error: generated")) {
            List<SuppressionComment> found = SuppressionScanner.scan("f", "x\n" + line + "\n");
            assertEquals(1, found.size(), line);
            assertEquals("parse-error", found.get(0).rule(), line);
            assertEquals("generated", found.get(0).reason(), line);
            assertEquals(2, found.get(0).location().line(), line);
        }
    }

    @Test
    void missingRuleOrReasonIsKeptForTheCheck() {
        var noReason = SuppressionScanner.scan("f", "-- migration-guard-ignore parse-error\n").get(0);
        assertEquals("parse-error", noReason.rule());
        assertNull(noReason.reason());
        var emptyReason = SuppressionScanner.scan("f", "-- migration-guard-ignore parse-error:   \n").get(0);
        assertNull(emptyReason.reason());
        var noRule = SuppressionScanner.scan("f", "-- migration-guard-ignore\n").get(0);
        assertNull(noRule.rule());
    }

    @Test
    void markerOutsideACommentIsNotASuppression() {
        assertTrue(SuppressionScanner.scan("f", "String s = \"migration-guard-ignore parse-error: x\";\n").isEmpty());
    }

    @Test
    void leadingCommentsSuppressTheWholeFile() {
        var leading = SuppressionScanner.scan("V1__x.sql", """
                -- header
                /* block
                   migration-guard-ignore vague-migration-name: vendor name */
                -- migration-guard-ignore missing-down-migration: one way
                CREATE TABLE a (id int);
                -- migration-guard-ignore parse-error: later
                """);
        assertEquals(3, leading.size());
        assertTrue(leading.get(0).wholeFile());
        assertTrue(leading.get(1).wholeFile());
        assertFalse(leading.get(2).wholeFile());
    }
}
