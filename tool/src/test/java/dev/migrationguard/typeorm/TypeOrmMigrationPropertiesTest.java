package dev.migrationguard.typeorm;

import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.testing.MemorySnapshot;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading TypeORM migrations and data sources never throws on random edits of real-looking samples; every operation
 * lies inside its file, and identifying a migration gives the id and checksum reading it does.
 */
class TypeOrmMigrationPropertiesTest {
    private static final String MIGRATION = """
            import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex, TableForeignKey } from 'typeorm';
            const T = 'team';
            export class AddCity1700000000000 implements MigrationInterface {
              name = 'AddCity1700000000000';
              transaction = false;
              public async up(queryRunner: QueryRunner): Promise<void> {
                await queryRunner.query(`ALTER TABLE "${T}" ADD "city" varchar(20) NOT NULL DEFAULT ''`);
                await queryRunner.createTable(new Table({ name: 'city', columns: [
                  { name: 'id', type: 'int', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
                  new TableColumn({ name: 'name', type: 'varchar', length: '80', isNullable: true, default: "'x'" }),
                ], indices: [{ columnNames: ['name'] }], foreignKeys: [{ columnNames: ['id'], referencedTableName: T,
                  referencedColumnNames: ['id'] }] }), true);
                await queryRunner.createIndex(T, new TableIndex({ name: 'IDX', columnNames: ['city'], isConcurrent: true }));
                await queryRunner.changeColumn(T, 'city', new TableColumn({ name: 'town', type: 'text' }));
                for (const x of [1, 2]) await queryRunner.dropColumn(T, `c${x}`);
                await queryRunner.manager.insert('city', [{ name: 'Paris' }]);
              }
              public async down(queryRunner: QueryRunner): Promise<void> {
                await Promise.all([queryRunner.dropTable('city'), queryRunner.dropForeignKey(T, 'FK')]);
                await queryRunner.query('ALTER TABLE "team" ' + "DROP COLUMN \\"city\\"");
              }
            }
            """;
    private static final String DATA_SOURCE = """
            import { DataSource } from 'typeorm';
            import { join } from 'path';
            import { AddCity1700000000000 } from './migrations/1700000000000-AddCity';
            export default new DataSource({
              type: process.env.DB === 'lite' ? 'sqlite' : 'postgres',
              migrations: [join(__dirname, 'migrations', '*.{ts,js}'), `${__dirname}/../db/**/*.ts`, AddCity1700000000000],
              migrationsTableName: 'history',
            });
            """;

    @Provide
    Arbitrary<String[]> edited() {
        return Arbitraries.of(MIGRATION, DATA_SOURCE).flatMap(base ->
                Arbitraries.integers().between(0, base.length()).flatMap(at ->
                        Arbitraries.integers().between(0, 30).flatMap(cut ->
                                Arbitraries.strings().withChars("@(){}[];:'\"`$=<>,.!?/\\*+-\n abcQWE123")
                                        .ofMaxLength(6).map(insert -> new String[]{base, base.substring(0, at)
                                                + insert + base.substring(Math.min(base.length(), at + cut))}))));
    }

    @Property(tries = 300)
    void readingNeverThrowsAndOperationsLieInsideTheFile(@ForAll("edited") String[] sample) {
        boolean migrationEdited = sample[0].equals(MIGRATION);
        String migration = migrationEdited ? sample[1] : MIGRATION;
        String dataSource = migrationEdited ? DATA_SOURCE : sample[1];
        String path = "src/migrations/1700000000000-AddCity.ts";
        var snapshot = MemorySnapshot.of("package.json", "{}", "src/data-source.ts", dataSource, path, migration,
                "src/migration/1700000000001-Lost.ts", migration);
        var reader = new TypeOrmMigrationReader(new TsSources());
        List<Migration> read = reader.read(snapshot, path).items();
        List<Migration> identified = new TypeOrmMigrationReader(new TsSources()).identify(snapshot, path).items();
        assertEquals(read.stream().map(m -> m.id() + " " + m.checksum()).toList(),
                identified.stream().map(m -> m.id() + " " + m.checksum()).toList());
        int lines = migration.split("\r\n|\r|\n", -1).length;
        for (Migration m : read) {
            for (Operation op : m.operations()) {
                assertEquals(path, op.origin().location().path());
                assertTrue(op.origin().location().line() >= 1 && op.origin().location().line() <= lines,
                        op::toString);
            }
        }
        reader.notRun(snapshot, "src/migration/1700000000001-Lost.ts");
        reader.notRun(snapshot, path);
        reader.sets(snapshot);
    }
}
