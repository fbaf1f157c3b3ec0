package dev.migrationguard.liquibase;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.NotRun;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner's view: which master changelogs there are, what each runs in which order, and what none runs. */
class LiquibaseRunnerViewTest {
    private static final String RES = "src/main/resources/";
    private final LiquibaseMigrationReader reader = new LiquibaseMigrationReader();

    private static String xml(String body) {
        return "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n" + body
                + "\n</databaseChangeLog>\n";
    }

    private static String changeSet(String id, String extra) {
        return "<changeSet id=\"" + id + "\" author=\"a\"" + extra + "><createTable tableName=\"t_" + id
                + "\"><column name=\"id\" type=\"int\"/></createTable></changeSet>";
    }

    private static List<String> ids(MigrationSet set) {
        return set.migrations().stream().map(Migration::id).toList();
    }

    @Test
    void theMasterRunsItsChangeSetsAndIncludesInDocumentOrderAndIncludeAllByFullPath() {
        MemorySnapshot side = MemorySnapshot.of(
                RES + "application.yml", "spring:\n  liquibase:\n    change-log: classpath:/db/main.xml\n",
                RES + "db/main.xml", xml(changeSet("m1", "")
                        + "<include file=\"db/first.xml\"/>"
                        + changeSet("m2", "")
                        + "<includeAll path=\"changes/\" relativeToChangelogFile=\"true\"/>"),
                RES + "db/first.xml", xml(changeSet("f1", "")),
                RES + "db/changes/b/001.xml", xml(changeSet("b1", "")),
                RES + "db/changes/a/002.xml", xml(changeSet("a2", "")),
                RES + "db/changes/010_raw.sql", "CREATE TABLE raw (id int);\n",
                RES + "db/changes/readme.txt", "not a changelog\n");
        List<MigrationSet> sets = reader.sets(side);
        assertEquals(1, sets.size());
        MigrationSet set = sets.get(0);
        assertEquals("", set.project());
        assertEquals(RES + "db/main.xml", set.name());
        assertEquals(List.of("db/main.xml::m1::a", "db/first.xml::f1::a", "db/main.xml::m2::a",
                "db/changes/010_raw.sql::raw::includeAll", "db/changes/a/002.xml::a2::a",
                "db/changes/b/001.xml::b1::a"), ids(set));
        assertFalse(set.migrations().get(0).operations().isEmpty(), "the set's migrations carry their operations");
        assertEquals(Optional.empty(), reader.notRun(side, RES + "db/changes/b/001.xml"));
    }

    @Test
    void aChangeSetForAnotherDatabaseIsLeftOutAndTheProjectsDatabaseIsTheSets() {
        MemorySnapshot side = MemorySnapshot.of(
                RES + "application.properties", "spring.datasource.url=jdbc:mysql://db/app\n",
                RES + "db/changelog/db.changelog-master.xml", xml(changeSet("all", "")
                        + changeSet("pg", " dbms=\"postgresql\"") + changeSet("my", " dbms=\"mysql, mariadb\"")
                        + changeSet("not-h2", " dbms=\"!h2\" context=\"prod\" labels=\"v2\" runAlways=\"true\"")));
        MigrationSet set = reader.sets(side).get(0);
        assertEquals(Dialect.MYSQL, set.dialect());
        assertEquals(List.of("all", "my", "not-h2"), set.migrations().stream()
                .map(m -> m.id().split("::")[1]).toList());

        // a URL in a comment names nothing: PostgreSQL alone is named, the old MySQL URL is commented out
        MemorySnapshot commented = MemorySnapshot.of(
                RES + "application.properties", "#spring.datasource.url=jdbc:mysql://db/app\n"
                        + "spring.datasource.url=jdbc:postgresql://db/app\n",
                RES + "db/changelog/db.changelog-master.xml", xml(changeSet("pg", " dbms=\"postgresql\"")));
        assertEquals(Dialect.POSTGRES, reader.sets(commented).get(0).dialect());

        MemorySnapshot unnamed = MemorySnapshot.of(RES + "db/changelog/db.changelog-master.xml",
                xml(changeSet("pg", " dbms=\"postgresql\"") + changeSet("my", " dbms=\"mysql\"")));
        MigrationSet assumed = reader.sets(unnamed).get(0);
        assertNull(assumed.dialect(), "no setting names the database: the run's dialect applies");
        assertEquals(1, assumed.migrations().size(), "filtered for the default database, " + Dialect.DEFAULT);
    }

