package dev.migrationguard.liquibase;

import dev.migrationguard.model.Migration;
import dev.migrationguard.model.RunnerFacts;
import dev.migrationguard.testing.MemorySnapshot;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** XML changelogs for the runner-view tests, and the runner facts of the one changeSet a file holds. */
final class ChangeLogText {
    private ChangeLogText() {
    }

    /** A changelog holding only the given include / includeAll lines. */
    static String master(String includes) {
        return """
                <?xml version="1.0"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                %s</databaseChangeLog>
                """.formatted(includes);
    }

    /** A changelog of one changeSet whose opening tag ends with the given attributes (each with a leading space). */
    static String changeLog(String changeSetAttributes) {
        return """
                <?xml version="1.0"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"%s>
                    <sql>INSERT INTO t VALUES (1)</sql>
                  </changeSet>
                </databaseChangeLog>
                """.formatted(changeSetAttributes);
    }

    /** The runner facts of the single changeSet the reader finds in {@code path}. */
    static RunnerFacts facts(LiquibaseMigrationReader reader, MemorySnapshot side, String path) {
        List<Migration> read = reader.read(side, path).items();
        assertEquals(1, read.size(), read::toString);
        return read.get(0).runner();
    }
}
