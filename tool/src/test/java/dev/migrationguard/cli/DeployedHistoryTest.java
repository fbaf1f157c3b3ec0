package dev.migrationguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first lint of a project with history: what is deployed can no longer be renamed or given a down() without
 * editing it, so those findings only inform; new migrations are judged as before; a first migration may be Initial.
 */
class DeployedHistoryTest {
    static final String MIGRATIONS = CliEndToEndTest.MIGRATIONS;

    @TempDir
    Path dir;

    /** {@code file rule severity} of every finding, in report order. */
    private static List<String> verdicts(Cli r) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : r.json().get("findings")) {
            out.add(f.get("path").asText().replaceAll(".*/", "") + " " + f.get("rule").asText() + " "
                    + f.get("severity").asText());
        }
        return out;
    }

    private GitFixture flywayHistory() {
        return GitFixture.init(dir)
                .write(CliEndToEndTest.ENTITY, CliEndToEndTest.contest(""))
                .write(MIGRATIONS + "V1__Initial_schema.sql",
                        "CREATE TABLE contest (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL);\n")
                .write(MIGRATIONS + "V2__Update_schema.sql", "ALTER TABLE contest ADD COLUMN note TEXT;\n")
                .addAll().commit("history");
    }

    @Test
    void aDeployedVagueNameInformsANewOneStillFails() {
        var g = flywayHistory();
        Cli history = Cli.run(g.root(), "lint", "--format", "json");
        assertEquals(0, history.code(), history::toString);
        assertEquals(List.of("V2__Update_schema.sql vague-migration-name info"), verdicts(history));
        JsonNode finding = history.json().get("findings").get(0);
        assertTrue(finding.get("message").asText().endsWith("it is deployed (main), so its name stays as it is."),
                history::toString);

        g.write(MIGRATIONS + "V3__fix.sql", "UPDATE contest SET title = trim(title) WHERE title <> trim(title);\n");
        Cli added = Cli.run(g.root(), "lint", "--format", "json");
        assertEquals(1, added.code(), added::toString);
        assertEquals(List.of("V2__Update_schema.sql vague-migration-name info",
                "V3__fix.sql vague-migration-name error"), verdicts(added));

        g.write(".migration-guard.yml", "rules:\n  vague-migration-name: warning\n");
        Cli configured = Cli.run(g.root(), "lint", "--format", "json");
        assertEquals(List.of("V2__Update_schema.sql vague-migration-name info",
                "V3__fix.sql vague-migration-name warning"), verdicts(configured),
                "the configured severity applies to new migrations and never raises a deployed one");
    }

    @Test
    void onlyTheFirstMigrationMayBeNamedForTheStart() {
        var g = flywayHistory();
        g.write(MIGRATIONS + "V3__Init.sql", "CREATE TABLE team (id BIGINT PRIMARY KEY);\n").addAll();
        Cli check = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(List.of("V3__Init.sql vague-migration-name error"), verdicts(check), check::toString);

        var fresh = GitFixture.init(dir.resolve("fresh"))
                .write(MIGRATIONS + "V1__Initial.sql", "CREATE TABLE contest (id BIGINT PRIMARY KEY);\n")
                .write(MIGRATIONS + "V1_1__InitialSchema.sql", "CREATE TABLE team (id BIGINT PRIMARY KEY);\n")
                .addAll();
        Cli first = Cli.run(fresh.root(), "check", "--staged", "--format", "json");
        assertEquals(List.of("V1_1__InitialSchema.sql vague-migration-name error"), verdicts(first), first::toString);
    }

    @Test
    void aDeployedTypeOrmMigrationWithoutDownInformsANewOneStillFails() {
        String noDown = """
                import { MigrationInterface, QueryRunner } from 'typeorm';

                export class AddContestNote%s implements MigrationInterface {
                  public async up(queryRunner: QueryRunner): Promise<void> {
                    await queryRunner.query(`ALTER TABLE "contest" ADD "note%s" text`);
                  }

                  public async down(queryRunner: QueryRunner): Promise<void> {}
                }
                """;
        var g = TypeOrmEndToEndTest.baseline(dir)
                .write("src/migrations/1700000000001-AddContestNote.ts", noDown.formatted("1700000000001", "1"))
                .addAll().commit("history");
        g.write("src/migrations/1700000000002-AddContestNote.ts", noDown.formatted("1700000000002", "2"));
        Cli r = Cli.run(g.root(), "lint", "--format", "json");
        assertEquals(List.of("1700000000001-AddContestNote.ts missing-down-migration info",
                "1700000000002-AddContestNote.ts missing-down-migration error"), verdicts(r), r::toString);
        assertTrue(r.json().get("findings").get(0).get("message").asText().contains("it is deployed (main)"),
                r::toString);
    }

    @Test
    void anEditedDeployedMigrationIsReportedAtItsFirstChangedLine() {
        String sql = """
                CREATE TABLE contest (
                    id BIGINT PRIMARY KEY,
                    title VARCHAR(100) NOT NULL
                );

                CREATE INDEX contest_title ON contest (title);
                """;
        String changelog = """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="create-team" author="alice">
                        <createTable tableName="team">
                            <column name="id" type="bigint"/>
                        </createTable>
                    </changeSet>
                    <changeSet id="create-player" author="alice">
                        <createTable tableName="player">
                            <column name="id" type="bigint"/>
                            <column name="name" type="varchar(50)"/>
                        </createTable>
                    </changeSet>
                </databaseChangeLog>
                """;
        String changes = "src/main/resources/db/changelog/changes.xml";
        var g = GitFixture.init(dir).write(MIGRATIONS + "V1__Create_contest.sql", sql).write(changes, changelog)
                .addAll().commit("deployed");
        g.write(MIGRATIONS + "V1__Create_contest.sql", sql.replace("(100)", "(200)"))
                .write(changes, changelog.replace("varchar(50)", "varchar(80)")).addAll();
        Cli r = Cli.run(g.root(), "check", "--staged", "--format", "json");
        List<String> places = new ArrayList<>();
        for (JsonNode f : r.json().get("findings")) {
            places.add(f.get("rule").asText() + " " + f.get("path").asText().replaceAll(".*/", "") + ":"
                    + f.path("line").asInt());
        }
        assertEquals(List.of("deployed-migration-edited changes.xml:10",
                "deployed-migration-edited V1__Create_contest.sql:3"), places, r::toString);
    }
}
