package dev.migrationguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.Rollback;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.settings.OptionValues;
import dev.migrationguard.sql.SqlOperations;
import dev.migrationguard.stack.MigrationReader;
import dev.migrationguard.stack.Stack;
import dev.migrationguard.stacks.SupportedStacks;
import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code schema} through the real command line. The supported stacks give no migration sets yet on this branch, so a
 * stack defined here (a folder of numbered SQL files, applied in path order) gives the sets with real content.
 */
class SchemaCommandTest {
    @TempDir
    Path dir;

    @TempDir
    Path cacheHome;

    private static final List<Stack> WITH_SQL_FOLDER = withSqlFolder();

    private Cli schema(GitFixture repo, String... args) {
        return Cli.run(WITH_SQL_FOLDER, Map.of("XDG_CACHE_HOME", cacheHome.toString()), repo.root(), args(args));
    }

    private static String[] args(String... rest) {
        List<String> all = new ArrayList<>(List.of("schema"));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    private GitFixture history() {
        return GitFixture.init(dir)
                .write("sql/001_users.sql", "CREATE TABLE users (id serial PRIMARY KEY, email varchar(255) NOT NULL);\n")
                .write("sql/002_orders.sql", """
                        CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users (id));
                        CREATE INDEX orders_user ON orders (user_id);
                        ALTER TABLE orders ADD CONSTRAINT positive CHECK (id > 0) NOT VALID;
                        """)
                .addAll().commit("two migrations");
    }

    @Test
    void printsEachTableAsDdlWithWhereEachFactWasSet() {
        GitFixture repo = history();
        repo.write("sql/003_email.sql", "ALTER TABLE users ALTER COLUMN email TYPE varchar(320);\nDO $$ BEGIN PERFORM 1 FROM users; END $$;\n");
        Cli run = schema(repo);
        assertEquals(0, run.code(), run.err());
        String out = run.out();
        assertTrue(out.startsWith("-- sqlfolder set sql, postgres: 3 migrations, 6 operations, 1 opaque\n"), out);
        assertTrue(out.contains("""
                CREATE TABLE "users" (  -- sql/001_users.sql:1
                  -- ? incomplete since sql/003_email.sql:2, a statement not read, or one on what the replay lacked; more may differ
                ? "id" integer NOT NULL DEFAULT nextval(sequence)  -- sql/001_users.sql:1
                """), out);
        assertTrue(out.contains("? \"email\" varchar(320) NOT NULL  -- sql/003_email.sql:1\n"), "the work tree's edit: " + out);
        assertTrue(out.contains("  \"user_id\" integer NULL  -- sql/002_orders.sql:1\n"), "no unread statement named orders: " + out);
        assertTrue(out.contains("  CONSTRAINT \"positive\" CHECK (id>0) NOT VALID  -- sql/002_orders.sql:3\n"), out);
        assertTrue(out.contains("CREATE INDEX \"orders_user\" ON \"orders\" (\"user_id\");  -- sql/002_orders.sql:2\n"), out);
        assertTrue(out.contains("  FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION"), out);
    }

    @Test
    void aRefIsReadFromGitObjectsAndJsonIsOneDocument() throws Exception {
        GitFixture repo = history();
        repo.write("sql/003_email.sql", "ALTER TABLE users ADD COLUMN nickname text;\n");
        Cli run = schema(repo, "--ref", "HEAD", "--format", "json");
        assertEquals(0, run.code(), run.err());
        JsonNode doc = run.json();
        assertEquals("migration-guard", doc.get("tool").get("name").asText());
        JsonNode set = doc.get("sets").get(0);
        assertEquals(2, set.get("migrations").asInt(), "HEAD has two; the work tree's third is not read");
        JsonNode users = set.get("tables").get(0);
        assertEquals("users", users.get("name").asText());
        assertEquals(List.of("id", "email"), names(users.get("columns")));
        JsonNode email = users.get("columns").get(1);
        assertEquals("varchar(255)", email.get("type").asText());
        assertFalse(email.get("nullable").asBoolean());
        assertEquals("sql/001_users.sql:1:1", email.get("location").asText());
        JsonNode check = set.get("tables").get(1).get("checks").get(0);
        assertTrue(check.get("notValid").asBoolean());

        Path file = dir.resolve("schema.json");
        Cli toFile = schema(repo, "--ref", "HEAD", "--format", "json", "--output", file.toString());
        assertEquals(0, toFile.code(), toFile.err());
        assertEquals("", toFile.out());
        assertEquals(run.out(), Files.readString(file));
    }

    @Test
    void whatAStatementNotReadMayHaveChangedIsMarkedWithTheStatement() throws Exception {
        GitFixture repo = history();
        repo.write("sql/003_dynamic.sql", "DO $$ BEGIN EXECUTE 'ALTER TABLE ' || 'x'; END $$;\n")
                .write("sql/004_nickname.sql", "ALTER TABLE users ADD COLUMN nickname text;\n");
        Cli text = schema(repo);
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("-- incomplete: a statement that could not be read may have created or dropped "
                + "tables not listed (the last such at sql/003_dynamic.sql:1)\n"), text.out());
        assertTrue(text.out().contains("""
                CREATE TABLE "users" (  -- sql/001_users.sql:1
                  -- ? columns marked ? may have been changed by the statement not read at sql/003_dynamic.sql:1
                ? "id" integer NOT NULL DEFAULT nextval(sequence)  -- sql/001_users.sql:1
                ? "email" varchar(255) NOT NULL  -- sql/001_users.sql:1
                  "nickname" text NULL  -- sql/004_nickname.sql:1
                """), text.out());

        JsonNode set = schema(repo, "--format", "json").json().get("sets").get(0);
        assertFalse(set.get("complete").asBoolean());
        assertEquals("sql/003_dynamic.sql:1:1", set.get("incompleteBy").asText());
        JsonNode users = set.get("tables").get(0);
        assertTrue(users.get("complete").asBoolean(), "no statement not read named it");
        assertFalse(users.has("incompleteBy"));
        assertEquals(List.of(false, false, true), certain(users.get("columns")));
    }

