package dev.migrationguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrationguard.testing.GitFixture;
import dev.migrationguard.testing.ProjectRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.migrationguard.cli.TypeOrmEndToEndTest.ENTITY;
import static dev.migrationguard.cli.TypeOrmEndToEndTest.MIGRATIONS;
import static dev.migrationguard.cli.TypeOrmEndToEndTest.contest;
import static dev.migrationguard.cli.TypeOrmEndToEndTest.migration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar against the files that made swc4j take the JVM down (exit 139 or 134, nothing printed, and in the
 * hook a refused commit without a word): deep nesting, a spread apart from its operand in an Angular service; and,
 * with those defences turned off so the parser really crashes, the proof that a crash costs one file, not the run.
 */
class NativeCrashIT {
    /** About 400 parentheses, thousands of chained {@code +}, nested literals: each crashed the JVM on its own. */
    static final String DEEP = "import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';\n\n"
            + "export const parentheses = " + "(".repeat(400) + "1" + ")".repeat(400) + ";\n"
            + "export const sql = 'a'" + " +\n  'b'".repeat(5_000) + ";\n"
            + "export const literals = " + "[{ a: ".repeat(1_500) + "1" + " }]".repeat(1_500) + ";\n";
    /** A valid Angular service: swc4j 2.0.0 aborted on the space after the dots ("Couldn't find end"). */
    static final String ANGULAR_SERVICE = """
            import { Injectable } from '@angular/core';

            @Injectable({ providedIn: 'root' })
            export class CartService {
              private items: string[] = [];

              add(...more: string[]): void {
                this.items.push(... more);
              }
            }
            """;
    /** A TypeORM file with the same spread: parsed, so it reaches the native parser. */
    static final String SPREAD_ENTITY_FILE = "import { Entity } from 'typeorm';\n\nconst all = ['a'];\n"
            + "export const kinds = [... all, 'b'];\n";

    @TempDir
    Path dir;

