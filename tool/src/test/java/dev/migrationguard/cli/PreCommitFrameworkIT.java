package dev.migrationguard.cli;

import dev.migrationguard.testing.GitFixture;
import dev.migrationguard.testing.ProjectRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.migrationguard.cli.CliEndToEndTest.ENTITY;
import static dev.migrationguard.cli.CliEndToEndTest.MIGRATIONS;
import static dev.migrationguard.cli.CliEndToEndTest.contest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Our {@code .pre-commit-hooks.yaml} under the real pre-commit framework (Debian's {@code pre-commit} package, which
 * .ci/run installs, so CI never skips this): a temporary hook repository holding the manifest and the script, and a
 * project that uses it through {@code pre-commit install} and a real {@code git commit}.
 */
class PreCommitFrameworkIT {
    @TempDir
    Path dir;

    @Test
    void theManifestRefusesABadCommitAndPassesAGoodOne() throws Exception {
        assumeTrue(onPath("pre-commit"), "the pre-commit program is not installed (apt-get install pre-commit)");
        var hookRepo = GitFixture.init(dir.resolve("hook-repo"))
                .write(".pre-commit-hooks.yaml", Files.readString(ProjectRoot.file(".pre-commit-hooks.yaml")))
                .writeBytes("hooks/pre-commit", Files.readAllBytes(ProjectRoot.file("hooks", "pre-commit")));
        hookRepo.git("add", "-A");
        hookRepo.git("update-index", "--chmod=+x", "hooks/pre-commit");
        hookRepo.commit("manifest");
        String rev = hookRepo.git("rev-parse", "HEAD").trim();

        var g = CliEndToEndTest.baseline(dir.resolve("project"))
                .write(".pre-commit-config.yaml", """
                        repos:
                          - repo: %s
                            rev: %s
                            hooks:
                              - id: migration-guard
                        """.formatted(hookRepo.root(), rev))
                .addAll().commit("init");
        g.git("config", "migration-guard.jar", HookIT.JAR.toString());
        Map<String, String> env = Map.of("PRE_COMMIT_HOME", dir.resolve("pre-commit-home").toString());
        HookIT.Result installed = HookIT.run(g.root(), env, "pre-commit", "install");
        assertEquals(0, installed.code(), installed.out());

        g.write(ENTITY, contest("\n    private Integer divisions;\n")).addAll();
        HookIT.Result all = HookIT.run(g.root(), env, "pre-commit", "run", "--all-files");
        assertEquals(1, all.code(), all.out());
        assertTrue(all.out().contains("entity-change-without-migration"), all.out());
        HookIT.Result refused = HookIT.run(g.root(), env, "git", "commit", "-q", "-m", "divisions");
        assertEquals(1, refused.code(), refused.out());
        assertTrue(refused.out().contains("entity-change-without-migration")
                && refused.out().contains("migration-guard (check --staged)"), refused.out());

        g.write(MIGRATIONS + "V2__Add_contest_divisions.sql", "ALTER TABLE contest ADD COLUMN divisions INTEGER;\n")
                .addAll();
        HookIT.Result accepted = HookIT.run(g.root(), env, "git", "commit", "-q", "-m", "divisions");
        assertEquals(0, accepted.code(), accepted.out());
    }

    private static boolean onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, program))) return true;
        }
        return false;
    }
}
