package dev.migrationguard.flyway;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Flyway's configuration files name the database by their URL; a TOML environment is the profile. */
class FlywaySettingsReaderTest {
    private final FlywaySettingsReader reader = new FlywaySettingsReader();

    private List<String> found(String path, String content) {
        return reader.databases(path, content).stream().map(s -> s.dialect().id() + " " + s.key() + " "
                + s.location().line() + " " + s.profile()).toList();
    }

    @Test
    void flywayConfAndFlywayTomlNameTheDatabase() {
        assertEquals(List.of("mysql flyway.url 2 null"), found("conf/flyway.conf",
                "flyway.user=app\nflyway.url=jdbc:mysql://db:3306/app\nflyway.locations=filesystem:sql\n"));
        assertEquals(List.of("postgres url 3 prod", "h2 url 6 dev"), found("flyway.toml", """
                [environments.prod]
                user = "app"
                url = "jdbc:postgresql://db/app"

                [environments.dev]
                url = "jdbc:h2:mem:app"

                [flyway]
                locations = ["filesystem:sql"]
                """));
        assertEquals(List.of(), found("flyway.conf", "flyway.url=${FLYWAY_URL}\n"));
    }

    @Test
    void onlyItsConfigurationFilesAreAsked() {
        assertTrue(reader.mayNameDatabase("conf/flyway.conf"));
        assertTrue(reader.mayNameDatabase("flyway.toml"));
        assertFalse(reader.mayNameDatabase("src/main/resources/db/migration/V1__Init.sql"));
        assertFalse(reader.accepts("flyway.conf"), "it holds no setting that lets an ORM change the schema");
    }
}
