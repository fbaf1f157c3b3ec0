package dev.migrationguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lock rules through the real CLI, on git repositories: the pre-commit hook, the CI gate, suppression, severity. */
class LockRulesEndToEndTest {
    private static final String FLYWAY = "src/main/resources/db/migration/";

    @TempDir
    Path dir;

    /** A Spring Boot project on PostgreSQL: the lock rules judge only a database something names. */
    private GitFixture flywayProject() {
        return GitFixture.init(dir)
                .write("src/main/resources/application.properties",
                        "spring.datasource.url=jdbc:postgresql://localhost:5432/app\n")
                .write(FLYWAY + "V1__Create_account.sql",
                        "CREATE TABLE account (id bigint PRIMARY KEY, email varchar(320), points integer);\n")
                .addAll().commit("init");
    }

    @Test
    void theHookJudgesWhatTheMigrationShowsAndTheGateAlsoTheTypeTheHistoryGaveTheColumn() {
        var g = flywayProject();
        g.git("checkout", "-q", "-b", "bigger-points");
        g.write(FLYWAY + "V2__Index_account_email_and_widen_points.sql", """
                CREATE INDEX idx_account_email ON account (email);
                ALTER TABLE account ALTER COLUMN points TYPE bigint;
                """).addAll();

        Cli hook = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, hook.code(), "warnings do not fail the run by default: " + hook);
        assertEquals(List.of("blocking-index-creation"), hook.rules());
        JsonNode index = hook.json().get("findings").get(0);
        assertEquals("warning", index.get("severity").asText());
        assertEquals(1, index.get("line").asInt());
        assertTrue(index.get("message").asText().contains("\"idx_account_email\""), index::toString);
        assertTrue(index.get("hint").asText().contains("CREATE INDEX CONCURRENTLY"), index::toString);

