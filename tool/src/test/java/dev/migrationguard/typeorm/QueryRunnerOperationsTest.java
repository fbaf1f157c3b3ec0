package dev.migrationguard.typeorm;

import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ops.Constraint;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.SqlType;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** up() and down() of TypeORM migrations read into operations: SQL through query(), the QueryRunner API, opaque rest. */
class QueryRunnerOperationsTest {
    static final String PATH = "src/migrations/1700000000000-Change.ts";

    static Migration read(String body) {
        return readFile(PATH, """
                import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex, TableForeignKey,
                  TableUnique, TableCheck, View } from 'typeorm';

                const TABLE = 'team';

                export class Change1700000000000 implements MigrationInterface {
                %s
                }
                """.formatted(body));
    }

    static Migration readFile(String path, String content) {
        var snapshot = MemorySnapshot.of(path, content);
        var result = new TypeOrmMigrationReader(new TsSources()).read(snapshot, path);
        assertEquals(List.of(), result.problems());
        assertEquals(1, result.items().size(), result::toString);
        return result.items().get(0);
    }

    static List<Operation> up(Migration m) {
        return m.operations().stream().filter(o -> o.origin().side() == Side.UP).toList();
    }

    @Test
    void querySqlIsReadWithItsPlaceInTheTypeScriptFile() {
        Migration m = read("""
                  async up(queryRunner: QueryRunner): Promise<void> {
                    await queryRunner.query(`ALTER TABLE "team" ADD "seed" integer NOT NULL DEFAULT 0`);
                    await queryRunner.query(`CREATE INDEX "IDX_seed" ON "team" ("seed")`);
                  }

                  async down(queryRunner: QueryRunner): Promise<void> {
                    await queryRunner.query(`DROP INDEX "IDX_seed"`);
                    await queryRunner.query(`ALTER TABLE "team" DROP COLUMN "seed"`);
                  }
                """);
        List<Operation> ops = m.operations();
        assertEquals(4, ops.size(), ops::toString);
        var add = assertInstanceOf(Operation.AddColumn.class, ops.get(0));
        assertEquals("seed", add.column().name());
        assertEquals(SqlType.of("integer"), add.column().type());
        assertEquals(Side.UP, add.origin().side());
        // Line 8 of the file, the first character of the SQL after the backtick.
        assertEquals(8, add.origin().location().line());
        assertEquals(30, add.origin().location().column());
        assertInstanceOf(Operation.CreateIndex.class, ops.get(1));
        assertInstanceOf(Operation.DropIndex.class, ops.get(2));
        assertEquals(Side.DOWN, ops.get(2).origin().side());
        assertInstanceOf(Operation.DropColumn.class, ops.get(3));
    }

    @Test
    void constantsInTemplatesAreSubstitutedAndUnknownPartsAreOpaque() {
        Migration m = read("""
                  async up(queryRunner: QueryRunner): Promise<void> {
                    await queryRunner.query(`ALTER TABLE "${TABLE}" ADD "seed" integer`);
                    const column = process.env.COLUMN;
                    await queryRunner.query(`ALTER TABLE "team" ADD "${column}" integer`);
                    await queryRunner.query('ALTER TABLE "team" ' + 'DROP COLUMN "old"');
                  }
                """);
        List<Operation> ops = up(m);
        assertEquals(3, ops.size(), ops::toString);
        var add = assertInstanceOf(Operation.AddColumn.class, ops.get(0));
        assertEquals("team", add.table().name());
        var dynamic = assertInstanceOf(Operation.Opaque.class, ops.get(1));
        assertEquals(List.of("team"), dynamic.mentions().stream().map(q -> q.name()).toList());
        assertInstanceOf(Operation.DropColumn.class, ops.get(2));
    }

