package dev.migrationguard.flyway;

import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.NotRun;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which files Flyway runs, in which order, per project and profile, as the project's settings say. */
class FlywayRunnerViewTest {
    private static final String RES = "src/main/resources/";
    private final FlywayMigrationReader reader = new FlywayMigrationReader();

    private static List<String> paths(MigrationSet set) {
        return set.migrations().stream().map(Migration::path).toList();
    }

    @Test
    void defaultLocationOfASpringApplicationIsDbMigrationInOrderOfVersion() {
        var side = MemorySnapshot.of(
                "pom.xml", "<project><artifactId>flyway-core</artifactId></project>",
                RES + "application.yml", "spring:\n  datasource:\n    url: jdbc:postgresql://db/app\n",
                RES + "db/migration/V10__later.sql", "CREATE TABLE c (id int);",
                RES + "db/migration/V2__second.sql", "CREATE TABLE b (id int);",
                RES + "db/migration/V1_1__first.sql", "CREATE TABLE a (id int);",
                RES + "db/migration/R__view.sql", "CREATE VIEW v AS SELECT 1;",
                "src/main/java/db/migration/V3__Backfill.java",
                "class V3__Backfill { void migrate() { run(\"UPDATE b SET id = 1\"); } }");
        List<MigrationSet> sets = reader.sets(side);
        assertEquals(1, sets.size());
        assertEquals("", sets.get(0).project());
        assertEquals(List.of(RES + "db/migration/V1_1__first.sql", RES + "db/migration/V2__second.sql",
                "src/main/java/db/migration/V3__Backfill.java", RES + "db/migration/V10__later.sql",
                RES + "db/migration/R__view.sql"), paths(sets.get(0)));
        Migration first = sets.get(0).migrations().get(0);
        assertInstanceOf(Operation.CreateTable.class, first.operations().get(0));
        assertEquals(Side.UP, first.operations().get(0).origin().side());
        assertInstanceOf(Operation.DataChange.class, sets.get(0).migrations().get(2).operations().get(0));
    }

    @Test
    void customLocationInApplicationYmlReplacesTheDefault() {
        var side = MemorySnapshot.of(
                RES + "application.yml", "spring:\n  flyway:\n    locations: classpath:db/changes, filesystem:sql\n",
                RES + "db/changes/V1__init.sql", "CREATE TABLE a (id int);",
                "sql/V2__more.sql", "CREATE TABLE b (id int);",
                RES + "db/migration/V3__stray.sql", "CREATE TABLE c (id int);");
        List<MigrationSet> sets = reader.sets(side);
        assertEquals(1, sets.size());
        assertEquals(List.of(RES + "db/changes/V1__init.sql", "sql/V2__more.sql"), paths(sets.get(0)));
        Optional<NotRun> stray = reader.notRun(side, RES + "db/migration/V3__stray.sql");
        assertTrue(stray.isPresent());
        assertTrue(stray.get().reason().contains("outside every Flyway location"), stray.get().reason());
        assertTrue(stray.get().fix().contains(RES + "db/changes/"), stray.get().fix());
        assertEquals(Optional.empty(), reader.notRun(side, RES + "db/changes/V1__init.sql"));
        assertEquals(Optional.empty(), reader.notRun(side, "sql/V2__more.sql"));
    }

