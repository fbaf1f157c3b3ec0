package dev.migrationguard.typeorm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which migration a row of TypeORM's migrations table records. */
class TypeOrmHistoryTest {

    @Test
    void typeormNamesMatchTimestampAndDescriptionInAnyCaseStyle() {
        assertTrue(TypeOrmHistory.name("AddContestDivisions1700000000000", "1700000000000-AddContestDivisions.ts"));
        assertTrue(TypeOrmHistory.name("AddContestDivisions1700000000000", "1700000000000-add-contest-divisions.ts"));
        assertTrue(TypeOrmHistory.name("AddContestDivisions1700000000000", "1700000000000-add_contest_divisions.js"));
        assertFalse(TypeOrmHistory.name("AddContestDivisions1700000000000", "1700000000001-AddContestDivisions.ts"));
        assertFalse(TypeOrmHistory.name("AddContestDivisions1700000000000", "1700000000000-AddContest.ts"));
        assertFalse(TypeOrmHistory.name("Short", "1-Short.ts"));
    }
}
