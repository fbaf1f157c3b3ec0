package dev.migrationguard.liquibase;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Liquibase's defaults file names the database by its URL; its name's suffix is the profile. */
class LiquibaseSettingsReaderTest {
    private final LiquibaseSettingsReader reader = new LiquibaseSettingsReader();

    private List<String> found(String path, String content) {
        return reader.databases(path, content).stream().map(s -> s.dialect().id() + " " + s.key() + " "
                + s.location().line() + " " + s.profile()).toList();
    }

    @Test
    void theUrlOfTheDefaultsFileNamesTheDatabase() {
        assertEquals(List.of("oracle url 2 null"), found("liquibase.properties",
                "changeLogFile: db/master.xml\nurl: jdbc:oracle:thin:@db:1521/app\n"));
        assertEquals(List.of("mssql liquibase.command.url 1 test"),
                found("src/main/resources/liquibase-test.properties",
                        "liquibase.command.url=jdbc:sqlserver://db;databaseName=app\n"));
        assertEquals(List.of(), found("liquibase.properties", "referenceUrl: hibernate:spring:com.example\n"));
    }

    @Test
    void onlyItsDefaultsFilesAreAsked() {
        assertTrue(reader.mayNameDatabase("liquibase.properties"));
        assertTrue(reader.mayNameDatabase("src/main/resources/liquibase-prod.properties"));
        assertFalse(reader.mayNameDatabase("src/main/resources/application.properties"));
        assertFalse(reader.accepts("liquibase.properties"), "it holds no setting that lets an ORM change the schema");
    }
}