    /**
     * Spring's settings read as Spring Boot reads them: a properties document's profile condition holds for the
     * whole document, wherever its line stands; a Maven filtering token ({@code @project.version@}) is no YAML error
     * that loses the rest of the file; {@code locations[0]}, {@code locations[1]} is one list.
     */
    @Test
    void springSettingsAreReadAsSpringBootReadsThem() {
        var conditionLast = MemorySnapshot.of(
                RES + "application.properties", "spring.flyway.locations=classpath:db/common\n#---\n"
                        + "spring.flyway.locations=classpath:db/h2\nspring.config.activate.on-profile=h2\n",
                RES + "db/common/V1__init.sql", "CREATE TABLE a (id int);",
                RES + "db/h2/V1__init.sql", "CREATE TABLE a (id int);");
        List<MigrationSet> sets = reader.sets(conditionLast);
        assertEquals(2, sets.size(), sets.toString());
        assertEquals(List.of(RES + "db/common/V1__init.sql"), paths(sets.get(0)));
        assertEquals(List.of(RES + "db/h2/V1__init.sql"), paths(sets.get(1)));
        var filtered = MemorySnapshot.of(
                RES + "application.yml", "info:\n  version: @project.version@\n"
                        + "spring:\n  flyway:\n    locations: classpath:db/changes\n",
                RES + "db/changes/V1__init.sql", "CREATE TABLE a (id int);",
                RES + "db/migration/V2__stray.sql", "CREATE TABLE b (id int);");
        assertEquals(List.of(RES + "db/changes/V1__init.sql"), paths(reader.sets(filtered).get(0)));
        var indexed = MemorySnapshot.of(
                RES + "application.properties", "spring.flyway.locations[1]=classpath:db/b\n"
                        + "spring.flyway.locations[0]=classpath:db/a\n",
                RES + "db/a/V1__init.sql", "CREATE TABLE a (id int);",
                RES + "db/b/V2__more.sql", "CREATE TABLE b (id int);");
        assertEquals(List.of(RES + "db/a/V1__init.sql", RES + "db/b/V2__more.sql"),
                paths(reader.sets(indexed).get(0)));
    }

    @Test
    void locationsAsAYamlListAndPerProfileGiveOneSetPerConfiguration() {
        var side = MemorySnapshot.of(
                RES + "application.yml", "spring:\n  flyway:\n    locations:\n      - classpath:db/common\n"
                        + "      - classpath:db/postgres\n",
                RES + "application-h2.properties", "spring.flyway.locations=classpath:db/common,classpath:db/h2\n",
                RES + "db/common/V1__init.sql", "CREATE TABLE a (id int);",
                RES + "db/postgres/V2__pg.sql", "CREATE TABLE b (id int);",
                RES + "db/h2/V2__h2.sql", "CREATE TABLE b (id int);");
        List<MigrationSet> sets = reader.sets(side);
        assertEquals(2, sets.size(), sets.toString());
        assertEquals(List.of(RES + "db/common/V1__init.sql", RES + "db/postgres/V2__pg.sql"), paths(sets.get(0)));
        assertEquals(List.of(RES + "db/common/V1__init.sql", RES + "db/h2/V2__h2.sql"), paths(sets.get(1)));
        assertTrue(sets.get(1).name().contains("profile h2"), sets.get(1).name());
        assertEquals(Optional.empty(), reader.notRun(side, RES + "db/h2/V2__h2.sql"));
    }

    @Test
    void misnamedFilesAreNotRunWithTheNameThatWouldRun() {
        var side = MemorySnapshot.of(
                RES + "application.properties", "spring.flyway.enabled=true\n",
                RES + "db/migration/V1__init.sql", "CREATE TABLE a (id int);");
        assertNotRun(side, RES + "db/migration/V3_add_x.sql", "one underscore", "V3__add_x.sql");
        assertNotRun(side, RES + "db/migration/v3__x.sql", "case-sensitive", "V3__x.sql");
        assertNotRun(side, RES + "db/migration/V3__x.txt", "suffix .txt", "V3__x.sql");
        assertNotRun(side, RES + "db/migration/V__x.sql", "no version", "V<next version>__x.sql");
        assertNotRun(side, RES + "db/migration/V3-x.sql", "no __", "V3__x.sql");
        assertNotRun(side, RES + "db/migration/R3__x.sql", "repeatable migration, which has no version", "V3__x.sql");
        assertEquals(Optional.empty(), reader.notRun(side, RES + "db/migration/V3.1__x.sql"));
        assertEquals(Optional.empty(), reader.notRun(side, RES + "db/migration/V3__x.SQL"));
        assertEquals(Optional.empty(), reader.notRun(side, RES + "db/migration/R__views.sql"));
        assertEquals(Optional.empty(), reader.notRun(side, RES + "db/migration/README.md"));
        assertEquals(Optional.empty(), reader.notRun(side, RES + "db/migration/Values.sql"));
        assertEquals(Optional.empty(), reader.notRun(side, RES + "db/migration/V1.txt"));
        assertEquals(Optional.empty(), reader.notRun(side, RES + "db/migration/V__notes.txt"));
        assertEquals(Optional.empty(), reader.notRun(side, RES + "db/migration/v3_x.md"));
    }

