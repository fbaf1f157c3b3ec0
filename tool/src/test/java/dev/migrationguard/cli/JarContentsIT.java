package dev.migrationguard.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar carries what the tool runs, not what a dependency's pom drags in by mistake. */
class JarContentsIT {

    @Test
    void theJarHoldsNoBenchmarkHarness() throws IOException {
        assertTrue(Files.exists(PackagedJar.JAR), "integration tests run after mvn package has built the jar");
        List<String> strays = new ArrayList<>();
        try (JarFile jar = new JarFile(PackagedJar.JAR.toFile())) {
            for (JarEntry e : java.util.Collections.list(jar.entries())) {
                String name = e.getName();
                if (name.startsWith("org/openjdk/jmh/") || name.startsWith("org/apache/commons/math3/")
                        || name.startsWith("joptsimple/")) {
                    strays.add(name);
                }
            }
        }
        assertEquals(List.of(), strays.size() > 5 ? strays.subList(0, 5) : strays,
                "JSqlParser's pom lists JMH as a compile dependency; the pom excludes it");
    }
}
