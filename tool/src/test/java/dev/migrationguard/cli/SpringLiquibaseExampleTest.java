package dev.migrationguard.cli;

import dev.migrationguard.testing.GitFixture;
import dev.migrationguard.testing.ProjectRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** examples/spring-liquibase shows what its README promises, as its own repository. */
class SpringLiquibaseExampleTest {
    static final Path EXAMPLE = ProjectRoot.file("examples", "spring-liquibase");

    @TempDir
    Path dir;

    private GitFixture copy() throws IOException {
        GitFixture g = GitFixture.init(dir);
        try (Stream<Path> files = Files.walk(EXAMPLE)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                g.write(EXAMPLE.relativize(f).toString().replace('\\', '/'), Files.readString(f));
            }
        }
        return g;
    }

    @Test
    void lintShowsOneFindingPerRuleTheReadmeLists() throws IOException {
        var g = copy().addAll().commit("example");
        Cli lint = Cli.run(g.root(), "lint", "--format", "json");
        assertEquals(1, lint.code(), lint::toString);
        List<String> located = new java.util.ArrayList<>();
        lint.json().get("findings").forEach(f -> located.add(f.get("path").asText().replaceAll(".*/", "") + " "
                + f.get("rule").asText()));
        assertEquals(List.of("application-staging.properties synchronize-in-production",
                "002-create-player.yaml deployed-migration-edited",
                "003-team-colors.sql missing-down-migration",
                "004-player-ranking.xml parse-error",
                "005-changes.yaml missing-down-migration",
                "005-changes.yaml vague-migration-name",
                "005-changes.yaml invalid-suppression"), located, lint::toString);
    }

    @Test
    void anEntityChangeWithoutAChangeSetIsRefusedWithTheNextStep() throws IOException {
        var g = copy().addAll().commit("example");
        String team = "src/main/java/com/example/teams/Team.java";
        g.write(team, g.read(team).replace("    private String color;", "    private String color;\n\n    private Integer founded;"))
                .add(team);
        Cli check = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertTrue(check.rules().contains("entity-change-without-migration"), check::toString);
        assertTrue(check.json().toString().contains("and include it from db.changelog-master.yaml"), check::toString);
    }
}
