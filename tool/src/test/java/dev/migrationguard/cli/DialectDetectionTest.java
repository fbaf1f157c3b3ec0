package dev.migrationguard.cli;

import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database the entities are read for, found by the supported stacks in the settings of the side being checked,
 * through the real command line: --debug says which and why.
 */
class DialectDetectionTest {
    private static final String ENTITY = "src/main/java/com/example/Owner.java";
    private static final String PROPERTIES = "src/main/resources/application.properties";

    @TempDir
    Path dir;

    private static String owner(String extra) {
        return """
                package com.example;

                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;

                @Entity
                public class Owner {
                    @Id Long id;
                %s}
                """.formatted(extra);
    }

    private static List<String> debugLines(Cli cli) {
        return cli.err().lines().filter(l -> l.startsWith("migration-guard: debug: dialect "))
                .map(l -> l.substring("migration-guard: debug: ".length())).toList();
    }

    private GitFixture spring() {
        return GitFixture.init(dir).write(ENTITY, owner(""))
                .write(PROPERTIES, "spring.datasource.url=jdbc:postgresql://db/app\n")
                .write("src/main/resources/db/migration/V1__Create_owner.sql", "CREATE TABLE owner (id BIGINT);\n")
                .addAll().commit("init");
    }

    @Test
    void springsDatasourceUrlOfTheCheckedCommitNamesTheDatabase() {
        var g = spring();
        g.write(ENTITY, owner("    String email;\n")).write(PROPERTIES, "spring.datasource.url=jdbc:mysql://db/app\n")
                .addAll();
        Cli cli = Cli.run(g.root(), "check", "--staged", "--format", "json", "--debug");
        assertEquals(List.of("entity-change-without-migration"), cli.rules(), cli::toString);
        assertEquals(List.of("dialect mysql: from spring.datasource.url in " + PROPERTIES + ":1"), debugLines(cli),
                "the staged settings count, not HEAD's: " + cli);
    }

    @Test
    void productionsDatabaseWinsOverTheTestsOnes() {
        var g = spring();
        g.write("src/test/resources/application.properties", "spring.datasource.url=jdbc:h2:mem:test\n")
                .write("src/main/resources/application-prod.yml", "spring:\n  jpa:\n    database-platform: "
                        + "org.hibernate.dialect.MariaDB106Dialect\n")
                .write(ENTITY, owner("    String email;\n")).addAll();
        Cli cli = Cli.run(g.root(), "check", "--staged", "--format", "json", "--debug");
        assertEquals(List.of("dialect mariadb: from spring.jpa.database-platform in "
                + "src/main/resources/application-prod.yml:3 (profile prod), a production profile; also named: "
                + "postgres (spring.datasource.url in " + PROPERTIES + ":1), h2 (spring.datasource.url in "
                + "src/test/resources/application.properties:1) (write dialect: in .migration-guard.yml to choose)"),
                debugLines(cli), cli::toString);
    }

    @Test
    void aTypeOrmDataSourcesTypeNamesTheDatabase() {
        var g = TypeOrmEndToEndTest.baseline(dir).addAll().commit("init");
        g.write("src/database/data-source.ts", """
                import { DataSource } from 'typeorm';

                export const AppDataSource = new DataSource({
                  type: 'mariadb',
                  migrations: ['dist/migrations/*.js'],
                });
                """).write(TypeOrmEndToEndTest.ENTITY, TypeOrmEndToEndTest.contest("\n  @Column()\n  rank: number;\n"))
                .addAll();
        Cli cli = Cli.run(g.root(), "check", "--staged", "--format", "json", "--debug");
        assertEquals(List.of("entity-change-without-migration"), cli.rules(), cli::toString);
        assertEquals(List.of("dialect mariadb: from type in src/database/data-source.ts:4"), debugLines(cli),
                cli::toString);
    }

    @Test
    void aChangeWithoutEntitiesLooksForNoDatabase() {
        var g = spring();
        g.write("src/main/java/com/example/OwnerService.java", "package com.example;\n\nclass OwnerService {}\n")
                .addAll();
        Cli cli = Cli.run(g.root(), "check", "--staged", "--format", "json", "--debug");
        assertEquals(0, cli.code(), cli::toString);
        assertEquals(List.of(), debugLines(cli), "no setting is read for a class that maps nothing: " + cli);
    }

    @Test
    void withoutDebugNothingIsSaid() {
        var g = spring();
        g.write(ENTITY, owner("    String email;\n")).addAll();
        Cli cli = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertTrue(cli.err().isEmpty(), cli::toString);
    }
}
