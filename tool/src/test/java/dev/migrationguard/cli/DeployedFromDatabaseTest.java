package dev.migrationguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrationguard.flyway.FlywayChecksum;
import dev.migrationguard.testing.EmbeddedDatabase;
import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.migrationguard.testing.HistoryTables.flyway;
import static dev.migrationguard.testing.HistoryTables.flywayRow;
import static dev.migrationguard.testing.HistoryTables.liquibase;
import static dev.migrationguard.testing.HistoryTables.liquibaseRow;
import static dev.migrationguard.testing.HistoryTables.typeorm;
import static dev.migrationguard.testing.HistoryTables.typeormRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --deployed-from} against a real PostgreSQL whose history tables were written as Flyway, Liquibase and TypeORM
 * write them, through the real CLI on temporary git repositories.
 */
class DeployedFromDatabaseTest {
    static final EmbeddedDatabase DB = EmbeddedDatabase.get();
    static final String M = CliEndToEndTest.MIGRATIONS;
    static final String V1 = "CREATE TABLE contest (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL);\n";
    static final String V2 = "ALTER TABLE contest ADD COLUMN starts_at TIMESTAMP;\n";
    static final String FH = "flyway_schema_history";

    @TempDir
    Path dir;

    /** The reader's URL with its password in it: what must never be printed. */
    static String readerUrl(String database) {
        return DB.url(database) + "?user=" + EmbeddedDatabase.READER + "&password=" + EmbeddedDatabase.READER_PASSWORD;
    }

    /** main has V1; branch feature adds V2, which staging already applied from the branch (main lacks it). */
    private GitFixture featureBranchAppliedToStaging(String database) {
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        g.git("checkout", "-q", "-b", "feature");
        g.write(M + "V2__Add_contest_start.sql", V2).addAll().commit("add start");
        DB.superuser(database, flyway(FH),
                flywayRow(FH, 1, "1", "SQL", "V1__Create_contest.sql", FlywayChecksum.sql(V1), true),
                flywayRow(FH, 2, "2", "SQL", "V2__Add_contest_start.sql", FlywayChecksum.sql(V2), true));
        DB.grantRead(database);
        return g;
    }

    @Test
    void aMigrationAppliedInTheDatabaseCountsAsDeployedAndItsEditIsCaughtByChecksum() {
        String db = DB.newDatabase();
        var g = featureBranchAppliedToStaging(db);
        g.write(M + "V2__Add_contest_start.sql", "ALTER TABLE contest ADD COLUMN starts_at TIMESTAMPTZ;\n")
                .add(M + "V2__Add_contest_start.sql");

        Cli gitOnly = Cli.run(g.root(), "check", "--staged", "--deploy-ref", "main", "--format", "json");
        assertEquals(0, gitOnly.code(), "main lacks V2, so git alone calls it new: " + gitOnly);

        Cli withDb = Cli.run(g.root(), "check", "--staged", "--deploy-ref", "main", "--format", "json",
                "--deployed-from", readerUrl(db));
        assertEquals(1, withDb.code(), withDb::toString);
        assertEquals(List.of("deployed-migration-edited"), withDb.rules());
        JsonNode f = withDb.json().get("findings").get(0);
        assertEquals(M + "V2__Add_contest_start.sql", f.get("path").asText());
        assertEquals("Migration " + M + "V2__Add_contest_start.sql is deployed (recorded in the database at "
                + DB.url(db) + ") but its content no longer matches the record.", f.get("message").asText());
        assertFalse(withDb.out().contains(EmbeddedDatabase.READER_PASSWORD) || withDb.err().contains("password="),
                withDb::toString);

        // line endings and blank lines are not an edit to Flyway's checksum, so not to this one either
        g.write(M + "V2__Add_contest_start.sql", "\n" + V2.replace("\n", "\r\n")).add(M + "V2__Add_contest_start.sql");
        Cli crlf = Cli.run(g.root(), "check", "--staged", "--deploy-ref", "main", "--deployed-from", readerUrl(db));
        assertEquals(0, crlf.code(), crlf::toString);
    }