    @Test
    void aSqlFileSplitsAtItsEndDelimiterAndKeepsAProcedureBodyWhole() {
        MemorySnapshot side = MemorySnapshot.of(
                RES + "application.properties", "spring.datasource.url=jdbc:mysql://localhost/app\n",
                RES + "db/changelog/db.changelog-master.xml", xml(changeSet("all", "")
                        + changeSet("my", " dbms=\"mysql\"") + changeSet("h2", " dbms=\"h2\"")
                        + "<changeSet id=\"fks\" author=\"a\" dbms=\"mysql\"><sqlFile path=\"db/mysql/fks.sql\""
                        + " endDelimiter=\"\\nGO\"/></changeSet>"),
                RES + "db/mysql/fks.sql", """
                        CREATE PROCEDURE addFks()
                        BEGIN
                            ALTER TABLE t_all ADD CONSTRAINT fk_my FOREIGN KEY (id) REFERENCES t_my (id);
                        END
                        GO
                        CALL addFks()
                        GO
                        """);
        MigrationSet set = reader.sets(side).get(0);
        assertEquals(Dialect.MYSQL, set.dialect(), "the settings name MySQL");
        assertEquals(List.of("all", "my", "fks"), set.migrations().stream().map(m -> m.id().split("::")[1]).toList());
        var ops = set.migrations().get(2).operations();
        assertEquals(2, ops.size(), ops.toString());
        var procedure = (dev.migrationguard.model.ops.Operation.Routine) ops.get(0);
        assertEquals(1, procedure.body().size(), "the body kept its semicolon: " + procedure);
        assertEquals("addFks", ((dev.migrationguard.model.ops.Operation.Opaque) ops.get(1)).calls().name());
    }

    @Test
    void changeSetFactsAreKept() {
        String log = xml(changeSet("x", " context=\"!test\" labels=\"v2\" dbms=\"postgresql\" runAlways=\"true\""
                + " runOnChange=\"true\" failOnError=\"false\" runInTransaction=\"false\""));
        var parsed = LiquibaseMigrationReader.parse("a.xml", "a.xml", log).orElseThrow().changeSets().get(0).facts();
        assertEquals(new ChangeSetFacts("!test", "v2", "postgresql", true, true, false, false), parsed);
        var sql = LiquibaseMigrationReader.parse("a.sql", "a.sql", "--liquibase formatted sql\n"
                + "--changeset a:1 context:prod labels:v1 dbms:h2 runAlways:true failOnError:false\nSELECT 1;\n")
                .orElseThrow().changeSets().get(0).facts();
        assertEquals(new ChangeSetFacts("prod", "v1", "h2", true, false, false, true), sql);
    }

    @Test
    void aChangelogNoMasterReachesIsNotRunWithTheMasterToIncludeItFrom() {
        String master = RES + "db/changelog/db.changelog-master.yaml";
        MemorySnapshot side = MemorySnapshot.of(
                master, "databaseChangeLog:\n  - include:\n      file: db/changelog/changes/001.xml\n",
                RES + "db/changelog/changes/001.xml", xml(changeSet("1", "")),
                RES + "db/changelog/changes/002.xml", xml(changeSet("2", "")),
                RES + "db/changelog/changes/003.sql", "--liquibase formatted sql\n--changeset a:3\nSELECT 1;\n",
                RES + "db/changelog/changes/004.sql", "SELECT 1;\n",
                RES + "logback.xml", "<configuration/>\n",
                "src/test/resources/db/test-changes.xml", xml(changeSet("t", "")));
        NotRun notRun = reader.notRun(side, RES + "db/changelog/changes/002.xml").orElseThrow();
        assertEquals(Location.file(RES + "db/changelog/changes/002.xml"), notRun.location());
        assertEquals("liquibase", notRun.stack());
        assertTrue(notRun.reason().startsWith("no master changelog reaches it"), notRun.reason());
        assertEquals("include it from db/changelog/db.changelog-master.yaml, or delete it", notRun.fix());
        assertTrue(reader.notRun(side, RES + "db/changelog/changes/003.sql").isPresent(), "formatted SQL is a changelog");
        assertEquals(Optional.empty(), reader.notRun(side, RES + "db/changelog/changes/001.xml"));
        assertEquals(Optional.empty(), reader.notRun(side, master));
        assertEquals(Optional.empty(), reader.notRun(side, RES + "db/changelog/changes/004.sql"),
                "plain SQL is no changelog by content");
        assertEquals(Optional.empty(), reader.notRun(side, RES + "logback.xml"));
        assertEquals(Optional.empty(), reader.notRun(side, "src/test/resources/db/test-changes.xml"),
                "no master in the test resources: nothing tells what runs there");

        MemorySnapshot noMaster = MemorySnapshot.of(RES + "db/changes/002.xml", xml(changeSet("2", "")));
        assertEquals(Optional.empty(), reader.notRun(noMaster, RES + "db/changes/002.xml"));
        assertEquals(List.of(), reader.sets(noMaster));
    }

