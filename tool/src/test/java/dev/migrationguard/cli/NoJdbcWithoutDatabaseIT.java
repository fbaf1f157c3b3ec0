package dev.migrationguard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar loads no JDBC driver (nor a JSON mapper) unless it needs one: the pre-commit path stays light. */
class NoJdbcWithoutDatabaseIT {
    @TempDir
    Path dir;

    private static String classesLoaded(Path repo, String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(List.of("java", "-verbose:class", "-jar", HookIT.JAR.toString()));
        command.addAll(List.of(args));
        var pb = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
        pb.environment().put("MIGRATION_GUARD_FAST_START", "0");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return out;
    }

    @Test
    void checkAndLintLoadAJdbcDriverOnlyWhenADatabaseIsNamed() throws Exception {
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        g.write("README.md", "hello\n").add("README.md");
        for (String[] args : List.of(new String[]{"check", "--staged"}, new String[]{"lint"})) {
            String loaded = classesLoaded(g.root(), args);
            assertTrue(loaded.contains("dev.migrationguard.engine.Engine"), loaded);
            assertFalse(loaded.contains("org.postgresql."), String.join(" ", args) + " loaded the PostgreSQL driver");
            // picocli's built-in converters touch java.sql types by reflection; no driver is loaded or registered
            assertFalse(loaded.contains("dev.migrationguard.database."), String.join(" ", args) + " read a database");
        }
        // the text report of a pre-commit check builds no Jackson mapper: that alone costs tens of milliseconds
        String staged = classesLoaded(g.root(), "check", "--staged");
        assertFalse(staged.contains("com.fasterxml.jackson.databind.ObjectMapper"), "check --staged built a JSON mapper");
        // the same jar with a database: the driver is there, found through the service loader
        String with = classesLoaded(g.root(), "lint", "--deployed-from", "jdbc:postgresql://localhost:1/app?connectTimeout=1");
        assertTrue(with.contains("org.postgresql.Driver"), with);
        assertTrue(with.contains("cannot read the deployed migrations from jdbc:postgresql://localhost:1/app"), with);
        assertEquals(-1, with.indexOf("Exception in thread"), with);
    }
}
