package dev.migrationguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules that stand on what runners do with a migration, through the real CLI on temporary git repositories:
 * concurrently-in-transaction, duplicate-migration-version, migration-out-of-order.
 */
class RunnerRulesEndToEndTest {
    private static final String FLYWAY = "src/main/resources/db/migration/";
    private static final String ORDERS = "CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(20));\n";

    @TempDir
    Path dir;

    private static JsonNode only(Cli r, String rule) {
        assertEquals(List.of(rule), r.rules(), r::toString);
        return r.json().get("findings").get(0);
    }

    @Test
    void aPullRequestOvertakenByMainIsOutOfOrderAtTheGateAndItsMixedConcurrentIndexFails() {
        var g = GitFixture.init(dir).write(FLYWAY + "V1__Create_orders.sql", ORDERS).addAll().commit("init");
        g.git("checkout", "-q", "-b", "feature");
        g.write(FLYWAY + "V2__Index_orders_status.sql", "SET lock_timeout = '5s';\n"
                + "CREATE INDEX CONCURRENTLY idx_orders_status ON orders (status);\n").addAll().commit("index");
        Cli mixed = Cli.run(g.root(), "check", "--base", "main", "--format", "json");
        assertEquals(1, mixed.code(), mixed::toString);
        JsonNode f = only(mixed, "concurrently-in-transaction");
        assertEquals(2, f.get("line").asInt());
        assertTrue(f.get("message").asText().contains("idx_orders_status"), f::toString);
        assertTrue(f.get("hint").asText().contains("V2__Index_orders_status.sql.conf"), f::toString);

        g.write(FLYWAY + "V2__Index_orders_status.sql.conf", "executeInTransaction=false\n").addAll().commit("conf");
        Cli alone = Cli.run(g.root(), "check", "--base", "main", "--format", "json");
        assertEquals(0, alone.code(), alone::toString);

        // main moves past the branch: the same pull request now sorts before what main deploys
        g.git("checkout", "-q", "main");
        g.write(FLYWAY + "V3__Add_orders_note.sql", "ALTER TABLE orders ADD COLUMN note VARCHAR(200);\n").addAll()
                .commit("note");
        g.git("checkout", "-q", "feature");
        Cli overtaken = Cli.run(g.root(), "check", "--base", "main", "--format", "json");
        assertEquals(1, overtaken.code(), overtaken::toString);
        JsonNode late = only(overtaken, "migration-out-of-order");
        assertEquals(FLYWAY + "V2__Index_orders_status.sql", late.get("path").asText());
        assertTrue(late.get("message").asText().contains("version 3"), late::toString);

        g.write("src/main/resources/application.properties", "spring.flyway.out-of-order=true\n").addAll()
                .commit("allow out of order");
        Cli allowed = Cli.run(g.root(), "check", "--base", "main", "--format", "json");
        assertEquals(0, allowed.code(), allowed::toString);
    }

    @Test
    void aFlywayVersionTakenOnMainIsADuplicateAtTheGateNotAtCommit() {
        var g = GitFixture.init(dir).write(FLYWAY + "V1__Create_orders.sql", ORDERS)
                .write(FLYWAY + "V2__Add_orders_note.sql", "ALTER TABLE orders ADD COLUMN note VARCHAR(200);\n")
                .write(FLYWAY + "mysql/V2__Add_orders_note.sql", "ALTER TABLE orders ADD COLUMN note TEXT;\n")
                .addAll().commit("init");
        g.git("checkout", "-q", "-b", "feature");
        g.write(FLYWAY + "V2__Add_orders_paid.sql", "ALTER TABLE orders ADD COLUMN paid BOOLEAN;\n").addAll();
        Cli staged = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(List.of(), staged.rules(), "the pre-commit path identifies no other migration: " + staged);
        g.commit("paid");
        Cli r = Cli.run(g.root(), "check", "--base", "main", "--format", "json");
        assertEquals(1, r.code(), r::toString);
        JsonNode f = only(r, "duplicate-migration-version");
        assertEquals(FLYWAY + "V2__Add_orders_paid.sql", f.get("path").asText());
        assertTrue(f.get("message").asText().contains(FLYWAY + "V2__Add_orders_note.sql"), f::toString);
    }

    private static final String DATA_SOURCE = """
            import { DataSource } from 'typeorm';

            export default new DataSource({
              type: 'postgres',
              migrations: ['src/migrations/*.ts'],%s
            });
            """;

    private static String indexMigration(String property) {
        return """
                import { MigrationInterface, QueryRunner } from 'typeorm';

                export class IndexUsersEmail1700000000002 implements MigrationInterface {%s
                  public async up(queryRunner: QueryRunner): Promise<void> {
                    await queryRunner.query(`CREATE INDEX CONCURRENTLY "IDX_users_email" ON "users" ("email")`);
                  }

                  public async down(queryRunner: QueryRunner): Promise<void> {
                    await queryRunner.query(`DROP INDEX CONCURRENTLY "IDX_users_email"`);
                  }
                }
                """.formatted(property);
    }

