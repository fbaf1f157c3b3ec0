package dev.migrationguard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.migrationguard.cli.CliEndToEndTest.ENTITY;
import static dev.migrationguard.cli.CliEndToEndTest.MIGRATIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A NUL byte in a comment (javac accepts it) made a file count as binary, unread: a new entity was missed, a changed
 * one taken for removed, a migration's tables unseen. The parsers judge the files they read now.
 */
class NulByteTest {
    private static final String NUL_COMMENT = "    // pasted from a terminal: \u0000\n";

    @TempDir
    Path dir;

    @Test
    void aNewEntityWithANulByteInACommentIsSeen() {
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        g.write("src/main/java/com/example/Division.java", """
                package com.example;

                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;

                @Entity
                public class Division {
                %s    @Id
                    private Long id;
                }
                """.formatted(NUL_COMMENT)).addAll();
        Cli r = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(List.of("entity-change-without-migration"), r.rules(), r::toString);
        assertEquals("src/main/java/com/example/Division.java", r.json().get("findings").get(0).get("path").asText());
    }

    @Test
    void aNulByteInACommentOfAChangedEntityIsNoSchemaChange() {
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        g.write(ENTITY, CliEndToEndTest.contest(NUL_COMMENT)).add(ENTITY);
        Cli r = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, r.code(), r::toString);
        assertEquals(List.of(), r.rules());
    }

    @Test
    void aMigrationWithANulByteInACommentStillCoversItsTable() {
        var g = CliEndToEndTest.baseline(dir).addAll().commit("init");
        g.write(ENTITY, CliEndToEndTest.contest("\n    private Integer divisions;\n"))
                .write(MIGRATIONS + "V2__Add_contest_divisions.sql",
                        "-- generated \u0000 by a tool\nALTER TABLE contest ADD COLUMN divisions INTEGER;\n").addAll();
        Cli r = Cli.run(g.root(), "check", "--staged", "--format", "json");
        assertEquals(0, r.code(), r::toString);
    }
}
