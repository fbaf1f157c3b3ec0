package dev.migrationguard.builds;

import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModuleGraphTest {
    private static String pom(String artifact, String dependencies) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent><groupId>org.acme</groupId><artifactId>parent</artifactId><version>1</version></parent>
                  <artifactId>%s</artifactId>
                  <dependencies>%s</dependencies>
                  <dependencyManagement><dependencies>
                    <dependency><groupId>org.acme</groupId><artifactId>managed-only</artifactId></dependency>
                  </dependencies></dependencyManagement>
                </project>
                """.formatted(artifact, dependencies);
    }

    private static String dependency(String artifact, String extra) {
        return "<dependency><groupId>${project.groupId}</groupId><artifactId>" + artifact + "</artifactId>" + extra
                + "</dependency>";
    }

    private static final String ROOT_POM = """
            <project><groupId>org.acme</groupId><artifactId>parent</artifactId><packaging>pom</packaging>
              <modules><module>model</module><module>app</module><module>other</module><module>tests</module>
                <module>managed-only</module></modules>
            </project>
            """;

    @Test
    void mavenMainDependenciesAreFollowedTransitivelyAndTestScopeIsNot() {
        var graph = ModuleGraph.read(MemorySnapshot.of(
                "pom.xml", ROOT_POM,
                "model/pom.xml", pom("model", ""),
                "core/pom.xml", pom("core", dependency("model", "")),
                "app/pom.xml", pom("app", dependency("core", "<scope>compile</scope>")),
                "other/pom.xml", pom("other", ""),
                "managed-only/pom.xml", pom("managed-only", ""),
                "tests/pom.xml", pom("tests", dependency("model", "<scope>test</scope>")
                        + dependency("other", "<type>test-jar</type>"))));
        assertTrue(graph.uses("app", "core"));
        assertTrue(graph.uses("app", "model"), "through core");
        assertFalse(graph.uses("model", "app"));
        assertFalse(graph.uses("tests", "model"), "test scope");
        assertFalse(graph.uses("tests", "other"), "a test jar");
        assertFalse(graph.uses("", "managed-only"), "dependency management declares, it does not depend");
        assertFalse(graph.uses("", "model"), "<modules> aggregates, it does not depend");
        assertEquals(Optional.of("app uses model"), graph.application("model", "app"));
        assertEquals(Optional.of("app uses model"), graph.application("app", "model"));
        assertEquals(Optional.empty(), graph.application("model", "other"));
        assertEquals(Optional.of("app"), graph.moduleOf("app/src/main/java/App.java"));
    }

    @Test
    void twoModulesOneApplicationUsesAreOneApplication() {
        var graph = ModuleGraph.read(MemorySnapshot.of(
                "entities/pom.xml", pom("entities", ""),
                "migrations/pom.xml", pom("migrations", ""),
                "server/pom.xml", pom("server", dependency("entities", "") + dependency("migrations", ""))));
        assertEquals(Optional.of("server uses entities and migrations"),
                graph.application("entities", "migrations"));
    }

    @Test
    void aPomThatDoesNotParseIsAModuleNoCoordinatesName() {
        var graph = ModuleGraph.read(MemorySnapshot.of(
                "a/pom.xml", "<project><artifactId>a</artifactId><dependencies>",
                "b/pom.xml", pom("b", dependency("a", ""))));
        assertTrue(graph.isModule("a"));
        assertFalse(graph.uses("a", "b"));
        assertFalse(graph.uses("b", "a"), "its coordinates are not known");
    }

    @Test
    void copiesOfAModulesCoordinatesResolveToTheOneTheReactorAggregates() {
        var graph = ModuleGraph.read(MemorySnapshot.of(
                "pom.xml", "<project><groupId>org.acme</groupId><artifactId>parent</artifactId>"
                        + "<modules><module>./lib/</module><module>app</module></modules></project>",
                "lib/pom.xml", pom("lib", ""),
                "examples/lib/pom.xml", pom("lib", ""),
                "app/pom.xml", pom("app", dependency("lib", "")),
                "app/src/test/resources/fixture/pom.xml", pom("fixture", dependency("app", ""))));
        assertTrue(graph.uses("app", "lib"));
        assertFalse(graph.uses("app", "examples/lib"));
        assertFalse(graph.isModule("app/src/test/resources/fixture"), "a test's fixture is no module");
    }

    @Test
    void gradleProjectDependenciesInEachSpellingAreFollowedTransitively() {
        var graph = ModuleGraph.read(MemorySnapshot.of(
                "settings.gradle", """
                        rootProject.name = 'acme'
                        include 'model', ':core'
                        include(
                            "web-app",
                            "tests")
                        include 'legacy'
                        project(':legacy').projectDir = file('old/legacy-code')
                        // include 'commented'
                        """,
                "build.gradle", """
                        subprojects {
                            dependencies { implementation project(':model') }
                        }
                        """,
                "model/build.gradle", "",
                "core/build.gradle.kts", """
                        dependencies {
                            api(project(":model"))
                            implementation(projects.legacy)
                        }
                        """,
                "web-app/build.gradle", """
                        dependencies {
                            implementation project(path: ':core', configuration: 'default')
                            testImplementation project(':tests')
                            agentJar(project(path: ":tests", configuration: "bootJar"))
                            // implementation project(':commented')
                        }
                        """,
                "old/legacy-code/build.gradle", "",
                "tests/build.gradle", "dependencies { testImplementation(project(\":model\")) }",
                "commented/build.gradle", ""));
        assertTrue(graph.uses("web-app", "core"));
        assertTrue(graph.uses("web-app", "model"), "through core");
        assertTrue(graph.uses("core", "old/legacy-code"), "a type-safe accessor, a moved project folder");
        assertFalse(graph.uses("web-app", "tests"), "test and custom configurations");
        assertFalse(graph.uses("tests", "model"));
        assertFalse(graph.uses("web-app", "commented"));
        assertFalse(graph.uses("", "model"), "subprojects { } configures the others, not the root");
        assertEquals(Optional.of("web-app uses old/legacy-code"), graph.application("old/legacy-code", "web-app"));
    }

    @Test
    void gradleProjectsFoundByTheirBuildFilesWhenTheSettingsIncludeThemByCode() {
        var graph = ModuleGraph.read(MemorySnapshot.of(
                "settings.gradle", "fileTree(dir: rootDir, include: '**/build.gradle').each { include it }",
                "model/build.gradle", "",
                "container/build.gradle", "dependencies { api project(\":model\") }",
                "manager/build.gradle", "dependencies {\n  api project(\":container\")\n}",
                "ui/app/build.gradle", "dependencies { implementation project(':manager') }"));
        assertTrue(graph.uses("manager", "model"));
        assertTrue(graph.uses("ui/app", "model"));
        assertEquals(Optional.of("model"), graph.moduleOf("model/src/main/java/org/acme/Asset.java"));
        assertEquals(Optional.empty(), graph.moduleOf("docs/readme.md"));
    }

    @Test
    void noBuildFilesNoModules() {
        var graph = ModuleGraph.read(MemorySnapshot.of("src/entity.ts", "export class A {}"));
        assertEquals(Optional.empty(), graph.moduleOf("src/entity.ts"));
        assertEquals(Optional.empty(), graph.application("", "src"));
    }
}
