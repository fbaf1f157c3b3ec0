package dev.migrationguard.liquibase;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.testing.MemorySnapshot;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading changes into operations never throws, whatever the changes say or leave out, and places every operation
 * inside the changelog (or the SQL file a {@code sqlFile} names).
 */
class LiquibaseOperationsPropertiesTest {
    private static final List<String> CHANGES = List.of("createTable", "dropTable", "renameTable", "addColumn",
            "dropColumn", "renameColumn", "modifyDataType", "addNotNullConstraint", "dropNotNullConstraint",
            "addDefaultValue", "dropDefaultValue", "createIndex", "dropIndex", "addPrimaryKey", "dropPrimaryKey",
            "addForeignKeyConstraint", "dropForeignKeyConstraint", "addUniqueConstraint", "dropUniqueConstraint",
            "createView", "dropView", "createSequence", "alterSequence", "dropSequence", "addAutoIncrement",
            "addLookupTable", "mergeColumns", "insert", "update", "delete", "loadData", "loadUpdateData", "sql",
            "sqlFile", "createProcedure", "customChange", "executeCommand", "tagDatabase", "somethingNew");
    private static final List<String> KEYS = List.of("tableName", "columnName", "newDataType", "oldTableName",
            "newTableName", "oldColumnName", "newColumnName", "indexName", "constraintName", "columnNames",
            "baseTableName", "baseColumnNames", "referencedTableName", "referencedColumnNames", "viewName",
            "sequenceName", "startValue", "defaultValue", "defaultValueNumeric", "existingTableName",
            "existingColumnName", "newColumnDataType", "finalColumnType", "column1Name", "path", "file", "dbms",
            "unique", "validate", "relativeToChangelogFile", "schemaName", "type", "name", "autoIncrement");
    private static final String PATH = "src/main/resources/db/changelog/db.changelog-master.xml";

    @Property(tries = 300)
    void xmlChangesNeverThrowAndStayInsideTheirFile(@ForAll("changeSets") List<String> changeSets) {
        String xml = "<databaseChangeLog>\n" + String.join("\n", changeSets) + "\n</databaseChangeLog>\n";
        MemorySnapshot side = MemorySnapshot.of(PATH, xml, "src/main/resources/db/changelog/x.sql",
                "CREATE TABLE t (id int);\nDROP TABLE u;\n", "src/main/resources/x.sql", "DELETE FROM t;\n");
        check(side, PATH, xml);
    }

    @Property(tries = 300)
    void formattedSqlNeverThrowsAndStaysInsideItsFile(@ForAll("formattedLines") List<String> lines) {
        String path = "src/main/resources/db/changelog/changes.sql";
        String sql = "--liquibase formatted sql\n" + String.join("\n", lines) + "\n";
        check(MemorySnapshot.of(path, sql), path, sql);
    }

    private static void check(MemorySnapshot side, String path, String content) {
        ReadResult<Migration> read = new LiquibaseMigrationReader().read(side, path);
        for (var problem : read.problems()) {
            assertFalse(problem.message().startsWith("Could not read"), problem.toString());
        }
        int lines = content.split("\n", -1).length;
        for (Migration m : read.items()) {
            for (Operation op : m.operations()) {
                Location at = op.origin().location();
                assertTrue(side.paths().contains(at.path()), at.toString());
                if (at.path().equals(path)) {
                    assertTrue(at.line() >= 1 && at.line() <= lines, at + " in " + lines + " lines");
                }
            }
        }
    }

    @Provide
    Arbitrary<List<String>> changeSets() {
        return changeSet().list().ofMaxSize(4);
    }

    private Arbitrary<String> changeSet() {
        Arbitrary<String> change = Combinators.combine(Arbitraries.of(CHANGES), attributes(), columns(), text())
                .as((name, attrs, columns, text) -> "<" + name + attrs + ">" + columns + text + "</" + name + ">");
        Arbitrary<String> rollback = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("<rollback/>"),
                change.map(c -> "<rollback>" + c + "</rollback>"), text().map(t -> "<rollback>" + t + "</rollback>"),
                Arbitraries.just("<rollback changeSetId=\"1\" changeSetAuthor=\"a\"/>"));
        return Combinators.combine(change.list().ofMaxSize(3), rollback, Arbitraries.of("", " dbms=\"mysql\"",
                        " dbms=\"!postgresql\"", " context=\"test\""))
                .as((changes, back, extra) -> "<changeSet id=\"1\" author=\"a\"" + extra + ">\n"
                        + String.join("\n", changes) + "\n" + back + "\n</changeSet>");
    }

    private Arbitrary<String> attributes() {
        Arbitrary<String> one = Combinators.combine(Arbitraries.of(KEYS), value())
                .as((k, v) -> " " + k + "=\"" + v + "\"");
        return one.list().ofMaxSize(5).uniqueElements().map(l -> String.join("", l));
    }

    private Arbitrary<String> columns() {
        return attributes().map(a -> "<column" + a + "><constraints nullable=\"false\" primaryKey=\"true\"/></column>")
                .list().ofMaxSize(3).map(l -> String.join("", l));
    }

    private Arbitrary<String> value() {
        return Arbitraries.oneOf(Arbitraries.of("t", "", "x.sql", "../x.sql", "${p}", "${", "VARCHAR(", "int",
                        "true", "false", "a, b", "t(id)", "1", "postgresql", "lower(c)"),
                Arbitraries.strings().alpha().numeric().ofMaxLength(12));
    }

    private Arbitrary<String> text() {
        return Arbitraries.of("", "CREATE TABLE t (id int)", "DROP TABLE t;\nDELETE FROM u",
                "SELECT id FROM t", "&lt;", "<![CDATA[UPDATE t SET a = 1 WHERE b < 2]]>");
    }

    @Provide
    Arbitrary<List<String>> formattedLines() {
        return Arbitraries.oneOf(Arbitraries.of("--changeset a:1", "--changeset a:2 dbms:mysql runAlways:true",
                "--changeset broken", "--rollback DROP TABLE t;", "--rollback", "/* liquibase rollback",
                "DROP TABLE t; */", "*/", "CREATE TABLE t (id int);", "ALTER TABLE t ADD c int;", "--comment: x",
                "--property name:p value:int", "", "  ", "DELETE FROM t"),
                Arbitraries.strings().ofMaxLength(30)).list().ofMaxSize(12);
    }
}
