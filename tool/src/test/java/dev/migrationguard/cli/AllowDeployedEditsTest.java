package dev.migrationguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.migrationguard.cli.CliEndToEndTest.MIGRATIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pull-request gate's opt-in label: check --allow-deployed-edits reports deliberate edits, never silently. */
class AllowDeployedEditsTest {
    private static final String V1 = MIGRATIONS + "V1__Create_contest.sql";

    @TempDir
    Path dir;

    private Path branchEditingADeployedMigration() {
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        g.git("checkout", "-q", "-b", "fix-v1");
        g.write(V1, "CREATE TABLE contest (id BIGINT PRIMARY KEY, title VARCHAR(200) NOT NULL);\n").addAll()
                .commit("widen the title in V1, which failed everywhere");
        return g.root();
    }

    @Test
    void theLabelTurnsTheEditIntoASuppressedFindingWithTheReason() {
        Path repo = branchEditingADeployedMigration();
        Cli plain = Cli.run(repo, "check", "--base", "main", "--format", "json");
        assertEquals(1, plain.code(), plain::toString);
        assertEquals(List.of("deployed-migration-edited"), plain.rules());

        String reason = "pull request #7 carries the label 'migration-edit-approved'";
        Cli labelled = Cli.run(repo, "check", "--base", "main", "--format", "json", "--allow-deployed-edits", reason);
        assertEquals(0, labelled.code(), labelled::toString);
        assertEquals(List.of(), labelled.rules());
        JsonNode findings = labelled.json().get("findings");
        assertEquals(1, findings.size(), labelled::toString);
        JsonNode f = findings.get(0);
        assertEquals("deployed-migration-edited", f.get("rule").asText());
        assertEquals(V1, f.get("path").asText());
        assertTrue(f.get("suppressed").asBoolean());
        assertEquals("label", f.get("suppressionKind").asText());
        assertEquals(reason, f.get("suppressionReason").asText());

        Cli text = Cli.run(repo, "check", "--base", "main", "--no-color", "--allow-deployed-edits", reason);
        assertEquals(0, text.code(), text::toString);
        assertTrue(text.out().contains("deployed-migration-edited") && text.out().contains(reason), text::toString);
    }

    @Test
    void theLabelAllowsOnlyDeployedEditsAndNeedsAReason() {
        Path repo = branchEditingADeployedMigration();
        Cli blank = Cli.run(repo, "check", "--base", "main", "--allow-deployed-edits", " ");
        assertEquals(2, blank.code(), blank::toString);
        assertTrue(blank.err().contains("--allow-deployed-edits needs a reason"), blank::toString);
        assertEquals(2, Cli.run(repo, "lint", "--allow-deployed-edits", "x").code(), "a check option only");

        CliEndToEndTest.baseline(dir.resolve("other")).addAll().commit("init")
                .write(CliEndToEndTest.ENTITY, CliEndToEndTest.contest("\n    private Integer divisions;\n")).addAll();
        Cli entity = Cli.run(dir.resolve("other"), "check", "--staged", "--format", "json",
                "--allow-deployed-edits", "label");
        assertEquals(1, entity.code(), entity::toString);
        assertEquals(List.of("entity-change-without-migration"), entity.rules());
    }

    @Test
    void aConfiguredAllowedEditKeepsItsOwnReason() throws Exception {
        Path repo = branchEditingADeployedMigration();
        Path config = Files.writeString(dir.resolve("allowed.yml"),
                "allowed-edits:\n  - path: " + V1 + "\n    reason: INC-1234\n");
        Cli r = Cli.run(repo, "check", "--base", "main", "--format", "json", "--config", config.toString(),
                "--allow-deployed-edits", "label");
        assertEquals(0, r.code(), r::toString);
        JsonNode f = r.json().get("findings").get(0);
        assertEquals("allowed-edit", f.get("suppressionKind").asText());
        assertEquals("INC-1234", f.get("suppressionReason").asText());
    }
}
