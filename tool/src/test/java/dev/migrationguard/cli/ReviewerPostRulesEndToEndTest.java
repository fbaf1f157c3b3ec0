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
 * The rules of the post (a rename written as drop and add, one change per migration, a way back that undoes the way
 * forward) through the real CLI on real repositories: TypeORM before a commit, Flyway in the CI gate, Liquibase.
 */
class ReviewerPostRulesEndToEndTest {
    private static final String ENTITY = "src/account/account.entity.ts";
    private static final String MIGRATIONS = "src/migrations/";
    private static final String FLYWAY = "src/main/resources/db/migration/";

    @TempDir
    Path dir;

    private static String account(String field) {
        return """
                import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

                @Entity()
                export class Account {
                  @PrimaryGeneratedColumn()
                  id: number;

                  @Column()
                  %s: string;
                }
                """.formatted(field);
    }

    private static String migration(String timestamp, String name, String up, String down) {
        return """
                import { MigrationInterface, QueryRunner } from 'typeorm';

                export class %s%s implements MigrationInterface {
                  public async up(queryRunner: QueryRunner): Promise<void> {
                %s  }

                  public async down(queryRunner: QueryRunner): Promise<void> {
                %s  }
                }
                """.formatted(name, timestamp, up, down);
    }

    private static String query(String sql) {
        return "    await queryRunner.query(`" + sql + "`);\n";
    }

    private GitFixture typeOrmBaseline() {
        return GitFixture.init(dir)
                .write(ENTITY, account("name"))
                .write(MIGRATIONS + "1700000000001-CreateAccount.ts", migration("1700000000001", "CreateAccount",
                        query("CREATE TABLE \"account\" (\"id\" SERIAL NOT NULL, \"name\" character varying NOT NULL, "
                                + "CONSTRAINT \"PK_account\" PRIMARY KEY (\"id\"))"),
                        query("DROP TABLE \"account\"")))
                .write("src/data-source.ts", """
                        import { DataSource } from 'typeorm';

                        export const AppDataSource = new DataSource({ type: 'postgres', migrations: ['dist/migrations/*.js'] });
                        """)
                .addAll().commit("init");
    }

    @Test
    void aGeneratedDropAndAddForARenamedFieldIsRefusedBeforeTheCommitThenTheRenameIsAccepted() {
        var g = typeOrmBaseline();
        g.write(ENTITY, account("fullName"))
                .write(MIGRATIONS + "1700000000002-RenameAccountName.ts", migration("1700000000002",
                        "RenameAccountName",
                        query("ALTER TABLE \"account\" DROP COLUMN \"name\"")
                                + query("ALTER TABLE \"account\" ADD \"fullName\" character varying NOT NULL"),
                        query("ALTER TABLE \"account\" DROP COLUMN \"fullName\"")
                                + query("ALTER TABLE \"account\" ADD \"name\" character varying NOT NULL")))
                .addAll();
        Cli refused = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, refused.code(), refused::toString);
        // the added NOT NULL column fails on rows: that rule says so beside this one; the drop's loss is this one's
        assertEquals(List.of("rename-as-drop-add", "not-null-without-default"), refused.rules());
        JsonNode f = refused.json().get("findings").get(0);
        assertEquals("error", f.get("severity").asText());
        assertTrue(f.get("message").asText().contains("drops column \"account\".\"name\" and adds \"fullName\""),
                f::toString);
        assertTrue(f.toString().contains("queryRunner.renameColumn(\\\"account\\\", \\\"name\\\", \\\"fullName\\\")"),
                f::toString);

