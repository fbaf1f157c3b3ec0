package dev.migrationguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real CLI on real repositories: the verdicts a pre-commit hook and a CI gate rely on. */
class CliEndToEndTest {
    static final String ENTITY = "src/main/java/com/example/Contest.java";
    static final String MIGRATIONS = "src/main/resources/db/migration/";

    @TempDir
    Path dir;

    static String contest(String extraFields) {
        return """
                package com.example;

                import jakarta.persistence.Column;
                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;

                @Entity
                public class Contest {
                    @Id
                    private Long id;

                    @Column(nullable = false, length = 100)
                    private String title;
                %s}
                """.formatted(extraFields);
    }

    static GitFixture baseline(Path dir) {
        return GitFixture.init(dir)
                .write(ENTITY, contest(""))
                .write(MIGRATIONS + "V1__Create_contest.sql",
                        "CREATE TABLE contest (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL);\n")
                .write("src/main/resources/application.properties", "spring.jpa.hibernate.ddl-auto=validate\n");
    }

    @Test
    void firstCommitWithEntitiesAndMigrationsPasses() {
        var g = baseline(dir).addAll();
        Cli r = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, r.code(), r::toString);
        assertEquals("staged", r.json().get("mode").asText());
        assertEquals(List.of(), r.rules());
    }

    @Test
    void entityChangeWithoutMigrationIsRefusedThenAccepted() {
        var g = baseline(dir).addAll().commit("init");
        g.write(ENTITY, contest("\n    private Integer divisions;\n")).add(ENTITY);
        Cli refused = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, refused.code(), refused::toString);
        JsonNode f = refused.json().get("findings").get(0);
        assertEquals("entity-change-without-migration", f.get("rule").asText());
        assertEquals(ENTITY, f.get("path").asText());
        assertEquals(15, f.get("line").asInt());
        assertTrue(f.get("message").asText().startsWith("column \"contest\".\"divisions\" added: integer NULL, but this "
                + "change adds no migration that alters table \"contest\""), f::toString);
        assertTrue(f.get("hint").asText().contains("V2__Add_contest_divisions.sql"), f::toString);
        assertEquals(1, refused.json().get("summary").get("errors").asInt());

        Cli text = Cli.run(g.root(), "check", "--staged", "--no-color");
        assertTrue(text.out().contains(ENTITY + ":15:5: error [entity-change-without-migration]"), text::toString);

        g.write(MIGRATIONS + "V2__Add_contest_divisions.sql", "ALTER TABLE contest ADD COLUMN divisions INTEGER;\n")
                .addAll();
        Cli accepted = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, accepted.code(), accepted::toString);
    }

    @Test
    void aProjectWithoutMigrationsStillGetsTheNextStep() {
        var g = GitFixture.init(dir).write(ENTITY, contest("")).addAll().commit("init");
        g.write(ENTITY, contest("\n    private Integer divisions;\n")).add(ENTITY);
        Cli r = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, r.code(), r::toString);
        JsonNode f = r.json().get("findings").get(0);
        assertTrue(f.get("message").asText().endsWith(", but no migrations found: is there a migration folder the "
                + "configuration should name? (`migrations.sql-folders`)."), f::toString);
        assertEquals("Add a migration, named like AddContestDivisions, that alters table \"contest\", in the same commit."
                + " If the project keeps its migrations in a folder of its own, name it under `migrations.sql-folders` in"
                + " .migration-guard.yml.", f.get("hint").asText());
    }

    @Test
    void partiallyStagedFilesAreJudgedAsStaged() {
        var g = baseline(dir).addAll().commit("init");
        // the work tree has the change, the index does not: nothing to refuse
        g.write(ENTITY, contest("\n    private Integer divisions;\n"));
        assertEquals(0, Cli.run(g.root(), "check", "--staged").code());
        // staged change, then the work tree is reverted: the staged change still counts
        g.add(ENTITY).write(ENTITY, contest(""));
        Cli r = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, r.code(), r::toString);
        assertEquals(List.of("entity-change-without-migration"), r.rules());
    }

    @Test
    void editingRenamingOrDeletingADeployedMigrationIsRefused() {
        var g = baseline(dir).addAll().commit("init");
        String v1 = MIGRATIONS + "V1__Create_contest.sql";
        g.write(v1, "CREATE TABLE contest (id BIGINT PRIMARY KEY, title VARCHAR(200) NOT NULL);\n").add(v1);
        Cli edited = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, edited.code(), edited::toString);
        assertEquals(List.of("deployed-migration-edited"), edited.rules());
        g.git("checkout", "HEAD", "--", v1);

        // line endings only: Flyway's checksum does not change, neither does the verdict
        g.write(v1, "CREATE TABLE contest (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL);\r\n").add(v1);
        assertEquals(0, Cli.run(g.root(), "check", "--staged").code());
        g.git("checkout", "HEAD", "--", v1);

        g.git("mv", v1, MIGRATIONS + "V1__Create_contest_table.sql");
        Cli renamed = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, renamed.code(), renamed::toString);
        assertTrue(renamed.json().get("findings").get(0).get("message").asText().contains("renames it"));
        g.git("mv", MIGRATIONS + "V1__Create_contest_table.sql", v1);

        g.git("rm", "-q", v1);
        Cli deleted = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, deleted.code(), deleted::toString);
        assertTrue(deleted.json().get("findings").get(0).get("message").asText().contains("deletes it"));
    }

    @Test
    void rangeJudgesTheBranchAsAWhole() {
        var g = baseline(dir).addAll().commit("init");
        g.git("checkout", "-q", "-b", "feature");
        g.write(ENTITY, contest("\n    private Integer divisions;\n")).addAll().commit("entity first");
        Cli half = Cli.run(g.root(), "check", "--base", "main", "--format", "json");
        assertEquals(1, half.code(), half::toString);
        assertEquals("range", half.json().get("mode").asText());
        g.write(MIGRATIONS + "V2__Add_contest_divisions.sql", "ALTER TABLE contest ADD COLUMN divisions INTEGER;\n")
                .addAll().commit("then its migration");
        Cli whole = Cli.run(g.root(), "check", "--base", "main", "--head", "feature", "--format", "json");
        assertEquals(0, whole.code(), whole::toString);
    }

    @Test
    void lintJudgesTheWorkTreeAndRunsFromASubfolder() {
        var g = baseline(dir).addAll().commit("init");
        g.write(MIGRATIONS + "V2__Update_schema.sql", "ALTER TABLE contest ADD COLUMN note TEXT;\n");
        Cli r = Cli.run(g.root().resolve("src/main"), "lint", "--format", "json");
        assertEquals(1, r.code(), r::toString);
        assertEquals("lint", r.json().get("mode").asText());
        assertEquals(List.of("vague-migration-name"), r.rules());
        assertEquals(0, Cli.run(g.root(), "lint", "--fail-on", "never").code());
    }

    @Test
    void badUsageConfigurationAndRefsExitTwoWithTheReason() {
        var g = baseline(dir).addAll().commit("init");
        Cli unknownRef = Cli.run(g.root(), "check", "--base", "origin/develop");
        assertEquals(2, unknownRef.code(), unknownRef::toString);
        assertTrue(unknownRef.err().contains("unknown ref 'origin/develop'"), unknownRef::toString);

        g.write(".migration-guard.yml", "rules:\n  vague-migration-name: warning\n  no-such-rule: off\n");
        Cli badConfig = Cli.run(g.root(), "check", "--staged");
        assertEquals(2, badConfig.code(), badConfig::toString);
        assertTrue(badConfig.err().contains(".migration-guard.yml:3: unknown rule id 'no-such-rule'"), badConfig::toString);
        g.delete(".migration-guard.yml");

        assertEquals(2, Cli.run(g.root(), "check").code(), "check needs --staged or --base");
        assertEquals(2, Cli.run(g.root(), "check", "--staged", "--format", "yaml").code());
        assertEquals(2, Cli.run(g.root(), "check", "--staged", "--fail-on", "sometimes").code());
        Cli typo = Cli.run(g.root(), "lint", g.root().resolve("src/mian").toString());
        assertEquals(2, typo.code(), "a mistyped path must not pass as 'nothing found'");
        assertTrue(typo.err().contains("src/mian does not exist"), typo::toString);
        Cli notRepo = Cli.run(dir.getRoot(), "lint");
        assertEquals(2, notRepo.code(), notRepo::toString);
        for (String[] args : List.of(new String[]{"explain", "no-such-rule"}, new String[]{"explain"})) {
            Cli unknown = Cli.run(null, args);
            assertEquals(2, unknown.code(), unknown::toString);
            for (String id : dev.migrationguard.rules.RuleCatalog.ids()) {
                assertTrue(unknown.err().contains("\n  " + id + " "), "every rule id, one a line: " + unknown);
            }
        }
        assertEquals(0, Cli.run(null, "explain", "vague-migration-name").code());
        assertEquals(0, Cli.run(null, "explain", "Vague-Migration-Name").code());
        for (String command : List.of("check", "lint", "baseline", "lock", "install", "uninstall", "rules", "explain")) {
            Cli help = Cli.run(null, command, "--help");
            assertEquals(0, help.code(), help::toString);
            assertTrue(help.out().startsWith("Usage: migration-guard " + command), help::toString);
        }
    }

    @Test
    void aShallowCloneMissingTheMergeBaseExitsTwoWithTheFix() {
        var upstream = baseline(dir.resolve("upstream")).addAll().commit("init");
        upstream.git("checkout", "-q", "-b", "feature");
        upstream.write(ENTITY, contest("\n    private Integer divisions;\n")).addAll().commit("feature work");
        upstream.git("checkout", "-q", "main");
        upstream.write("README.md", "main moves on\n").addAll().commit("main work");
        GitFixture.run(dir, "clone", "-q", "--depth", "1", "--no-single-branch", "file://" + upstream.root(), "ci");
        Path ci = dir.resolve("ci");
        GitFixture.run(ci, "checkout", "-q", "feature");
        Cli r = Cli.run(ci, "check", "--base", "origin/main", "--format", "json");
        assertEquals(2, r.code(), r::toString);
        assertEquals("", r.out(), "nothing on stdout: a CI script must not mistake it for a report");
        assertTrue(r.err().contains("shallow clone") && r.err().contains("fetch-depth: 0")
                && r.err().contains("git fetch --deepen"), r::toString);
    }

    @Test
    void aShallowCloneAskedForHeadTildeOneSaysToDeepenNotToFetchIt() {
        var upstream = baseline(dir.resolve("upstream")).addAll().commit("init");
        upstream.write("README.md", "more\n").addAll().commit("second");
        GitFixture.run(dir, "clone", "-q", "--depth", "1", "file://" + upstream.root(), "ci");
        Cli r = Cli.run(dir.resolve("ci"), "check", "--base", "HEAD~1");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("'HEAD~1' lies beyond the history of this shallow clone")
                && r.err().contains("git fetch --deepen=200 origin"), r::toString);
        assertTrue(!r.err().contains("git fetch origin HEAD~1"), r::toString);

        Cli tooFar = Cli.run(upstream.root(), "check", "--base", "HEAD~5");
        assertEquals(2, tooFar.code(), tooFar::toString);
        assertTrue(tooFar.err().contains("'HEAD~5' does not exist: the history is shorter than that"), tooFar::toString);
    }

    @Test
    void severityAndFailOnDecideTheExitCode() {
        var g = baseline(dir).addAll().commit("init");
        g.write(MIGRATIONS + "V2__fix.sql", "UPDATE contest SET title = trim(title) WHERE title <> trim(title);\n")
                .addAll();
        assertEquals(1, Cli.run(g.root(), "check", "--staged").code());
        g.write(".migration-guard.yml", "rules:\n  vague-migration-name: warning\n");
        assertEquals(0, Cli.run(g.root(), "check", "--staged").code());
        assertEquals(1, Cli.run(g.root(), "check", "--staged", "--fail-on", "warning").code());
        g.write(".migration-guard.yml", "rules:\n  vague-migration-name: off\n");
        Cli off = Cli.run(g.root(), "check", "--staged", "--format", "json", "--fail-on", "warning");
        assertEquals(0, off.code(), off::toString);
        assertEquals(List.of(), off.rules());
    }
}