    @Test
    void lintHoldsEveryAppliedFlywayMigrationToItsChecksumAndReportsOneThatIsGone() {
        String db = DB.newDatabase();
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        DB.superuser(db, flyway(FH),
                flywayRow(FH, 1, "1", "SQL", "V1__Create_contest.sql", "123456", true),
                flywayRow(FH, 2, "2", "SQL", "V2__Drop_legacy.sql", "-99", true),
                flywayRow(FH, 3, null, "SQL", "R__Refresh_views.sql", "5", true));
        DB.grantRead(db);

        Cli lint = Cli.run(g.root(), "lint", "--format", "json", "--deployed-from", readerUrl(db));
        assertEquals(1, lint.code(), lint::toString);
        JsonNode findings = lint.json().get("findings");
        assertEquals(3, findings.size(), lint::toString);
        // gone: reported where Flyway would find it, beside the other migrations
        assertEquals(M + "R__Refresh_views.sql", findings.get(0).get("path").asText(), lint::toString);
        assertEquals(M + "V1__Create_contest.sql", findings.get(1).get("path").asText(), lint::toString);
        assertTrue(findings.get(1).get("message").asText().endsWith("but its content no longer matches the record."));
        assertEquals(M + "V2__Drop_legacy.sql", findings.get(2).get("path").asText(), lint::toString);
        assertEquals("Migration V2__Drop_legacy.sql is deployed (recorded in the database at " + DB.url(db)
                + ") but is no longer in the repository.", findings.get(2).get("message").asText());
    }

    @Test
    void liquibaseChangeSetsAppliedThereMustStayAndMustNotChangeInTheChange() {
        String db = DB.newDatabase();
        String changelog = "src/main/resources/db/changelog/teams.yaml";
        String teams = """
                databaseChangeLog:
                  - changeSet:
                      id: create-team
                      author: alice
                      changes:
                        - createTable: {tableName: team, columns: [{column: {name: id, type: int}}]}
                """;
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        g.git("checkout", "-q", "-b", "feature");
        g.write(changelog, teams).addAll().commit("teams");
        DB.superuser(db, liquibase("databasechangelog"),
                // as Spring Boot 2 recorded it, id and author in another case: the same changeSet to Liquibase
                liquibaseRow("databasechangelog", 1, "Create-Team", "Alice", "classpath:/db/changelog/teams.yaml",
                        "EXECUTED"),
                liquibaseRow("databasechangelog", 2, "drop-legacy", "bob", "db/changelog/teams.yaml", "EXECUTED"));
        DB.grantRead(db);

        // the changeSet applied there but gone from the changelog is reported on the changelog
        Cli present = Cli.run(g.root(), "check", "--staged", "--deploy-ref", "main", "--format", "json",
                "--deployed-from", readerUrl(db));
        assertEquals(1, present.code(), present::toString);
        JsonNode gone = present.json().get("findings").get(0);
        assertEquals(changelog, gone.get("path").asText());
        assertEquals("ChangeSet db/changelog/teams.yaml::drop-legacy::bob is deployed (recorded in the database at "
                + DB.url(db) + ") but is no longer in the repository.", gone.get("message").asText());

        // main lacks the changeSet; the database says it ran: changing it in this commit is an edit
        g.write(changelog, teams.replace("type: int", "type: bigint")).add(changelog);
        Cli edited = Cli.run(g.root(), "check", "--staged", "--deploy-ref", "main", "--format", "json",
                "--deployed-from", readerUrl(db));
        assertEquals(List.of("deployed-migration-edited", "deployed-migration-edited"), edited.rules(), edited::toString);
        assertTrue(edited.out().contains("ChangeSet db/changelog/teams.yaml::create-team::alice is deployed (recorded in "
                + "the database at " + DB.url(db) + ") but its content no longer matches the record."), edited::toString);
    }

