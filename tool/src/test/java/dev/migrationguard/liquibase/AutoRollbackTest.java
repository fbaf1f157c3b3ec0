package dev.migrationguard.liquibase;

import dev.migrationguard.model.Migration;
import dev.migrationguard.model.Rollback;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One case per entry of the automatic-rollback table, and one per change type that needs an explicit rollback. */
class AutoRollbackTest {

    static Stream<String> automatic() {
        return AutoRollback.CHANGE_TYPES.stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("automatic")
    void aChangeSetOfAnAutomaticallyReversibleChangeNeedsNoRollback(String type) {
        assertEquals(Rollback.Status.PRESENT, rollbackOf(type));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sql", "sqlFile", "insert", "update", "delete", "loadData", "dropTable", "dropColumn",
            "modifyDataType", "dropForeignKeyConstraint", "customChange", "dropIndex", "dropPrimaryKey",
            "dropUniqueConstraint", "dropDefaultValue", "dropView", "dropSequence", "createProcedure", "mergeColumns"})
    void everyOtherChangeNeedsAnExplicitRollback(String type) {
        assertEquals(Rollback.Status.MISSING, rollbackOf(type));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sql", "dropTable", "customChange"})
    void anExplicitRollbackEvenAnEmptyOneIsAWayBack(String type) {
        String xml = changelog("<" + type + " tableName=\"contest\"/><rollback/>");
        Migration m = read(xml);
        assertEquals(Rollback.Status.PRESENT, m.rollback().status());
    }

    private static Rollback.Status rollbackOf(String type) {
        return read(changelog("<" + type + " tableName=\"contest\"/>")).rollback().status();
    }

    private static String changelog(String changes) {
        return "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n"
                + "<changeSet id=\"x\" author=\"a\">" + changes + "</changeSet>\n</databaseChangeLog>\n";
    }

    private static Migration read(String xml) {
        var result = new LiquibaseMigrationReader().read(MemorySnapshot.of("changelog.xml", xml), "changelog.xml");
        assertEquals(java.util.List.of(), result.problems());
        return result.items().get(0);
    }
}