    private Map<String, String> env(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("XDG_CACHE_HOME", Path.of("target", "it-cache")
                .toAbsolutePath().toString()));
        for (int i = 0; i < more.length; i += 2) env.put(more[i], more[i + 1]);
        return env;
    }

    /** A commit of one column with its migration, plus the files given. */
    private GitFixture columnWithMigration(Map<String, String> files) {
        var g = TypeOrmEndToEndTest.baseline(dir).addAll().commit("init");
        g.write(ENTITY, contest("\n  @Column()\n  divisions: number;\n"))
                .write(MIGRATIONS + "1700000000001-AddContestDivisions.ts", migration("1700000000001",
                        "AddContestDivisions", "ALTER TABLE \"contest\" ADD \"divisions\" integer NOT NULL DEFAULT 1",
                        "ALTER TABLE \"contest\" DROP COLUMN \"divisions\""));
        files.forEach(g::write);
        return g.addAll();
    }

    @ParameterizedTest(name = "MIGRATION_GUARD_FAST_START={0}")
    @ValueSource(strings = {"1", "0"})
    void deepNestingAndAnAngularServiceAreCheckedInEitherJvm(String fastStart) throws Exception {
        var g = columnWithMigration(Map.of("src/deep.ts", DEEP, "src/app/cart.service.ts", ANGULAR_SERVICE));
        var check = PackagedJar.run(g.root(), env("MIGRATION_GUARD_FAST_START", fastStart),
                "check", "--staged", "--format", "json");
        assertEquals(0, check.code(), check::toString);
        assertEquals(List.of(), check.findings(), check::toString);
        var lint = PackagedJar.run(g.root(), env("MIGRATION_GUARD_FAST_START", fastStart), "lint", "--format", "json");
        assertEquals(0, lint.code(), lint::toString);
        assertEquals(List.of(), lint.findings(), lint::toString);
        assertEquals(List.of(), PackagedJar.crashLeftovers(g.root()));
    }

    @Test
    void theHookAcceptsTheCommitItUsedToRefuseWithoutAWord() throws Exception {
        var g = columnWithMigration(Map.of("src/deep.ts", DEEP, "src/app/cart.service.ts", ANGULAR_SERVICE,
                "src/kinds.ts", SPREAD_ENTITY_FILE));
        g.git("config", "migration-guard.jar", PackagedJar.JAR.toString());
        g.git("config", "core.hooksPath", ProjectRoot.file("hooks").toAbsolutePath().toString());
        var commit = HookIT.run(g.root(), env(), "git", "commit", "-q", "-m", "divisions");
        assertEquals(0, commit.code(), commit.out());
    }

    /**
     * With the nesting bound and the spread rewrite off, SWC crashes for real: by a segfault on the deep file and an
     * abort on the spread. Each crash becomes a parse-error on its file, the other file's finding is still reported,
     * and stdout holds one JSON report; the JVM's crash banner and log appear nowhere.
     */
    @Test
    void aCrashOfTheParserIsAParseErrorForThatFileAndTheRunGoesOn() throws Exception {
        var g = TypeOrmEndToEndTest.baseline(dir).addAll().commit("init");
        g.write(ENTITY, contest("\n  @Column()\n  divisions: number;\n"))
                .write("src/deep.ts", "import { Entity } from 'typeorm';\nexport const x = " + "(".repeat(200_000)
                        + "1" + ")".repeat(200_000) + ";\n")
                .write("src/kinds.ts", SPREAD_ENTITY_FILE).addAll();
        var unguarded = env("JAVA_TOOL_OPTIONS", "-Dmigration-guard.typescript.unguarded=true");
        List<String> crashed = List.of("parse-error src/deep.ts", "parse-error src/kinds.ts");
        // lint also says that no migration creates divisions (entity-migration-drift)
        Map<String, List<String>> expected = Map.of("check --staged", List.of(
                "entity-change-without-migration " + ENTITY, crashed.get(0), crashed.get(1)), "lint", List.of(
                "entity-migration-drift " + ENTITY, crashed.get(0), crashed.get(1)));
        for (var command : expected.entrySet()) {
            List<String> args = new java.util.ArrayList<>(List.of(command.getKey().split(" ")));
            args.addAll(List.of("--format", "json"));
            var r = PackagedJar.run(g.root(), unguarded, args.toArray(String[]::new));
            assertEquals(1, r.code(), r::toString);
            assertEquals(command.getValue(), r.findings().stream().sorted().toList(), r::toString);
            for (JsonNode f : r.json().get("findings")) {
                if (f.get("rule").asText().equals("parse-error")) {
                    assertTrue(f.get("message").asText().contains("the TypeScript parser (SWC, native code) crashed "
                            + "on this file"), r::toString);
                }
            }
            assertFalse(r.err().contains("fatal error") || r.err().contains("panicked"), r::toString);
        }
        var text = PackagedJar.run(g.root(), unguarded, "check", "--staged");
        assertEquals(1, text.code(), text::toString);
        assertTrue(text.out().contains("src/kinds.ts:1:1: error [parse-error]"), text::toString);
        assertEquals(List.of(), PackagedJar.crashLeftovers(g.root()));
        assertEquals("", g.git("status", "--porcelain", "--untracked-files=all").lines()
                .filter(l -> l.startsWith("??")).reduce("", String::concat), "nothing new in the work tree");
    }

    /** The tuned JVM gets this JVM's heap limit; running out of it anywhere, even inside the parser, is exit 3. */
    @Test
    void runningOutOfMemoryIsExitThreeWithOneLine() throws Exception {
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            columns.append("\n  @Column({ nullable: true, length: ").append(i + 1).append(" })\n  field").append(i)
                    .append(": string;\n");
        }
        var g = TypeOrmEndToEndTest.baseline(dir).addAll().commit("init");
        g.write(ENTITY, contest(columns.toString())).addAll();
        var r = PackagedJar.run(g.root(), env(), List.of("-Xmx6m"), null, "check", "--staged", "--format", "json");
        assertEquals(ExitCodes.BUG, r.code(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith("migration-guard: out of memory (Java heap space); give Java a larger heap"),
                r::toString);
    }
}
