package dev.migrationguard.database;

import dev.migrationguard.database.AppliedMigrations.Applied;
import dev.migrationguard.model.CannotJudge;
import dev.migrationguard.settings.DeployedFrom;
import dev.migrationguard.stack.HistoryTable.Compare;
import dev.migrationguard.stack.MigrationTool;
import dev.migrationguard.stack.Stack;
import dev.migrationguard.stacks.SupportedStacks;
import dev.migrationguard.testing.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.migrationguard.testing.HistoryTables.flyway;
import static dev.migrationguard.testing.HistoryTables.flywayRow;
import static dev.migrationguard.testing.HistoryTables.liquibase;
import static dev.migrationguard.testing.HistoryTables.liquibaseRow;
import static dev.migrationguard.testing.HistoryTables.typeorm;
import static dev.migrationguard.testing.HistoryTables.typeormRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The history tables of a real PostgreSQL, read as the deployed record. */
class AppliedMigrationsTest {
    static final EmbeddedDatabase DB = EmbeddedDatabase.get();
    static final Map<String, String> READER = Map.of(Database.USER, EmbeddedDatabase.READER,
            Database.PASSWORD, EmbeddedDatabase.READER_PASSWORD);

    /** The history tables of every supported stack, under the names given or their defaults. */
    private static List<Applied> read(String database, Map<String, String> names) {
        List<AppliedMigrations.Source> sources = new ArrayList<>();
        for (Stack s : SupportedStacks.ALL) {
            s.migrationTool().flatMap(MigrationTool::historyTable).ifPresent(t -> sources.add(
                    new AppliedMigrations.Source(s.id(), t, names.getOrDefault(s.id(), t.defaultName()))));
        }
        return Database.read(target(DB.url(database), READER), c -> AppliedMigrations.read(c, sources));
    }

    /** A URL the person running the tool chose, so the environment's credentials go with it. */
    static Database.Target target(String url, Map<String, String> env) {
        return Database.target(new DeployedFrom(url, "--deployed-from", false), env);
    }

    @Test
    void flywayRowsThatRecordNoAppliedMigrationAreLeftOut() {
        String db = DB.newDatabase();
        String t = "flyway_schema_history";
        DB.superuser(db, flyway(t),
                flywayRow(t, 0, null, "SCHEMA", "\"public\"", null, true),
                flywayRow(t, 1, "1", "BASELINE", "<< Flyway Baseline >>", null, true),
                flywayRow(t, 2, "2", "SQL", "V2__Add_title.sql", "-1234567", true),
                flywayRow(t, 3, "3", "SQL", "V3__Failed.sql", "42", false),
                flywayRow(t, 4, "4", "JDBC", "db.migration.V4__Seed", null, true),
                flywayRow(t, 5, null, "SQL", "R__Views.sql", "1", true),
                flywayRow(t, 6, null, "SQL", "R__Views.sql", "2", true),
                flywayRow(t, 7, "5", "SQL", "V5__Repaired_away.sql", "7", true),
                flywayRow(t, 8, "5", "DELETE", "V5__Repaired_away.sql", "7", true));
        DB.grantRead(db);

        assertEquals(List.of(
                new Applied("flyway", "V2__Add_title.sql", "-1234567", Compare.CHECKSUM),
                new Applied("flyway", "db.migration.V4__Seed", null, Compare.STARTING_VERSION),
                new Applied("flyway", "R__Views.sql", "2", Compare.PRESENCE)),
                read(db, Map.of()));
    }

