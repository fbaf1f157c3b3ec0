package dev.migrationguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which Java files can be a parse-error, at which language level, and what a file too deep for the parser hears. */
class JavaParseScopeTest {
    static final String TEST = "src/test/java/com/example/ContestRepositoryTest.java";

    @TempDir
    Path dir;

    private static List<JsonNode> findings(Cli r) {
        List<JsonNode> all = new ArrayList<>();
        r.json().get("findings").forEach(all::add);
        return all;
    }

    @Test
    void aPlainTestWithANewerLanguageFeatureOrABrokenOneIsNoParseError() {
        var g = CliEndToEndTest.baseline(dir).write(TEST, """
                package com.example;

                import jakarta.persistence.EntityManager;
                import java.util.List;

                class ContestRepositoryTest {
                    EntityManager em;

                    int count(List<String> titles) {
                        int n = 0;
                        for (String _ : titles) n++;
                        return n;
                    }
                }
                """).write("src/test/java/com/example/Scratch.java", "class Scratch { void m( }\n")
                .addAll().commit("init");
        Cli r = Cli.run(g.root(), "lint", "--format", "json");
        assertEquals(0, r.code(), r::toString);
        assertEquals(List.of(), r.rules());
    }

    @Test
    void anEntityIsParsedAtTheNewestLevelAndStillReportsItsSyntaxErrors() {
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        g.write(CliEndToEndTest.ENTITY, CliEndToEndTest.contest("""

                    boolean anyTitle(java.util.List<String> titles) {
                        for (String _ : titles) return true;
                        return false;
                    }
                """));
        Cli unnamed = Cli.run(g.root(), "lint", "--format", "json");
        assertEquals(List.of(), unnamed.rules(), unnamed::toString);

        g.write(CliEndToEndTest.ENTITY, CliEndToEndTest.contest("\n    @Column(length = 10\n    private String x;\n"));
        Cli broken = Cli.run(g.root(), "lint", "--format", "json");
        assertEquals(List.of("parse-error"), broken.rules(), broken::toString);
        assertTrue(findings(broken).get(0).get("hint").asText().startsWith("Fix the syntax"), broken::toString);
    }

    @Test
    void anEntityOrJavaMigrationTooDeepForTheParserSaysSoNotFixTheSyntax() {
        String deep = "(".repeat(20_000) + "1" + ")".repeat(20_000);
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        g.write(CliEndToEndTest.ENTITY, CliEndToEndTest.contest("\n    private int depth = " + deep + ";\n"));
        g.write("src/main/java/db/migration/V2__Backfill_titles.java", """
                package db.migration;

                import org.flywaydb.core.api.migration.BaseJavaMigration;
                import org.flywaydb.core.api.migration.Context;

                public class V2__Backfill_titles extends BaseJavaMigration {
                    public void migrate(Context context) {
                        int depth = %s;
                    }
                }
                """.formatted(deep));
        Cli r = Cli.run(g.root(), "lint", "--format", "json");
        assertEquals(List.of("parse-error", "parse-error"), r.rules(), r::toString);
        for (JsonNode f : findings(r)) {
            assertTrue(f.get("message").asText().endsWith("the file is nested too deeply for the Java parser (it "
                    + "ran out of stack)"), r::toString);
            assertTrue(f.get("hint").asText().startsWith("Nothing says the syntax is wrong"), r::toString);
        }
    }
}