    @Test
    void typeOrmConcurrentIndexNeedsTransactionFalseAndModeEach() {
        var g = GitFixture.init(dir).write("package.json", "{\"name\": \"shop\"}\n")
                .write("src/data-source.ts", DATA_SOURCE.formatted("")).addAll().commit("init");
        String path = "src/migrations/1700000000002-IndexUsersEmail.ts";
        g.write(path, indexMigration("")).addAll();
        Cli wrapped = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, wrapped.code(), wrapped::toString);
        JsonNode f = only(wrapped, "concurrently-in-transaction");
        assertEquals(5, f.get("line").asInt());
        assertTrue(f.get("hint").asText().contains("transaction = false"), f::toString);

        g.write(path, indexMigration("\n  transaction = false;\n")).addAll();
        Cli optedOut = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, optedOut.code(), "the mode is unsaid, so the deploying command may pass -t each: "
                + optedOut);

        g.write("src/data-source.ts", DATA_SOURCE.formatted("\n  migrationsTransactionMode: 'all',")).addAll();
        Cli refused = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertTrue(only(refused, "concurrently-in-transaction").get("message").asText()
                .contains("ForbiddenTransactionModeOverrideError"), refused::toString);

        g.write("src/data-source.ts", DATA_SOURCE.formatted("\n  migrationsTransactionMode: 'each',")).addAll();
        Cli each = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, each.code(), each::toString);
    }

    @Test
    void typeOrmTimestampsOfABranchMadeEarlierWarnAndLintReportsEveryDuplicate() {
        String older = """
                import { MigrationInterface, QueryRunner } from 'typeorm';

                export class %s implements MigrationInterface {
                  public async up(queryRunner: QueryRunner): Promise<void> {
                    await queryRunner.query(`ALTER TABLE "orders" ADD "%s" integer`);
                  }

                  public async down(queryRunner: QueryRunner): Promise<void> {
                    await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "%s"`);
                  }
                }
                """;
        var g = GitFixture.init(dir).write("package.json", "{\"name\": \"shop\"}\n")
                .write("src/data-source.ts", DATA_SOURCE.formatted(""))
                .write("src/migrations/1700000000005-AddOrdersNote.ts",
                        older.formatted("AddOrdersNote1700000000005", "note", "note"))
                .addAll().commit("init");
        g.git("checkout", "-q", "-b", "feature");
        g.write("src/migrations/1700000000003-AddOrdersPaid.ts",
                older.formatted("AddOrdersPaid1700000000003", "paid", "paid")).addAll().commit("paid");
        Cli r = Cli.run(g.root(), "check", "--base", "main", "--format", "json");
        assertEquals(0, r.code(), "a TypeORM migration out of order is a warning: " + r);
        JsonNode f = only(r, "migration-out-of-order");
        assertEquals("warning", f.get("severity").asText());
        assertTrue(f.get("message").asText().contains("AddOrdersNote1700000000005"), f::toString);

        g.write("src/migrations/1700000000007-AddOrdersTotal.ts",
                        older.formatted("AddOrdersTotal1700000000007", "total", "total"))
                .write("src/migrations/1700000000007-AddOrdersTax.ts",
                        older.formatted("AddOrdersTax1700000000007", "tax", "tax"));
        Cli lint = Cli.run(g.root(), "lint", "--format", "json");
        assertEquals(1, lint.code(), lint::toString);
        // the branch's own migration is not on main either, so lint judges its order too
        assertEquals(List.of("migration-out-of-order", "duplicate-migration-version", "duplicate-migration-version"),
                lint.rules(), lint::toString);
    }

    @Test
    void aLiquibaseChangeSetCopiedWithItsIdIsADuplicate() {
        String changeSet = """
                  <changeSet id="%s" author="bob">
                    <addColumn tableName="orders"><column name="%s" type="VARCHAR(20)"/></addColumn>
                  </changeSet>
                """;
        String head = "<?xml version=\"1.0\"?>\n<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n";
        String path = "src/main/resources/db/changelog/db.changelog-master.xml";
        var g = GitFixture.init(dir).write(path, head + changeSet.formatted("add-status", "status")
                + "</databaseChangeLog>\n").addAll().commit("init");
        g.git("checkout", "-q", "-b", "feature");
        g.write(path, head + changeSet.formatted("add-status", "status") + changeSet.formatted("Add-Status", "paid")
                + "</databaseChangeLog>\n").addAll().commit("paid");
        Cli r = Cli.run(g.root(), "check", "--base", "main", "--format", "json");
        assertEquals(1, r.code(), r::toString);
        JsonNode f = only(r, "duplicate-migration-version");
        assertEquals(6, f.get("line").asInt());
        assertTrue(f.get("hint").asText().contains("id of its own"), f::toString);
    }
}
