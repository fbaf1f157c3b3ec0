package dev.migrationguard.cli;

import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An entity file that cannot be compared (here, one that no longer parses) leaves its table out of both sides; with
 * --debug the run says which table and why.
 */
class UncomparedEntitiesDebugTest {
    private static final String ENTITY = "src/main/java/com/example/Owner.java";

    @TempDir
    Path dir;

    @Test
    void aTableLeftOutBecauseItsFileDoesNotParseIsNamedWithTheReason() {
        var g = GitFixture.init(dir).write(ENTITY, """
                package com.example;

                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;

                @Entity
                public class Owner {
                    @Id Long id;
                    String name;
                }
                """).addAll().commit("init");
        g.write(ENTITY, """
                package com.example;

                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;

                @Entity
                public class Owner {
                    @Id Long id;
                    String name
                }
                """).addAll();
        Cli cli = Cli.run(g.root(), "check", "--staged", "--format", "json", "--debug");
        assertEquals(List.of("parse-error"), cli.rules(), "not taken for a removed table: " + cli);
        assertTrue(cli.err().lines().anyMatch(l -> l.equals("migration-guard: debug: table \"owner\": not compared: "
                + ENTITY + " could not be parsed on the after side")), cli::toString);
    }
}
