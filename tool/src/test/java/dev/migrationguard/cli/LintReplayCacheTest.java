package dev.migrationguard.cli;

import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.migrationguard.cli.CliEndToEndTest.ENTITY;
import static dev.migrationguard.cli.CliEndToEndTest.MIGRATIONS;
import static dev.migrationguard.cli.CliEndToEndTest.contest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lint reads every migration whole, and replays their operations rather than read the cached replay: on a large
 * set that costs less. The pre-commit check, which reads only the change's files, keeps the cache.
 */
class LintReplayCacheTest {
    @TempDir
    Path dir;

    @Test
    void lintReplaysWithoutTheCacheAndTheCheckKeepsIt() {
        Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString(),
                "HOME", dir.resolve("home").toString());
        Path replayCache = dir.resolve("cache/migration-guard/replay");
        var g = GitFixture.init(dir.resolve("repo"))
                .write(ENTITY, contest("\n    private Integer rounds;\n"))
                .write(MIGRATIONS + "V1__Create_contest.sql", "CREATE TABLE contest (id BIGINT PRIMARY KEY, "
                        + "title VARCHAR(100) NOT NULL);\n")
                .write(MIGRATIONS + "V2__Add_contest_code.sql", "ALTER TABLE contest ADD COLUMN code VARCHAR(50);\n")
                .addAll().commit("init");

        // the replay ran: the column no migration creates is found
        Cli lint = Cli.run(env, g.root(), "lint", "--format", "json");
        assertEquals(List.of("entity-migration-drift"), lint.rules(), lint::toString);
        assertFalse(Files.exists(replayCache), "lint writes no replay cache");

        // the entity maps a column the migrations already create: only the replay says so
        g.write(ENTITY, contest("\n    private Integer rounds;\n    @Column(length = 50)\n    private String code;\n"))
                .addAll();
        Cli check = Cli.run(env, g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, check.code(), check::toString);
        assertTrue(Files.isDirectory(replayCache), "the check replays with the cache");
    }
}
