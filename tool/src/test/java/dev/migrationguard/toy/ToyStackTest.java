package dev.migrationguard.toy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrationguard.cli.Cli;
import dev.migrationguard.stack.Stack;
import dev.migrationguard.stacks.SupportedStacks;
import dev.migrationguard.testing.EmbeddedDatabase;
import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stack defined in the tests alone ({@link ToyStack}) plugs in beside the supported ones, through the real command
 * line on real repositories: its readers feed the same rules, its advisor speaks for it, its way back is worded its
 * way, its migrations go into migrations.lock under its id, its option is read and checked by it, and
 * --deployed-from reads its history table.
 */
class ToyStackTest {
    private static final List<Stack> STACKS = ToyStack.withSupported();
    private static final String MODEL = "app/things.toymodel";

    @TempDir
    Path dir;

    private static Cli run(Path repo, String... args) {
        return Cli.run(STACKS, Map.of(), repo, args);
    }

    private GitFixture project() {
        return GitFixture.init(dir).write(MODEL, "table things\ncolumn things.name\n")
                .write("toy/1-create-things.toy", "create things\ndown: drop things\n").addAll().commit("init");
    }

    @Test
    void anEntityChangeNeedsAToyMigrationAndTheToyAdvisorSaysWhichOne() {
        var g = project();
        g.write(MODEL, "table things\ncolumn things.name\ncolumn things.color\n").addAll();
        Cli refused = run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, refused.code(), refused::toString);
        assertEquals(List.of("entity-change-without-migration"), refused.rules());
        JsonNode f = refused.json().get("findings").get(0);
        assertEquals(MODEL, f.get("path").asText());
        assertEquals("Add toy/2-AddThingsColor.toy that alters table things.", f.get("hint").asText());

        g.write("toy/2-add-thing-color.toy", "alter things\ndown: alter things\n").addAll();
        Cli accepted = run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, accepted.code(), accepted::toString);
    }

    @Test
    void theRulesJudgeToyMigrationsInTheToysOwnWords() {
        var g = project();
        g.write("toy/2-fix.toy", "alter things\n").addAll();
        Cli cli = run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, cli.code(), cli::toString);
        assertEquals(List.of("missing-down-migration", "vague-migration-name"), cli.rules().stream().sorted().toList(),
                cli::toString);
        for (JsonNode f : cli.json().get("findings")) {
            if (!f.get("rule").asText().equals("missing-down-migration")) continue;
            assertEquals("Toy migration toy/2-fix.toy has no down: line.", f.get("message").asText());
            assertEquals("Add a down: line that undoes it.", f.get("hint").asText());
        }

        g.commit("fix").write("toy/1-create-things.toy", "create things_v2\ndown: drop things\n").addAll();
        Cli deployedEdit = run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(List.of("deployed-migration-edited"), deployedEdit.rules(), deployedEdit::toString);
    }

    @Test
    void toyMigrationsAreLockedUnderTheToysIdAndHeldToTheLock() throws Exception {
        var g = project();
        Cli lock = run(g.root(), "lock");
        assertEquals(0, lock.code(), lock::toString);
        String written = Files.readString(g.root().resolve("migrations.lock"));
        assertTrue(written.contains("{ \"id\": \"toy/1-create-things.toy\", \"stack\": \"toy\", \"sha256\": "), written);
        g.addAll().commit("lock");

        // the lock names a stack the supported ones alone do not know
        Cli without = Cli.run(SupportedStacks.ALL, Map.of(), g.root(), "lint");
        assertEquals(2, without.code(), without::toString);
        assertTrue(without.err().contains("migrations.lock:4: unknown stack 'toy'"), without::toString);

        g.write("toy/1-create-things.toy", "create other_things\ndown: drop other_things\n");
        Cli edited = run(g.root(), "lint", "--format", "json");
        assertEquals(1, edited.code(), edited::toString);
        assertTrue(edited.json().get("findings").findValuesAsText("message").contains("Migration "
                + "toy/1-create-things.toy is deployed (recorded in migrations.lock) but its content no longer "
                + "matches the record."), edited::toString);
    }

    @Test
    void theToysOptionIsReadAndCheckedByTheToy() {
        var g = project();
        g.write("toy/2-add-thing-color.toy", "alter things\n").addAll();
        g.write(".migration-guard.yml", "toy:\n  down-required: sometimes\n");
        Cli bad = run(g.root(), "lint");
        assertEquals(2, bad.code(), bad::toString);
        assertEquals("migration-guard: .migration-guard.yml:2: toy.down-required must be yes or no, not 'sometimes'",
                bad.err().strip());

        g.write(".migration-guard.yml", "toy:\n  down-after: yes\n");
        Cli unknown = run(g.root(), "lint");
        assertEquals(2, unknown.code(), unknown::toString);
        assertTrue(unknown.err().contains(".migration-guard.yml:2: unknown key under toy 'down-after' (known: "
                + "down-required)"), unknown::toString);

        g.write(".migration-guard.yml", "toy:\n  down-required: no\n");
        Cli relaxed = run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, relaxed.code(), relaxed::toString);

        Cli withoutToy = Cli.run(SupportedStacks.ALL, Map.of(), g.root(), "lint");
        assertEquals(2, withoutToy.code(), "without the toy, its section is an unknown key: " + withoutToy);
    }

    @Test
    void deployedFromReadsTheToysHistoryTable() {
        EmbeddedDatabase db = EmbeddedDatabase.get();
        String database = db.newDatabase();
        db.superuser(database, "CREATE TABLE toy_history (name VARCHAR(200) NOT NULL)",
                "INSERT INTO toy_history VALUES ('1-create-things.toy'), ('0-gone.toy')");
        db.grantRead(database);
        var g = project();
        String url = db.url(database) + "?user=" + EmbeddedDatabase.READER + "&password="
                + EmbeddedDatabase.READER_PASSWORD;
        Cli lint = run(g.root(), "lint", "--format", "json", "--deployed-from", url);
        assertEquals(1, lint.code(), lint::toString);
        assertEquals(List.of("deployed-migration-edited"), lint.rules());
        JsonNode f = lint.json().get("findings").get(0);
        assertEquals("0-gone.toy", f.get("path").asText());
        assertEquals("Migration 0-gone.toy is deployed (recorded in the database at " + db.url(database)
                + ") but is no longer in the repository.", f.get("message").asText());

        g.write(".migration-guard.yml", "deployed:\n  tables: {toy: other_history}\n");
        Cli named = run(g.root(), "lint", "--format", "json", "--deployed-from", url);
        assertEquals(0, named.code(), "a table named otherwise that does not exist records nothing: " + named);
    }
}
