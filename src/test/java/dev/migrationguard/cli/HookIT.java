package dev.migrationguard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar behind the real hook script, driven by a real {@code git commit} (runs in {@code mvn verify}). */
class HookIT {
    @TempDir
    Path dir;

    @Test
    void theHookScriptRefusesABadCommitAndPassesAGoodOne() throws Exception {
        Path jar = Path.of("target", "migration-guard.jar").toAbsolutePath();
        assertTrue(Files.exists(jar), "integration tests run after mvn package has built " + jar);
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        Path hook = Path.of("hooks", "pre-commit").toAbsolutePath();
        g.git("config", "core.hooksPath", hook.getParent().toString());
        g.git("config", "migration-guard.jar", jar.toString());
        g.write(CliEndToEndTest.ENTITY, CliEndToEndTest.contest("\n    private Integer divisions;\n")).addAll();
        var refused = new ProcessBuilder("git", "commit", "-q", "-m", "divisions").directory(g.root().toFile())
                .redirectErrorStream(true).start();
        String out = new String(refused.getInputStream().readAllBytes());
        assertEquals(1, refused.waitFor(), out);
        assertTrue(out.contains("entity-change-without-migration") && out.contains("--no-verify"), out);
        g.write(CliEndToEndTest.MIGRATIONS + "V2__Add_contest_divisions.sql", "ALTER TABLE contest ADD COLUMN divisions INTEGER;\n")
                .addAll();
        var accepted = new ProcessBuilder("git", "commit", "-q", "-m", "divisions").directory(g.root().toFile())
                .redirectErrorStream(true).start();
        String out2 = new String(accepted.getInputStream().readAllBytes());
        assertEquals(0, accepted.waitFor(), out2);
    }

}