    private void assertNotRun(MemorySnapshot side, String path, String reason, String rename) {
        Optional<NotRun> n = reader.notRun(side, path);
        assertTrue(n.isPresent(), path);
        assertTrue(n.get().reason().contains(reason), n.get().reason());
        assertEquals("Rename it to " + rename + ".", n.get().fix());
        assertEquals(FlywayStack.ID, n.get().stack());
    }

    @Test
    void withoutSettingsAWellNamedFileAnywhereIsNotJudgedByItsFolder() {
        var side = MemorySnapshot.of(
                "scripts/V1__init.sql", "CREATE TABLE a (id int);",
                "db/V2__more.sql", "CREATE TABLE b (id int);");
        assertEquals(Optional.empty(), reader.notRun(side, "scripts/V1__init.sql"));
        List<MigrationSet> sets = reader.sets(side);
        assertEquals(1, sets.size());
        assertEquals(List.of("scripts/V1__init.sql", "db/V2__more.sql"), paths(sets.get(0)));
    }

    @Test
    void unreadableLocationsKeepTheToolSilentAboutFolders() {
        var side = MemorySnapshot.of(
                RES + "application.properties", "spring.flyway.locations=${MIGRATIONS}\n",
                "elsewhere/V1__init.sql", "CREATE TABLE a (id int);");
        assertEquals(Optional.empty(), reader.notRun(side, "elsewhere/V1__init.sql"));
    }

    @Test
    void eachModuleIsAProjectWithItsOwnLocations() {
        var side = MemorySnapshot.of(
                "pom.xml", "<project><modules><module>orders</module><module>users</module></modules></project>",
                "orders/pom.xml", "<project><artifactId>flyway-core</artifactId></project>",
                "orders/" + RES + "application.yml", "spring:\n  flyway:\n    locations: classpath:db/orders\n",
                "orders/" + RES + "db/orders/V1__orders.sql", "CREATE TABLE orders (id int);",
                "users/pom.xml", "<project><artifactId>flyway-core</artifactId></project>",
                "users/" + RES + "application.properties", "spring.datasource.url=jdbc:mysql://x/y\n",
                "users/" + RES + "db/migration/V1__users.sql", "CREATE TABLE users (id int);",
                "users/" + RES + "db/orders/V2__misplaced.sql", "CREATE TABLE x (id int);");
        List<MigrationSet> sets = reader.sets(side);
        assertEquals(2, sets.size(), sets.toString());
        assertEquals("orders", sets.get(0).project());
        assertEquals(List.of("orders/" + RES + "db/orders/V1__orders.sql"), paths(sets.get(0)));
        assertEquals("users", sets.get(1).project());
        assertEquals(List.of("users/" + RES + "db/migration/V1__users.sql"), paths(sets.get(1)));
        assertTrue(reader.notRun(side, "users/" + RES + "db/orders/V2__misplaced.sql").isPresent());
    }

