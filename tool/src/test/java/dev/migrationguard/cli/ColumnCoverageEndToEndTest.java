package dev.migrationguard.cli;

import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.migrationguard.cli.CliEndToEndTest.ENTITY;
import static dev.migrationguard.cli.CliEndToEndTest.MIGRATIONS;
import static dev.migrationguard.cli.CliEndToEndTest.contest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real CLI judging an entity change column by column: against what the new migration does to the column, and
 * against the schema the migrations already build (replayed without a database).
 */
class ColumnCoverageEndToEndTest {
    @TempDir
    Path dir;

    private Map<String, String> env() {
        return Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString(), "HOME", dir.resolve("home").toString());
    }

    private GitFixture project(String v1) {
        return GitFixture.init(dir.resolve("repo"))
                .write(ENTITY, contest(""))
                .write(MIGRATIONS + "V1__Create_contest.sql", v1)
                .addAll().commit("init");
    }

    private Cli check(GitFixture g) {
        return Cli.run(env(), g.root(), "check", "--staged", "--format", "json");
    }

    private static String message(Cli r) {
        return r.json().get("findings").get(0).get("message").asText();
    }

    @Test
    void aMigrationThatTouchesTheTableButNotTheChangedColumnDoesNotCoverIt() {
        var g = project("CREATE TABLE contest (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL);\n");
        g.write(ENTITY, contest("\n    private Integer divisions;\n"))
                .write(MIGRATIONS + "V2__Add_contest_rounds.sql", "ALTER TABLE contest ADD COLUMN rounds INT;\n")
                .addAll();
        Cli r = check(g);
        assertEquals(1, r.code(), r::toString);
        assertEquals(List.of("entity-change-without-migration"), r.rules());
        assertTrue(message(r).endsWith("but the new migration " + MIGRATIONS + "V2__Add_contest_rounds.sql touches "
                + "table \"contest\" but not column \"divisions\"."), r::toString);

        g.write(MIGRATIONS + "V2__Add_contest_rounds.sql", "ALTER TABLE contest ADD COLUMN divisions INT;\n").addAll();
        Cli covered = check(g);
        assertEquals(0, covered.code(), covered::toString);
    }

    @Test
    void aMigrationThatAddsTheColumnNarrowerOrNullableThanTheEntityMapsItIsReported() {
        var g = project("CREATE TABLE contest (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL);\n");
        g.write(ENTITY, contest("\n    @Column(nullable = false, length = 50)\n    private String code;\n"))
                .write(MIGRATIONS + "V2__Add_contest_code.sql", "ALTER TABLE contest ADD COLUMN code VARCHAR(20);\n")
                .addAll();
        Cli r = check(g);
        assertEquals(1, r.code(), r::toString);
        assertEquals(List.of("entity-change-without-migration"), r.rules());
        assertTrue(message(r).endsWith("but the new migration " + MIGRATIONS + "V2__Add_contest_code.sql adds column "
                + "\"contest\".\"code\" as varchar(20) NULL, the entity maps varchar(50) NOT NULL."), r::toString);

        // wider, and NOT NULL once the rows have a value: what the entity writes fits
        g.write(MIGRATIONS + "V2__Add_contest_code.sql", "ALTER TABLE contest ADD COLUMN code VARCHAR(80);\n"
                + "UPDATE contest SET code = 'x';\nALTER TABLE contest ALTER COLUMN code SET NOT NULL;\n").addAll();
        Cli covered = check(g);
        assertEquals(0, covered.code(), covered::toString);
    }

    @Test
    void aCatchUpEditToWhatTheMigrationsAlreadyBuildNeedsNoMigration() {
        // The migrations made the title 200 long; the entity said 100 until now.
        var g = project("CREATE TABLE contest (id BIGINT PRIMARY KEY, title VARCHAR(200) NOT NULL);\n");
        g.write(ENTITY, contest("").replace("length = 100", "length = 200")).addAll();
        Cli catchUp = Cli.run(env(), g.root(), "check", "--staged", "--format", "json", "--debug");
        assertEquals(0, catchUp.code(), catchUp::toString);
        assertTrue(catchUp.err().contains("not reported, the migrations already build it"), catchUp::toString);

        g.write(ENTITY, contest("").replace("length = 100", "length = 300")).addAll();
        Cli change = check(g);
        assertEquals(1, change.code(), change::toString);
        assertEquals(List.of("entity-change-without-migration"), change.rules());
    }

    @Test
    void aHistoryRewrittenInTheSameChangeIsNeverTakenForACatchUp() {
        var g = project("CREATE TABLE contest (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL);\n");
        g.write(ENTITY, contest("").replace("length = 100", "length = 200"))
                .write(MIGRATIONS + "V1__Create_contest.sql",
                        "CREATE TABLE contest (id BIGINT PRIMARY KEY, title VARCHAR(200) NOT NULL);\n").addAll();
        Cli r = check(g);
        assertEquals(1, r.code(), r::toString);
        assertEquals(List.of("deployed-migration-edited", "entity-change-without-migration"),
                r.rules().stream().sorted().toList(), r::toString);
    }

    @Test
    void whatAStatementNotReadMayHaveBuiltIsNeverTakenForACatchUp() {
        var g = project("CREATE TABLE contest (id BIGINT PRIMARY KEY, title VARCHAR(200) NOT NULL);\n"
                + "ALTER TABLE contest FROBNICATE title;\n");
        g.write(ENTITY, contest("").replace("length = 100", "length = 200")).addAll();
        Cli r = check(g);
        assertEquals(1, r.code(), r::toString);
    }

    @Test
    void lintReportsWhereTheEntitiesAndTheReplayedMigrationsDiffer() {
        var g = project("CREATE TABLE contest (id BIGINT PRIMARY KEY, title VARCHAR(80));\n");
        g.write(ENTITY, contest("\n    private Integer divisions;\n")).addAll().commit("entity ahead");
        // on by default in lint; check never reports it
        Cli r = Cli.run(env(), g.root(), "lint", "--format", "json", "--fail-on", "warning");
        assertEquals(1, r.code(), r::toString);
        List<String> messages = new java.util.ArrayList<>();
        for (var f : r.json().get("findings")) {
            if (f.get("rule").asText().equals("entity-migration-drift")) {
                messages.add(f.get("severity").asText() + ": " + f.get("message").asText());
            }
        }
        // title is NOT NULL in the entity and NULL in the migrations: the database takes all the entity writes
        assertEquals(List.of(
                "warning: column \"contest\".\"title\" is varchar(100) in the entity but varchar(80) as the migrations "
                        + "build it.",
                "error: column \"contest\".\"divisions\" is mapped by an entity, but no migration creates it."),
                messages, r::toString);
        g.write(ENTITY, contest("\n    private Integer divisions;\n    private Integer rounds;\n")).add(ENTITY);
        Cli check = Cli.run(env(), g.root(), "check", "--staged", "--format", "json");
        assertEquals(List.of(), drift(check), check::toString);
        g.git("reset", "-q", "--hard");
        g.write(".migration-guard.yml", "rules:\n  entity-migration-drift: off\n").addAll().commit("switch off");
        Cli off = Cli.run(env(), g.root(), "lint", "--format", "json", "--fail-on", "warning");
        assertEquals(List.of(), drift(off), off::toString);
    }

    private List<String> drift(Cli r) {
        List<String> messages = new java.util.ArrayList<>();
        for (var f : r.json().get("findings")) {
            if (f.get("rule").asText().equals("entity-migration-drift")) messages.add(f.get("message").asText());
        }
        return messages;
    }

    /**
     * What hawkbit and jhipster-online showed: a primitive mapped with {@code @Column} (nullable in Hibernate's DDL,
     * never null in Java), a String whose length is JPA's default, a field initialised where declared, a map key
     * column with its own length, and a column the entity maps NOT NULL that the migrations leave nullable are not
     * drift; a nullable wrapper in a NOT NULL column is.
     */
    @Test
    void lintLeavesOutDriftNoReviewerWouldActOn() {
        var g = GitFixture.init(dir.resolve("repo"))
                .write("src/main/java/com/example/Rollout.java", """
                        package com.example;

                        import jakarta.persistence.*;
                        import java.time.Instant;
                        import java.util.Map;

                        @Entity
                        @Table(name = "rollout")
                        public class Rollout {
                            @Id
                            private Long id;

                            @Column(name = "locked")
                            private boolean locked;

                            @Column(name = "decided_by")
                            private String decidedBy;

                            @Column(name = "created_date", updatable = false)
                            private Instant createdDate = Instant.now();

                            @Column(name = "name", nullable = false, length = 64)
                            private String name;

                            @Column(name = "weight")
                            private Integer weight;

                            @ElementCollection
                            @CollectionTable(name = "rollout_attributes", joinColumns = @JoinColumn(name = "rollout_id"))
                            @MapKeyColumn(name = "attribute_key", nullable = false, length = 128)
                            @Column(name = "attribute_value", length = 128)
                            private Map<String, String> attributes;
                        }
                        """)
                .write(MIGRATIONS + "V1__rollout.sql", """
                        CREATE TABLE rollout (id BIGINT PRIMARY KEY, locked BOOLEAN NOT NULL,
                            decided_by VARCHAR(64), created_date TIMESTAMP NOT NULL, name VARCHAR(64),
                            weight INTEGER NOT NULL);
                        CREATE TABLE rollout_attributes (rollout_id BIGINT NOT NULL, attribute_key VARCHAR(128) NOT NULL,
                            attribute_value VARCHAR(128), PRIMARY KEY (rollout_id, attribute_key));
                        """)
                .addAll().commit("init");
        Cli r = Cli.run(env(), g.root(), "lint", "--format", "json", "--fail-on", "never");
        assertEquals(0, r.code(), r::toString);
        assertEquals(List.of("column \"rollout\".\"weight\" is NULL in the entity but NOT NULL as the migrations build "
                + "it."), drift(r), r::toString);
    }
    /**
     * zanata's changelogs create tables under their entity's class name ({@code HAccountOption}) while the entities,
     * read under Spring's naming, map {@code haccount_option}: a naming strategy the tool does not read may map either,
     * so drift takes the one table that answers to the name without case or underscores, as the catch-up check does,
     * and still reports what differs in it. Two tables that answer to it leave the name unmatched.
     */
    @Test
    void lintFindsTheTableTheMigrationsNameAfterTheEntityClass() {
        var g = GitFixture.init(dir.resolve("repo"))
                .write("src/main/java/com/example/HAccountOption.java", """
                        package com.example;

                        import jakarta.persistence.*;

                        @Entity
                        public class HAccountOption {
                            @Id
                            private Long id;

                            @Column(length = 100)
                            private String optionName;
                        }
                        """)
                .write(MIGRATIONS + "V1__account_option.sql",
                        "CREATE TABLE HAccountOption (id BIGINT PRIMARY KEY, optionName VARCHAR(80));\n")
                .addAll().commit("init");
        Cli r = Cli.run(env(), g.root(), "lint", "--format", "json", "--fail-on", "never");
        assertEquals(0, r.code(), r::toString);
        assertEquals(List.of("column \"haccount_option\".\"option_name\" is varchar(100) in the entity but varchar(80) "
                + "as the migrations build it."), drift(r), r::toString);
        g.write(MIGRATIONS + "V2__account_option_copy.sql",
                "CREATE TABLE h_account_option (id BIGINT PRIMARY KEY, option_name VARCHAR(100));\n").addAll().commit("two");
        Cli two = Cli.run(env(), g.root(), "lint", "--format", "json", "--fail-on", "never");
        assertEquals(List.of("table \"haccount_option\" is mapped by an entity, but no migration creates it."),
                drift(two), two::toString);
    }
}
