package dev.migrationguard.cli;

import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.migrationguard.cli.CliEndToEndTest.contest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real CLI on a repository whose entities live in one build module and whose Flyway migrations live in the
 * application module that depends on it: the entities are judged against the application's migrations, as the build
 * files say, and not against those of a module no application shares with them.
 */
class ModuleGraphEndToEndTest {
    private static final String ENTITY = "model/src/main/java/com/example/Contest.java";
    private static final String APP_MIGRATIONS = "app/src/main/resources/db/migration/";

    @TempDir
    Path dir;

    private Map<String, String> env() {
        return Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString(), "HOME", dir.resolve("home").toString());
    }

    private GitFixture twoModules(String name, Map<String, String> buildFiles) {
        var g = GitFixture.init(dir.resolve(name))
                .write(ENTITY, contest("\n    private Integer divisions;\n"))
                .write(APP_MIGRATIONS + "V1__Create_contest.sql",
                        "CREATE TABLE contest (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL);\n")
                .write("app/src/main/resources/application.properties", "spring.flyway.enabled=true\n");
        buildFiles.forEach(g::write);
        return g.addAll().commit("init");
    }

    private List<String> drift(GitFixture g) {
        Cli r = Cli.run(env(), g.root(), "lint", "--format", "json");
        List<String> messages = new ArrayList<>();
        for (var f : r.json().get("findings")) {
            if (f.get("rule").asText().equals("entity-migration-drift")) {
                messages.add(f.get("path").asText() + ": " + f.get("message").asText());
            }
        }
        return messages;
    }

    private static final String MISSING = ENTITY + ": column \"contest\".\"divisions\" is mapped by an entity, but no "
            + "migration creates it.";

    @Test
    void gradleEntitiesInALibraryModuleAreJudgedAgainstTheApplicationsMigrations() {
        var g = twoModules("gradle", Map.of(
                "settings.gradle", "include 'model', 'app'\n",
                "model/build.gradle", "plugins { id 'java-library' }\n",
                "app/build.gradle", "dependencies {\n    implementation project(':model')\n}\n"));
        assertEquals(List.of(MISSING), drift(g));

        // the application depends on the entities only in its tests: they are not its own
        g.write("app/build.gradle", "dependencies {\n    testImplementation project(':model')\n}\n")
                .addAll().commit("test only");
        assertEquals(List.of(), drift(g));
    }

    @Test
    void mavenEntitiesInALibraryModuleAreJudgedAgainstTheApplicationsMigrationsThroughAnotherModule() {
        String parent = "<parent><groupId>com.example</groupId><artifactId>parent</artifactId>"
                + "<version>1</version></parent>";
        var g = twoModules("maven", Map.of(
                "pom.xml", "<project><groupId>com.example</groupId><artifactId>parent</artifactId><version>1</version>"
                        + "<packaging>pom</packaging><modules><module>model</module><module>service</module>"
                        + "<module>app</module></modules></project>\n",
                "model/pom.xml", "<project>" + parent + "<artifactId>model</artifactId></project>\n",
                "service/pom.xml", "<project>" + parent + "<artifactId>service</artifactId><dependencies>"
                        + "<dependency><groupId>com.example</groupId><artifactId>model</artifactId></dependency>"
                        + "</dependencies></project>\n",
                "app/pom.xml", "<project>" + parent + "<artifactId>app</artifactId><dependencies>"
                        + "<dependency><groupId>${project.groupId}</groupId><artifactId>service</artifactId>"
                        + "</dependency></dependencies></project>\n"));
        assertEquals(List.of(MISSING), drift(g));

        // a second application that uses the entities with migrations of its own: whose tables they are is not known
        g.write("admin/pom.xml", "<project>" + parent + "<artifactId>admin</artifactId><dependencies>"
                        + "<dependency><groupId>com.example</groupId><artifactId>model</artifactId></dependency>"
                        + "</dependencies></project>\n")
                .write("admin/src/main/resources/application.properties", "spring.flyway.enabled=true\n")
                .write("admin/src/main/resources/db/migration/V1__Create_audit.sql", "CREATE TABLE audit (id BIGINT);\n")
                .addAll().commit("second application");
        Cli r = Cli.run(env(), g.root(), "lint", "--format", "json", "--debug");
        assertEquals(List.of(), drift(g));
        assertTrue(r.err().contains("module model (postgres): not compared: it is part of several applications"),
                r::toString);
    }

    @Test
    void aModuleNoApplicationSharesWithTheEntitiesIsNotTheirs() {
        var g = twoModules("unrelated", Map.of(
                "settings.gradle", "include 'model', 'app'\n",
                "model/build.gradle", "plugins { id 'java-library' }\n",
                "app/build.gradle", "plugins { id 'java' }\n"));
        assertEquals(List.of(), drift(g));
    }
}