        g.write(MIGRATIONS + "1700000000002-RenameAccountName.ts", migration("1700000000002", "RenameAccountName",
                "    await queryRunner.renameColumn('account', 'name', 'fullName');\n",
                "    await queryRunner.renameColumn('account', 'fullName', 'name');\n")).addAll();
        Cli accepted = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, accepted.code(), accepted::toString);
        assertEquals(List.of(), accepted.rules());
    }

    @Test
    void aDownThatLeavesAnIndexBehindOrDropsItAfterItsColumnIsReportedBeforeTheCommit() {
        var g = typeOrmBaseline();
        g.write(MIGRATIONS + "1700000000002-AccountNickname.ts", migration("1700000000002", "AccountNickname",
                        query("ALTER TABLE \"account\" ADD \"nickname\" character varying")
                                + query("CREATE INDEX \"IDX_account_name\" ON \"account\" (\"name\")")
                                + query("CREATE INDEX \"IDX_account_nickname\" ON \"account\" (\"nickname\")"),
                        query("ALTER TABLE \"account\" DROP COLUMN \"nickname\"")
                                + query("DROP INDEX \"IDX_account_nickname\"")))
                .addAll();
        Cli r = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, r.code(), r::toString);
        // the two indexes on an existing table also block writes while they are built
        assertEquals(List.of("blocking-index-creation", "blocking-index-creation", "down-not-inverse",
                "down-not-inverse"), r.rules());
        List<String> messages = messages(r);
        assertTrue(messages.stream().anyMatch(m -> m.contains("its down() does not undo what it does")
                && m.contains("left over: index \"IDX_account_name\" on \"account\"")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("drops column \"account\".\"nickname\" before "
                + "\"IDX_account_nickname\"")), messages::toString);
    }

    @Test
    void theCiGateWarnsOfADropAndAddOfACompatibleTypeAndOfUnrelatedTablesInOneFlywayMigration() {
        var g = GitFixture.init(dir)
                .write(FLYWAY + "V1__Create_people.sql", """
                        CREATE TABLE person (id BIGINT PRIMARY KEY, nickname VARCHAR(50));
                        CREATE TABLE invoice (id BIGINT PRIMARY KEY, total NUMERIC(10, 2) NOT NULL);
                        """)
                .addAll().commit("init");
        g.git("branch", "-M", "main");
        g.git("checkout", "-q", "-b", "feature");
        g.write(FLYWAY + "V2__Person_display_name.sql", """
                        ALTER TABLE person DROP COLUMN nickname;
                        ALTER TABLE person ADD COLUMN display_name VARCHAR(100);
                        """)
                .write(FLYWAY + "V3__Invoice_due_date_and_person_index.sql", """
                        ALTER TABLE invoice ADD COLUMN due_date DATE;
                        CREATE INDEX idx_person_display_name ON person (display_name);
                        """)
                .addAll().commit("feature");
        Cli r = Cli.run(g.root(), "check", "--base", "main", "--format", "json");
        assertEquals(0, r.code(), r::toString);
        // the drop's loss is said by the rename finding alone (no lock rule speaks: nothing names the database)
        assertEquals(List.of("rename-as-drop-add", "multiple-changes-per-migration"), r.rules());
        JsonNode findings = r.json().get("findings");
        assertEquals("warning", findings.get(0).get("severity").asText());
        assertTrue(findings.get(0).get("hint").asText().contains("ALTER TABLE person RENAME COLUMN nickname TO "
                + "display_name;"), findings::toString);
        assertTrue(findings.get(1).get("message").asText().contains("2 unrelated groups of tables (\"invoice\"; "
                + "\"person\")"), findings::toString);

        Cli failing = Cli.run(g.root(), "check", "--base", "main", "--format", "json", "--fail-on", "warning");
        assertEquals(1, failing.code(), failing::toString);
    }

    @Test
    void aLiquibaseRollbackThatLeavesAColumnIsReported() {
        String head = """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="create-venue" author="alice">
                        <createTable tableName="venue">
                            <column name="id" type="bigint"><constraints primaryKey="true"/></column>
                        </createTable>
                    </changeSet>
                """;
        String path = "src/main/resources/db/changelog/db.changelog-master.xml";
        var g = GitFixture.init(dir).write(path, head + "</databaseChangeLog>\n").addAll().commit("init");
        g.write(path, head + """
                    <changeSet id="add-venue-address" author="bob">
                        <addColumn tableName="venue">
                            <column name="street" type="varchar(80)"/>
                            <column name="city" type="varchar(80)"/>
                        </addColumn>
                        <rollback>
                            <dropColumn tableName="venue" columnName="street"/>
                        </rollback>
                    </changeSet>
                </databaseChangeLog>
                """).addAll();
        Cli r = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(List.of("down-not-inverse"), r.rules(), r::toString);
        String message = messages(r).get(0);
        assertTrue(message.contains("changeSet add-venue-address (bob)") && message.contains("its rollback")
                && message.contains("left over: column \"venue\".\"city\" added"), message);
    }

    private static List<String> messages(Cli r) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : r.json().get("findings")) out.add(f.get("message").asText());
        return out;
    }
}
