package dev.migrationguard.liquibase;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.Migration.Touch;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiquibaseMigrationReaderTest {
    private static final String PATH = "src/main/resources/db/changelog/contest.xml";
    private final LiquibaseMigrationReader reader = new LiquibaseMigrationReader();

    private static String xml(String body) {
        return "<?xml version=\"1.0\"?>\n<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n"
                + body + "\n</databaseChangeLog>\n";
    }

    private ReadResult<Migration> read(String path, String content) {
        return reader.read(MemorySnapshot.of(path, content), path);
    }

    private Migration only(String path, String content) {
        ReadResult<Migration> r = read(path, content);
        assertEquals(List.of(), r.problems());
        assertEquals(1, r.items().size());
        return r.items().get(0);
    }

    @Test
    void identityIsTheClasspathFileIdAndAuthorOrTheLogicalFilePath() {
        Migration m = only(PATH, xml("  <changeSet id=\"create-contest\" author=\"alice\"><createTable tableName=\"contest\"/></changeSet>"));
        assertEquals("db/changelog/contest.xml::create-contest::alice", m.id());
        assertEquals(Location.at(PATH, 3, 3), m.descriptionLocation());
        assertEquals(Migration.Kind.CHANGESET, m.kind());

        Migration logical = only(PATH, xml("<changeSet id=\"1\" author=\"a\" logicalFilePath=\"legacy/contest.xml\">"
                + "<createTable tableName=\"contest\"/></changeSet>"));
        assertEquals("legacy/contest.xml::1::a", logical.id());
    }

    @Test
    void filesThatAreNoChangelogYieldNothingAndNoProblem() {
        assertEquals(ReadResult.empty(), read("pom.xml", "<project><artifactId>x</artifactId></project>"));
        assertEquals(ReadResult.empty(), read("application.yml", "spring:\n  liquibase:\n    enabled: true\n"));
        assertEquals(ReadResult.empty(), read("package.json", "{\"name\": \"x\"}"));
        assertEquals(ReadResult.empty(), read("db/V1__init.sql", "CREATE TABLE contest (id int);\n"));
        assertTrue(reader.accepts("a/b.yaml") && reader.accepts("c.JSON") && !reader.accepts("Contest.java"));
    }

    @Test
    void checksumIgnoresRollbackCommentsAndWhitespaceInSqlButNotOtherEdits() {
        String base = xml("<changeSet id=\"1\" author=\"a\"><sql>UPDATE contest SET title = 'x'</sql>"
                + "<rollback>UPDATE contest SET title = NULL</rollback></changeSet>");
        String reflowed = xml("<changeSet id=\"1\" author=\"a\"><comment>why</comment><sql>\n  UPDATE contest\n"
                + "    SET title = 'x'\n</sql><rollback>SELECT 1</rollback></changeSet>");
        String edited = xml("<changeSet id=\"1\" author=\"a\"><sql>UPDATE contest SET title = 'y'</sql>"
                + "<rollback>UPDATE contest SET title = NULL</rollback></changeSet>");
        assertEquals(only(PATH, base).checksum(), only(PATH, reflowed).checksum());
        assertNotEquals(only(PATH, base).checksum(), only(PATH, edited).checksum());
        assertEquals(only(PATH, base).digest(), only(PATH, base).checksum().substring("sha256:".length()));

        String typed = xml("<changeSet id=\"1\" author=\"a\"><addColumn tableName=\"contest\">"
                + "<column name=\"title\" type=\"varchar(100)\"/></addColumn></changeSet>");
        String retyped = typed.replace("varchar(100)", "varchar(120)");
        assertNotEquals(only(PATH, typed).checksum(), only(PATH, retyped).checksum());
    }

    @Test
    void sqlFileContentCountsWithoutItsWhitespace() {
        String log = xml("<changeSet id=\"1\" author=\"a\"><sqlFile path=\"sql/seed.sql\" relativeToChangelogFile=\"true\"/>"
                + "<rollback/></changeSet>");
        String sqlPath = "src/main/resources/db/changelog/sql/seed.sql";
        var one = MemorySnapshot.of(PATH, log, sqlPath, "INSERT INTO team VALUES (1);");
        var reflowed = MemorySnapshot.of(PATH, log, sqlPath, "INSERT INTO team\n  VALUES (1);\n");
        var edited = MemorySnapshot.of(PATH, log, sqlPath, "INSERT INTO team VALUES (2);");
        Migration m = reader.read(one, PATH).items().get(0);
        assertEquals(m.checksum(), reader.read(reflowed, PATH).items().get(0).checksum());
        assertNotEquals(m.checksum(), reader.read(edited, PATH).items().get(0).checksum());
        assertTrue(m.touchesTable("team"));
    }

    @Test
    void runOnChangeAndValidCheckSumAreCarriedAsAcceptedEdits() {
        Migration rerun = only(PATH, xml("<changeSet id=\"v\" author=\"a\" runOnChange=\"true\"><createView viewName=\"v\">SELECT 1</createView></changeSet>"));
        assertTrue(rerun.acceptedEdits().rerunsOnChange());
        Migration any = only(PATH, xml("<changeSet id=\"v\" author=\"a\"><validCheckSum>ANY</validCheckSum><createView viewName=\"v\">SELECT 1</createView></changeSet>"));
        assertTrue(any.acceptedEdits().accept(null, null));
        Migration yaml = only("db/changelog/x.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: v
                      author: a
                      validCheckSum: 9:0123abc
                      changes:
                        - createView: {viewName: v, selectQuery: SELECT 1}
                """);
        assertTrue(yaml.acceptedEdits().accept(null, "9:0123ABC"));
        assertFalse(only(PATH, xml("<changeSet id=\"v\" author=\"a\"><createView viewName=\"v\">SELECT 1</createView></changeSet>"))
                .acceptedEdits().accept(null, "9:0123abc"));
    }

    @Test
    void touchesPerChangeType() {
        Migration m = only(PATH, xml("""
                <changeSet id="1" author="a">
                  <createTable tableName="contest"><column name="id" type="int"/></createTable>
                  <addColumn tableName="team"><column name="color" type="text"/></addColumn>
                  <dropColumn tableName="venue" columnName="legacy"/>
                  <renameColumn tableName="player" oldColumnName="nick" newColumnName="handle"/>
                  <modifyDataType tableName="score" columnName="points" newDataType="bigint"/>
                  <createIndex tableName="match" indexName="i"><column name="played_on"/></createIndex>
                  <addForeignKeyConstraint baseTableName="entry" baseColumnNames="contest_id" referencedTableName="contest" referencedColumnNames="id" constraintName="fk"/>
                  <renameTable oldTableName="arena" newTableName="stadium"/>
                  <sql>ALTER TABLE referee ADD COLUMN badge int</sql>
                  <insert tableName="season"><column name="year" valueNumeric="2024"/></insert>
                  <rollback/>
                </changeSet>"""));
        List<Touch> t = m.touches();
        assertTrue(t.contains(new Touch("contest", "id", "create")), t::toString);
        assertTrue(t.contains(new Touch("team", "color", "alter")), t::toString);
        assertTrue(t.contains(new Touch("venue", "legacy", "drop")), t::toString);
        assertTrue(t.contains(new Touch("player", "handle", "rename")), t::toString);
        assertTrue(t.contains(new Touch("score", "points", "alter")), t::toString);
        assertTrue(t.contains(new Touch("match", "played_on", "index")), t::toString);
        assertTrue(t.contains(new Touch("entry", "contest_id", "alter")), t::toString);
        assertTrue(m.touchesTable("arena") && m.touchesTable("stadium"));
        assertTrue(m.touchesTable("referee"));
        assertTrue(t.contains(new Touch("season", null, "write")), t::toString);
    }

    @Test
    void formattedSqlChangeSetsWithTheirRollbacks() {
        String sql = """
                --liquibase formatted sql

                --changeset alice:create-team runOnChange:false
                CREATE TABLE team (id int);
                --rollback DROP TABLE team;

                --changeset bob:seed logicalFilePath:seeds.sql
                INSERT INTO team VALUES (1);
                /* liquibase rollback
                DELETE FROM team;
                */
                --changeset bob:bare
                UPDATE team SET id = 2;
                """;
        ReadResult<Migration> r = read("db/changelog/teams.sql", sql);
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("db/changelog/teams.sql::create-team::alice", "seeds.sql::seed::bob",
                "db/changelog/teams.sql::bare::bob"), r.items().stream().map(Migration::id).toList());
        assertEquals(List.of("PRESENT", "PRESENT", "MISSING"),
                r.items().stream().map(m -> m.rollback().status().name()).toList());
        assertTrue(r.items().get(0).touchesTable("team"));
        assertEquals(Location.at("db/changelog/teams.sql", 7, 1), r.items().get(1).descriptionLocation());
    }

    @Test
    void badFilesAreParseProblemsWithLineAndColumn() {
        var xmlResult = read(PATH, xml("<changeSet id=\"1\" author=\"a\">\n<createTable tableName=\"x\">\n</changeSet>"));
        assertEquals(1, xmlResult.problems().size());
        assertEquals(5, xmlResult.problems().get(0).location().line());

        var yamlResult = read("db/changelog/x.yaml", "databaseChangeLog:\n  - changeSet:\n      id: [unclosed\n");
        assertEquals(1, yamlResult.problems().size());
        assertTrue(yamlResult.problems().get(0).location().line() >= 3, yamlResult::toString);

        var sqlResult = read("db/changelog/x.sql", "--liquibase formatted sql\n--changeset no-colon\nSELECT 1;\n");
        assertEquals(Location.at("db/changelog/x.sql", 2, 1), sqlResult.problems().get(0).location());

        var noId = read(PATH, xml("<changeSet author=\"a\"><createTable tableName=\"x\"/></changeSet>"));
        assertEquals(3, noId.problems().get(0).location().line());
    }

    @Test
    void aPlainSqlFileInAnIncludeAllFolderIsOneRawChangeSet() {
        String master = "src/main/resources/db/changelog/db.changelog-master.yaml";
        String raw = "src/main/resources/db/changelog/sql/add-contest-slug.sql";
        String elsewhere = "src/main/resources/db/seed/demo-data.sql";
        var side = MemorySnapshot.of(
                master, "databaseChangeLog:\n  - includeAll:\n      path: sql/\n      relativeToChangelogFile: true\n",
                raw, "ALTER TABLE contest ADD COLUMN slug varchar(80);\n",
                elsewhere, "INSERT INTO contest (title) VALUES ('demo');\n");

        ReadResult<Migration> r = reader.read(side, raw);
        assertEquals(List.of(), r.problems());
        Migration m = r.items().get(0);
        assertEquals("db/changelog/sql/add-contest-slug.sql::raw::includeAll", m.id());
        assertEquals("add-contest-slug", m.description());
        assertEquals(Location.file(raw), m.descriptionLocation());
        assertTrue(m.touchesTable("contest"));
        assertEquals(dev.migrationguard.model.Rollback.Status.MISSING, m.rollback().status());

        var reformatted = MemorySnapshot.of(master, side.readText(master).orElseThrow(),
                raw, "ALTER TABLE contest\n    ADD COLUMN slug varchar(80);\n");
        assertEquals(m.checksum(), reader.read(reformatted, raw).items().get(0).checksum());
        var edited = MemorySnapshot.of(master, side.readText(master).orElseThrow(),
                raw, "ALTER TABLE contest ADD COLUMN slug varchar(120);\n");
        assertNotEquals(m.checksum(), reader.read(edited, raw).items().get(0).checksum());

        assertEquals(ReadResult.empty(), reader.read(side, elsewhere));
        assertEquals(ReadResult.empty(), read(raw, "ALTER TABLE contest ADD COLUMN slug varchar(80);\n"));
    }

    @Test
    void aChangeSetDependsOnTheFileItsSqlFileReads() {
        String changelog = "src/main/resources/db/changelog/contest.xml";
        var side = MemorySnapshot.of(changelog, xml(
                "<changeSet id=\"1\" author=\"a\"><sqlFile path=\"sql/one.sql\" relativeToChangelogFile=\"true\"/></changeSet>"
                        + "<changeSet id=\"2\" author=\"a\"><sqlFile path=\"db/changelog/sql/two.sql\"/></changeSet>"
                        + "<changeSet id=\"3\" author=\"a\"><createTable tableName=\"x\"/></changeSet>"),
                "src/main/resources/db/changelog/sql/one.sql", "SELECT 1;",
                "src/main/resources/db/changelog/sql/two.sql", "SELECT 2;");
        List<Migration> ms = reader.read(side, changelog).items();
        assertEquals(List.of("src/main/resources/db/changelog/sql/one.sql"), ms.get(0).dependsOn());
        assertEquals(List.of("src/main/resources/db/changelog/sql/two.sql"), ms.get(1).dependsOn());
        assertEquals(List.of(), ms.get(2).dependsOn());

        assertEquals(java.util.Set.of(changelog),
                reader.dependents(side, java.util.Set.of("src/main/resources/db/changelog/sql/two.sql")));
        assertEquals(java.util.Set.of(), reader.dependents(side, java.util.Set.of("src/main/resources/other/two.sql")));
        assertEquals(java.util.Set.of(), reader.dependents(side, java.util.Set.of("src/main/java/Two.java")));
    }

    /**
     * SnakeYAML refuses a document of more than 3 MB by default (its code-point limit) and Jackson a string of more than
     * 20 million characters: a valid changelog that size was a parse-error. The run's size limit bounds both now.
     */
    @Test
    void aValidChangelogOfFourMegabytesIsRead() {
        StringBuilder yaml = new StringBuilder("databaseChangeLog:\n");
        StringBuilder json = new StringBuilder("{\"databaseChangeLog\": [\n");
        int n = 0;
        while (yaml.length() < 4 * 1024 * 1024) {
            n++;
            yaml.append("  - changeSet:\n      id: seed-").append(n).append("\n      author: bench\n      changes:\n")
                    .append("        - sql:\n            sql: INSERT INTO contest (id, title) VALUES (").append(n)
                    .append(", 'a contest title long enough to matter')\n      rollback:\n")
                    .append("        - sql:\n            sql: DELETE FROM contest WHERE id = ").append(n).append('\n');
            json.append(n == 1 ? "" : ",\n").append("  {\"changeSet\": {\"id\": \"seed-").append(n)
                    .append("\", \"author\": \"bench\", \"changes\": [{\"sql\": {\"sql\": \"INSERT INTO contest (id, ")
                    .append("title) VALUES (").append(n).append(", 'a contest title')\"}}], \"rollback\": [{\"sql\": ")
                    .append("{\"sql\": \"DELETE FROM contest WHERE id = ").append(n).append("\"}}]}}");
        }
        json.append("\n]}\n");
        ReadResult<Migration> fromYaml = read("src/main/resources/db/changelog/seed.yaml", yaml.toString());
        assertEquals(List.of(), fromYaml.problems());
        assertEquals(n, fromYaml.items().size());
        ReadResult<Migration> fromJson = read("src/main/resources/db/changelog/seed.json", json.toString());
        assertEquals(List.of(), fromJson.problems());
        assertEquals(n, fromJson.items().size());

        String longSql = "databaseChangeLog:\n  - changeSet:\n      id: one\n      author: a\n      changes:\n"
                + "        - sql:\n            sql: INSERT INTO contest (id, title) VALUES (1, '"
                + "x".repeat(21_000_000) + "')\n      rollback: DELETE FROM contest\n";
        ReadResult<Migration> oneLongString = read("src/main/resources/db/changelog/long.yaml", longSql);
        assertEquals(List.of(), oneLongString.problems());
        assertEquals(1, oneLongString.items().size());
    }
}