    @Test
    void flywayConfAndTomlAndMavenPluginSetLocationsAndNaming() {
        var conf = MemorySnapshot.of(
                "flyway.conf", "flyway.locations=filesystem:database\nflyway.sqlMigrationPrefix=M\n"
                        + "flyway.sqlMigrationSeparator=-\n",
                "database/M1-init.sql", "CREATE TABLE a (id int);",
                "database/V2__wrong_prefix.sql", "CREATE TABLE b (id int);");
        assertEquals(List.of("database/M1-init.sql"), paths(reader.sets(conf).get(0)));
        var toml = MemorySnapshot.of(
                "flyway.toml", "[environments.prod]\nurl = \"jdbc:postgresql://x/y\"\n\n[flyway]\n"
                        + "locations = [\"filesystem:migrations\"]\nsqlMigrationSuffixes = [\".sql\", \".psql\"]\n",
                "migrations/V1__init.psql", "CREATE TABLE a (id int);",
                "migrations/V2__more.sql", "CREATE TABLE b (id int);",
                "sql/V3__stray.sql", "CREATE TABLE c (id int);");
        assertEquals(List.of("migrations/V1__init.psql", "migrations/V2__more.sql"),
                paths(new FlywayMigrationReader().sets(toml).get(0)));
        assertTrue(new FlywayMigrationReader().notRun(toml, "sql/V3__stray.sql").isPresent());
        var pom = MemorySnapshot.of(
                "pom.xml", "<project><build><plugins><plugin><groupId>org.flywaydb</groupId>"
                        + "<artifactId>flyway-maven-plugin</artifactId><configuration><locations>"
                        + "<location>filesystem:src/main/sql</location></locations>"
                        + "<outOfOrder>true</outOfOrder></configuration></plugin></plugins></build></project>",
                "src/main/sql/V1__init.sql", "CREATE TABLE a (id int);");
        assertEquals(List.of("src/main/sql/V1__init.sql"), paths(new FlywayMigrationReader().sets(pom).get(0)));
    }

    @Test
    void placeholdersAreReplacedBeforeParsingAndUnknownOnesAreOpaque() {
        var side = MemorySnapshot.of(
                RES + "application.properties", "spring.flyway.placeholders.table-prefix=app_\n",
                RES + "db/migration/V1__init.sql", "CREATE TABLE ${table-prefix}users (id int);\n"
                        + "CREATE TABLE ${missing}orders (id int);\n"
                        + "GRANT SELECT ON x TO ${flyway:user};\n");
        List<Operation> ops = reader.sets(side).get(0).migrations().get(0).operations();
        assertEquals(3, ops.size(), ops.toString());
        assertEquals("app_users", ((Operation.CreateTable) ops.get(0)).table().name());
        Operation.Opaque unknown = assertInstanceOf(Operation.Opaque.class, ops.get(1));
        assertTrue(unknown.summary().contains("${missing}"), unknown.summary());
        assertEquals(2, unknown.origin().location().line());
    }

    @Test
    void undoScriptOperationsFollowTheirVersionedMigrationOnTheUndoSide() {
        var side = MemorySnapshot.of(
                "db/migration/V1__init.sql", "CREATE TABLE a (id int);",
                "db/migration/U1__init.sql", "DROP TABLE a;");
        MigrationSet set = reader.sets(side).get(0);
        assertEquals(List.of("db/migration/V1__init.sql"), paths(set));
        List<Operation> ops = set.migrations().get(0).operations();
        assertEquals(List.of(Side.UP, Side.UNDO), ops.stream().map(o -> o.origin().side()).toList());
        assertEquals("db/migration/U1__init.sql", ops.get(1).origin().location().path());
    }

    @Test
    void theNewestBaselineMigrationReplacesTheVersionsBelowIt() {
        var side = MemorySnapshot.of(
                "db/migration/V1__init.sql", "CREATE TABLE a (id int);",
                "db/migration/V2__more.sql", "CREATE TABLE b (id int);",
                "db/migration/B2__baseline.sql", "CREATE TABLE a (id int); CREATE TABLE b (id int);",
                "db/migration/V3__last.sql", "CREATE TABLE c (id int);");
        assertEquals(List.of("db/migration/B2__baseline.sql", "db/migration/V3__last.sql"),
                paths(reader.sets(side).get(0)));
    }

