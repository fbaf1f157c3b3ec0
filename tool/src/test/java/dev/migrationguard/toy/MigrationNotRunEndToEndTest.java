package dev.migrationguard.toy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrationguard.cli.Cli;
import dev.migrationguard.stack.Stack;
import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code migration-not-run} and what it does to the entity rule, through the real command line on real repositories,
 * with the toy stack, whose runner skips a migration named {@code <n>_<name>.toy}.
 */
class MigrationNotRunEndToEndTest {
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

    private static JsonNode only(Cli cli, String rule) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode f : cli.json().get("findings")) if (f.get("rule").asText().equals(rule)) found.add(f);
        assertEquals(1, found.size(), cli::toString);
        return found.get(0);
    }

    @Test
    void aMisnamedMigrationIsReportedAndCoversNothing() {
        var g = project();
        g.write(MODEL, "table things\ncolumn things.name\ncolumn things.color\n")
                .write("toy/2_add-thing-color.toy", "alter things\ndown: alter things\n").addAll();
        Cli refused = run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, refused.code(), refused::toString);
        assertEquals(List.of("entity-change-without-migration", "migration-not-run"),
                refused.rules().stream().sorted().toList(), refused::toString);
        JsonNode notRun = only(refused, "migration-not-run");
        assertEquals("toy/2_add-thing-color.toy", notRun.get("path").asText());
        assertEquals("error", notRun.get("severity").asText());
        assertEquals("toy/2_add-thing-color.toy looks like a migration, but its name has an underscore after the "
                + "number, so the toy runner skips it: it changes nothing and covers no entity change.",
                notRun.get("message").asText());
        assertEquals("Rename it to toy/2-add-thing-color.toy.", notRun.get("hint").asText());
        JsonNode entity = only(refused, "entity-change-without-migration");
        assertTrue(entity.get("message").asText().endsWith("but the new migration toy/2_add-thing-color.toy is not "
                + "run by its runner: its name has an underscore after the number, so the toy runner skips it."),
                entity::toString);
        assertEquals("Rename it to toy/2-add-thing-color.toy.", entity.get("hint").asText());

        g.git("mv", "toy/2_add-thing-color.toy", "toy/2-add-thing-color.toy");
        Cli accepted = run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, accepted.code(), accepted::toString);
    }

    @Test
    void checkAsksAboutTheChangedFilesAndLintAboutEveryFile() {
        var g = project();
        g.write("toy/2_template.toy", "alter things\n").addAll().commit("a file the runner skips");
        g.write("toy/2-add-index.toy", "alter things\ndown: alter things\n").addAll();
        Cli check = run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(List.of(), check.rules(), check::toString);

        g.write("toy/2_template.toy", "alter things\ndrop things\n").addAll();
        Cli modified = run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(List.of("migration-not-run"), modified.rules(), modified::toString);

        Cli lint = run(g.root(), "lint", "--format", "json");
        assertEquals(List.of("migration-not-run"), lint.rules(), lint::toString);
        assertEquals("toy/2_template.toy", only(lint, "migration-not-run").get("path").asText());
    }

    @Test
    void aSuppressionCommentSilencesIt() {
        var g = project();
        g.write("toy/2_template.toy", "# migration-guard-ignore migration-not-run: a template the release script "
                + "copies\nalter things\n").addAll();
        Cli cli = run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, cli.code(), cli::toString);
        JsonNode f = only(cli, "migration-not-run");
        assertTrue(f.path("suppressed").asBoolean(), f::toString);

        g.write("toy/3_other.toy", "alter things\n").addAll();
        Cli other = run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(List.of("migration-not-run"), other.rules(), other::toString);
    }

    @Test
    void theRuleIsListedAndExplained() {
        Cli rules = run(null, "rules");
        assertTrue(rules.out().contains("migration-not-run"), rules::toString);
        Cli explain = run(null, "explain", "migration-not-run");
        assertEquals(0, explain.code(), explain::toString);
        assertTrue(explain.out().contains("## Suppress"), explain::toString);
    }

    @Test
    void withNoMigrationAtAllOneFindingAsksWhereTheyAre() {
        var g = GitFixture.init(dir).write(MODEL, "table things\ncolumn things.name\ntable teams\ncolumn teams.name\n")
                .addAll().commit("init");
        g.write(MODEL, "table things\ncolumn things.name\ncolumn things.color\ntable teams\ncolumn teams.name\n"
                + "column teams.city\n").addAll();
        Cli cli = run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, cli.code(), cli::toString);
        assertEquals(List.of("entity-change-without-migration"), cli.rules(), cli::toString);
        JsonNode f = only(cli, "entity-change-without-migration");
        assertEquals("2 entity changes need a migration (table \"things\", table \"teams\"), but no migrations found: "
                + "is there a migration folder the configuration should name? (`migrations.sql-folders`).",
                f.get("message").asText());
        assertEquals(3, f.get("line").asInt(), f::toString);
    }

    @Test
    void withMigrationsEachChangedLineIsItsOwnFinding() {
        var g = project();
        g.write(MODEL, "table things\ncolumn things.name\ncolumn things.color\ntable teams\ncolumn teams.city\n")
                .addAll();
        Cli cli = run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(List.of("entity-change-without-migration", "entity-change-without-migration"), cli.rules(),
                cli::toString);
        for (JsonNode f : cli.json().get("findings")) {
            assertTrue(f.get("message").asText().contains("but this change adds no migration that"), f::toString);
        }
    }
}
