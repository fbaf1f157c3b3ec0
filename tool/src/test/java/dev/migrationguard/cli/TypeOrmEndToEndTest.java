package dev.migrationguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real CLI on real repositories of a NestJS + TypeORM project: staged, range, lint, partial staging. */
class TypeOrmEndToEndTest {
    static final String ENTITY = "src/contest/contest.entity.ts";
    static final String MIGRATIONS = "src/migrations/";

    @TempDir
    Path dir;

    static String contest(String extraColumns) {
        return """
                import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

                @Entity()
                export class Contest {
                  @PrimaryGeneratedColumn()
                  id: number;

                  @Column({ length: 100 })
                  title: string;
                %s}
                """.formatted(extraColumns);
    }

    static String migration(String timestamp, String name, String up, String down) {
        return """
                import { MigrationInterface, QueryRunner } from 'typeorm';

                export class %s%s implements MigrationInterface {
                  public async up(queryRunner: QueryRunner): Promise<void> {
                    await queryRunner.query(`%s`);
                  }

                  public async down(queryRunner: QueryRunner): Promise<void> {
                    await queryRunner.query(`%s`);
                  }
                }
                """.formatted(name, timestamp, up, down);
    }

    static GitFixture baseline(Path dir) {
        return GitFixture.init(dir)
                .write(ENTITY, contest(""))
                .write(MIGRATIONS + "1700000000000-CreateContest.ts", migration("1700000000000", "CreateContest",
                        "CREATE TABLE \"contest\" (\"id\" SERIAL PRIMARY KEY, \"title\" varchar(100) NOT NULL)",
                        "DROP TABLE \"contest\""))
                .write("src/database/data-source.ts", """
                        import { DataSource } from 'typeorm';

                        export const AppDataSource = new DataSource({
                          type: 'postgres',
                          synchronize: process.env.NODE_ENV === 'development',
                          migrations: ['dist/migrations/*.js'],
                        });
                        """);
    }

    @Test
    void firstCommitOfATypeOrmProjectPasses() {
        var g = baseline(dir).addAll();
        Cli r = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, r.code(), r::toString);
        assertEquals(List.of(), r.rules());
    }

    @Test
    void columnAddedWithoutMigrationIsRefusedWithTheGenerateCommandThenAccepted() {
        var g = baseline(dir).addAll().commit("init");
        g.write(ENTITY, contest("\n  @Column({ default: 1 })\n  divisions: number;\n")).add(ENTITY);
        Cli refused = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, refused.code(), refused::toString);
        JsonNode f = refused.json().get("findings").get(0);
        assertEquals("entity-change-without-migration", f.get("rule").asText());
        assertEquals(ENTITY, f.get("path").asText());
        assertEquals(11, f.get("line").asInt());
        assertEquals("npm run migration:generate -- src/migrations/AddContestDivisions", f.get("hint").asText());

        g.write(MIGRATIONS + "1700000000001-AddContestDivisions.ts", migration("1700000000001", "AddContestDivisions",
                "ALTER TABLE \"contest\" ADD \"divisions\" integer NOT NULL DEFAULT 1",
                "ALTER TABLE \"contest\" DROP COLUMN \"divisions\"")).addAll();
        Cli accepted = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, accepted.code(), accepted::toString);
    }

    @Test
    void onlyTheStagedVersionCounts() {
        var g = baseline(dir).addAll().commit("init");
        g.write(ENTITY, contest("\n  @Column()\n  divisions: number;\n")).add(ENTITY);
        // The migration exists in the work tree but is not staged: the commit would not carry it.
        g.write(MIGRATIONS + "1700000000001-AddContestDivisions.ts", migration("1700000000001", "AddContestDivisions",
                "ALTER TABLE \"contest\" ADD \"divisions\" integer", "ALTER TABLE \"contest\" DROP COLUMN \"divisions\""));
        Cli r = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, r.code(), r::toString);
        assertEquals(List.of("entity-change-without-migration"), r.rules());
    }

    @Test
    void rangeModeFlagsAnEditedDeployedMigrationAndARenamedOne() {
        var g = baseline(dir).addAll().commit("init");
        g.git("branch", "-M", "main");
        g.git("checkout", "-q", "-b", "feature");
        g.write(MIGRATIONS + "1700000000000-CreateContest.ts", migration("1700000000000", "CreateContest",
                "CREATE TABLE \"contest\" (\"id\" SERIAL PRIMARY KEY, \"title\" varchar(200) NOT NULL)",
                "DROP TABLE \"contest\"")).addAll().commit("edit");
        Cli r = Cli.run(g.root(), "check", "--base", "main", "--format", "json");
        assertEquals(1, r.code(), r::toString);
        assertEquals(List.of("deployed-migration-edited"), r.rules());
    }

    @Test
    void lintReportsSynchronizeAndMissingDown() {
        var g = baseline(dir)
                .write("src/database/database.module.ts", """
                        import { Module } from '@nestjs/common';
                        import { TypeOrmModule } from '@nestjs/typeorm';

                        @Module({ imports: [TypeOrmModule.forRoot({ type: 'postgres', synchronize: true })] })
                        export class DatabaseModule {}
                        """)
                .write(MIGRATIONS + "1700000000002-SeedRanks.ts", """
                        import { MigrationInterface, QueryRunner } from 'typeorm';

                        export class SeedRanks1700000000002 implements MigrationInterface {
                          async up(queryRunner: QueryRunner) {
                            await queryRunner.query('INSERT INTO "rank" ("name") VALUES (\\'gold\\')');
                          }
                        }
                        """)
                .addAll().commit("init");
        Cli r = Cli.run(g.root(), "lint", "--format", "json");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.rules().contains("synchronize-in-production"), r::toString);
        assertTrue(r.rules().contains("missing-down-migration"), r::toString);
        assertEquals(2, r.rules().size(), r::toString);
    }

    @Test
    void aSyntaxErrorIsAFindingWithItsPlaceAndTheRunGoesOn() {
        var g = baseline(dir).addAll().commit("init");
        g.write(ENTITY, contest("\n  @Column()\n  divisions: number = ;\n")).add(ENTITY);
        Cli r = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, r.code(), r::toString);
        JsonNode f = r.json().get("findings").get(0);
        assertEquals("parse-error", f.get("rule").asText());
        assertEquals(12, f.get("line").asInt());
        assertTrue(f.get("column").asInt() > 1, f::toString);
    }
}
