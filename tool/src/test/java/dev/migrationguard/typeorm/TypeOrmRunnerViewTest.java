package dev.migrationguard.typeorm;

import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.NotRun;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.stack.MigrationReader;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which files TypeORM runs, from the data sources' migrations option: notRun and the migration sets. */
class TypeOrmRunnerViewTest {
    static String migration(String className) {
        return """
                import { MigrationInterface, QueryRunner } from 'typeorm';
                export class %s implements MigrationInterface {
                  async up(q: QueryRunner) { await q.query(`CREATE TABLE "t%s" ("id" int)`); }
                  async down(q: QueryRunner) { await q.query(`DROP TABLE "t%s"`); }
                }
                """.formatted(className, className.length(), className.length());
    }

    static String dataSource(String type, String migrations) {
        return """
                import { DataSource } from 'typeorm';
                import { join } from 'path';
                export default new DataSource({
                  type: '%s',
                  entities: [__dirname + '/**/*.entity{.ts,.js}'],
                  migrations: %s,
                });
                """.formatted(type, migrations);
    }

    private final MigrationReader reader = new TypeOrmMigrationReader(new TsSources());

    static MemorySnapshot files(String... pathsAndContents) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("package.json", "{}");
        for (int i = 0; i < pathsAndContents.length; i += 2) files.put(pathsAndContents[i], pathsAndContents[i + 1]);
        return MemorySnapshot.of(files);
    }

    @Test
    void aMigrationOutsideTheGlobsDoesNotRunAndTheReasonNamesThem() {
        var snapshot = files(
                "src/data-source.ts", dataSource("postgres", "['src/migrations/*.ts']"),
                "src/migrations/1700000000000-Init.ts", migration("Init1700000000000"),
                "src/migration/1700000000001-AddCity.ts", migration("AddCity1700000000001"));
        assertEquals(Optional.empty(), reader.notRun(snapshot, "src/migrations/1700000000000-Init.ts"));
        NotRun n = reader.notRun(snapshot, "src/migration/1700000000001-AddCity.ts").orElseThrow();
        assertEquals("outside the `migrations` globs of src/data-source.ts: 'src/migrations/*.ts'", n.reason());
        assertTrue(n.fix().startsWith("Move it into src/migrations/"), n.fix());
        assertEquals("typeorm", n.stack());
        // At the class TypeORM would have run.
        assertEquals(2, n.location().line());
        assertEquals("src/migration/1700000000001-AddCity.ts", n.path());
    }

    @Test
    void distGlobsRunTheSourcesThatBuildThem() {
        var snapshot = files(
                "tsconfig.json", "{ \"compilerOptions\": { \"outDir\": \"./build\", \"rootDir\": \"./app\" } // c\n}",
                "app/data-source.ts", dataSource("postgres", "['build/db/migrations/*.js']"),
                "app/db/migrations/1700000000000-Init.ts", migration("Init1700000000000"),
                "app/migrations/1700000000001-Lost.ts", migration("Lost1700000000001"));
        assertEquals(Optional.empty(), reader.notRun(snapshot, "app/db/migrations/1700000000000-Init.ts"));
        assertTrue(reader.notRun(snapshot, "app/migrations/1700000000001-Lost.ts").isPresent());
    }

    @Test
    void dirnameJoinAndConcatenationAreResolvedFromTheDeclaringFile() {
        for (String option : List.of("[join(__dirname, '..', 'migrations', '*{.ts,.js}')]",
                "[__dirname + '/../migrations/*{.ts,.js}']", "[`${__dirname}/../migrations/**/*.ts`]",
                "[path.resolve(__dirname, '../migrations/*.ts')]")) {
            var snapshot = files(
                    "src/config/typeorm.config.ts", dataSource("postgres", option),
                    "src/migrations/1700000000000-Init.ts", migration("Init1700000000000"),
                    "src/config/migrations/1700000000001-Lost.ts", migration("Lost1700000000001"));
            assertEquals(Optional.empty(), reader.notRun(snapshot, "src/migrations/1700000000000-Init.ts"), option);
            assertTrue(reader.notRun(snapshot, "src/config/migrations/1700000000001-Lost.ts").isPresent(), option);
        }
    }

    @Test
    void importedClassesRunAndOthersDoNot() {
        var snapshot = files(
                "src/data-source.ts", """
                        import { DataSource } from 'typeorm';
                        import { Init1700000000000 } from './migrations/1700000000000-Init';
                        export const source = new DataSource({ type: 'sqlite', migrations: [Init1700000000000] });
                        """,
                "src/migrations/1700000000000-Init.ts", migration("Init1700000000000"),
                "src/migrations/1700000000001-Forgotten.ts", migration("Forgotten1700000000001"));
        assertEquals(Optional.empty(), reader.notRun(snapshot, "src/migrations/1700000000000-Init.ts"));
        assertTrue(reader.notRun(snapshot, "src/migrations/1700000000001-Forgotten.ts").orElseThrow().reason()
                .contains("1 imported classes"));
    }

    @Test
    void unknownIsSilent() {
        var noDataSource = files("src/migration/1700000000001-AddCity.ts", migration("AddCity1700000000001"));
        assertEquals(Optional.empty(), reader.notRun(noDataSource, "src/migration/1700000000001-AddCity.ts"));
        var fromEnvironment = files(
                "src/data-source.ts", dataSource("postgres", "[process.env.MIGRATIONS]"),
                "src/migration/1700000000001-AddCity.ts", migration("AddCity1700000000001"));
        assertEquals(Optional.empty(), reader.notRun(fromEnvironment, "src/migration/1700000000001-AddCity.ts"));
    }

    @Test
    void testDataSourcesDefineNothing() {
        var snapshot = files(
                "test/data-source.ts", dataSource("sqlite", "['test/migrations/*.ts']"),
                "src/app.e2e-spec.ts", dataSource("sqlite", "['nowhere/*.ts']"),
                "src/migrations/1700000000000-Init.ts", migration("Init1700000000000"),
                "test/migrations/1700000000009-Fixture.ts", migration("Fixture1700000000009"),
                "lib/migration/runner.ts", "export const run = () => 1;",
                "lib/package.json", "{}");
        assertEquals(Optional.empty(), reader.notRun(snapshot, "src/migrations/1700000000000-Init.ts"));
        List<MigrationSet> sets = reader.sets(snapshot);
        assertEquals(1, sets.size(), sets::toString);
        assertTrue(sets.get(0).name().contains("no data source"), sets::toString);
        assertEquals(List.of("Init1700000000000"), sets.get(0).migrations().stream().map(Migration::id).toList());
    }

    @Test
    void aClassWithAFreeNameInAWrongFolderDoesNotRun() {
        var snapshot = files(
                "src/data-source.ts", dataSource("postgres", "['src/migrations/*.ts']"),
                "src/db/init-schema.ts", migration("InitSchema1700000000000"),
                "src/db/helpers.ts", "export const x = 1;");
        assertTrue(reader.notRun(snapshot, "src/db/init-schema.ts").isPresent());
        assertEquals(Optional.empty(), reader.notRun(snapshot, "src/db/helpers.ts"));
    }

    @Test
    void oneSetPerDatabaseEachWithItsDialectInTimestampOrder() {
        var snapshot = files(
                "src/postgres.data-source.ts", dataSource("postgres", "['src/migration/postgres/*.ts']"),
                "src/sqlite.data-source.ts", dataSource("better-sqlite3", "['src/migration/sqlite/*.ts']"),
                "src/migration/postgres/postgres-1700000000002-b.ts", migration("B1700000000002"),
                "src/migration/postgres/postgres-1700000000001-a.ts", migration("A1700000000001"),
                "src/migration/sqlite/sqlite-1700000000001-a.ts", migration("A1700000000001"));
        List<MigrationSet> sets = reader.sets(snapshot);
        assertEquals(2, sets.size(), sets::toString);
        MigrationSet postgres = sets.stream().filter(s -> s.dialect() == Dialect.POSTGRES).findFirst().orElseThrow();
        assertEquals(List.of("A1700000000001", "B1700000000002"), postgres.migrations().stream().map(Migration::id)
                .toList());
        assertEquals("src/postgres.data-source.ts", postgres.name());
        assertTrue(postgres.migrations().stream().allMatch(m -> !m.operations().isEmpty()));
        MigrationSet sqlite = sets.stream().filter(s -> s.dialect() == Dialect.SQLITE).findFirst().orElseThrow();
        assertEquals(1, sqlite.migrations().size());
    }

    @Test
    void devAndProdConfigsOverSrcAndDistAreOneSet() {
        var snapshot = files(
                "src/data-source.ts", dataSource("postgres", "['src/migrations/*.ts']"),
                "src/data-source.prod.ts", dataSource("postgres", "['dist/migrations/*.js']"),
                "src/migrations/1700000000000-Init.ts", migration("Init1700000000000"));
        List<MigrationSet> sets = reader.sets(snapshot);
        assertEquals(1, sets.size(), sets::toString);
        assertEquals(1, sets.get(0).migrations().size());
    }

    @Test
    void eachPackageOfAMonorepoIsAProject() {
        var snapshot = files(
                "apps/api/package.json", "{}",
                "apps/api/src/data-source.ts", dataSource("postgres", "['src/migrations/*.ts']"),
                "apps/api/src/migrations/1700000000000-Init.ts", migration("Init1700000000000"),
                "apps/worker/package.json", "{}",
                "apps/worker/src/data-source.ts", dataSource("mysql", "['src/db/*.ts']"),
                "apps/worker/src/db/1700000000000-Init.ts", migration("Init1700000000000"),
                "apps/worker/src/migrations/1700000000001-Lost.ts", migration("Lost1700000000001"));
        List<MigrationSet> sets = reader.sets(snapshot);
        assertEquals(List.of("apps/api", "apps/worker"), sets.stream().map(MigrationSet::project).sorted().toList());
        assertEquals(Optional.empty(), reader.notRun(snapshot, "apps/api/src/migrations/1700000000000-Init.ts"));
        assertTrue(reader.notRun(snapshot, "apps/worker/src/migrations/1700000000001-Lost.ts").isPresent());
    }

    @Test
    void ormconfigJsonGlobsAreRelativeToTheProject() {
        var snapshot = files(
                "ormconfig.json", "{ \"type\": \"mysql\", \"migrations\": [\"dist/migration/*.js\"] }",
                "src/migration/1700000000000-Init.ts", migration("Init1700000000000"),
                "src/migrations/1700000000001-Lost.ts", migration("Lost1700000000001"));
        assertEquals(Optional.empty(), reader.notRun(snapshot, "src/migration/1700000000000-Init.ts"));
        assertTrue(reader.notRun(snapshot, "src/migrations/1700000000001-Lost.ts").isPresent());
        assertEquals(Dialect.MYSQL, reader.sets(snapshot).get(0).dialect());
    }

    @Test
    void aServerBuiltByItsOwnTsconfigMapsItsDistGlobsBack() {
        var snapshot = files(
                "tsconfig.json", "{ \"compilerOptions\": { \"noEmit\": true } }",
                "server/tsconfig.json", "{ \"extends\": \"../tsconfig.json\", \"compilerOptions\": { \"outDir\": \"../dist\" } }",
                "server/datasource.ts", """
                        import { DataSource } from 'typeorm';
                        const devConfig = { type: 'sqlite', migrations: ['server/migration/**/*.ts'] };
                        const prodConfig = { type: 'sqlite', migrations: ['dist/migration/**/*.js'] };
                        export default new DataSource(process.env.NODE_ENV !== 'production' ? devConfig : prodConfig);
                        """,
                "server/migration/1700000000000-Init.ts", migration("Init1700000000000"));
        List<MigrationSet> sets = reader.sets(snapshot);
        assertEquals(1, sets.size(), sets::toString);
        assertEquals(1, sets.get(0).migrations().size());
    }

    @Test
    void aTypeReadAtRunTimeThatNamesTheGlobsGivesOneSetPerDatabase() {
        var snapshot = files(
                "src/app.module.ts", """
                        import { TypeOrmModule } from '@nestjs/typeorm';
                        export const db = TypeOrmModule.forRootAsync({ useFactory: (config: DatabaseConfig) => ({
                          type: config.type,
                          migrations: [`**/migrations/${config.type}-*.${isTsNode() ? 'ts' : 'js'}`],
                        }) });
                        """,
                "src/migrations/postgres-1726271794336-init.ts", migration("Init1726271794336"),
                "src/migrations/sqlite-1726271503150-init.ts", migration("Init1726271503150"),
                "src/migrations/sqlite-1726271503151-more.ts", migration("More1726271503151"),
                "src/migrations/init-1726271503152.ts", migration("Lost1726271503152"));
        List<MigrationSet> sets = reader.sets(snapshot);
        assertEquals(List.of(Dialect.POSTGRES, Dialect.SQLITE), sets.stream().map(MigrationSet::dialect).toList());
        assertEquals(List.of(1, 2), sets.stream().map(s -> s.migrations().size()).toList());
        assertTrue(reader.notRun(snapshot, "src/migrations/init-1726271503152.ts").isPresent());
        assertEquals(Optional.empty(), reader.notRun(snapshot, "src/migrations/sqlite-1726271503150-init.ts"));
    }
}
