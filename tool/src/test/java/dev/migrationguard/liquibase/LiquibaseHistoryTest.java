package dev.migrationguard.liquibase;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which changeSet a row of databasechangelog records. */
class LiquibaseHistoryTest {

    @Test
    void liquibaseComparesIdAndAuthorIgnoringCaseAndFilesLoosely() {
        assertTrue(LiquibaseHistory.changeSet("classpath:/db/changelog/a.xml::One::Alice",
                "db/changelog/a.xml::one::alice"));
        assertTrue(LiquibaseHistory.changeSet("/app/resources/db/changelog/a.xml::1::a", "db/changelog/a.xml::1::a"));
        assertFalse(LiquibaseHistory.changeSet("db/changelog/a.xml::1::a", "db/changelog/b.xml::1::a"));
        assertFalse(LiquibaseHistory.changeSet("db/changelog/a.xml::1::a", "db/changelog/a.xml::1::bob"));
    }
}