    @Test
    void vendorFoldersAreOneSetPerDatabaseWithTheCommonScripts() {
        var side = MemorySnapshot.of(
                RES + "application.yml", "spring:\n  flyway:\n    locations: classpath:db/migration/{vendor},"
                        + "classpath:db/migration/common\n",
                RES + "db/migration/common/V1__init.sql", "CREATE TABLE a (id int);",
                RES + "db/migration/mysql/V2__my.sql", "CREATE TABLE b (id int);",
                RES + "db/migration/postgresql/V2__pg.sql", "CREATE TABLE b (id int);");
        List<MigrationSet> sets = reader.sets(side);
        assertEquals(2, sets.size(), sets.toString());
        assertEquals(List.of(RES + "db/migration/common/V1__init.sql", RES + "db/migration/mysql/V2__my.sql"),
                paths(sets.get(0)));
        assertEquals(dev.migrationguard.model.schema.Dialect.MYSQL, sets.get(0).dialect());
        assertEquals(List.of(RES + "db/migration/common/V1__init.sql", RES + "db/migration/postgresql/V2__pg.sql"),
                paths(sets.get(1)));
        assertEquals(dev.migrationguard.model.schema.Dialect.POSTGRES, sets.get(1).dialect());
        assertTrue(sets.get(1).name().endsWith("[postgresql]"), sets.get(1).name());
    }

    @Test
    void aModuleThatTurnsFlywayOffRunsNothingAndJudgesNoFolder() {
        var side = MemorySnapshot.of(
                "pom.xml", "<project><modules><module>app</module><module>repo</module></modules></project>",
                "app/pom.xml", "<project><artifactId>flyway-core</artifactId></project>",
                "app/" + RES + "application.properties", "spring.flyway.enabled=false\n",
                "repo/pom.xml", "<project/>",
                "repo/" + RES + "db/H2/V1__init_H2.sql", "CREATE TABLE a (id int);",
                "repo/" + RES + "db/MYSQL/V1__init_MYSQL.sql", "CREATE TABLE a (id int);");
        List<MigrationSet> sets = reader.sets(side);
        assertEquals(List.of("repo", "repo"), sets.stream().map(MigrationSet::project).toList());
        assertEquals(List.of(List.of("repo/" + RES + "db/H2/V1__init_H2.sql"),
                List.of("repo/" + RES + "db/MYSQL/V1__init_MYSQL.sql")), sets.stream().map(s -> paths(s)).toList());
        assertTrue(sets.get(0).name().startsWith("every Flyway-named file of repo"), sets.get(0).name());
        assertEquals(Optional.empty(), reader.notRun(side, "app/" + RES + "elsewhere/V2__x.sql"));
    }

    @Test
    void aRootWithoutSettingsKeepsItsOwnFilesAndLeavesANestedModulesToIt() {
        var side = MemorySnapshot.of(
                "pom.xml", "<project><modules><module>app</module></modules></project>",
                "sql/V1__root.sql", "CREATE TABLE a (id int);",
                "app/pom.xml", "<project><artifactId>flyway-core</artifactId></project>",
                "app/" + RES + "application.properties", "spring.flyway.locations=classpath:db/app\n",
                "app/" + RES + "db/app/V1__app.sql", "CREATE TABLE b (id int);");
        List<MigrationSet> sets = reader.sets(side);
        assertEquals(List.of("app", ""), sets.stream().map(MigrationSet::project).toList());
        assertEquals(List.of("app/" + RES + "db/app/V1__app.sql"), paths(sets.get(0)));
        assertEquals(List.of("sql/V1__root.sql"), paths(sets.get(1)));
    }

    /** The pre-commit hook asks about every changed file: an entity must not make it read the Flyway settings. */
    @Test
    void aFileThatCannotBeAMigrationIsJudgedWithoutReadingTheRepository() {
        Snapshot unread = new Snapshot() {
            @Override
            public List<String> paths() {
                throw new AssertionError("the repository was listed");
            }

            @Override
            public Optional<byte[]> read(String path) {
                throw new AssertionError("read " + path);
            }
        };
        for (String path : List.of("src/entities/thing1.entity.ts", "src/main/java/app/Thing1.java",
                "src/main/resources/application-h2.yml", "docs/v2.md")) {
            assertEquals(Optional.empty(), reader.notRun(unread, path), path);
        }
        for (String name : List.of("V3_add_x.sql", "v3__x.sql", "V3__x.txt", "V__x.sql", "V3_x.pgsql",
                "V2__Backfill.java")) {
            assertTrue(FlywayMigrationReader.mayBeMigration(name), name);
        }
    }
}
