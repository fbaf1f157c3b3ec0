package dev.migrationguard.typeorm;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.RunnerFacts;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What TypeORM does with a migration besides running it: the class's transaction, the data source's mode and type. */
class TypeOrmRunnerFactsTest {
    private static final String MIGRATION = "src/migrations/1700000000000-IndexUsers.ts";
    private final TypeOrmMigrationReader reader = new TypeOrmMigrationReader(new TsSources());

    private static String migration(String property) {
        return """
                import { MigrationInterface, QueryRunner } from 'typeorm';
                export class IndexUsers1700000000000 implements MigrationInterface {
                  %s
                  async up(q: QueryRunner) { await q.query(`CREATE INDEX CONCURRENTLY "IDX_u" ON "users" ("email")`); }
                  async down(q: QueryRunner) { await q.query(`DROP INDEX CONCURRENTLY "IDX_u"`); }
                }
                """.formatted(property);
    }

    private static String dataSource(String extra) {
        return """
                import { DataSource } from 'typeorm';
                export default new DataSource({
                  type: 'postgres',
                  migrations: ['src/migrations/*.ts'],
                  %s
                });
                """.formatted(extra);
    }

    private RunnerFacts facts(String packageJson, String dataSourceExtra, String property) {
        var side = MemorySnapshot.of(Map.of("package.json", packageJson,
                "src/data-source.ts", dataSource(dataSourceExtra), MIGRATION, migration(property)));
        List<Migration> read = reader.read(side, MIGRATION).items();
        assertEquals(1, read.size());
        return read.get(0).runner();
    }

    @Test
    void theClassPropertyAndTheDataSourceModeAndType() {
        RunnerFacts f = facts("{}", "migrationsTransactionMode: 'each',", "transaction = false;");
        assertEquals(Boolean.FALSE, f.transaction());
        assertEquals(Location.at(MIGRATION, 3, 3), f.transactionLocation());
        assertEquals("each", f.transactionMode());
        assertEquals(Dialect.POSTGRES, f.dialect());
    }

    @Test
    void unsaidStaysNull() {
        RunnerFacts f = facts("{}", "", "name = 'IndexUsers1700000000000';");
        assertNull(f.transaction());
        assertNull(f.transactionLocation());
        assertNull(f.transactionMode());
    }

    @Test
    void aStaticTransactionPropertyIsNotTheMigrationsChoice() {
        // TypeORM reads migration.instance.transaction; dxrzc/rate-wise wrote a static one and dropped CONCURRENTLY
        assertNull(facts("{}", "", "public static readonly transaction = false;").transaction());
    }

    @Test
    void theCliFlagOfThePackageScriptWinsOverTheDataSource() {
        String scripts = """
                {"scripts": {
                  "typeorm": "typeorm-ts-node-commonjs",
                  "migration:run": "npm run typeorm -- migration:run -d src/data-source.ts --transaction each",
                  "migration:run:prod": "typeorm migration:run -d dist/data-source.js -t=each"
                }}""";
        assertEquals("each", facts(scripts, "migrationsTransactionMode: 'all',", "").transactionMode());
        String disagreeing = """
                {"scripts": {
                  "migration:run": "typeorm migration:run -d src/data-source.ts -t each",
                  "migration:run:ci": "typeorm migration:run -d src/data-source.ts -t all"
                }}""";
        assertNull(facts(disagreeing, "", "").transactionMode(), "two scripts, two modes: which one deploys is unknown");
        String none = "{\"scripts\": {\"m\": \"typeorm migration:run -d src/data-source.ts -t false\"}}";
        assertEquals("none", facts(none, "", "").transactionMode());
    }
}