    @Test
    void createTableWithColumnsKeysIndicesAndForeignKeys() {
        Migration m = read("""
                  async up(queryRunner: QueryRunner): Promise<void> {
                    await queryRunner.createTable(new Table({
                      name: 'member',
                      columns: [
                        { name: 'id', type: 'int', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
                        new TableColumn({ name: 'email', type: 'varchar', length: '320', isUnique: true }),
                        { name: 'teamId', type: 'int', isNullable: true },
                        { name: 'createdAt', type: 'timestamp', default: 'now()' },
                      ],
                      indices: [{ name: 'IDX_member_email', columnNames: ['email'] }],
                      foreignKeys: [{ columnNames: ['teamId'], referencedTableName: TABLE, referencedColumnNames: ['id'],
                        onDelete: 'CASCADE' }],
                      checks: [new TableCheck({ name: 'CHK_email', expression: `"email" <> ''` })],
                    }), true);
                  }
                """);
        List<Operation> ops = up(m);
        assertEquals(2, ops.size(), ops::toString);
        var create = assertInstanceOf(Operation.CreateTable.class, ops.get(0));
        assertEquals("member", create.table().name());
        assertTrue(create.ifNotExists());
        assertEquals(List.of("id", "email", "teamId", "createdAt"),
                create.columns().stream().map(c -> c.name()).toList());
        var id = create.columns().get(0);
        assertTrue(id.primaryKey() && id.notNull());
        assertEquals(SqlType.of("integer"), id.type());
        var email = create.columns().get(1);
        assertEquals(SqlType.parse(dev.migrationguard.model.schema.Dialect.POSTGRES, "character varying(320)"),
                email.type());
        assertTrue(email.unique() && email.notNull(), "TableColumn is NOT NULL unless isNullable");
        assertFalse(create.columns().get(2).notNull());
        assertEquals("now()", create.columns().get(3).defaultValue());
        assertTrue(create.constraints().stream().anyMatch(c -> c instanceof Constraint.ForeignKey fk
                && fk.references().table().name().equals("team") && "CASCADE".equals(fk.references().onDelete())));
        assertTrue(create.constraints().stream().anyMatch(c -> c instanceof Constraint.Check k
                && k.expression().equals("\"email\" <> ''")));
        var index = assertInstanceOf(Operation.CreateIndex.class, ops.get(1));
        assertEquals("IDX_member_email", index.name());
    }

    @Test
    void theSchemaApiCallsBecomeTheirOperations() {
        Migration m = read("""
                  async up(queryRunner: QueryRunner): Promise<void> {
                    await queryRunner.addColumn('team', new TableColumn({ name: 'city', type: 'varchar', isNullable: true }));
                    await queryRunner.addColumns(TABLE, [{ name: 'a', type: 'int', default: 0 }, { name: 'b', type: 'text' }]);
                    await queryRunner.renameColumn('team', 'city', 'town');
                    await queryRunner.changeColumn('team', 'b', new TableColumn({ name: 'b', type: 'varchar', length: '20' }));
                    await queryRunner.dropColumn('team', 'a');
                    await queryRunner.createIndex('team', new TableIndex({ name: 'IDX_town', columnNames: ['town'],
                      isUnique: true, isConcurrent: true, where: '"town" IS NOT NULL' }));
                    await queryRunner.dropIndex('team', 'IDX_old');
                    await queryRunner.createForeignKey('team', new TableForeignKey({ name: 'FK_x', columnNames: ['cityId'],
                      referencedTableName: 'city', referencedColumnNames: ['id'] }));
                    const table = await queryRunner.getTable('team');
                    await queryRunner.dropForeignKey(table!, 'FK_old');
                    await queryRunner.createUniqueConstraint('team', new TableUnique({ name: 'UQ_b', columnNames: ['b'] }));
                    await queryRunner.dropUniqueConstraint('team', 'UQ_old');
                    await queryRunner.createCheckConstraint('team', new TableCheck({ expression: '"b" <> \\'\\'' }));
                    await queryRunner.dropCheckConstraint('team', 'CHK_old');
                    await queryRunner.dropPrimaryKey('team');
                    await queryRunner.createPrimaryKey('team', ['id', 'town']);
                    await queryRunner.renameTable('team', 'squad');
                    await queryRunner.createView(new View({ name: 'squad_view', expression: 'SELECT 1' }));
                    await queryRunner.dropView('old_view');
                    await queryRunner.clearTable('squad');
                    await queryRunner.createSchema('audit', true);
                    await queryRunner.manager.insert('squad', { town: 'x' });
                    await queryRunner.dropTable('legacy', true);
                  }
                """);
        List<String> kinds = up(m).stream().map(o -> o.getClass().getSimpleName()).toList();
        assertEquals(List.of("AddColumn", "AddColumn", "AddColumn", "RenameColumn", "RedefineColumn", "DropColumn",
                "CreateIndex", "DropIndex", "AddConstraint", "DropConstraint", "AddConstraint", "DropConstraint",
                "AddConstraint", "DropConstraint", "DropConstraint", "AddConstraint", "RenameTable", "CreateView",
                "DropView", "DataChange", "Opaque", "DataChange", "DropTable"), kinds);
        var index = (Operation.CreateIndex) up(m).get(6);
        assertTrue(index.unique() && index.concurrently());
        assertEquals("\"town\" IS NOT NULL", index.where());
        var dropFk = (Operation.DropConstraint) up(m).get(9);
        assertEquals("team", dropFk.table().name());
        assertEquals(Operation.ConstraintKind.FOREIGN_KEY, dropFk.kind());
        var redefine = (Operation.RedefineColumn) up(m).get(4);
        assertEquals("b", redefine.column());
        assertEquals(SqlType.parse(dev.migrationguard.model.schema.Dialect.POSTGRES, "varchar(20)"),
                redefine.definition().type());
        var insert = (Operation.DataChange) up(m).get(21);
        assertEquals(Operation.DataKind.INSERT, insert.kind());
        assertEquals(List.of("town"), insert.columns());
    }

