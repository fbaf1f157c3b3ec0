package dev.migrationguard.cli;

import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real CLI on real repositories: a deployed TypeORM migration is judged on what TypeORM runs (its identity and the
 * statements of up/down), not on its text; data sources in tests are not production ones.
 */
class TypeOrmRunnerEndToEndTest {
    static final String PATH = "src/migrations/1700000000001-AddTeamCity.ts";
    static final String GENERATED = """
            import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

            export class AddTeamCity1700000000001 implements MigrationInterface {
                name = 'AddTeamCity1700000000001'

                public async up(queryRunner: QueryRunner): Promise<void> {
                    await queryRunner.addColumn("team", new TableColumn({ name: "city", type: "varchar", isNullable: true }));
                    await queryRunner.query(`CREATE INDEX "IDX_city" ON "team" ("city") `);
                }

                public async down(queryRunner: QueryRunner): Promise<void> {
                    await queryRunner.query(`DROP INDEX "public"."IDX_city"`);
                    await queryRunner.dropColumn("team", "city");
                }

            }
            """;

    @TempDir
    Path dir;

    GitFixture deployed() {
        var g = GitFixture.init(dir)
                .write("package.json", "{ \"name\": \"app\" }")
                .write("src/data-source.ts", """
                        import { DataSource } from 'typeorm';
                        export const AppDataSource = new DataSource({
                          type: 'postgres',
                          synchronize: false,
                          migrations: [__dirname + '/migrations/*{.ts,.js}'],
                        });
                        """)
                .write(PATH, GENERATED)
                .addAll().commit("deployed");
        g.git("branch", "-M", "main");
        g.git("checkout", "-q", "-b", "feature");
        return g;
    }

    @Test
    void aReformattedDeployedMigrationIsNoEdit() {
        var g = deployed();
        g.write(PATH, """
                import { TableColumn, MigrationInterface, QueryRunner } from 'typeorm';

                // Reformatted by prettier; the statements are the same.
                export class AddTeamCity1700000000001 implements MigrationInterface {
                  name = "AddTeamCity1700000000001";

                  public async up(queryRunner: QueryRunner): Promise<void> {
                    await queryRunner.addColumn(
                      'team',
                      new TableColumn({ name: 'city', type: 'varchar', isNullable: true }),
                    );
                    await queryRunner.query(`CREATE INDEX "IDX_city" ON "team" ("city") `);
                  }

                  public async down(queryRunner: QueryRunner): Promise<void> {
                    await queryRunner.query(`DROP INDEX "public"."IDX_city"`);
                    await queryRunner.dropColumn('team', 'city');
                  }
                }
                """).addAll().commit("prettier");
        Cli r = Cli.run(g.root(), "check", "--base", "main", "--format", "json");
        assertEquals(0, r.code(), r::toString);
        assertEquals(List.of(), r.rules());
    }

    @Test
    void aChangedStatementIsAnEditAtItsLine() {
        var g = deployed();
        g.write(PATH, GENERATED.replace("type: \"varchar\", isNullable: true", "type: \"text\", isNullable: true"))
                .addAll().commit("edit");
        Cli r = Cli.run(g.root(), "check", "--base", "main", "--format", "json");
        assertEquals(1, r.code(), r::toString);
        assertEquals(List.of("deployed-migration-edited"), r.rules());
        assertEquals(PATH, r.json().get("findings").get(0).get("path").asText());
    }

    @Test
    void aFileRenamedOrMovedKeepingItsClassNameIsNoEdit() {
        var g = deployed();
        g.git("mv", PATH, "src/migrations/1700000000001-add-team-city.ts");
        g.commit("rename");
        Cli renamed = Cli.run(g.root(), "check", "--base", "main", "--format", "json");
        assertEquals(0, renamed.code(), renamed::toString);
        assertEquals(List.of(), renamed.rules());
    }

    @Test
    void renamingTheClassMakesANewMigrationToTypeOrmSoItIsAnEdit() {
        var g = deployed();
        g.write(PATH, GENERATED.replace("AddTeamCity1700000000001", "AddCity1700000000001")).addAll().commit("rename");
        Cli r = Cli.run(g.root(), "check", "--base", "main", "--format", "json");
        assertEquals(1, r.code(), r::toString);
        // TypeORM runs the renamed class again: its CREATE INDEX on the deployed table "team" is judged as new
        assertEquals(List.of("deployed-migration-edited", "blocking-index-creation"), r.rules());
    }

