package dev.migrationguard.cli;

import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real CLI on repositories whose migrations are plain SQL folders named by {@code migrations.sql-folders}. */
class SqlFoldersEndToEndTest {
    private static final String CONFIG = """
            migrations:
              sql-folders:
                - folder: db/migrations
                  pattern: "{version}_{name}.sql"
                  order: version
            """;

    @TempDir
    Path dir;

    private GitFixture dbmate() {
        return GitFixture.init(dir)
                .write(".migration-guard.yml", CONFIG)
                .write("db/migrations/20240101120000_create_users.sql", """
                        -- migrate:up
                        CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);

                        -- migrate:down
                        DROP TABLE users;
                        """);
    }

    @Test
    void aDbmateFolderIsReadLikeAnyMigrations() {
        var g = dbmate().addAll().commit("init");
        g.write("db/migrations/20240102120000_update.sql", """
                -- migrate:up
                ALTER TABLE users ADD COLUMN name text;
                """).addAll();
        Cli r = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, r.code(), r::toString);
        assertEquals(List.of("missing-down-migration", "vague-migration-name"), r.rules().stream().sorted().toList(),
                r::toString);
        assertTrue(r.out().contains("no -- migrate:down section"), r::toString);
    }

    @Test
    void editingADeployedMigrationOfTheFolderIsRefusedButLineEndingsAreNot() {
        var g = dbmate().addAll().commit("init");
        String file = "db/migrations/20240101120000_create_users.sql";
        g.write(file, g.read(file).replace("\n", "\r\n")).addAll();
        Cli endings = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, endings.code(), endings::toString);
        g.write(file, g.read(file).replace("email text", "email varchar(320)")).addAll();
        Cli edited = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, edited.code(), edited::toString);
        assertEquals(List.of("deployed-migration-edited"), edited.rules());
    }

    @Test
    void aGolangMigrateUpFileNeedsItsDownFile() {
        var g = GitFixture.init(dir)
                .write(".migration-guard.yml", """
                        migrations:
                          sql-folders:
                            - folder: migrations
                        """)
                .write("migrations/000001_create_users.up.sql", "CREATE TABLE users (id bigint);\n")
                .write("migrations/000001_create_users.down.sql", "DROP TABLE users;\n")
                .addAll().commit("init");
        g.write("migrations/000002_add_user_email.up.sql", "ALTER TABLE users ADD COLUMN email text;\n").addAll();
        Cli missing = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, missing.code(), missing::toString);
        assertEquals(List.of("missing-down-migration"), missing.rules());
        assertTrue(missing.out().contains("no 000002_add_user_email.down.sql beside it"), missing::toString);
        g.write("migrations/000002_add_user_email.down.sql", "ALTER TABLE users DROP COLUMN email;\n").addAll();
        Cli paired = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, paired.code(), paired::toString);
    }

    @Test
    void aBadEntryStopsTheRunNamingTheKey() {
        var g = GitFixture.init(dir).write(".migration-guard.yml", """
                migrations:
                  sql-folders:
                    - folder: db/migrations
                      order: newest-first
                """).addAll().commit("init");
        Cli r = Cli.run(g.root(), "lint");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains(".migration-guard.yml:3"), r::toString);
        assertTrue(r.err().contains("migrations.sql-folders entry 1: order must be version or name, not "
                + "'newest-first'"), r::toString);
        g.write(".migration-guard.yml", """
                migrations:
                  sql-folders:
                    - folder: ../outside
                """);
        Cli outside = Cli.run(g.root(), "lint");
        assertEquals(2, outside.code(), outside::toString);
        assertTrue(outside.err().contains("folder must be a folder inside the repository"), outside::toString);
        g.write(".migration-guard.yml", """
                migrations:
                  sql-folders:
                    - folder: db
                      pattern: "[0-9]+.sql"
                """);
        Cli noVersion = Cli.run(g.root(), "lint");
        assertEquals(2, noVersion.code(), noVersion::toString);
        assertTrue(noVersion.err().contains("has no version"), noVersion::toString);
    }

    @Test
    void anEntityChangeIsToldTheNextFileOfTheFolder() {
        var g = GitFixture.init(dir)
                .write(".migration-guard.yml", "migrations:\n  sql-folders:\n    - folder: migrations\n")
                .write(CliEndToEndTest.ENTITY, CliEndToEndTest.contest(""))
                .write("migrations/000001_create_contest.up.sql",
                        "CREATE TABLE contest (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL);\n")
                .write("migrations/000001_create_contest.down.sql", "DROP TABLE contest;\n")
                .addAll().commit("init");
        g.write(CliEndToEndTest.ENTITY, CliEndToEndTest.contest("\n    private Integer divisions;\n")).addAll();
        Cli r = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(1, r.code(), r::toString);
        assertEquals(List.of("entity-change-without-migration"), r.rules());
        assertEquals("Add migrations/000002_add_contest_divisions.up.sql that alters table \"contest\". Add its "
                + ".down.sql beside it.", r.json().get("findings").get(0).get("hint").asText());
        g.write("migrations/000002_add_contest_divisions.up.sql", "ALTER TABLE contest ADD COLUMN divisions INT;\n")
                .write("migrations/000002_add_contest_divisions.down.sql",
                        "ALTER TABLE contest DROP COLUMN divisions;\n").addAll();
        Cli covered = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, covered.code(), covered::toString);
    }
}
