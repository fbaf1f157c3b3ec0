package dev.migrationguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What lint and check read of a repository, and what they say about what they did not read. */
class WorkTreeBoundaryTest {
    static final String MASTER = "src/main/resources/db/changelog/db.changelog-master.xml";

    @TempDir
    Path dir;

    private static List<String> messages(Cli r) {
        List<String> all = new ArrayList<>();
        for (JsonNode f : r.json().get("findings")) all.add(f.get("rule").asText() + ": " + f.get("message").asText());
        return all;
    }

    @Test
    void anIncludeThroughASymlinkedFolderIsRefusedByLintAsByCheck() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(outside.resolve("changes.xml"), """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="fix" author="mallory"><sql>DELETE FROM contest</sql></changeSet>
                </databaseChangeLog>
                """);
        var g = GitFixture.init(dir.resolve("repo")).write(MASTER, """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <include file="db/changelog/linked/changes.xml"/>
                </databaseChangeLog>
                """);
        Files.createSymbolicLink(g.root().resolve("src/main/resources/db/changelog/linked"), outside);
        g.addAll();
        String refused = "parse-error: Could not parse " + MASTER + ": include points to src/main/resources/db/"
                + "changelog/linked/changes.xml, which is not in the repository";
        Cli check = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(List.of(refused), messages(check), check::toString);
        g.commit("init");
        Cli lint = Cli.run(g.root(), "lint", "--format", "json");
        assertEquals(List.of(refused), messages(lint), lint::toString);
        assertEquals(1, lint.code());
    }

    @Test
    void lintAndLockInASparseCheckoutSayWhatTheyDidNotRead() {
        var g = GitFixture.init(dir.resolve("repo"))
                .write("a/db/migration/V1__Create_contest.sql", "CREATE TABLE contest (id INT);\n")
                .write("b/db/migration/V2__Create_team.sql", "CREATE TABLE team (id INT);\n")
                .addAll().commit("init");
        g.git("sparse-checkout", "set", "a");
        assertTrue(!Files.exists(g.root().resolve("b")), "git left b/ out of the work tree");
        String note = "1 tracked file is outside the sparse checkout and was not read "
                + "(b/db/migration/V2__Create_team.sql)";
        Cli lint = Cli.run(g.root(), "lint");
        assertEquals(0, lint.code(), lint::toString);
        assertTrue(lint.err().contains(note), lint::toString);
        Cli inside = Cli.run(g.root(), "lint", g.root().resolve("a").toString());
        assertEquals("", inside.err(), "nothing below the linted folder was left out");

        Cli lock = Cli.run(g.root(), "lock");
        assertEquals(0, lock.code(), lock::toString);
        assertTrue(lock.err().contains("(1 migrations)") && lock.err().contains(note + ", so the lock has no "
                + "migration from them"), lock::toString);
    }

    @Test
    void aGitLfsPointerWhereAMigrationOrEntityShouldBeIsReportedAsSuch() {
        String pointer = "version https://git-lfs.github.com/spec/v1\n"
                + "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n";
        var g = CliEndToEndTest.baseline(dir.resolve("repo")).addAll().commit("init");
        g.write(CliEndToEndTest.MIGRATIONS + "V2__Add_contest_note.sql", pointer)
                .write("src/main/java/com/example/Team.java", pointer)
                .write("src/main/resources/fixtures/teams.json", pointer).addAll();
        for (String[] args : List.of(new String[]{"check", "--staged", "--format", "json"},
                new String[]{"lint", "--format", "json"})) {
            Cli r = Cli.run(g.root(), args);
            assertEquals(List.of(
                    "parse-error: Could not parse src/main/java/com/example/Team.java: it is a git-lfs pointer, not "
                            + "the file's content: git-lfs keeps that outside git, so it was not checked",
                    "parse-error: Could not parse src/main/resources/db/migration/V2__Add_contest_note.sql: it is a "
                            + "git-lfs pointer, not the file's content: git-lfs keeps that outside git, so it was not "
                            + "checked"), messages(r), r::toString);
            assertTrue(r.json().get("findings").get(0).get("hint").asText().startsWith("Stop tracking it with git-lfs"));
        }
        Cli lock = Cli.run(g.root(), "lock");
        assertEquals(2, lock.code(), lock::toString);
        assertTrue(lock.err().contains("V2__Add_contest_note.sql") && lock.err().contains("git-lfs pointer"),
                lock::toString);
    }
}
