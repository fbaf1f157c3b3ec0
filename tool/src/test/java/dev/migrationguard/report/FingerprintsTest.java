package dev.migrationguard.report;

import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class FingerprintsTest {
    private static final String FILE = "db/V1__Create_contest.sql";

    private static Finding at(int line, String message) {
        return Finding.of("parse-error", Severity.ERROR, Location.at(FILE, line, 3), message, null);
    }

    private static List<String> prints(String source, Finding... findings) {
        Map<String, String> files = Map.of(FILE, source);
        return Fingerprints.of(List.of(findings), path -> Optional.ofNullable(files.get(path)));
    }

    @Test
    void linesAddedAboveAndReindentingKeepTheFingerprint() {
        String before = "CREATE TABLE contest (\n  id BIGINT,\n  title VARCHAR(100)\n);\n";
        String after = "-- a comment\n\nCREATE TABLE contest (\n      id BIGINT,\n      title   VARCHAR(100)\n);\n";
        assertEquals(prints(before, at(3, "bad")), prints(after, at(5, "bad")));
    }

    @Test
    void theLineTheMessageTheRuleAndThePathEachCount() {
        String source = "a\nb\n";
        String base = prints(source, at(1, "bad")).get(0);
        assertNotEquals(base, prints(source, at(2, "bad")).get(0), "another source line");
        assertNotEquals(base, prints(source, at(1, "worse")).get(0), "another message");
        Finding otherRule = Finding.of("vague-migration-name", Severity.ERROR, Location.at(FILE, 1, 3), "bad", null);
        assertNotEquals(base, prints(source, otherRule).get(0), "another rule");
        Finding otherPath = Finding.of("parse-error", Severity.ERROR, Location.at("db/V2__x.sql", 1, 3), "bad", null);
        assertNotEquals(base, Fingerprints.of(List.of(otherPath), p -> Optional.of(source)).get(0), "another path");
        Finding otherSeverity = at(1, "bad").withSeverity(Severity.WARNING);
        assertEquals(base, prints(source, otherSeverity).get(0), "a severity changed by configuration is the same finding");
    }

    @Test
    void identicalFindingsOnIdenticalLinesGetDistinctStableFingerprints() {
        String source = "x;\nx;\n";
        List<String> two = prints(source, at(1, "bad"), at(2, "bad"));
        assertNotEquals(two.get(0), two.get(1));
        assertEquals(two, prints("-- moved\n" + source, at(2, "bad"), at(3, "bad")));
        assertEquals(32, two.get(0).length());
    }

    @Test
    void wholeFileFindingsAndMissingSourcesHashWithoutALine() {
        Finding whole = Finding.of("vague-migration-name", Severity.ERROR, Location.file(FILE), "vague", null);
        assertEquals(prints("one\n", whole), prints("two\n", whole));
        assertEquals(1, Fingerprints.of(List.of(at(9, "bad")), p -> Optional.empty()).size());
    }
}