        g.commit("index the emails, widen the points");
        Cli gate = Cli.run(g.root(), "check", "--base", "main", "--format", "json", "--fail-on", "warning");
        assertEquals(1, gate.code(), gate::toString);
        assertEquals(List.of("blocking-index-creation", "table-rewrite"), sorted(gate.rules()));
        for (JsonNode f : gate.json().get("findings")) {
            if (f.get("rule").asText().equals("table-rewrite")) {
                assertEquals(2, f.get("line").asInt());
                assertTrue(f.get("message").asText().contains("integer to bigint"), f::toString);
            }
        }
    }

    @Test
    void aSuppressionWithItsReasonSilencesTheFindingAndAConfiguredSeverityFailsTheRun() {
        var g = flywayProject();
        g.write(FLYWAY + "V2__Index_account_email.sql", """
                -- migration-guard-ignore blocking-index-creation: account holds 40 rows, the build is instant
                CREATE INDEX idx_account_email ON account (email);
                """)
                .write(FLYWAY + "V3__Link_account_referrer.sql",
                        "ALTER TABLE account ADD COLUMN referrer_id bigint REFERENCES account (id);\n")
                .write(".migration-guard.yml", "rules:\n  blocking-constraint-validation: error\n").addAll();
        Cli r = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, r.code(), r::toString);
        assertEquals(List.of("blocking-constraint-validation"), r.rules());
        int suppressed = 0;
        for (JsonNode f : r.json().get("findings")) {
            if (f.path("suppressed").asBoolean(false)) {
                suppressed++;
                assertEquals("blocking-index-creation", f.get("rule").asText());
            }
        }
        assertEquals(1, suppressed, r::toString);
    }

    @Test
    void typeOrmConcurrentlyOutsideATransactionAndANewTableAreSilent() {
        String dataSource = """
                import { DataSource } from 'typeorm';
                export default new DataSource({ type: 'postgres', migrationsTransactionMode: 'each',
                  migrations: ['src/migrations/*.ts'] });
                """;
        var g = GitFixture.init(dir)
                .write("src/data-source.ts", dataSource)
                .write("src/migrations/1700000000000-CreateUser.ts", migration("CreateUser1700000000000", "",
                        "CREATE TABLE \"user\" (\"id\" SERIAL NOT NULL, \"email\" character varying NOT NULL)"))
                .addAll().commit("init");
        g.write("src/migrations/1700000000001-IndexUserEmail.ts", migration("IndexUserEmail1700000000001",
                        "    transaction = false as const;\n",
                        "CREATE INDEX CONCURRENTLY \"IDX_user_email\" ON \"user\" (\"email\")"))
                .write("src/migrations/1700000000002-CreateTeam.ts", migration("CreateTeam1700000000002", "",
                        "CREATE TABLE \"team\" (\"id\" SERIAL NOT NULL, \"name\" character varying NOT NULL)",
                        "CREATE INDEX \"IDX_team_name\" ON \"team\" (\"name\")"))
                .addAll();
        Cli quiet = Cli.run(g.root(), "check", "--staged", "--format", "json", "--fail-on", "warning");
        assertEquals(0, quiet.code(), quiet::toString);
        assertEquals(List.of(), quiet.rules());

        g.write("src/migrations/1700000000003-IndexTeamUser.ts", migration("IndexTeamUser1700000000003", "",
                "CREATE INDEX \"IDX_user_email_2\" ON \"user\" (\"email\")")).addAll();
        Cli loud = Cli.run(g.root(), "check", "--staged", "--format", "json", "--fail-on", "warning");
        assertEquals(1, loud.code(), loud::toString);
        assertEquals(List.of("blocking-index-creation"), loud.rules());
        assertTrue(loud.json().get("findings").get(0).get("hint").asText().contains("transaction = false"),
                loud::toString);
    }

    private static String migration(String className, String members, String... statements) {
        StringBuilder up = new StringBuilder();
        for (String s : statements) up.append("        await queryRunner.query(`").append(s).append("`);\n");
        return "import { MigrationInterface, QueryRunner } from \"typeorm\";\n\n"
                + "export class " + className + " implements MigrationInterface {\n"
                + "    name = '" + className + "'\n" + members + "\n"
                + "    public async up(queryRunner: QueryRunner): Promise<void> {\n" + up + "    }\n\n"
                + "    public async down(queryRunner: QueryRunner): Promise<void> {\n" + down(statements) + "    }\n}\n";
    }

    /** What undoes {@code statements}, in reverse order: each table and index they create dropped. */
    private static String down(String... statements) {
        StringBuilder down = new StringBuilder();
        for (int i = statements.length - 1; i >= 0; i--) {
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("CREATE (TABLE|INDEX)( CONCURRENTLY)? (\"[^\"]+\")").matcher(statements[i]);
            if (!m.find()) throw new IllegalArgumentException("no way back known for " + statements[i]);
            String drop = "DROP " + m.group(1) + (m.group(2) == null ? "" : m.group(2)) + " " + m.group(3);
            down.append("        await queryRunner.query(`").append(drop).append("`);\n");
        }
        return down.toString();
    }

    private static List<String> sorted(List<String> rules) {
        List<String> out = new ArrayList<>(rules);
        out.sort(null);
        return out;
    }

    @Test
    void aProjectThatNamesNoDatabaseGetsNoLockFinding() {
        var g = GitFixture.init(dir)
                .write(FLYWAY + "V1__Create_account.sql",
                        "CREATE TABLE account (id bigint PRIMARY KEY, email varchar(320), points integer);\n")
                .addAll().commit("init");
        g.write(FLYWAY + "V2__Index_account_email.sql", "CREATE INDEX idx_account_email ON account (email);\n").addAll();
        Cli hook = Cli.run(g.root(), "check", "--staged", "--format", "json", "--debug");
        assertEquals(List.of(), hook.rules(), hook::toString);
        assertTrue(hook.err().contains("assumed, since no setting names the database"), hook::toString);
    }
}