    @Test
    void eachModuleWithItsOwnMasterIsAProjectAndANestedMasterIsNoSecondSet() {
        MemorySnapshot side = MemorySnapshot.of(
                "billing/pom.xml", "<project/>",
                "billing/src/main/resources/config/liquibase/master.xml",
                xml("<include file=\"config/liquibase/changelog/db.changelog-master.xml\"/>"),
                "billing/src/main/resources/config/liquibase/changelog/db.changelog-master.xml",
                xml(changeSet("b", "")),
                "orders/liquibase.properties", "changeLogFile=db/orders.yaml\nurl=jdbc:postgresql://x/y\n",
                "orders/db/orders.yaml", "databaseChangeLog:\n  - changeSet:\n      id: o\n      author: a\n"
                        + "      changes:\n        - dropTable: {tableName: old}\n",
                "shop/pom.xml", "<project><build><plugins><plugin><configuration>"
                        + "<changeLogFile>${project.basedir}/src/main/resources/lb/all.xml</changeLogFile>"
                        + "</configuration></plugin></plugins></build></project>",
                "shop/src/main/resources/lb/all.xml", xml(changeSet("s", "")));
        List<MigrationSet> sets = reader.sets(side);
        assertEquals(List.of("billing", "orders", "shop"), sets.stream().map(MigrationSet::project).sorted().toList());
        MigrationSet billing = sets.stream().filter(s -> s.project().equals("billing")).findFirst().orElseThrow();
        assertEquals("billing/src/main/resources/config/liquibase/master.xml", billing.name());
        assertEquals(List.of("config/liquibase/changelog/db.changelog-master.xml::b::a"), ids(billing));
        MigrationSet orders = sets.stream().filter(s -> s.project().equals("orders")).findFirst().orElseThrow();
        assertEquals(Dialect.POSTGRES, orders.dialect());
        assertTrue(orders.owns("orders/src/main/java/Order.java"));
    }

    @Test
    void includeAllKeepsWhatItsFiltersAndDepthAllow() {
        MemorySnapshot side = MemorySnapshot.of(
                RES + "db/changelog/db.changelog-master.xml",
                xml("<includeAll path=\"db/changelog/changes\" endsWithFilter=\".xml\" maxDepth=\"1\"/>"),
                RES + "db/changelog/changes/1.xml", xml(changeSet("1", "")),
                RES + "db/changelog/changes/2.yaml", "databaseChangeLog:\n  - changeSet: {id: '2', author: a}\n",
                RES + "db/changelog/changes/deep/3.xml", xml(changeSet("3", "")));
        assertEquals(List.of("db/changelog/changes/1.xml::1::a"), ids(reader.sets(side).get(0)));
        assertTrue(reader.notRun(side, RES + "db/changelog/changes/deep/3.xml").isPresent());
    }

    @Test
    void theConfiguredMastersReplaceTheSearch() {
        MemorySnapshot side = MemorySnapshot.of(
                "db/root.xml", xml(changeSet("r", "")),
                RES + "db/changelog/db.changelog-master.xml", xml(changeSet("m", "")));
        List<MigrationSet> sets = new LiquibaseMigrationReader(List.of("db/root.xml")).sets(side);
        assertEquals(List.of("db/root.xml"), sets.stream().map(MigrationSet::name).toList());
    }

    @Test
    void propertiesOfTheMasterReachTheChangelogsItIncludes() {
        MemorySnapshot side = MemorySnapshot.of(
                RES + "config/liquibase/master.xml", xml(
                        "<property name=\"clobType\" value=\"clob\" dbms=\"h2\"/>"
                                + "<property name=\"clobType\" value=\"text\" dbms=\"postgresql\"/>"
                                + "<include file=\"config/liquibase/changelog/1.xml\"/>"),
                RES + "config/liquibase/changelog/1.xml", xml("<changeSet id=\"1\" author=\"a\">"
                        + "<addColumn tableName=\"t\"><column name=\"c\" type=\"${clobType}\"/></addColumn></changeSet>"));
        Migration m = reader.read(side, RES + "config/liquibase/changelog/1.xml").items().get(0);
        assertEquals("up add-column t c text", OpsText.of(m.operations().get(0)));
    }

