package dev.migrationguard.sqlfolders;

import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.Rollback;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.settings.OptionValues;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlFolderReaderTest {
    private static SqlFolderReader reader(Map<String, String> entry) {
        return new SqlFolderReader(List.of(SqlFolder.parse(entry, 1)));
    }

    private static List<String> paths(MigrationSet set) {
        return set.migrations().stream().map(Migration::path).toList();
    }

    @Test
    void versionOrderIsNumericAndNameOrderIsLexical() {
        var side = MemorySnapshot.of(
                "sql/10_add_index.sql", "CREATE INDEX i ON users (email);",
                "sql/9_add_email.sql", "ALTER TABLE users ADD COLUMN email text;",
                "sql/1_create_users.sql", "CREATE TABLE users (id int);",
                "sql/nested/2_other.sql", "CREATE TABLE other (id int);",
                "sql/README.md", "notes");
        var byVersion = reader(Map.of("folder", "sql")).sets(side).get(0);
        assertEquals(List.of("sql/1_create_users.sql", "sql/9_add_email.sql", "sql/10_add_index.sql"),
                paths(byVersion));
        var byName = reader(Map.of("folder", "./sql/", "order", "name")).sets(side).get(0);
        assertEquals(List.of("sql/10_add_index.sql", "sql/1_create_users.sql", "sql/9_add_email.sql"), paths(byName));
        Migration first = byVersion.migrations().get(0);
        assertEquals("1", first.version());
        assertEquals("create_users", first.description());
        assertEquals(Rollback.Status.MISSING, first.rollback().status());
        assertTrue(first.touchesTable("users"));
        assertInstanceOf(Operation.CreateTable.class, first.operations().get(0));
    }

    @Test
    void aRegularExpressionNamesTheVersionAndTheDescription() {
        var r = reader(Map.of("folder", "upgrade", "pattern", "upgrade-(?<version>\\d+\\.\\d+)-(?<name>\\w+)\\.sql",
                "dialect", "mysql"));
        assertTrue(r.accepts("upgrade/upgrade-1.10-add_tags.sql"));
        assertFalse(r.accepts("upgrade/install.sql"));
        var side = MemorySnapshot.of(
                "upgrade/upgrade-1.10-add_tags.sql", "ALTER TABLE post ADD COLUMN tags text;",
                "upgrade/upgrade-1.9-add_title.sql", "ALTER TABLE post ADD COLUMN title text;");
        MigrationSet set = r.sets(side).get(0);
        assertEquals(List.of("upgrade/upgrade-1.9-add_title.sql", "upgrade/upgrade-1.10-add_tags.sql"), paths(set));
        assertEquals("add_title", set.migrations().get(0).description());
        assertEquals(dev.migrationguard.model.schema.Dialect.MYSQL, set.dialect());
    }

    @Test
    void theDownFileIsTheWayBackOnTheDownSide() {
        var side = MemorySnapshot.of(
                "m/1_create.up.sql", "CREATE TABLE a (id int);",
                "m/1_create.down.sql", "DROP TABLE a;");
        var r = reader(Map.of("folder", "m"));
        assertFalse(r.accepts("m/1_create.down.sql"));
        Migration m = r.read(side, "m/1_create.up.sql").items().get(0);
        assertEquals("create", m.description());
        assertEquals(Rollback.Status.PRESENT, m.rollback().status());
        assertEquals("m/1_create.down.sql", m.rollback().location().path());
        assertEquals(List.of(Side.UP, Side.DOWN), m.operations().stream().map(o -> o.origin().side()).toList());
    }

    @Test
    void dbmateSectionsSplitUpFromDownAndKeepTheirLines() {
        var side = MemorySnapshot.of("db/20240101_t.sql", "-- migrate:up\nCREATE TABLE t (id int);\n\n"
                + "-- migrate:down\nDROP TABLE t;\n");
        Migration m = reader(Map.of("folder", "db")).read(side, "db/20240101_t.sql").items().get(0);
        assertEquals(Rollback.Status.PRESENT, m.rollback().status());
        assertEquals(4, m.rollback().location().line());
        assertEquals(List.of(2, 5), m.operations().stream().map(o -> o.origin().location().line()).toList());
        assertEquals(List.of(Side.UP, Side.DOWN), m.operations().stream().map(o -> o.origin().side()).toList());
    }

    @Test
    void badEntriesNameTheKeyAndWhatIsWrong() {
        var stack = new SqlFolderStack();
        assertEquals(List.of("migrations.sql-folders"), stack.options());
        for (var bad : List.of(Map.of("pattern", "x"), Map.of("folder", "/abs"), Map.of("folder", "a", "order", "x"),
                Map.of("folder", "a", "pattern", "("), Map.of("folder", "a", "dialect", "db2"),
                Map.of("folder", "a", "sort", "name"))) {
            var e = assertThrows(OptionValues.BadOption.class, () -> SqlFolder.parse(bad, 1), bad::toString);
            assertEquals("migrations.sql-folders", e.key);
            assertTrue(e.getMessage().startsWith("migrations.sql-folders entry 1: "), e.getMessage());
        }
    }

    @Test
    void withoutTheKeyTheStackReadsNothing() {
        assertEquals(List.of(), new SqlFolderStack().parts(OptionValues.NONE).migrations());
    }

    @Test
    void theNextVersionKeepsTheFoldersStyle() {
        var clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-30T10:15:30Z"), java.time.ZoneOffset.UTC);
        var advisor = new SqlFolderAdvisor(List.of(), clock);
        assertEquals("000010", advisor.next("000009"));
        assertEquals("10", advisor.next("9"));
        assertEquals("20261130101530", advisor.next("20240101120000"));
        assertEquals("20991231000001", advisor.next("20991231000000"));
    }
}