    @Test
    void aTestDataSourceWithSynchronizeIsNotProduction() {
        var g = GitFixture.init(dir)
                .write("package.json", "{ \"name\": \"app\" }")
                .write("test/utils/test-data-source.ts", """
                        import { DataSource } from 'typeorm';
                        export const TestDataSource = new DataSource({ type: 'sqlite', database: ':memory:',
                          synchronize: true, dropSchema: true, entities: ['src/**/*.entity.ts'] });
                        """)
                .write("src/app.e2e-spec.ts", """
                        import { TypeOrmModule } from '@nestjs/typeorm';
                        export const testing = TypeOrmModule.forRoot({ type: 'sqlite', synchronize: true });
                        """)
                .addAll().commit("tests");
        Cli clean = Cli.run(g.root(), "lint", "--format", "json");
        assertEquals(0, clean.code(), clean::toString);
        assertEquals(List.of(), clean.rules());

        g.write("src/data-source.ts", """
                import { DataSource } from 'typeorm';
                export const AppDataSource = new DataSource({ type: 'postgres', synchronize: true });
                """).addAll().commit("production");
        Cli production = Cli.run(g.root(), "lint", "--format", "json");
        assertEquals(1, production.code(), production::toString);
        assertEquals(List.of("synchronize-in-production"), production.rules());
    }

    @Test
    void theLockRecordsTypeOrmMigrationsByNameAndHoldsThemToWhatTheyRun() {
        var g = deployed();
        assertEquals(0, Cli.run(g.root(), "lock").code());
        String lock = g.read("migrations.lock");
        assertTrue(lock.contains("\"id\": \"AddTeamCity1700000000001\", \"stack\": \"typeorm\""), lock);
        g.addAll().commit("lock");
        g.write(PATH, GENERATED.replace("    public async", "    // reviewed\n    public async")).addAll()
                .commit("comment");
        Cli comment = Cli.run(g.root(), "lint", "--format", "json");
        assertEquals(0, comment.code(), comment::toString);
        g.write(PATH, GENERATED.replace("\"city\", type", "\"town\", type")).addAll().commit("edit");
        Cli edit = Cli.run(g.root(), "lint", "--format", "json");
        assertEquals(1, edit.code(), edit::toString);
        assertEquals(List.of("deployed-migration-edited"), edit.rules());
    }

    @Test
    void aLockEntryKeyedByTheFileAsOlderVersionsWroteItExitsTwoWithTheFix() {
        var g = deployed();
        g.write("migrations.lock", """
                {
                  "format": 1,
                  "migrations": [
                    { "id": "src/migrations/1700000000001-AddTeamCity.ts", "stack": "typeorm", "sha256": "%s" }
                  ]
                }
                """.formatted("0".repeat(64))).addAll().commit("old lock");
        Cli r = Cli.run(g.root(), "lint");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.toString().contains("run `migration-guard lock` on the deployed commit"), r::toString);
    }

    @Test
    void eachMigrationSetOfAProjectWithOneSetPerDatabaseStartsWithItsOwnInit() {
        var g = GitFixture.init(dir)
                .write("package.json", "{ \"name\": \"app\" }")
                .write("src/app.module.ts", """
                        import { TypeOrmModule } from '@nestjs/typeorm';
                        export const db = TypeOrmModule.forRootAsync({ useFactory: (config: DatabaseConfig) => ({
                          type: config.type,
                          migrations: [`**/migrations/${config.type}-*.${isTsNode() ? 'ts' : 'js'}`],
                        }) });
                        """)
                .write("src/migrations/postgres-1726271794336-init.ts", init("Init1726271794336"))
                .write("src/migrations/sqlite-1726271503150-init.ts", init("Init1726271503150"))
                .write("src/migrations/sqlite-1726271503151-init.ts", init("Init1726271503151"))
                .addAll().commit("init");
        Cli r = Cli.run(g.root(), "lint", "--format", "json");
        // postgres' Init is its set's first, though sqlite's is older; sqlite's second Init is a vague name
        assertEquals(List.of("vague-migration-name"), r.rules(), r::toString);
        assertEquals("src/migrations/sqlite-1726271503151-init.ts",
                r.json().get("findings").get(0).get("path").asText(), r::toString);
    }

    private static String init(String className) {
        return """
                import { MigrationInterface, QueryRunner } from 'typeorm';
                export class %s implements MigrationInterface {
                  async up(q: QueryRunner) { await q.query(`CREATE TABLE "t%s" ("id" int)`); }
                  async down(q: QueryRunner) { await q.query(`DROP TABLE "t%s"`); }
                }
                """.formatted(className, className, className);
    }
}