    @Test
    void aTableAStatementNotReadNamedSaysWhichStatementInJson() throws Exception {
        GitFixture repo = history();
        // a block with a branch is not read (a straight one would be)
        repo.write("sql/003_block.sql", "DO $$ BEGIN IF random() > 0.5 THEN UPDATE orders SET id = id; END IF; END $$;\n");
        JsonNode set = schema(repo, "--format", "json").json().get("sets").get(0);
        assertTrue(set.get("complete").asBoolean(), "the block names a table the replay has");
        assertTrue(set.get("incompleteBy").isNull());
        JsonNode orders = set.get("tables").get(1);
        assertEquals("orders", orders.get("name").asText());
        assertFalse(orders.get("complete").asBoolean());
        assertEquals("sql/003_block.sql:1:1", orders.get("incompleteBy").asText());
        assertEquals(List.of(false, false), certain(orders.get("columns")));
        assertEquals(List.of(true, true), certain(set.get("tables").get(0).get("columns")));
    }

    private static List<Boolean> certain(JsonNode columns) {
        List<Boolean> out = new ArrayList<>();
        columns.forEach(c -> out.add(c.get("certain").asBoolean()));
        return out;
    }

    @Test
    void debugSaysWhichSetsWereReplayedWhatTheyReadAndWhatTheCacheGave() {
        GitFixture repo = history();
        Cli first = schema(repo, "--ref", "HEAD", "--debug");
        assertTrue(first.err().contains("migration-guard: debug: replayed sqlfolder set sql (postgres): 2 migrations, "
                + "4 operations, 0 opaque, 0 on objects it lacked; cache miss"), first.err());
        Cli second = schema(repo, "--ref", "HEAD", "--debug");
        assertTrue(second.err().contains("; cache hit\n"), second.err());
        assertEquals(first.out(), second.out(), "the cached state prints the same schema");
        repo.write("sql/003_more.sql", "ALTER TABLE users ADD COLUMN age int;\n").addAll().commit("third");
        Cli third = schema(repo, "--ref", "HEAD", "--debug");
        assertTrue(third.err().contains("; cache hit for 2 of 3 migrations"), third.err());
        assertTrue(third.out().contains("\"age\" integer NULL"), third.out());
    }

