package dev.migrationguard.flyway;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which script a row of flyway_schema_history records. */
class FlywayHistoryTest {

    @Test
    void flywayScriptsAreRelativeToTheirLocationAndJavaOnesAreClassNames() {
        assertTrue(FlywayHistory.script("V1__init.sql", "src/main/resources/db/migration/V1__init.sql"));
        assertTrue(FlywayHistory.script("pg/V1__init.sql", "db/migration/pg/V1__init.sql"));
        assertFalse(FlywayHistory.script("pg/V1__init.sql", "db/migration/mysql/V1__init.sql"));
        assertFalse(FlywayHistory.script("V1__init.sql", "db/migration/XV1__init.sql"));
        assertTrue(FlywayHistory.script("db.migration.V2__Seed", "src/main/java/db/migration/V2__Seed.java"));
        assertFalse(FlywayHistory.script("db.migration.V2__Seed", "src/main/java/db/migration/V2__Seed.sql"));
    }
}
