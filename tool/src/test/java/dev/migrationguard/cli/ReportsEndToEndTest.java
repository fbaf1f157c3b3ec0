package dev.migrationguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.migrationguard.cli.CliEndToEndTest.MIGRATIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Report formats, several reports in one run, and the baseline, through the real CLI on real repositories. */
class ReportsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VAGUE = MIGRATIONS + "V2__Update_schema.sql";

    @TempDir
    Path dir;

    /** A committed repository whose lint finds one vague migration name. */
    private GitFixture legacy() {
        return CliEndToEndTest.baseline(dir.resolve("repo"))
                .write(VAGUE, "ALTER TABLE contest ADD COLUMN note TEXT;\n").addAll().commit("init");
    }

    /** A repository whose lint finds one vague migration name on a migration not yet deployed: an error. */
    private GitFixture newVagueName() {
        return CliEndToEndTest.baseline(dir.resolve("repo")).addAll().commit("init")
                .write(VAGUE, "ALTER TABLE contest ADD COLUMN note TEXT;\n");
    }

    @Test
    void severalFormatAndOutputPairsInOneRun() throws Exception {
        var g = newVagueName();
        Path sarif = dir.resolve("out.sarif");
        Path junit = dir.resolve("out.xml");
        Cli r = Cli.run(g.root(), "lint", "--format", "sarif", "--output", sarif.toString(),
                "--format", "junit", "--output", junit.toString(), "--format", "github");
        assertEquals(1, r.code(), r::toString);
        JsonNode log = JSON.readTree(Files.readString(sarif));
        assertEquals("2.1.0", log.get("version").asText());
        assertEquals("vague-migration-name", log.get("runs").get(0).get("results").get(0).get("ruleId").asText());
        assertTrue(Files.readString(junit).contains("<testcase name=\"" + VAGUE + "\" classname=\"vague-migration-name\""));
        assertTrue(r.out().startsWith("::error file=" + VAGUE + ",title=migration-guard [vague-migration-name]::"),
                r::toString);

        Path gitlab = dir.resolve("gl.json");
        Cli two = Cli.run(g.root(), "lint", "--format", "gitlab", "--output", gitlab.toString(), "--format", "checkstyle");
        assertEquals(1, two.code(), two::toString);
        assertEquals("vague-migration-name", JSON.readTree(Files.readString(gitlab)).get(0).get("check_name").asText());
        assertTrue(two.out().contains("source=\"migration-guard.vague-migration-name\""), two::toString);
    }

    @Test
    void badFormatsAndOutputsExitTwoNamingTheProblem() {
        var g = legacy();
        Cli unknown = Cli.run(g.root(), "lint", "--format", "html");
        assertEquals(2, unknown.code(), unknown::toString);
        assertTrue(unknown.err().contains("unknown --format 'html' (known: text, json, sarif, github, junit, checkstyle, gitlab)"),
                unknown::toString);
        Cli bothOnStdout = Cli.run(g.root(), "lint", "--format", "json", "--format", "sarif");
        assertEquals(2, bothOnStdout.code(), bothOnStdout::toString);
        assertTrue(bothOnStdout.err().contains("would all go to stdout"), bothOnStdout::toString);
        Path nowhere = dir.resolve("no/such/folder/out.sarif");
        Cli unwritable = Cli.run(g.root(), "lint", "--format", "sarif", "--output", nowhere.toString());
        assertEquals(2, unwritable.code(), unwritable::toString);
        assertTrue(unwritable.err().contains(nowhere.toString()), unwritable::toString);
    }

    @Test
    void noColorGivesPlainCompilerLikeText() {
        var g = newVagueName();
        Cli r = Cli.run(g.root(), "lint", "--no-color");
        assertEquals(1, r.code(), r::toString);
        assertFalse(r.out().contains("\u001b["), r::toString);
        assertTrue(r.out().contains(VAGUE + ": error [vague-migration-name] Migration name \"Update_schema\""), r::toString);
        assertTrue(r.out().contains("  = hint: "), r::toString);
        assertTrue(r.out().strip().matches("(?s).*\\nmigration-guard: 1 error, 0 warnings in \\d+ files checked \\(lint\\)\\."),
                r::toString);
    }

    @Test
    void aBaselineAcceptsTodaysFindingsAndStillCatchesNewOnes() throws Exception {
        var g = legacy();
        Cli wrote = Cli.run(g.root(), "baseline");
        assertEquals(0, wrote.code(), wrote::toString);
        assertTrue(wrote.err().contains("wrote 1 finding to baseline"), wrote::toString);
        Path file = g.root().resolve(".migration-guard-baseline.json");
        JsonNode written = JSON.readTree(Files.readString(file));
        assertEquals("vague-migration-name", written.get("findings").get(0).get("rule").asText());
        assertEquals(VAGUE, written.get("findings").get(0).get("path").asText());

        Cli accepted = Cli.run(g.root(), "lint", "--format", "json", "--baseline", file.toString());
        assertEquals(0, accepted.code(), accepted::toString);
        JsonNode finding = accepted.json().get("findings").get(0);
        assertTrue(finding.get("suppressed").asBoolean(), finding::toString);
        assertEquals("baseline", finding.get("suppressionKind").asText());

        // a new problem counts; the old one stays accepted, also through the configuration key
        g.write(MIGRATIONS + "V3__fix.sql", "UPDATE contest SET title = trim(title) WHERE title <> trim(title);\n");
        g.write(".migration-guard.yml", "baseline: .migration-guard-baseline.json\n");
        Cli fresh = Cli.run(g.root(), "lint", "--format", "json");
        assertEquals(1, fresh.code(), fresh::toString);
        assertEquals(List.of("vague-migration-name"), fresh.rules());
        assertTrue(fresh.json().get("findings").toString().contains("V3__fix.sql"), fresh::toString);
        assertEquals(1, fresh.json().get("summary").get("suppressed").asInt(), fresh::toString);

        // regenerating ignores the configured baseline, or it would drop what the old one held
        Path second = dir.resolve("second.json");
        assertEquals(0, Cli.run(g.root(), "baseline", "--output", second.toString()).code());
        assertEquals(2, JSON.readTree(Files.readString(second)).get("findings").size());
        assertEquals(0, Cli.run(g.root(), "lint", "--baseline", second.toString()).code());
    }

    @Test
    void baselineFingerprintsSurviveEditsAboveTheFinding() {
        var g = legacy();
        String props = "src/main/resources/application-prod.properties";
        g.write(props, "spring.jpa.hibernate.ddl-auto=update\n").addAll().commit("legacy setting");
        Path file = dir.resolve("baseline.json");
        assertEquals(0, Cli.run(g.root(), "baseline", "--output", file.toString()).code());
        g.write(props, "# production\nserver.port=8080\n\nspring.jpa.hibernate.ddl-auto  =  update\n");
        Cli shifted = Cli.run(g.root(), "lint", "--format", "json", "--baseline", file.toString());
        assertEquals(0, shifted.code(), shifted::toString);
        assertEquals(List.of(), shifted.rules());
        g.write(props, "spring.jpa.hibernate.ddl-auto=create\n");
        Cli changed = Cli.run(g.root(), "lint", "--format", "json", "--baseline", file.toString());
        assertEquals(List.of("synchronize-in-production"), changed.rules(), changed::toString);
    }

    @Test
    void aMissingOrMalformedBaselineExitsTwoNamingIt() {
        var g = legacy();
        Path missing = dir.resolve("nope.json");
        Cli r = Cli.run(g.root(), "check", "--staged", "--baseline", missing.toString());
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("baseline file " + missing + " does not exist"), r::toString);
        g.write("bad.json", "{\"tool\": \"migration-guard\", \"format\": 1, \"findings\": [{\"fingerprint\": 3,");
        Cli bad = Cli.run(g.root(), "lint", "--baseline", g.root().resolve("bad.json").toString());
        assertEquals(2, bad.code(), bad::toString);
        assertTrue(bad.err().contains("bad.json is not a migration-guard baseline"), bad::toString);
        g.write("other.json", "{\"findings\": []}");
        Cli other = Cli.run(g.root(), "lint", "--baseline", g.root().resolve("other.json").toString());
        assertEquals(2, other.code(), other::toString);
        g.write(".migration-guard.yml", "baseline: gone.json\n");
        Cli configured = Cli.run(g.root(), "lint");
        assertEquals(2, configured.code(), configured::toString);
        assertTrue(configured.err().contains("gone.json does not exist"), configured::toString);
        g.write(".migration-guard.yml", "baseline:\n  file: x.json\n");
        Cli notText = Cli.run(g.root(), "lint");
        assertEquals(2, notText.code(), notText::toString);
        assertTrue(notText.err().contains(".migration-guard.yml:"), notText::toString);
    }
}
