package dev.migrationguard.rules;

import dev.migrationguard.model.Finding;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the fixtures' markers of destructive-change, table-rewrite and down-not-inverse do not say: that their messages
 * name the right columns and spell types as the migration's database does.
 */
class ReviewerMessagesTest {
    private static final Path ROOT = Path.of("src/test/resources/fixtures/rules");

    private static List<Finding> findings(String fixture, String rule) throws IOException {
        Path dir = ROOT.resolve(fixture);
        return RuleFixturesTest.run(RuleFixturesTest.config(dir), RuleFixturesTest.changeSet(dir)).findings().stream()
                .filter(f -> f.rule().equals(rule)).toList();
    }

    @Test
    void aMysqlTypeChangeIsNamedInMysqlsOwnSpelling() throws IOException {
        List<Finding> fs = findings("i12e-table-rewrite-mysql-spelling", "table-rewrite");
        Finding mysql = fs.stream().filter(f -> f.path().contains("/mysql/")).findFirst().orElseThrow();
        assertTrue(mysql.message().contains("from datetime(3) to datetime(6)"), mysql.message());
    }

    @Test
    void anUpdateThatTransformsOneColumnAndOverwritesAnotherNamesOnlyTheOverwrittenOne() throws IOException {
        Finding f = findings("i12e-destructive-update-transforms-liquibase", "destructive-change").stream()
                .filter(x -> x.message().contains("count-and-clear")).findFirst().orElseThrow();
        assertTrue(f.message().contains("overwrites column \"note\" in every row"), f.message());
    }
}