    private static final String SCRIPT = RES + "db/migration/V2__Add_rank.sql";

    /** A JPA + Flyway repository: no XML, YAML or JSON file, so no changelog Liquibase could start from. */
    private static MemorySnapshot flywayOnly() {
        return MemorySnapshot.of(
                "src/main/java/app/Thing.java", "@Entity class Thing {}\n",
                RES + "application.properties", "spring.datasource.url=jdbc:postgresql://db/app\n",
                RES + "db/migration/V1__Init.sql", "CREATE TABLE thing (id int);\n",
                SCRIPT, "ALTER TABLE thing ADD COLUMN rank int;\n");
    }

    /** The pre-commit hook reads every staged script with this reader too: without a changelog it looks for none. */
    @Test
    void aPlainScriptOfARepositoryWithoutChangelogsIsReadWithoutLookingForMastersOrDatabases() {
        java.util.Map<String, Integer> reads = new java.util.HashMap<>();
        MemorySnapshot files = flywayOnly();
        dev.migrationguard.model.Snapshot counting = new dev.migrationguard.model.Snapshot() {
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
        assertTrue(reader.read(counting, SCRIPT).items().isEmpty());
        assertEquals(Optional.empty(), reader.notRun(counting, SCRIPT));
        // once, for a master it might name; not again for the master search nor for the database it names
        assertTrue(reads.getOrDefault(RES + "application.properties", 0) <= 1, reads.toString());
    }

    /**
     * A lint asks about every plain script: the settings that may name a master are found and read once for all of
     * them. Walking every path for each script cost most of a lint of 5,000 scripts.
     */
    @Test
    void aLintOfManyPlainScriptsWalksThePathsAndReadsTheSettingsOnce() {
        MemorySnapshot files = flywayOnly();
        for (int i = 2; i <= 60; i++) files.put(RES + "db/migration/V" + i + "__Step.sql", "SELECT " + i + ";\n");
        java.util.Map<String, Integer> reads = new java.util.HashMap<>();
        int[] walks = {0};
        dev.migrationguard.model.Snapshot counting = new dev.migrationguard.model.Snapshot() {
            @Override
            public List<String> paths() {
                walks[0]++;
                return files.paths();
            }

            @Override
            public Optional<byte[]> read(String path) {
                reads.merge(path, 1, Integer::sum);
                return files.read(path);
            }
        };
        for (String path : files.paths()) {
            if (path.endsWith(".sql")) assertTrue(reader.read(counting, path).items().isEmpty(), path);
        }
        assertEquals(1, reads.get(RES + "application.properties"), reads.toString());
        assertTrue(walks[0] <= 2, walks[0] + " walks over the paths");
    }

    @Test
    void aPlainScriptIsJudgedNotRunFromItsOwnTextAlone() {
        MemorySnapshot files = flywayOnly().put(RES + "db/changelog/db.changelog-master.xml",
                xml(changeSet("m1", "")));
        dev.migrationguard.model.Snapshot onlyTheScript = new dev.migrationguard.model.Snapshot() {
            @Override
            public List<String> paths() {
                return files.paths();
            }

            @Override
            public Optional<byte[]> read(String path) {
                if (!path.equals(SCRIPT)) throw new AssertionError("read " + path);
                return files.read(path);
            }
        };
        assertEquals(Optional.empty(), reader.notRun(onlyTheScript, SCRIPT));
    }

    /** Without XML, YAML or JSON files a plain script is still a changelog when it is a master itself. */
    @Test
    void aPlainScriptThatIsAMasterStaysOneWithoutStructuredChangelogs() {
        MemorySnapshot byName = flywayOnly().put(RES + "db/changelog/db.changelog-master.sql",
                "CREATE TABLE a (id int);\n");
        assertEquals(List.of("db/changelog/db.changelog-master.sql::raw::includeAll"),
                reader.read(byName, RES + "db/changelog/db.changelog-master.sql").items().stream()
                        .map(Migration::id).toList());
        MemorySnapshot bySettings = flywayOnly().put(RES + "application.properties",
                "spring.liquibase.change-log=classpath:db/migration/V2__Add_rank.sql\n");
        assertEquals(1, new LiquibaseMigrationReader().read(bySettings, SCRIPT).items().size());
        assertTrue(new LiquibaseMigrationReader(List.of("src/main/resources/db/other.sql"))
                .read(flywayOnly(), SCRIPT).items().isEmpty());
    }
}
