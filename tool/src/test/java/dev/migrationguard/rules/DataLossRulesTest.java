package dev.migrationguard.rules;

import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Severity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the fixtures' markers do not say about the data-loss rules: the severity of each finding (an error only while
 * the deployed entities map what is dropped) and that messages name the object, what is lost and the next step.
 */
class DataLossRulesTest {
    private static final Path ROOT = Path.of("src/test/resources/fixtures/rules");

    private static List<Finding> findings(String fixture, String rule) throws IOException {
        Path dir = ROOT.resolve(fixture);
        return RuleFixturesTest.run(RuleFixturesTest.config(dir), RuleFixturesTest.changeSet(dir)).findings().stream()
                .filter(f -> f.rule().equals(rule)).toList();
    }

    private static Finding at(List<Finding> findings, String path, int line) {
        return findings.stream().filter(f -> f.path().endsWith(path) && f.location().line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no finding at " + path + ":" + line + " in " + findings));
    }

    @Test
    void aDropIsAnErrorWhileTheDeployedEntitiesMapItAndAWarningWhenUnknown() throws IOException {
        List<Finding> fs = findings("i12b-destructive-flyway-expand-contract", "destructive-change");
        Finding column = at(fs, "V2__Drop_contest_slug.sql", 2);
        assertEquals(Severity.ERROR, column.severity());
        assertTrue(column.message().contains("column \"slug\" of table \"contest\""), column.message());
        assertTrue(column.message().contains("src/main/java/com/example/Contest.java"), column.message());
        assertTrue(column.hint().contains("deploy that first"), column.hint());
        assertEquals(Severity.ERROR, at(fs, "V3__Drop_venue.sql", 1).severity());
        for (int line : new int[] {2, 3, 4}) assertEquals(Severity.WARNING, at(fs, "V4__Purge_audit_log.sql", line).severity());
        assertTrue(at(fs, "V4__Purge_audit_log.sql", 2).message().contains("deletes every row of table \"audit_log\""));
        assertTrue(at(fs, "V4__Purge_audit_log.sql", 4).message().contains("overwrites column \"contest_id\""));
    }

    @Test
    void aColumnDroppedAndAddedAgainIsAWarningThatNamesTheLoss() throws IOException {
        List<Finding> fs = findings("i12b-destructive-typeorm", "destructive-change");
        assertEquals(Severity.ERROR, at(fs, "1700000000002-DropUserNickname.ts", 6).severity());
        Finding city = at(fs, "1700000000002-DropUserNickname.ts", 8);
        assertEquals(Severity.WARNING, city.severity());
        assertTrue(city.message().contains("drops column \"city\" of table \"user\" and adds it again"), city.message());
        assertEquals(Severity.WARNING, at(fs, "1700000000002-DropUserNickname.ts", 10).severity());
        assertEquals(Severity.ERROR, at(fs, "1700000000002-DropUserNickname.ts", 12).severity());
    }

    @Test
    void aNarrowingNamesBothTypesAndTheQueryToCheck() throws IOException {
        Finding email = at(findings("i12b-destructive-flyway-narrowing", "destructive-change"),
                "V2__Shrink_account_columns.sql", 1);
        assertTrue(email.message().contains("from varchar(320) to varchar(100)"), email.message());
        assertTrue(email.hint().contains("WHERE length(email) > 100"), email.hint());
    }

    @Test
    void aUniqueIndexGivesTheQueryThatListsTheDuplicates() throws IOException {
        List<Finding> fs = findings("i12b-unique-flyway", "unique-on-existing-data");
        Finding email = at(fs, "V2__Unique_account_email.sql", 1);
        assertEquals(Severity.INFO, email.severity());
        assertTrue(email.message().contains("unique index \"ux_account_email\" on table \"account\""), email.message());
        assertTrue(email.hint().contains(
                "SELECT lower(email), count(*) FROM account GROUP BY lower(email) HAVING count(*) > 1"), email.hint());
        Finding pair = at(fs, "V2__Unique_account_email.sql", 2);
        assertTrue(pair.hint().contains("GROUP BY tenant_id, handle HAVING count(*) > 1"), pair.hint());
    }

    @Test
    void notNullFindingsNameTheColumnAndTheBackfill() throws IOException {
        List<Finding> fs = findings("i12b-not-null-flyway", "not-null-without-default");
        Finding added = at(fs, "V2__Require_contest_fields.sql", 1);
        assertTrue(added.message().contains("adds column \"divisions\" to table \"contest\" as NOT NULL without a "
                + "default"), added.message());
        Finding made = at(fs, "V2__Require_contest_fields.sql", 5);
        assertTrue(made.hint().contains("UPDATE contest SET title = ... WHERE title IS NULL"), made.hint());
    }
}