    @Test
    void loopsConditionsAndHelpersAreOpaqueAndNameTheTablesTheyMention() {
        Migration m = read("""
                  async up(queryRunner: QueryRunner): Promise<void> {
                    for (const t of ['a', 'b']) {
                      await queryRunner.query(`ALTER TABLE "${t}" ADD "x" int`);
                    }
                    if (await queryRunner.hasColumn('team', 'legacy')) {
                      await queryRunner.dropColumn('team', 'legacy');
                    }
                    await backfill(queryRunner);
                    await queryRunner.getTable('team');
                    console.log('done');
                  }
                """);
        List<Operation> ops = up(m);
        assertEquals(3, ops.size(), ops::toString);
        ops.forEach(o -> assertInstanceOf(Operation.Opaque.class, o));
        var condition = (Operation.Opaque) ops.get(1);
        assertEquals(List.of("team"), condition.mentions().stream().map(q -> q.name()).toList());
        assertEquals("backfill(...)", ((Operation.Opaque) ops.get(2)).summary());
    }

    @Test
    void typeOrmsSqliteRebuildAcrossQueryCallsIsOneRebuild() {
        Migration m = read("""
                  async up(queryRunner: QueryRunner): Promise<void> {
                    await queryRunner.query(`CREATE TABLE "temporary_team" ("id" integer PRIMARY KEY NOT NULL, "name" varchar NOT NULL, "city" varchar)`);
                    await queryRunner.query(`INSERT INTO "temporary_team"("id", "name") SELECT "id", "name" FROM "team"`);
                    await queryRunner.query(`DROP TABLE "team"`);
                    await queryRunner.query(`ALTER TABLE "temporary_team" RENAME TO "team"`);
                  }
                """);
        List<Operation> ops = up(m);
        assertEquals(1, ops.size(), ops::toString);
        var rebuild = assertInstanceOf(Operation.RebuildTable.class, ops.get(0));
        assertEquals("team", rebuild.table().name());
    }

    @Test
    void dataWrittenThroughAnEntityClassIsOpaqueAndThroughATableNameIsADataChange() {
        Migration m = read("""
                  async up(queryRunner: QueryRunner): Promise<void> {
                    await queryRunner.manager.save(User, { name: 'admin' });
                    await queryRunner.manager.update('user', { id: 1 }, { name: 'root' });
                    await queryRunner.manager.delete(TABLE, { id: 2 });
                  }
                """);
        List<Operation> ops = up(m);
        assertEquals(3, ops.size(), ops::toString);
        assertEquals("save(<entity>)", assertInstanceOf(Operation.Opaque.class, ops.get(0)).summary());
        var update = assertInstanceOf(Operation.DataChange.class, ops.get(1));
        assertEquals(Operation.DataKind.UPDATE, update.kind());
        assertEquals(List.of("name"), update.columns());
        assertTrue(update.hasWhere());
        var delete = assertInstanceOf(Operation.DataChange.class, ops.get(2));
        assertEquals("team", delete.table().name());
    }
}
