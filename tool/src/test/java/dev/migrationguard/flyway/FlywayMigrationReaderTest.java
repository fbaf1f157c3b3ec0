package dev.migrationguard.flyway;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.Migration.Touch;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.Rollback;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.sql.SqlOperations;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlywayMigrationReaderTest {
    private final FlywayMigrationReader reader = new FlywayMigrationReader();

    @Test
    void acceptsFlywayNamesInAnyFolder() {
        assertTrue(reader.accepts("src/main/resources/db/migration/V1__init.sql"));
        assertTrue(reader.accepts("db/migration/postgres/V2__Add_contest.sql"));
        assertTrue(reader.accepts("src/main/java/db/migration/V3__Backfill_titles.java"));
        assertFalse(reader.accepts("db/migration/README.md"));
        assertFalse(reader.accepts("db/migration/V1_init.sql"));
    }

    @Test
    void readsAVersionedSqlMigration() {
        String path = "src/main/resources/db/migration/V1_1__Add_contest_divisions.sql";
        String sql = "ALTER TABLE contest ADD COLUMN divisions int;\r\n";
        var side = MemorySnapshot.of(path, sql);
        ReadResult<Migration> result = reader.read(side, path);
        assertEquals(List.of(), result.problems());
        Migration m = result.items().get(0);
        assertEquals(path, m.id());
        assertEquals(path, m.path());
        assertEquals(FlywayStack.ID, m.stack());
        assertEquals(Migration.Kind.VERSIONED, m.kind());
        assertEquals("1.1", m.version());
        assertEquals("Add_contest_divisions", m.description());
        assertEquals(Location.file(path), m.descriptionLocation());
        assertTrue(m.touchesTable("contest"));
        assertTrue(m.touches().contains(new Touch("contest", "divisions", "add-column")));
        assertEquals(FlywayChecksum.sql(sql), m.checksum());
        assertEquals(Rollback.Status.MISSING, m.rollback().status());
        assertFalse(m.rollback().projectUsesUndoScripts());
    }

    @Test
    void undoScriptOfTheSameVersionAnywhereIsTheWayBack() {
        var side = MemorySnapshot.of(
                "db/migration/V1__init.sql", "CREATE TABLE a (id int);",
                "db/migration/V1_1__more.sql", "CREATE TABLE b (id int);",
                "db/undo/U1.1__more.sql", "DROP TABLE b;",
                "db/migration/R__views.sql", "CREATE VIEW v AS SELECT 1;");
        Migration v1 = reader.read(side, "db/migration/V1__init.sql").items().get(0);
        assertEquals(Rollback.Status.MISSING, v1.rollback().status());
        assertTrue(v1.rollback().projectUsesUndoScripts());
        Migration v11 = reader.read(side, "db/migration/V1_1__more.sql").items().get(0);
        assertEquals(Rollback.Status.PRESENT, v11.rollback().status());
        assertEquals(Rollback.Status.NOT_APPLICABLE,
                reader.read(side, "db/undo/U1.1__more.sql").items().get(0).rollback().status());
        Migration r = reader.read(side, "db/migration/R__views.sql").items().get(0);
        assertEquals(Rollback.Status.NOT_APPLICABLE, r.rollback().status());
        assertNull(r.version());
        assertEquals(Migration.Kind.REPEATABLE, r.kind());
    }

    @Test
    void identifyGivesTheSameIdentityAndChecksumsWithoutParsing() {
        var side = MemorySnapshot.of("db/V2__Add_x.sql", "ALTER TABLE contest ADD COLUMN x INT;\r\n\n",
                "db/V3__Backfill.java", "class V3__Backfill { void m() { run(\"UPDATE contest SET x = 1\"); } }");
        for (String path : List.of("db/V2__Add_x.sql", "db/V3__Backfill.java")) {
            Migration full = reader.read(side, path).items().get(0);
            Migration light = reader.identify(side, path).items().get(0);
            assertEquals(full.id(), light.id());
            assertEquals(full.kind(), light.kind());
            assertEquals(full.checksum(), light.checksum());
            assertEquals(full.digest(), light.digest());
            assertFalse(full.touches().isEmpty(), path);
            assertTrue(light.touches().isEmpty(), "identify parses no SQL: " + path);
        }
    }

    @Test
    void undoScriptsBelongToTheirOwnModule() {
        var side = MemorySnapshot.of(
                "billing/src/main/resources/db/migration/V1__Create_invoice.sql", "CREATE TABLE invoice (id int);",
                "billing/src/main/resources/db/migration/U1__Create_invoice.sql", "DROP TABLE invoice;",
                "shop/src/main/java/db/migration/V1__Backfill_orders.java", "class V1__Backfill_orders {}",
                "shop/src/main/resources/db/migration/V2__Create_order.sql", "CREATE TABLE o (id int);",
                "shop/src/main/resources/db/migration/U1__Backfill_orders.sql", "SELECT 1;");
        Migration invoice = reader.read(side, "billing/src/main/resources/db/migration/V1__Create_invoice.sql")
                .items().get(0);
        assertEquals(Rollback.Status.PRESENT, invoice.rollback().status());
        Migration java = reader.read(side, "shop/src/main/java/db/migration/V1__Backfill_orders.java").items().get(0);
        assertEquals(Rollback.Status.PRESENT, java.rollback().status(), "a SQL undo script undoes a Java migration");
        Migration order = reader.read(side, "shop/src/main/resources/db/migration/V2__Create_order.sql").items().get(0);
        assertEquals(Rollback.Status.MISSING, order.rollback().status());
        assertTrue(order.rollback().projectUsesUndoScripts());
        var other = MemorySnapshot.of("a/src/main/resources/db/migration/V1__Create_a.sql", "CREATE TABLE a (id int);",
                "b/src/main/resources/db/migration/U1__Create_b.sql", "DROP TABLE b;");
        Migration a = reader.read(other, "a/src/main/resources/db/migration/V1__Create_a.sql").items().get(0);
        assertEquals(Rollback.Status.MISSING, a.rollback().status());
        assertFalse(a.rollback().projectUsesUndoScripts(), "another module's undo scripts say nothing of this one");
    }

    @Test
    void undoIndexIsBuiltOncePerSnapshot() {
        var files = MemorySnapshot.of("V1__a.sql", "SELECT 1;", "V2__b.sql", "SELECT 2;", "U2__b.sql", "SELECT 3;");
        AtomicInteger listings = new AtomicInteger();
        Snapshot counting = new Snapshot() {
            @Override
            public List<String> paths() {
                listings.incrementAndGet();
                return files.paths();
            }

            @Override
            public Optional<byte[]> read(String path) {
                return files.read(path);
            }
        };
        for (int i = 0; i < 50; i++) {
            reader.read(counting, "V1__a.sql");
            reader.read(counting, "V2__b.sql");
        }
        assertEquals(1, listings.get());
    }

    /**
     * Lint reads each migration alone and then in its set: the file is read once, its statements parsed once (the
     * set names no database, so it reads them as the file alone is read), and the set is what a reader that read
     * nothing before gives; a set for a named database reads its operations for that database.
     */
    @Test
    void aSetReadsNothingTheLintReadAlready() {
        var files = MemorySnapshot.of(
                "src/main/resources/db/migration/V1__init.sql",
                "CREATE TABLE a (id int, flag tinyint(1), made datetime, body longtext, price double);",
                "src/main/resources/db/migration/V1_1__more.sql", "ALTER TABLE a ADD COLUMN b varchar(20);",
                "src/main/resources/db/undo/U1.1__more.sql", "ALTER TABLE a DROP COLUMN b;",
                "src/main/resources/db/migration/R__views.sql", "CREATE VIEW v AS SELECT id FROM a;",
                "src/main/java/db/migration/V2__Backfill.java",
                "class V2__Backfill { void m() { run(\"UPDATE a SET flag = true\"); } }");
        Map<String, Integer> reads = new TreeMap<>();
        Snapshot counting = new Snapshot() {
            @Override
            public List<String> paths() {
                return files.paths();
            }

            @Override
            public Optional<byte[]> read(String path) {
                reads.merge(path, 1, Integer::sum);
                return files.read(path);
            }
        };
        for (String path : files.paths()) {
            if (reader.accepts(path)) reader.read(counting, path);
        }
        List<MigrationSet> sets = reader.sets(counting);
        reads.keySet().retainAll(files.paths());
        Map<String, Integer> once = new TreeMap<>();
        for (String path : files.paths()) once.put(path, 1);
        // the undo script is read as a migration of its own, and as V1.1's way back
        once.put("src/main/resources/db/undo/U1.1__more.sql", 2);
        assertEquals(once, reads);
        assertEquals(new FlywayMigrationReader().sets(files), sets);
        assertEquals(4, sets.get(0).migrations().size());

        var mysql = new MemorySnapshot();
        for (String path : files.paths()) {
            mysql.put(path.replace("db/migration/", "db/migration/mysql/"), new String(files.read(path).orElseThrow()));
        }
        var fresh = new FlywayMigrationReader();
        var forMysql = new FlywayMigrationReader();
        for (String path : mysql.paths()) {
            if (forMysql.accepts(path)) forMysql.read(mysql, path);
        }
        List<MigrationSet> mysqlSets = forMysql.sets(mysql);
        assertEquals(Dialect.MYSQL, mysqlSets.get(0).dialect());
        assertEquals(fresh.sets(mysql), mysqlSets);
        String first = "src/main/resources/db/migration/mysql/V1__init.sql";
        String sql = new String(mysql.read(first).orElseThrow());
        var forEachDatabase = SqlOperations.read(sql, Dialect.MYSQL, Location.at(first, 1, 1), Side.UP);
        assertNotEquals(SqlOperations.read(sql, Dialect.DEFAULT, Location.at(first, 1, 1), Side.UP), forEachDatabase);
        assertEquals(forEachDatabase, mysqlSets.get(0).migrations().get(0).operations());
    }

    @Test
    void readsTheSqlOfAJavaMigration() {
        String path = "src/main/java/db/migration/V3__Backfill_titles.java";
        var side = MemorySnapshot.of(path, """
                package db.migration;

                import org.flywaydb.core.api.migration.BaseJavaMigration;
                import org.flywaydb.core.api.migration.Context;

                public class V3__Backfill_titles extends BaseJavaMigration {
                    private static final String TABLE = "contest";

                    @Override
                    public void migrate(Context context) throws Exception {
                        try (var st = context.getConnection().createStatement()) {
                            st.execute("UPDATE " + TABLE + " SET title = 'untitled' WHERE title IS NULL");
                            st.execute(\"""
                                ALTER TABLE team
                                  ADD COLUMN rank int
                                \""");
                            st.execute("DELETE FROM " + tableName() + " WHERE 1 = 0");
                            log("Creating the index now");
                        }
                    }
                }
                """);
        ReadResult<Migration> result = reader.read(side, path);
        assertEquals(List.of(), result.problems());
        Migration m = result.items().get(0);
        assertEquals("3", m.version());
        assertEquals("Backfill_titles", m.description());
        assertEquals(List.of(new Touch("contest", null, "write"), new Touch("team", "rank", "add-column"),
                new Touch("team", null, "alter")), m.touches());
        assertTrue(m.checksum().startsWith("logic:"), m.checksum());
        assertEquals(FlywayChecksum.javaText(side.readText(path).orElseThrow()), m.digest());
    }

    @Test
    void aJavaSyntaxErrorIsAProblemWithItsPlace() {
        String path = "db/migration/V4__Broken.java";
        var side = MemorySnapshot.of(path, "public class V4__Broken {\n  void m( {\n}\n");
        ReadResult<Migration> result = reader.read(side, path);
        assertEquals(1, result.items().size());
        assertEquals(1, result.problems().size());
        Location at = result.problems().get(0).location();
        assertEquals(path, at.path());
        assertTrue(at.line() >= 1 && at.line() <= 3, at.toString());
    }

    /** A NUL byte is no reason to skip a script: the SQL reader judges it, and never throws on what it cannot read. */
    @Test
    void contentWithANulByteIsStillReadAndBinaryContentGivesAMigration() {
        var side = new MemorySnapshot();
        side.put("V9__blob.sql", "CREATE TABLE x (id int); -- \u0000\u0001");
        Migration m = reader.read(side, "V9__blob.sql").items().get(0);
        assertEquals(List.of(new Touch("x", null, "create")), m.touches());
        side.put("V10__png.sql", "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000");
        assertEquals(1, reader.read(side, "V10__png.sql").items().size());
    }

    @Test
    void absentOrForeignFilesGiveNothing() {
        var side = MemorySnapshot.of("README.md", "# hi");
        assertTrue(reader.read(side, "README.md").items().isEmpty());
        assertTrue(reader.read(side, "V1__gone.sql").items().isEmpty());
    }

    /** What out-of-order needs of the deploy ref's migrations, from their paths alone: what identifying them reads. */
    @Test
    void aPathNamesAMigrationAsIdentifyingItsFileDoes() {
        List<String> paths = List.of("src/main/resources/db/migration/V1__init.sql",
                "src/main/resources/db/migration/V1_1__Add_contest.sql", "db/migration/postgres/V2.0.1__x.sql",
                "src/main/resources/db/migration/R__views.sql", "src/main/resources/db/migration/U2__Drop_contest.sql",
                "src/main/resources/db/migration/B3__Baseline.sql", "src/main/java/db/migration/V4__Backfill.java",
                "db/V010__Leading_zeros.sql");
        MemorySnapshot side = MemorySnapshot.of();
        for (String p : paths) {
            side.put(p, p.endsWith(".java") ? "package db.migration;\nclass V4__Backfill {}\n" : "SELECT 1;\n");
        }
        for (String p : paths) {
            Migration identified = reader.identify(side, p).items().get(0);
            Migration named = reader.named(p).orElseThrow().items().get(0);
            assertEquals(List.of(identified.id(), identified.path(), identified.stack(), identified.kind(),
                    String.valueOf(identified.version()), identified.description(), identified.descriptionLocation(),
                    identified.acceptedEdits()), List.of(named.id(), named.path(), named.stack(), named.kind(),
                    String.valueOf(named.version()), named.description(), named.descriptionLocation(),
                    named.acceptedEdits()), p);
        }
        assertTrue(reader.named("db/migration/README.md").isEmpty());
        assertTrue(reader.named("db/migration/V1_init.sql").isEmpty());
    }
}
