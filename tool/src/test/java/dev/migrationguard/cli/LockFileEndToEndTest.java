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

/** {@code lock} writes the record; {@code check} and {@code lint} hold the repository to it, whatever git history says. */
class LockFileEndToEndTest {
    static final String V1 = CliEndToEndTest.MIGRATIONS + "V1__Create_contest.sql";
    static final String CHANGELOG = "src/main/resources/db/changelog/teams.yaml";
    static final String TEAMS = """
            databaseChangeLog:
              - changeSet:
                  id: create-team
                  author: alice
                  changes:
                    - createTable: {tableName: team, columns: [{column: {name: id, type: int}}]}
              - changeSet:
                  id: add-team-color
                  author: alice
                  changes:
                    - addColumn: {tableName: team, columns: [{column: {name: color, type: text}}]}
            """;

    @TempDir
    Path dir;

    private GitFixture locked() {
        var g = CliEndToEndTest.baseline(dir).write(CHANGELOG, TEAMS).addAll().commit("init");
        Cli lock = Cli.run(g.root(), "lock");
        assertEquals(0, lock.code(), lock::toString);
        return g.addAll().commit("lock what was deployed");
    }

    @Test
    void theLockListsEveryMigrationSortedWithItsDigest() {
        var g = locked();
        String lock = g.read("migrations.lock");
        assertTrue(lock.startsWith("{\n  \"format\": 1,\n  \"migrations\": [\n"), lock);
        List<String> ids = new ArrayList<>();
        for (String line : lock.split("\n")) {
            if (line.contains("\"id\"")) ids.add(line.substring(line.indexOf("\"id\": \"") + 7, line.indexOf("\", \"stack\"")));
        }
        assertEquals(List.of("db/changelog/teams.yaml::add-team-color::alice", "db/changelog/teams.yaml::create-team::alice",
                V1), ids);
        assertTrue(lock.matches("(?s).*\"sha256\": \"[0-9a-f]{64}\".*"), lock);
        // locking twice gives the same bytes: nothing to commit
        assertEquals(0, Cli.run(g.root(), "lock").code());
        assertEquals(lock, g.read("migrations.lock"));
    }

    @Test
    void anEditHiddenByAHistoryRewriteIsStillCaught() {
        var g = locked();
        // squash the edit into history: the deploy ref (main) now holds the edited version
        g.write(V1, "CREATE TABLE contest (id BIGINT PRIMARY KEY, title VARCHAR(200) NOT NULL);\n")
                .write(CHANGELOG, TEAMS.replace("type: text", "type: varchar(20)")).addAll();
        g.git("commit", "-q", "--amend", "-m", "rewritten");

        Cli lint = Cli.run(g.root(), "lint", "--format", "json");
        assertEquals(1, lint.code(), lint::toString);
        assertEquals(List.of("deployed-migration-edited", "deployed-migration-edited"), lint.rules());
        JsonNode first = lint.json().get("findings").get(0);
        assertTrue(first.get("message").asText().contains("recorded in migrations.lock")
                && first.get("message").asText().contains("no longer matches"), lint::toString);

        // check judges the repository against the lock too, so the next commit cannot slip past it
        g.write("README.md", "hello\n").add("README.md");
        assertEquals(1, Cli.run(g.root(), "check", "--staged").code());
    }

    @Test
    void aLockedChangeSetThatIsGoneIsReportedAtItsLockLine() {
        var g = locked();
        g.write(CHANGELOG, TEAMS.substring(0, TEAMS.indexOf("  - changeSet:\n      id: add-team-color"))).addAll();
        g.git("commit", "-q", "--amend", "-m", "rewritten");
        Cli lint = Cli.run(g.root(), "lint", "--format", "json");
        assertEquals(List.of("deployed-migration-edited"), lint.rules(), lint::toString);
        JsonNode f = lint.json().get("findings").get(0);
        assertEquals("migrations.lock", f.get("path").asText());
        assertEquals(4, f.get("line").asInt());
        assertTrue(f.get("message").asText().contains("no longer in the repository"), lint::toString);
    }

    @Test
    void runOnChangeMakesAnEditLegitimateAgainstTheLockToo() {
        var g = locked();
        g.write(CHANGELOG, TEAMS.replace("id: add-team-color\n      author: alice\n",
                "id: add-team-color\n      author: alice\n      runOnChange: true\n").replace("type: text", "type: varchar(20)"));
        g.addAll().git("commit", "-q", "--amend", "-m", "rewritten");
        Cli lint = Cli.run(g.root(), "lint", "--format", "json");
        assertEquals(List.of(), lint.rules(), lint::toString);
    }

    @Test
    void aMalformedLockStopsTheRunNamingItsLine() {
        var g = locked();
        g.write("migrations.lock", "{\n  \"format\": 1,\n  \"migrations\": [ { \"id\": \"x\" } ]\n}\n");
        Cli lint = Cli.run(g.root(), "lint");
        assertEquals(2, lint.code(), lint::toString);
        assertTrue(lint.err().contains("migrations.lock:3: a lock entry needs id, stack and sha256"), lint::toString);
    }
}
