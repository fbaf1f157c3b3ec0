package dev.migrationguard.liquibase;

import dev.migrationguard.model.RunnerFacts;
import dev.migrationguard.model.RunnerFacts.OutsideProduction;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.migrationguard.liquibase.ChangeLogText.changeLog;
import static dev.migrationguard.liquibase.ChangeLogText.facts;
import static dev.migrationguard.liquibase.ChangeLogText.master;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The contexts of the includes that reach a changeSet, AND-ed before its own as Liquibase does, and whether production
 * runs it.
 */
class LiquibaseContextsTest {
    private static final String MASTER = "src/main/resources/config/liquibase/master.xml";

    @Test
    void anIncludesContextIsCarriedDownToTheChangeSetsItReaches() {
        var side = MemorySnapshot.of(MASTER, master("""
                  <include file="changelog/a.xml" relativeToChangelogFile="true" contextFilter="test"/>
                  <include file="changelog/sample.xml" relativeToChangelogFile="true" context="dev"/>
                  <include file="changelog/plain.xml" relativeToChangelogFile="true"/>
                """),
                "src/main/resources/config/liquibase/changelog/a.xml", changeLog(" context=\"!h2\""),
                "src/main/resources/config/liquibase/changelog/sample.xml", master("""
                  <includeAll path="data/" relativeToChangelogFile="true" contextFilter="faker"/>
                """),
                "src/main/resources/config/liquibase/changelog/data/users.xml", changeLog(""),
                "src/main/resources/config/liquibase/changelog/plain.xml", changeLog(""));
        var reader = new LiquibaseMigrationReader();
        assertEquals(List.of("test", "!h2"), facts(reader, side, "src/main/resources/config/liquibase/changelog/a.xml")
                .contexts());
        RunnerFacts nested = facts(reader, side, "src/main/resources/config/liquibase/changelog/data/users.xml");
        assertEquals(List.of("dev", "faker"), nested.contexts());
        assertEquals(new OutsideProduction(OutsideProduction.Filter.CONTEXT, "dev and faker", null),
                nested.outsideProduction());
        RunnerFacts plain = facts(reader, side, "src/main/resources/config/liquibase/changelog/plain.xml");
        assertEquals(List.of(), plain.contexts());
        assertNull(plain.outsideProduction());
    }

    @Test
    void productionIsTheConfiguredContextsElseAllButTheDevelopmentOnes() {
        var side = MemorySnapshot.of(MASTER, master("""
                  <include file="changelog/a.xml" relativeToChangelogFile="true"/>
                """), "src/main/resources/config/liquibase/changelog/a.xml", changeLog(" context=\"faker\""));
        String path = "src/main/resources/config/liquibase/changelog/a.xml";
        assertNotNull(facts(new LiquibaseMigrationReader(), side, path).outsideProduction());
        assertNull(facts(new LiquibaseMigrationReader(List.of(), Contexts.of(List.of("prod", "faker"))), side, path)
                .outsideProduction());
        // production that names no context runs every changeSet
        assertNull(facts(new LiquibaseMigrationReader(List.of(), Contexts.of(List.of())), side, path)
                .outsideProduction());
    }

