package dev.migrationguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.migrationguard.cli.CliEndToEndTest.ENTITY;
import static dev.migrationguard.cli.CliEndToEndTest.MIGRATIONS;
import static dev.migrationguard.cli.CliEndToEndTest.contest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data-loss rules through the real CLI on real git repositories: expand / contract against the entities of the
 * deploy ref in the CI gate, a narrowing type change seen only where the history is replayed, the pre-commit hook.
 */
class DataLossEndToEndTest {
    private static final String V1 = "CREATE TABLE contest (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL, "
            + "slug VARCHAR(200));\n";

    @TempDir
    Path dir;

    private GitFixture deployed() {
        return GitFixture.init(dir)
                .write(ENTITY, contest("\n    private String slug;\n"))
                .write(MIGRATIONS + "V1__Create_contest.sql", V1)
                .addAll().commit("contest with a slug");
    }

    /** Each counted finding as {@code rule severity path:line}. */
    private static List<String> findings(Cli r) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : r.json().get("findings")) {
            if (f.path("suppressed").asBoolean(false)) continue;
            out.add(f.get("rule").asText() + " " + f.get("severity").asText() + " " + f.get("path").asText() + ":"
                    + f.path("line").asInt());
        }
        return out;
    }

    @Test
    void droppingAColumnTheDeployedEntityStillMapsFailsTheGateAndTheSecondStepPasses() {
        var g = deployed();
        g.git("checkout", "-q", "-b", "drop-slug");
        g.write(ENTITY, contest(""))
                .write(MIGRATIONS + "V2__Drop_contest_slug.sql", "ALTER TABLE contest DROP COLUMN slug;\n")
                .addAll().commit("drop the slug in one step");
        Cli oneStep = Cli.run(g.root(), "check", "--base", "main", "--format", "json");
        assertEquals(1, oneStep.code(), oneStep::toString);
        assertEquals(List.of("destructive-change error " + MIGRATIONS + "V2__Drop_contest_slug.sql:1"),
                findings(oneStep));
        String message = oneStep.json().get("findings").get(0).get("message").asText();
        assertTrue(message.contains("column \"slug\" of table \"contest\"") && message.contains(ENTITY), message);

        // expand / contract: the entity change ships first, the drop comes in a later release
        g.git("checkout", "-q", "main");
        g.write(ENTITY, contest("")).addAll().commit("stop mapping the slug");
        g.git("checkout", "-q", "-b", "drop-slug-later");
        g.write(MIGRATIONS + "V2__Drop_contest_slug.sql", "ALTER TABLE contest DROP COLUMN slug;\n")
                .addAll().commit("drop the slug");
        Cli secondStep = Cli.run(g.root(), "check", "--base", "main", "--format", "json");
        assertEquals(0, secondStep.code(), secondStep::toString);
        assertEquals(List.of(), findings(secondStep));
    }

    @Test
    void aNarrowingTypeChangeIsSeenByTheGateThatReplaysTheHistoryNotByTheHook() {
        var g = deployed();
        g.git("checkout", "-q", "-b", "shrink");
        g.write(MIGRATIONS + "V2__Shrink_contest_slug.sql", "ALTER TABLE contest ALTER COLUMN slug TYPE VARCHAR(50);\n")
                .addAll();
        Cli hook = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(List.of(), findings(hook), hook::toString);
        g.commit("shrink the slug");
        Cli gate = Cli.run(g.root(), "check", "--base", "main", "--format", "json");
        assertEquals(0, gate.code(), "a warning does not fail the gate by default: " + gate);
        assertEquals(List.of("destructive-change warning " + MIGRATIONS + "V2__Shrink_contest_slug.sql:1"),
                findings(gate));
        Cli strict = Cli.run(g.root(), "check", "--base", "main", "--format", "json", "--fail-on", "warning");
        assertEquals(1, strict.code(), strict::toString);
    }

    @Test
    void theHookWarnsOfRowsANewConstraintCannotMeetAndASuppressionWithAReasonSilencesIt() {
        var g = deployed();
        g.write(MIGRATIONS + "V2__Require_contest_fields.sql", """
                ALTER TABLE contest ADD COLUMN divisions INTEGER NOT NULL;
                CREATE UNIQUE INDEX ux_contest_title ON contest (title);
                -- migration-guard-ignore destructive-change: the legacy codes were exported to the archive bucket
                DELETE FROM contest;
                """).addAll();
        Cli r = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, r.code(), r::toString);
        assertEquals(List.of("not-null-without-default warning " + MIGRATIONS + "V2__Require_contest_fields.sql:1",
                "unique-on-existing-data info " + MIGRATIONS + "V2__Require_contest_fields.sql:2"), findings(r));
        JsonNode suppressed = r.json().get("findings").findParents("suppressed").get(0);
        assertEquals("destructive-change", suppressed.get("rule").asText());
    }
}