    @Test
    void theDialectOptionAppliesToSetsThatNameNone() {
        GitFixture repo = history();
        Cli run = schema(repo, "--dialect", "mysql");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("-- sqlfolder set sql, mysql: 2 migrations"), run.out());
    }

    @Test
    void withoutMigrationSetsItSaysSoAndExitsZero() {
        GitFixture repo = GitFixture.init(dir).write("README.md", "no migrations\n").addAll().commit("init");
        Cli text = Cli.run(SupportedStacks.ALL, Map.of("XDG_CACHE_HOME", cacheHome.toString()), repo.root(), "schema",
                "--debug");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("No migration set found"), text.out());
        assertTrue(text.err().contains("no migration set"), text.err());
        Cli json = Cli.run(SupportedStacks.ALL, Map.of(), repo.root(), "schema", "--format", "json");
        assertEquals(0, json.code(), json.err());
        assertEquals(0, json.json().get("sets").size());
    }

    @Test
    void badUsageExitsTwoNamingTheProblem() {
        GitFixture repo = history();
        Cli ref = schema(repo, "--ref", "no-such-branch");
        assertEquals(2, ref.code());
        assertTrue(ref.err().contains("unknown ref 'no-such-branch'"), ref.err());
        Cli format = schema(repo, "--format", "sarif");
        assertEquals(2, format.code());
        assertTrue(format.err().contains("unknown --format 'sarif' for schema (known: text, json)"), format.err());
        Cli dialect = schema(repo, "--dialect", "dbase");
        assertEquals(2, dialect.code());
        assertTrue(dialect.err().contains("unknown --dialect 'dbase'"), dialect.err());
        Cli unknownOption = schema(repo, "--base", "main");
        assertEquals(2, unknownOption.code());
        Cli outside = Cli.run(WITH_SQL_FOLDER, Map.of(), dir.resolve("missing"), "schema");
        assertEquals(2, outside.code());
    }

    private static List<String> names(JsonNode columns) {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.get("name").asText()));
        return names;
    }

    private static List<Stack> withSqlFolder() {
        List<Stack> stacks = new ArrayList<>(SupportedStacks.ALL);
        stacks.add(new SqlFolder());
        return stacks;
    }

    /** {@code sql/*.sql}, applied in path order, as one set; it recognises no file for check or lint. */
    private static final class SqlFolder implements Stack, MigrationReader {
        @Override
        public String id() {
            return "sqlfolder";
        }

        @Override
        public Parts parts(OptionValues options) {
            return new Parts(List.of(), List.of(this), List.of(), List.of());
        }

        @Override
        public boolean accepts(String path) {
            return false;
        }

        @Override
        public ReadResult<Migration> read(Snapshot side, String path) {
            return ReadResult.empty();
        }

        @Override
        public List<MigrationSet> sets(Snapshot side) {
            List<Migration> migrations = new ArrayList<>();
            for (String path : side.paths()) {
                if (!path.startsWith("sql/") || !path.endsWith(".sql")) continue;
                String text = side.readableText(path).orElse("");
                migrations.add(new Migration(path, path, id(), Migration.Kind.VERSIONED, null, path,
                        Location.file(path), List.of(), Rollback.notApplicable(), text).withOperations(
                        SqlOperations.read(text, Dialect.POSTGRES, Location.file(path), Side.UP)));
            }
            return migrations.isEmpty() ? List.of() : List.of(new MigrationSet(id(), "", "sql", null, migrations));
        }
    }
}
