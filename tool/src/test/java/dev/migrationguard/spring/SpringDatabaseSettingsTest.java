package dev.migrationguard.spring;

import dev.migrationguard.model.DatabaseSetting;
import dev.migrationguard.model.schema.Dialect;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings of Spring Boot that name the database, with where they are written and the profile they hold for. */
class SpringDatabaseSettingsTest {
    private final SpringSettingsReader reader = new SpringSettingsReader();

    private List<String> found(String path, String content) {
        return reader.databases(path, content).stream()
                .map(s -> s.dialect().id() + " " + s.key() + " " + s.location().line() + " " + s.profile()).toList();
    }

    @Test
    void aJdbcUrlNamesTheDatabaseEvenAsAPlaceholdersDefault() {
        assertEquals(List.of("postgres spring.datasource.url 2 null"),
                found("src/main/resources/application.properties",
                        "server.port=8080\nspring.datasource.url=jdbc:postgresql://db:5432/app\n"));
        assertEquals(List.of("mysql spring.datasource.url 3 null"), found("application.yml",
                "spring:\n  datasource:\n    url: ${DB_URL:jdbc:mysql://localhost:3306/app}\n"));
        assertEquals(List.of("mariadb spring.datasource.hikari.jdbc-url 1 null"), found("application.properties",
                "spring.datasource.hikari.jdbc-url=jdbc:mariadb://db/app\n"));
        assertEquals(List.of("mssql spring.flyway.url 1 null", "oracle spring.liquibase.url 2 null",
                "h2 spring.datasource.URL 3 null"), found("application.properties",
                "spring.flyway.url=jdbc:sqlserver://db;databaseName=app\n"
                        + "spring.liquibase.url=jdbc:oracle:thin:@db:1521/app\n"
                        + "spring.datasource.URL=jdbc:h2:mem:test\n"));
        assertEquals(List.of("postgres spring.datasource.url 1 null"), found("application.properties",
                "spring.datasource.url=jdbc:tc:postgresql:15:///app\n"));
    }

    @Test
    void aPlaceholderWithoutADefaultNamesNothing() {
        assertEquals(List.of(), found("application.properties", "spring.datasource.url=${DATABASE_URL}\n"));
        assertEquals(List.of(), found("application.properties", "spring.jpa.database-platform=${DIALECT}\n"));
    }

    @Test
    void theHibernateDialectAndSpringsDatabaseEnumNameItToo() {
        assertEquals(List.of("mysql spring.jpa.database-platform 1 null",
                "postgres spring.jpa.properties.hibernate.dialect 2 null", "h2 hibernate.dialect 3 null",
                "mssql spring.jpa.database 4 null"), found("application.properties",
                "spring.jpa.database-platform=org.hibernate.dialect.MySQL8Dialect\n"
                        + "spring.jpa.properties.hibernate.dialect=org.hibernate.dialect.PostgreSQL10Dialect\n"
                        + "hibernate.dialect=org.hibernate.dialect.H2Dialect\nspring.jpa.database=SQL_SERVER\n"));
        assertEquals(List.of(), found("application.properties", "spring.jpa.database=HSQL\n"),
                "a database the tool has no dialect for names none");
    }

    @Test
    void eachSettingHoldsForTheProfileOfItsDocumentOrFile() {
        assertEquals(List.of("postgres spring.datasource.url 3 null", "h2 spring.datasource.url 9 test"),
                found("application.yml", """
                spring:
                  datasource:
                    url: jdbc:postgresql://db/app
                ---
                spring:
                  config:
                    activate:
                      on-profile: test
                  datasource: {url: "jdbc:h2:mem:app"}
                """));
        assertEquals(List.of("h2 spring.datasource.url 1 dev"), found("src/main/resources/application-dev.properties",
                "spring.datasource.url=jdbc:h2:mem:app\n"));
    }

    @Test
    void productionIsToldByProfileAndTestSources() {
        DatabaseSetting prod = reader.databases("src/main/resources/application-prod.yml",
                "spring.datasource.url: jdbc:postgresql://db/app\n").get(0);
        DatabaseSetting main = reader.databases("src/main/resources/application.properties",
                "spring.datasource.url=jdbc:mysql://db/app\n").get(0);
        DatabaseSetting test = reader.databases("src/test/resources/application.properties",
                "spring.datasource.url=jdbc:h2:mem:app\n").get(0);
        DatabaseSetting local = reader.databases("src/main/resources/application-local.properties",
                "spring.datasource.url=jdbc:h2:mem:app\n").get(0);
        assertEquals(Dialect.POSTGRES, prod.dialect());
        assertTrue(prod.productionRank() < main.productionRank());
        assertTrue(main.productionRank() < test.productionRank());
        assertEquals(test.productionRank(), local.productionRank());
    }

    @Test
    void onlyItsSettingsFilesMayNameTheDatabase() {
        assertTrue(reader.mayNameDatabase("src/main/resources/application-prod.yaml"));
        assertFalse(reader.mayNameDatabase("src/main/resources/bootstrap.yml"));
        assertEquals(List.of(), reader.databases("application.yml", "spring: [unclosed\n"));
    }
}