    @Test
    void typeormMigrationsAreMatchedByTimestampAndNameAndAMissingOneIsReported() {
        String db = DB.newDatabase();
        var g = CliEndToEndTest.baseline(dir)
                .write("src/migrations/1700000000000-create-contest.ts", "export class CreateContest1700000000000 {}\n")
                .addAll().commit("init");
        DB.superuser(db, typeorm("migrations"), typeormRow("migrations", "CreateContest1700000000000"),
                typeormRow("migrations", "AddContestDivisions1700000000001"));
        DB.grantRead(db);

        Cli lint = Cli.run(g.root(), "lint", "--format", "json", "--deployed-from", readerUrl(db));
        assertEquals(1, lint.code(), lint::toString);
        JsonNode findings = lint.json().get("findings");
        assertEquals(1, findings.size(), lint::toString);
        assertEquals("Migration AddContestDivisions1700000000001 is deployed (recorded in the database at "
                + DB.url(db) + ") but is no longer in the repository.", findings.get(0).get("message").asText());
    }

    @Test
    void theConfigurationNamesTheDatabaseAndItsTables() {
        String db = DB.newDatabase();
        var g = CliEndToEndTest.baseline(dir)
                .write(".migration-guard.yml", "deployed:\n  from: " + DB.url(db) + "\n  tables:\n"
                        + "    flyway: schema_version\n")
                .addAll().commit("init");
        DB.superuser(db, flyway("schema_version"),
                flywayRow("schema_version", 1, "1", "SQL", "V1__Create_contest.sql", FlywayChecksum.sql(V1), true),
                flywayRow("schema_version", 2, "9", "SQL", "V9__Gone.sql", "1", true));
        DB.grantRead(db);
        // the configuration leaves the credentials to the environment, which sends them only to a host it allows
        var env = new java.util.HashMap<>(Map.of("PGUSER", EmbeddedDatabase.READER,
                "PGPASSWORD", EmbeddedDatabase.READER_PASSWORD));
        Cli refused = Cli.run(env, g.root(), "lint", "--format", "json");
        assertEquals(2, refused.code(), refused::toString);
        assertTrue(refused.err().contains("set MIGRATION_GUARD_DB_HOSTS=localhost:" + DB.port() + ";"), refused::toString);
        env.put("MIGRATION_GUARD_DB_HOSTS", "localhost");
        Cli lint = Cli.run(env, g.root(), "lint", "--format", "json");
        assertEquals(1, lint.code(), lint::toString);
        assertEquals(List.of("deployed-migration-edited"), lint.rules());
        assertTrue(lint.out().contains("V9__Gone.sql"), lint::toString);
    }

    @Test
    void onlySelectIsEverSentToTheDatabase() {
        String db = DB.newDatabase();
        var g = featureBranchAppliedToStaging(db);
        DB.superuser(db, liquibase("databasechangelog"), typeorm("migrations"),
                liquibaseRow("databasechangelog", 1, "a", "b", "x.xml", "EXECUTED"),
                typeormRow("migrations", "CreateContest1700000000000"));
        DB.grantRead(db);
        int before = DB.statementsFrom(EmbeddedDatabase.READER).size();

        Cli check = Cli.run(g.root(), "check", "--staged", "--deploy-ref", "main", "--deployed-from", readerUrl(db));
        Cli lint = Cli.run(g.root(), "lint", "--deployed-from", readerUrl(db));
        assertEquals(1, lint.code(), lint::toString);
        assertEquals(1, check.code(), check::toString);

        // the server's own log (log_statement=all) of everything the reader's sessions sent
        List<String> all = DB.statementsFrom(EmbeddedDatabase.READER);
        List<String> sent = all.subList(before, all.size());
        assertTrue(sent.stream().anyMatch(s -> s.contains("FROM \"public\".\"flyway_schema_history\"")),
                () -> sent + DB.serverLog());
        assertTrue(sent.stream().anyMatch(s -> s.contains("FROM \"public\".\"databasechangelog\"")), sent::toString);
        assertTrue(sent.stream().anyMatch(s -> s.contains("FROM \"public\".\"migrations\"")), sent::toString);
        for (String s : sent) {
            String statement = s.strip().toUpperCase(java.util.Locale.ROOT);
            boolean select = statement.startsWith("SELECT ");
            // the driver opens the read-only transaction setReadOnly(true) asked for, and closes it
            boolean readOnlyTransaction = statement.equals("BEGIN READ ONLY") || statement.equals("ROLLBACK");
            assertTrue(select || readOnlyTransaction, "sent to the database: " + s + "\nall: " + sent);
        }
        assertFalse(String.join("\n", all).contains(EmbeddedDatabase.READER_PASSWORD));
    }