    /**
     * Spring Boot gives Liquibase {@code spring.liquibase.contexts}: the production profile's value, else the default
     * profile's. A changeSet in a context production does not name (staging here, which the built-in guess would
     * have run) is then outside production; the configuration still wins, and a value production cannot be read from
     * (profiles that disagree, a variable with no default) leaves the guess.
     */
    @Test
    void productionIsWhatSpringsProductionProfileGivesLiquibase() {
        String path = "src/main/resources/config/liquibase/changelog/a.xml";
        String changeLog = changeLog(" context=\"staging\"");
        String liquibase = master("""
                  <include file="changelog/a.xml" relativeToChangelogFile="true"/>
                """);
        var prodFile = MemorySnapshot.of(MASTER, liquibase, path, changeLog,
                "src/main/resources/config/application-dev.yml", "spring:\n  liquibase:\n    contexts: dev, staging\n",
                "src/main/resources/config/application-prod.yml", "spring:\n  liquibase:\n    contexts: prod\n",
                "src/test/resources/config/application.yml", "spring:\n  liquibase:\n    contexts: staging\n");
        assertNotNull(facts(new LiquibaseMigrationReader(), prodFile, path).outsideProduction());
        assertNull(facts(new LiquibaseMigrationReader(List.of(), Contexts.of(List.of("staging"))), prodFile, path)
                .outsideProduction());
        // the default profile's value, in a properties file, counts when no production profile sets one
        var byDefault = MemorySnapshot.of(MASTER, liquibase, path, changeLog,
                "src/main/resources/application.properties", "spring.liquibase.contexts=${LB_CONTEXTS:prod}\n");
        assertNotNull(facts(new LiquibaseMigrationReader(), byDefault, path).outsideProduction());
        // a production document of a multi-document YAML file, in a list
        var documents = MemorySnapshot.of(MASTER, liquibase, path, changeLog,
                "src/main/resources/application.yml", """
                        spring:
                          liquibase:
                            contexts: staging
                        ---
                        spring:
                          config:
                            activate:
                              on-profile: prod
                          liquibase:
                            contexts: [prod, audit]
                        """);
        assertNotNull(facts(new LiquibaseMigrationReader(), documents, path).outsideProduction());
        // a variable without a default says nothing: the guess (every context but development's) stays
        var unknown = MemorySnapshot.of(MASTER, liquibase, path, changeLog,
                "src/main/resources/application-prod.properties", "spring.liquibase.contexts=${LB_CONTEXTS}\n");
        assertNull(facts(new LiquibaseMigrationReader(), unknown, path).outsideProduction());
        // production's value names the context
        var named = MemorySnapshot.of(MASTER, liquibase, path, changeLog,
                "src/main/resources/application-production.properties", "spring.liquibase.contexts=prod,staging\n");
        assertNull(facts(new LiquibaseMigrationReader(), named, path).outsideProduction());
    }

    /**
     * Spring's value read as Spring Boot reads it: a variable with no default leaves the guess (it read as "no
     * contexts", so production ran even a faker changeSet); a {@code !dev} document holds in production and overrides
     * the default profile's value; a YAML block sequence is a list (the line reader saw no value at all).
     */
    @Test
    void springsValueIsReadAsSpringBootReadsIt() {
        String path = "src/main/resources/config/liquibase/changelog/a.xml";
        String liquibase = master("""
                  <include file="changelog/a.xml" relativeToChangelogFile="true"/>
                """);
        String faker = changeLog(" context=\"faker\"");
        var unknown = MemorySnapshot.of(MASTER, liquibase, path, faker,
                "src/main/resources/application-prod.properties", "spring.liquibase.contexts=${LB_CONTEXTS}\n");
        assertNotNull(facts(new LiquibaseMigrationReader(), unknown, path).outsideProduction());
        var negated = MemorySnapshot.of(MASTER, liquibase, path, faker, "src/main/resources/application.yml", """
                spring:
                  liquibase:
                    contexts: dev, faker
                ---
                spring:
                  config:
                    activate:
                      on-profile: "!dev"
                  liquibase:
                    contexts: prod
                """);
        assertNotNull(facts(new LiquibaseMigrationReader(), negated, path).outsideProduction());
        var blockList = MemorySnapshot.of(MASTER, liquibase, path, changeLog(" context=\"staging\""),
                "src/main/resources/application-prod.yml", "spring:\n  liquibase:\n    contexts:\n      - prod\n"
                        + "      - audit\n");
        assertNotNull(facts(new LiquibaseMigrationReader(), blockList, path).outsideProduction());
    }

    @Test
    void expressionsAreReadAsLiquibaseReadsThem() {
        Contexts prod = Contexts.of(List.of("prod"));
        assertEquals(Optional.of(true), prod.runs(List.of()));
        assertEquals(Optional.of(false), prod.runs(List.of("faker")));
        assertEquals(Optional.of(true), prod.runs(List.of("dev, prod")));
        assertEquals(Optional.of(true), prod.runs(List.of("!test")));
        assertEquals(Optional.of(false), prod.runs(List.of("prod and !PROD")));
        assertEquals(Optional.of(true), prod.runs(List.of("(dev or test) or not faker")));
        assertEquals(Optional.of(false), prod.runs(List.of("prod", "faker")));
        assertEquals(Optional.of(true), Contexts.ASSUMED.runs(List.of("prod")));
        assertEquals(Optional.of(false), Contexts.ASSUMED.runs(List.of("dev, test")));
        // what cannot be read counts as running
        assertEquals(Optional.empty(), prod.runs(List.of("(dev")));
        assertEquals(Optional.empty(), prod.runs(List.of("dev and")));
    }
}
