package dev.migrationguard.cli;

import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real CLI on real repositories of a Spring Boot + JPA + Liquibase project. */
class LiquibaseEndToEndTest {
    static final String MASTER = "src/main/resources/db/changelog/db.changelog-master.yaml";
    static final String CHANGES = "src/main/resources/db/changelog/changes/";

    @TempDir
    Path dir;

    static String master() {
        return """
                databaseChangeLog:
                  - includeAll:
                      path: changes/
                      relativeToChangelogFile: true
                """;
    }

    static String createContest(String titleType) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="create-contest" author="alice">
                        <createTable tableName="contest">
                            <column name="id" type="bigint"><constraints primaryKey="true"/></column>
                            <column name="title" type="%s"/>
                        </createTable>
                    </changeSet>
                </databaseChangeLog>
                """.formatted(titleType);
    }

    private GitFixture baseline() {
        return GitFixture.init(dir)
                .write(CliEndToEndTest.ENTITY, CliEndToEndTest.contest(""))
                .write(MASTER, master())
                .write(CHANGES + "001-create-contest.xml", createContest("varchar(100)"))
                .write("src/main/resources/application.properties", "spring.jpa.hibernate.ddl-auto=validate\n");
    }

    /**
     * The configuration's {@code dialect:} wins for Liquibase too: a project whose changeSets are all
     * {@code dbms="mysql"} and whose settings name no database was replayed for PostgreSQL, every changeSet left out,
     * and lint said no migration creates the mapped table (an error) although the user had written {@code dialect:
     * mysql}. With the database named, the changeSets run, their types are MySQL's, and a new changeSet that adds the
     * column shorter than the entity maps it is reported.
     */
    @Test
    void theConfiguredDatabaseIsTheOneChangeSetsArePickedAndTypedFor() {
        String mysqlOnly = """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="create-contest" author="alice" dbms="mysql">
                        <createTable tableName="contest">
                            <column name="id" type="bigint"><constraints primaryKey="true"/></column>
                            <column name="title" type="varchar(100)"/>
                        </createTable>
                    </changeSet>
                </databaseChangeLog>
                """;
        var g = GitFixture.init(dir)
                .write(CliEndToEndTest.ENTITY, CliEndToEndTest.contest(""))
                .write(MASTER, master())
                .write(CHANGES + "001-create-contest.xml", mysqlOnly)
                .write(".migration-guard.yml", "dialect: mysql\n")
                .addAll().commit("init");
        Cli lint = Cli.run(g.root(), "lint", "--format", "json", "--fail-on", "never");
        assertEquals(List.of(), lint.rules().stream().filter("entity-migration-drift"::equals).toList(),
                lint::toString);
        Cli schema = Cli.run(g.root(), "schema");
        assertTrue(schema.out().contains("mysql: 1 migrations"), schema::toString);

        g.write(CliEndToEndTest.ENTITY, CliEndToEndTest.contest("\n    @Column(length = 40)\n    private String nickname;\n"))
                .write(CHANGES + "002-add-contest-nickname.xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                            <changeSet id="add-contest-nickname" author="bob" dbms="mysql">
                                <addColumn tableName="contest"><column name="nickname" type="varchar(20)"/></addColumn>
                            </changeSet>
                        </databaseChangeLog>
                        """).addAll();
        Cli shorter = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(List.of("entity-change-without-migration"), shorter.rules(), shorter::toString);
        assertTrue(shorter.json().get("findings").get(0).get("message").asText().contains("varchar(20)"),
                shorter::toString);
    }

    @Test
    void anEntityChangeNeedsAChangeSetThatAltersItsTable() {
        var g = baseline().addAll().commit("init");
        g.write(CliEndToEndTest.ENTITY, CliEndToEndTest.contest("\n    private Integer divisions;\n")).addAll();
        Cli refused = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, refused.code(), refused::toString);
        assertEquals(List.of("entity-change-without-migration"), refused.rules());
        assertEquals("Add src/main/resources/db/changelog/changes/add-contest-divisions.yaml with a changeSet that "
                        + "alters table \"contest\".",
                refused.json().get("findings").get(0).get("hint").asText());

        g.write(CHANGES + "002-add-contest-divisions.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: add-contest-divisions
                      author: bob
                      changes:
                        - addColumn:
                            tableName: contest
                            columns:
                              - column: {name: divisions, type: int}
                """).addAll();
        Cli accepted = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, accepted.code(), accepted::toString);
    }

    @Test
    void appendingIsNewEditingIsNotAndWhitespaceInSqlIsNothing() {
        String file = CHANGES + "001-create-contest.xml";
        var g = baseline().addAll().commit("init");
        String appended = createContest("varchar(100)").replace("</databaseChangeLog>", """
                    <changeSet id="seed-contests" author="bob">
                        <sql>INSERT INTO contest (id, title) VALUES (1, 'Open')</sql>
                    </changeSet>
                </databaseChangeLog>""");
        g.write(file, appended).add(file);
        Cli missing = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(List.of("missing-down-migration"), missing.rules(), missing::toString);

        g.write(file, appended.replace("</sql>", "</sql>\n        <rollback>DELETE FROM contest WHERE id = 1</rollback>"))
                .add(file).commit("seed");
        g.write(file, g.read(file).replace("INSERT INTO contest (id, title) VALUES", "INSERT INTO contest\n  (id, title)\n  VALUES"))
                .add(file);
        assertEquals(0, Cli.run(g.root(), "check", "--staged").code());

        g.write(file, g.read(file).replace("varchar(100)", "varchar(200)")).add(file);
        Cli edited = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(List.of("deployed-migration-edited"), edited.rules(), edited::toString);
        assertTrue(edited.json().get("findings").get(0).get("message").asText()
                .startsWith("ChangeSet db/changelog/changes/001-create-contest.xml::create-contest::alice"));
    }

    @Test
    void editingTheCsvADeployedChangeSetLoadsIsAnEditAsLiquibasesChecksumSays() {
        String seed = CHANGES + "002-seed-contests.xml";
        String csv = CHANGES + "data/contests.csv";
        var g = baseline().write(seed, """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="seed-contests" author="bob">
                        <loadData tableName="contest" file="data/contests.csv" relativeToChangelogFile="true"/>
                        <rollback><delete tableName="contest"/></rollback>
                    </changeSet>
                    <changeSet id="upsert-contests" author="bob">
                        <loadUpdateData tableName="contest" file="db/changelog/changes/data/more.csv" primaryKey="id"/>
                    </changeSet>
                </databaseChangeLog>
                """).write(csv, "id;title\n1;Open\n").write(CHANGES + "data/more.csv", "id;title\n2;Closed\n")
                .addAll().commit("seed");

        g.write(csv, "id;title\n1;Open\n2;Spring cup\n").add(csv);
        Cli edited = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(List.of("deployed-migration-edited"), edited.rules(), edited::toString);
        assertTrue(edited.json().get("findings").get(0).get("message").asText()
                .startsWith("ChangeSet db/changelog/changes/002-seed-contests.xml::seed-contests::bob"), edited::toString);
        assertTrue(edited.json().get("findings").get(0).get("message").asText()
                .endsWith("this change modifies it or a file it reads (" + csv + ")."), edited::toString);
        g.git("checkout", "--", csv);
        g.git("reset", "-q", "HEAD", "--", csv);

        g.write(CHANGES + "data/more.csv", "id;title\n2;Closed\n3;Winter cup\n").add(CHANGES + "data/more.csv");
        Cli upsert = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(List.of("deployed-migration-edited"), upsert.rules(), upsert::toString);
        assertTrue(upsert.json().get("findings").get(0).get("message").asText()
                .startsWith("ChangeSet db/changelog/changes/002-seed-contests.xml::upsert-contests::bob"), upsert::toString);
    }

    /**
     * JHipster's fake data: a changeSet that loads a CSV in context {@code faker} (or reached through an include in that
     * context) never ran in production, so editing the CSV is a warning that names the context, unless the
     * configuration says production runs it.
     */
    @Test
    void editingDataOnlyDevelopmentContextsLoadIsAWarningThatNamesTheContext() {
        String fake = CHANGES + "fake/003-fake-contests.xml";
        String csv = CHANGES + "fake/contests.csv";
        var g = baseline().write(MASTER, """
                databaseChangeLog:
                  - include:
                      file: changes/001-create-contest.xml
                      relativeToChangelogFile: true
                  - include:
                      file: changes/fake/003-fake-contests.xml
                      relativeToChangelogFile: true
                  - includeAll:
                      path: changes/samples/
                      relativeToChangelogFile: true
                      contextFilter: dev
                """).write(fake, """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="fake-contests" author="bob" context="faker">
                        <loadData tableName="contest" file="contests.csv" relativeToChangelogFile="true"/>
                    </changeSet>
                </databaseChangeLog>
                """).write(csv, "id;title\n1;Open\n")
                .write(CHANGES + "samples/004-sample.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="sample" author="bob">
                        <sql>INSERT INTO contest (id, title) VALUES (9, 'Sample')</sql>
                    </changeSet>
                </databaseChangeLog>
                """).addAll().commit("seed");

        g.write(csv, "id;title\n1;Open\n2;Spring cup\n").add(csv);
        Cli edited = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, edited.code(), edited::toString);
        var finding = edited.json().get("findings").get(0);
        assertEquals("warning", finding.get("severity").asText(), edited::toString);
        assertTrue(finding.get("message").asText().endsWith("modifies it or a file it reads (" + csv
                + "); it runs only in context faker, which production does not run."), edited::toString);

        g.write(CHANGES + "samples/004-sample.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="sample" author="bob">
                        <sql>INSERT INTO contest (id, title) VALUES (10, 'Sample')</sql>
                    </changeSet>
                </databaseChangeLog>
                """).add(CHANGES + "samples/004-sample.xml");
        Cli both = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, both.code(), both::toString);
        assertTrue(both.toString().contains("it runs only in context dev, which production does not run"),
                both::toString);

        // production named as running faker and dev: the edits are errors again
        g.write(".migration-guard.yml", "liquibase:\n  production-contexts: [prod, faker, dev]\n");
        Cli named = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, named.code(), named::toString);
        assertEquals(List.of("error", "error"), java.util.stream.StreamSupport.stream(
                named.json().get("findings").spliterator(), false).map(f -> f.get("severity").asText()).toList(),
                named::toString);
    }

    /**
     * Labels decide what production runs as contexts do: a changeSet reached through an include labelled {@code faker}
     * that production's label filter ({@code spring.liquibase.label-filter: "!faker"}) leaves out never ran there, so
     * editing it is a warning that names the label. The configuration's {@code liquibase.production-labels} wins, and
     * a filter Liquibase could not read stops the run naming the file and line.
     */
    @Test
    void editingAChangeSetProductionsLabelFilterLeavesOutIsAWarningThatNamesTheLabel() {
        String fake = CHANGES + "fake/003-fake-contests.xml";
        var g = baseline().write(MASTER, """
                databaseChangeLog:
                  - include:
                      file: changes/001-create-contest.xml
                      relativeToChangelogFile: true
                  - include:
                      file: changes/fake/003-fake-contests.xml
                      relativeToChangelogFile: true
                      labels: faker
                """).write(fake, fakeContests("Open"))
                .write("src/main/resources/application-prod.yml", "spring:\n  liquibase:\n    label-filter: \"!faker\"\n")
                .addAll().commit("seed");

        g.write(fake, fakeContests("Open cup")).add(fake);
        Cli edited = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, edited.code(), edited::toString);
        var finding = edited.json().get("findings").get(0);
        assertEquals("warning", finding.get("severity").asText(), edited::toString);
        assertTrue(finding.get("message").asText().endsWith("and this change modifies it; it is labelled faker, which"
                + " production's label filter !faker leaves out."), edited::toString);
        assertTrue(finding.get("hint").asText().endsWith("If production's label filter lets faker through, write it"
                + " under liquibase.production-labels in .migration-guard.yml."), edited::toString);

        // the configuration says production runs every label: the edit is an error again
        g.write(".migration-guard.yml", "liquibase:\n  production-labels: []\n");
        Cli configured = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, configured.code(), configured::toString);
        assertEquals("error", configured.json().get("findings").get(0).get("severity").asText(),
                configured::toString);

        g.write(".migration-guard.yml", "liquibase:\n  production-labels: \"!faker and (prod\"\n");
        Cli bad = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(2, bad.code(), bad::toString);
        assertTrue(bad.err().contains(".migration-guard.yml:2: liquibase.production-labels '!faker and (prod' is no"
                + " label filter Liquibase can read"), bad::toString);
    }

    private static String fakeContests(String title) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="fake-contests" author="bob">
                        <insert tableName="contest">
                            <column name="id" valueNumeric="1"/>
                            <column name="title" value="%s"/>
                        </insert>
                        <rollback><delete tableName="contest"><where>id = 1</where></delete></rollback>
                    </changeSet>
                </databaseChangeLog>
                """.formatted(title);
    }

    @Test
    void lintCountsOnlyChangelogsAmongXmlAndYamlFiles() {
        var g = baseline().write("pom.xml", "<project/>\n").addAll().commit("init");
        Cli lint = Cli.run(g.root(), "lint", "--format", "json");
        assertEquals(0, lint.code(), lint::toString);
        // the entity, the changelog and application.properties: pom.xml is no changelog, the master holds no changeSet
        assertEquals(3, lint.json().get("summary").get("filesChecked").asInt(), lint::toString);
    }
}