    @Test
    void aRefusedLoginExitsTwoWithTheReasonAndNeverThePassword() {
        String db = DB.newDatabase();
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        String wrong = "Wr0ng-but-still-secret";
        for (String url : List.of(DB.url(db) + "?user=deployer&password=" + wrong,
                "jdbc:postgresql://deployer:" + wrong + "@localhost:" + DB.port() + "/" + db)) {
            for (List<String> extra : List.of(List.<String>of(), List.of("--debug"))) {
                List<String> args = new java.util.ArrayList<>(List.of("lint", "--deployed-from", url));
                args.addAll(extra);
                Cli r = Cli.run(g.root(), args.toArray(String[]::new));
                assertEquals(2, r.code(), r::toString);
                // pgjdbc reads no user-info in the URL (MySQL's driver does): it would look the password up in DNS
                assertTrue(r.err().contains(url.contains("@")
                        ? "--deployed-from: pgjdbc reads no user or password written before the host (user:password@host)"
                        + "; it would look all of it up as a host name. Write " + DB.url(db) + "?user=... or set "
                        + "MIGRATION_GUARD_DB_USER and MIGRATION_GUARD_DB_PASSWORD"
                        : "cannot read the deployed migrations from " + DB.url(db)
                        + ": FATAL: password authentication failed for user \"deployer\""), r::toString);
                assertFalse((r.out() + r.err()).contains(wrong), r::toString);
            }
        }
    }

    @Test
    void anUnreachableDatabaseAMissingDriverAndABadUrlExitTwoWithoutTheirSecrets() {
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        Cli closed = Cli.run(g.root(), "lint", "--deployed-from",
                "jdbc:postgresql://localhost:1/app?user=ops&password=Closed-S3cret&connectTimeout=2");
        assertEquals(2, closed.code(), closed::toString);
        assertTrue(closed.err().contains("cannot read the deployed migrations from jdbc:postgresql://localhost:1/app: "
                + "Connection to localhost:1 refused"), closed::toString);
        assertFalse(closed.err().contains("Closed-S3cret"), closed::toString);

        Cli mysql = Cli.run(g.root(), "check", "--staged", "--deployed-from",
                "jdbc:mysql://admin:My-S3cret@db.internal:3306/app");
        assertEquals(2, mysql.code(), mysql::toString);
        assertTrue(mysql.err().contains("no JDBC driver on the classpath accepts jdbc:mysql://db.internal:3306/app")
                && mysql.err().contains("java -cp migration-guard.jar:<driver.jar> dev.migrationguard.cli.Main"),
                mysql::toString);
        assertFalse(mysql.err().contains("My-S3cret"), mysql::toString);

        Cli notJdbc = Cli.run(g.root(), "lint", "--deployed-from", "postgres://admin:Url-S3cret@db/app");
        assertEquals(2, notJdbc.code(), notJdbc::toString);
        assertTrue(notJdbc.err().contains("--deployed-from must be a JDBC URL"), notJdbc::toString);
        assertFalse(notJdbc.err().contains("Url-S3cret"), notJdbc::toString);
    }
}
