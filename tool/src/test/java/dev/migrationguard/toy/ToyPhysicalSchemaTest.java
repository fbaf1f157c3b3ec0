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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine judges a reader that gives tables by what the database would get: through the real command line, with
 * {@link ToyStack}'s models read as physical tables, a type spelled two ways is no change, a real one is reported in
 * SQL terms at its line, an unknown fact or an unreadable file keeps it silent and {@code --debug} says why, a rename
 * is one finding that a migration of either name covers, and the database the project names decides the spellings.
 */
class ToyPhysicalSchemaTest {
    private static final List<Stack> STACKS = ToyStack.withSupported();
    private static final String MODEL = "app/things.toymodel";

    @TempDir
    Path dir;

    private static Cli check(GitFixture g, String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "--staged", "--format", "json"));
        args.addAll(List.of(extra));
        return Cli.run(STACKS, Map.of(), g.root(), args.toArray(String[]::new));
    }

    private GitFixture project(String model) {
        return GitFixture.init(dir).write(MODEL, model)
                .write("toy/1-create-things.toy", "create things\ndown: drop things\n").addAll().commit("init");
    }

    private static List<String> messages(Cli cli) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : cli.json().get("findings")) out.add(f.get("message").asText());
        return out;
    }

    private static List<String> debugLines(Cli cli) {
        return cli.err().lines().filter(l -> l.startsWith("migration-guard: debug: "))
                .map(l -> l.substring("migration-guard: debug: ".length())).toList();
    }

    @Test
    void aTypeSpelledTwoWaysIsNoChange() {
        var g = project("table things\ncolumn things.name varchar(255) not null\ncolumn things.n int4 null\n");
        g.write(MODEL, "table things\ncolumn things.name character varying(255) not null\n"
                + "column things.n integer null\n").addAll();
        Cli cli = check(g);
        assertEquals(0, cli.code(), cli::toString);
        assertEquals(List.of(), cli.rules(), cli::toString);
    }

    @Test
    void aRealChangeIsReportedInSqlTermsAtItsLine() {
        var g = project("table things\ncolumn things.name varchar(255) null\n");
        g.write(MODEL, "table things\n\ncolumn things.name varchar(320) not null\n").addAll();
        Cli cli = check(g);
        assertEquals(1, cli.code(), cli::toString);
        JsonNode f = cli.json().get("findings").get(0);
        assertEquals("entity-change-without-migration", f.get("rule").asText());
        assertEquals("column \"things\".\"name\": varchar(255) NULL -> varchar(320) NOT NULL, but this change adds no "
                + "migration that alters table \"things\".", f.get("message").asText());
        assertEquals(MODEL, f.get("path").asText());
        assertEquals(3, f.get("line").asInt());
        assertEquals("Add toy/2-AlterThingsName.toy that alters table things.", f.get("hint").asText());
    }

    @Test
    void aColumnAddedOrATableCreatedGetsANameFromTheStoredNames() {
        var g = project("table things\ncolumn things.name text null\n");
        g.write(MODEL, "table things\ncolumn things.name text null\ncolumn things.owner_email text null\n"
                + "table owners\ncolumn owners.id bigint not null\n").addAll();
        Cli cli = check(g);
        assertEquals(1, cli.code(), cli::toString);
        List<String> hints = cli.json().get("findings").findValuesAsText("hint");
        assertEquals(List.of("Add toy/2-AddThingsOwnerEmail.toy that alters table things.",
                "Add toy/2-CreateOwners.toy that creates table owners."), hints, cli::toString);
        assertTrue(messages(cli).contains("table \"owners\" added, but this change adds no migration that creates "
                + "table \"owners\"."), cli::toString);
    }

    @Test
    void anUnknownFactIsSilentAndDebugSaysWhichColumnAndWhy() {
        var g = project("table things\ncolumn things.name varchar(255) not null\n");
        g.write(MODEL, "table things\ncolumn things.name ? not null\n").addAll();
        Cli quiet = check(g);
        assertEquals(0, quiet.code(), quiet::toString);
        assertEquals(List.of(), debugLines(quiet), "no debug line without --debug: " + quiet);

        Cli debug = check(g, "--debug");
        assertEquals(0, debug.code(), debug::toString);
        assertEquals(List.of(), debug.rules(), "stdout is still the one JSON report: " + debug);
        assertTrue(debugLines(debug).contains("column \"things\".\"name\": type on the after side not compared "
                + "(unknown), from " + MODEL + ":2"), debug::toString);
    }

    @Test
    void aFileThatDoesNotParseIsLeftOutOfBothSidesAndDebugSaysSo() {
        var g = project("table things\ncolumn things.name varchar(255) not null\n");
        g.write(MODEL, "table things\ncolumn things.name varchar(320) not null\nbroken\n").addAll();
        Cli cli = check(g, "--debug");
        assertEquals(List.of("parse-error"), cli.rules(), "the change cannot be judged, the file is reported: " + cli);
        assertTrue(debugLines(cli).contains("table \"things\": not compared: " + MODEL + " could not be parsed on the "
                + "after side"), cli::toString);
    }

    @Test
    void aFileTooLargeOnOneSideIsLeftOutOfBothAndDebugSaysSo() {
        var g = project("table things\ncolumn things.name varchar(255) not null\n");
        g.write(MODEL, "table things\ncolumn things.name varchar(320) not null\n" + "# padding\n".repeat(120_000))
                .addAll();
        Cli cli = check(g, "--max-file-size", "1", "--debug");
        assertEquals(List.of("parse-error"), cli.rules(), "reported as too large, never taken for a removed table: " + cli);
        assertTrue(debugLines(cli).contains("entities in " + MODEL + ": not compared: the file is too large to read on "
                + "the after side"), cli::toString);
    }

    @Test
    void aRenameIsOneFindingThatAMigrationOfEitherNameCovers() {
        var g = project("table things\ncolumn things.name varchar(255) not null\n");
        g.write(MODEL, "table stuff\ncolumn stuff.name varchar(255) not null\n").addAll();
        Cli cli = check(g);
        assertEquals(List.of("table \"things\" renamed to \"stuff\", but this change adds no migration that renames "
                + "table \"things\"."), messages(cli), cli::toString);
        assertEquals("Add toy/2-RenameThingsToStuff.toy that renames table things.",
                cli.json().get("findings").get(0).get("hint").asText());

        g.write("toy/2-rename-things.toy", "alter things\ndown: alter stuff\n").addAll();
        Cli oldName = check(g);
        assertEquals(0, oldName.code(), "a migration of the old name covers it: " + oldName);

        g.write("toy/2-rename-things.toy", "alter stuff\ndown: alter stuff\n").addAll();
        Cli newName = check(g);
        assertEquals(0, newName.code(), "a migration of the new name covers it: " + newName);
    }

    @Test
    void aColumnRenamedOrRemovedIsNamedByItsColumn() {
        var g = project("table things\ncolumn things.name varchar(255) not null\ncolumn things.note text null\n");
        g.write(MODEL, "table things\ncolumn things.title varchar(255) not null\n").addAll();
        Cli cli = check(g);
        // in report order: the removed column is placed at its table (line 1), the renamed one at its line
        assertEquals(List.of("column \"things\".\"note\" removed (was text NULL), but this change adds no migration "
                        + "that alters table \"things\".", "column \"things\".\"name\" renamed to \"title\", but this "
                        + "change adds no migration that alters table \"things\"."), messages(cli), cli::toString);
        assertEquals(List.of("Add toy/2-DropThingsNote.toy that alters table things.",
                "Add toy/2-RenameThingsColumnToTitle.toy that alters table things."),
                cli.json().get("findings").findValuesAsText("hint"), cli::toString);
    }

    @Test
    void onlyAMigrationThatTouchesTheTableCoversItsChange() {
        var g = project("table things\ncolumn things.name varchar(255) not null\n");
        g.write(MODEL, "table things\ncolumn things.name varchar(255) null\n")
                .write("toy/2-alter-others.toy", "alter others\ndown: alter others\n").addAll();
        Cli other = check(g);
        assertEquals(List.of("entity-change-without-migration"), other.rules(), other::toString);

        g.write("toy/2-alter-others.toy", "alter things\ndown: alter things\n").addAll();
        Cli covered = check(g);
        assertEquals(0, covered.code(), covered::toString);
    }

    @Test
    void aViewEntityAddedRenamedOrRemovedAsksForNoMigrationAndDebugSaysSo() {
        var g = project("table things\ncolumn things.open boolean not null\n");
        g.write(MODEL, "table things\ncolumn things.open boolean not null\n"
                + "view open_things as select * from things where open\n").addAll();
        Cli added = check(g, "--debug");
        assertEquals(0, added.code(), added::toString);
        assertTrue(debugLines(added).contains("view \"open_things\" added: not reported, a view entity owns no table"),
                added::toString);

        g.commit("view").write(MODEL, "table things\ncolumn things.open boolean not null\n"
                + "view opened as select * from things where open\n").addAll();
        assertEquals(0, check(g).code(), "renamed");
        g.write(MODEL, "table things\ncolumn things.open boolean not null\n").addAll();
        assertEquals(0, check(g).code(), "removed");
    }

    @Test
    void aViewIsJudgedAsAViewAndCoveredByAMigrationOfTheView() {
        var g = project("table things\ncolumn things.open boolean not null\n"
                + "view open_things as select * from things where open\n");
        g.write(MODEL, "table things\ncolumn things.open boolean not null\n"
                + "view open_things as SELECT *   FROM things WHERE open\n").addAll();
        assertEquals(0, check(g).code(), "a view's query respaced and recased is the same view");

        g.write(MODEL, "table things\ncolumn things.open boolean not null\n"
                + "view open_things as select * from things where not open\n").addAll();
        Cli changed = check(g);
        assertEquals(List.of("view \"open_things\": definition changed, but this change adds no migration that "
                + "alters view \"open_things\"."), messages(changed), changed::toString);

        g.write("toy/2-open-things.toy", "create open_things\ndown: drop open_things\n").addAll();
        assertEquals(0, check(g).code());
    }

    @Test
    void theDatabaseTheProjectNamesDecidesWhichSpellingsAreOneType() {
        var g = project("table things\ncolumn things.flag tinyint(1) not null\ncolumn things.score real null\n");
        g.write(MODEL, "table things\ncolumn things.flag boolean not null\ncolumn things.score double precision null\n")
                .addAll();
        Cli postgres = check(g, "--debug");
        assertEquals(2, postgres.rules().size(), "on PostgreSQL, the default, these are other types: " + postgres);
        assertTrue(debugLines(postgres).contains("dialect postgres: assumed, since no setting names the database "
                + "(write dialect: in .migration-guard.yml to choose)"), postgres::toString);

        g.write("config/toy.db", "database mysql\n").addAll();
        Cli mysql = check(g, "--debug");
        assertEquals(0, mysql.code(), "on MySQL, boolean is tinyint(1) and real is double: " + mysql);
        assertTrue(debugLines(mysql).contains("dialect mysql: from database in config/toy.db:1"), mysql::toString);

        g.write(".migration-guard.yml", "dialect: postgres\n").addAll();
        Cli configured = check(g, "--debug");
        assertEquals(2, configured.rules().size(), "dialect: wins over the project's settings: " + configured);
        assertTrue(debugLines(configured).contains("dialect postgres: from dialect: in the configuration"),
                configured::toString);
    }

    @Test
    void ofSeveralDatabasesTheProductionOneIsTakenAndDebugNamesTheOthers() {
        var g = project("table things\ncolumn things.flag tinyint(1) not null\n");
        g.write(MODEL, "table things\ncolumn things.flag boolean not null\n")
                .write("config/toy-test.db", "database postgres\n")
                .write("config/toy-prod.db", "database mariadb\n")
                .write("config/toy.db", "database sqlite\n").addAll();
        Cli cli = check(g, "--debug");
        assertEquals(0, cli.code(), "MariaDB, production's, reads boolean as tinyint(1): " + cli);
        assertTrue(debugLines(cli).contains("dialect mariadb: from database in config/toy-prod.db:1 (profile prod), a "
                + "production profile; also named: postgres (database in config/toy-test.db:1 (profile test)), "
                + "sqlite (database in config/toy.db:1) (write dialect: in .migration-guard.yml to choose)"),
                cli::toString);
    }

    @Test
    void aDialectOutsideTheListStopsTheRunNamingTheKeyAndTheValues() {
        var g = project("table things\n");
        g.write(".migration-guard.yml", "dialect: postgresql\n");
        Cli cli = check(g);
        assertEquals(2, cli.code(), cli::toString);
        assertEquals("migration-guard: .migration-guard.yml:1: dialect must be one of postgres, mysql, mariadb, "
                + "sqlite, mssql, oracle, h2, not 'postgresql'", cli.err().strip());
        assertFalse(cli.out().contains("findings"), cli::toString);
    }
}
