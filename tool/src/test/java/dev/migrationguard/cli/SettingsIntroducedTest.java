package dev.migrationguard.cli;

import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * In check mode, {@code synchronize-in-production} reports a setting only when the change introduced or altered it or
 * its guard: a file touched for another reason, or lines inserted above the setting, do not re-report what was already
 * there. {@code lint} still reports everything.
 */
class SettingsIntroducedTest {
    private static final String PROPS = "src/main/resources/application.properties";
    private static final String DATA_SOURCE = "src/database/data-source.ts";
    private static final List<String> SYNC = List.of("synchronize-in-production");

    @TempDir
    Path dir;

    private static List<String> check(GitFixture g) {
        Cli cli = Cli.run(g.root(), "check", "--staged", "--format", "json");
        return cli.rules();
    }

    private static List<String> lint(GitFixture g) {
        return Cli.run(g.root(), "lint", "--format", "json").rules();
    }

    @Test
    void springSettingAlreadyThereIsNotReportedAgain() {
        var g = GitFixture.init(dir).write(PROPS, "spring.jpa.hibernate.ddl-auto=update\n").addAll().commit("legacy");

        g.write(PROPS, "# production\nserver.port=8081\n\nspring.jpa.hibernate.ddl-auto = update\n").addAll();
        assertEquals(List.of(), check(g), "lines inserted above it and spaces around = change nothing");
        assertEquals(SYNC, lint(g));

        g.write(PROPS, "server.port=8081\nspring.jpa.hibernate.ddl-auto=create\n").addAll();
        assertEquals(SYNC, check(g), "a new value is the change's doing");

        g.write(PROPS, "server.port=8081\nspring.jpa.hibernate.ddl-auto=update\nspring.jpa.hibernate.ddl-auto=update\n")
                .addAll();
        assertEquals(SYNC, check(g), "a second one beside the old one is new, and reported once");
    }

    @Test
    void springSettingMovedToAnotherProfileIsReported() {
        var g = GitFixture.init(dir).write("src/main/resources/application-dev.properties",
                "spring.jpa.hibernate.ddl-auto=update\n").addAll().commit("dev only");
        g.git("mv", "src/main/resources/application-dev.properties",
                "src/main/resources/application-staging.properties");
        assertEquals(SYNC, check(g));
    }

    @Test
    void springYamlSettingAlreadyThereIsNotReportedAgainWhenTheFileIsTouched() {
        String yml = "src/main/resources/application.yml";
        var g = GitFixture.init(dir).write(yml, "spring:\n  jpa:\n    hibernate:\n      ddl-auto: update\n")
                .addAll().commit("legacy");
        g.write(yml, "server:\n  port: 8081\nspring:\n  jpa:\n    hibernate:\n      ddl-auto: update\n").addAll();
        assertEquals(List.of(), check(g));
        g.write(yml, "server:\n  port: 8081\nspring:\n  jpa:\n    hibernate:\n      ddl-auto: update\n---\n"
                + "spring:\n  config:\n    activate:\n      on-profile: prod\n  jpa:\n    hibernate:\n"
                + "      ddl-auto: create\n").addAll();
        assertEquals(SYNC, check(g), "the prod profile's setting is new");
    }

    private static String dataSource(String above, String synchronize) {
        return """
                import { DataSource } from 'typeorm';

                export const AppDataSource = new DataSource({
                  type: 'postgres',
                %s  synchronize: %s,
                  migrations: ['dist/migrations/*.js'],
                });
                """.formatted(above, synchronize);
    }

    @Test
    void typeOrmSettingAlreadyThereIsNotReportedAgainButANewGuardIs() {
        var g = GitFixture.init(dir).write(DATA_SOURCE, dataSource("", "process.env.NODE_ENV !== 'production'"))
                .addAll().commit("legacy");

        g.write(DATA_SOURCE, dataSource("  logging: true,\n  url: process.env.DATABASE_URL,\n",
                "process.env.NODE_ENV   !==   'production'")).addAll();
        assertEquals(List.of(), check(g), "lines above it and spacing inside the guard change nothing");
        assertEquals(SYNC, lint(g));

        g.write(DATA_SOURCE, dataSource("", "process.env.NODE_ENV !== 'prod'")).addAll();
        assertEquals(SYNC, check(g), "an altered guard is the change's doing");

        g.write(DATA_SOURCE, dataSource("", "true")).addAll();
        assertEquals(SYNC, check(g));

        g.write(DATA_SOURCE, dataSource("", "process.env.NODE_ENV === 'development'")).addAll();
        assertEquals(List.of(), check(g), "guarded to development: not reported at all");
    }

    @Test
    void aRenamedDataSourceKeepsItsOldSettings() {
        var g = GitFixture.init(dir).write(DATA_SOURCE, dataSource("", "true")).addAll().commit("legacy");
        g.delete(DATA_SOURCE).write("src/db/data-source.ts", dataSource("", "true")).addAll();
        assertEquals(List.of(), check(g));
    }
}