    @Test
    void liquibaseChangeSetsAreFileIdAuthorAndFailedOnesAreLeftOut() {
        String db = DB.newDatabase();
        String t = "databasechangelog";
        DB.superuser(db, liquibase(t),
                liquibaseRow(t, 1, "create-team", "alice", "db/changelog/teams.yaml", "EXECUTED"),
                liquibaseRow(t, 2, "seed", "bob", "classpath:/db/changelog/seed.xml", "MARK_RAN"),
                liquibaseRow(t, 3, "broken", "bob", "db/changelog/seed.xml", "FAILED"));
        DB.grantRead(db);

        List<Applied> applied = read(db, Map.of());
        assertEquals(List.of("db/changelog/teams.yaml::create-team::alice", "classpath:/db/changelog/seed.xml::seed::bob"),
                applied.stream().map(Applied::name).toList());
        assertTrue(applied.stream().allMatch(a -> a.stack().equals("liquibase") && a.compare() == Compare.STARTING_VERSION
                && a.checksum().equals("9:0123456789abcdef0123456789abcdef")), applied::toString);
    }

    @Test
    void typeormNamesAreReadAndALaravelMigrationsTableIsNotTakenForTypeorms() {
        String db = DB.newDatabase();
        DB.superuser(db, typeorm("migrations"), typeormRow("migrations", "CreateContest1700000000000"),
                typeormRow("migrations", "AddContestDivisions1700000000001"));
        DB.grantRead(db);
        assertEquals(List.of("CreateContest1700000000000", "AddContestDivisions1700000000001"),
                read(db, Map.of()).stream().map(Applied::name).toList());

        String laravel = DB.newDatabase();
        DB.superuser(laravel, "CREATE TABLE migrations (id SERIAL PRIMARY KEY, migration VARCHAR(255), batch INT)",
                "INSERT INTO migrations (migration, batch) VALUES ('2014_10_12_000000_create_users_table', 1)");
        DB.grantRead(laravel);
        assertEquals(List.of(), read(laravel, Map.of()));
    }

    @Test
    void configuredTableNamesAndSchemasAreReadAndAbsentTablesAreNoRecord() {
        String db = DB.newDatabase();
        DB.superuser(db, "CREATE SCHEMA ops", flyway("ops.schema_version"),
                flywayRow("ops.schema_version", 1, "1", "SQL", "V1__Init.sql", "99", true),
                "GRANT USAGE ON SCHEMA ops TO " + EmbeddedDatabase.READER,
                "GRANT SELECT ON ALL TABLES IN SCHEMA ops TO " + EmbeddedDatabase.READER);
        Map<String, String> tables = Map.of("flyway", "ops.schema_version");
        assertEquals(List.of(new Applied("flyway", "V1__Init.sql", "99", Compare.CHECKSUM)), read(db, tables));
        assertEquals(List.of(), read(db, Map.of()));
    }

    @Test
    void aTableWithTheConfiguredNameButNotTheHistoryColumnsStopsTheRun() {
        String db = DB.newDatabase();
        DB.superuser(db, "CREATE TABLE flyway_schema_history (id INT)");
        DB.grantRead(db);
        var e = assertThrows(CannotJudge.class, () -> read(db, Map.of()));
        assertTrue(e.getMessage().contains("table public.flyway_schema_history has no column installed_rank"),
                e.getMessage());
    }

    @Test
    void credentialsComeFromTheEnvironmentAndTheUrlWins() {
        String db = DB.newDatabase();
        String url = DB.url(db);
        // MIGRATION_GUARD_DB_* first, then PostgreSQL's own PGUSER / PGPASSWORD
        assertTrue(Database.read(target(url, Map.of("PGUSER", EmbeddedDatabase.READER,
                "PGPASSWORD", EmbeddedDatabase.READER_PASSWORD)), Connection::isReadOnly));
        var wrong = Map.of(Database.USER, EmbeddedDatabase.READER, Database.PASSWORD, "not-it",
                "PGPASSWORD", EmbeddedDatabase.READER_PASSWORD);
        var refused = assertThrows(CannotJudge.class, () -> Database.read(target(url, wrong), c -> c));
        assertTrue(refused.getMessage().contains("password authentication failed"), refused.getMessage());
        String inUrl = url + "?user=" + EmbeddedDatabase.READER + "&password=" + EmbeddedDatabase.READER_PASSWORD;
        assertTrue(Database.read(target(inUrl, wrong), Connection::isReadOnly));
    }
}
