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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The labels of the includes that reach a changeSet, carried before its own as Liquibase does, and whether production's
 * label filter lets it run: Liquibase tests the run's filter (an expression) against the labels of each include on
 * the way and of the changeSet, each list on its own, and runs a changeSet that carries none whatever the filter.
 */
class LiquibaseLabelsTest {
    private static final String ROOT = "src/main/resources/config/liquibase/";
    private static final String MASTER = ROOT + "master.xml";
    private static final String CHANGELOG = ROOT + "changelog/a.xml";

    private static LiquibaseMigrationReader configured(String... production) {
        return new LiquibaseMigrationReader(List.of(), Contexts.ASSUMED, LabelFilter.of(List.of(production)), null);
    }

    private static OutsideProduction label(String written, String production) {
        return new OutsideProduction(OutsideProduction.Filter.LABEL, written, production);
    }

    @Test
    void anIncludesLabelsAreCarriedDownToTheChangeSetsItReaches() {
        var side = MemorySnapshot.of(MASTER, master("""
                  <include file="changelog/a.xml" relativeToChangelogFile="true" labels="v2"/>
                  <include file="changelog/sample.xml" relativeToChangelogFile="true" labels="demo, faker"
                           contextFilter="dev"/>
                  <include file="changelog/plain.xml" relativeToChangelogFile="true"/>
                """),
                CHANGELOG, changeLog(" labels=\"hot\""),
                ROOT + "changelog/sample.xml", master("""
                  <includeAll path="data/" relativeToChangelogFile="true" labels="seed"/>
                """),
                ROOT + "changelog/data/users.xml", changeLog(""),
                ROOT + "changelog/plain.xml", changeLog(""));
        var reader = new LiquibaseMigrationReader();
        assertEquals(List.of("v2", "hot"), facts(reader, side, CHANGELOG).labels());
        RunnerFacts nested = facts(reader, side, ROOT + "changelog/data/users.xml");
        assertEquals(List.of("demo, faker", "seed"), nested.labels());
        assertEquals(List.of("dev"), nested.contexts());
        RunnerFacts plain = facts(reader, side, ROOT + "changelog/plain.xml");
        assertEquals(List.of(), plain.labels());
        assertNull(plain.outsideProduction());
    }

    @Test
    void yamlAndJsonIncludesCarryTheirLabelsToo() {
        String yamlMaster = "src/main/resources/db/changelog/db.changelog-master.yaml";
        var yaml = MemorySnapshot.of(yamlMaster, """
                databaseChangeLog:
                  - include:
                      file: changes/a.xml
                      relativeToChangelogFile: true
                      labels: faker
                  - includeAll:
                      path: changes/more/
                      relativeToChangelogFile: true
                      labels: "demo, seed"
                """, "src/main/resources/db/changelog/changes/a.xml", changeLog(""),
                "src/main/resources/db/changelog/changes/more/b.xml", changeLog(" labels=\"v3\""));
        var reader = new LiquibaseMigrationReader();
        assertEquals(List.of("faker"), facts(reader, yaml, "src/main/resources/db/changelog/changes/a.xml").labels());
        assertEquals(List.of("demo, seed", "v3"),
                facts(reader, yaml, "src/main/resources/db/changelog/changes/more/b.xml").labels());

        String jsonMaster = "src/main/resources/db/changelog/db.changelog-master.json";
        var json = MemorySnapshot.of(jsonMaster, """
                {"databaseChangeLog": [
                  {"include": {"file": "changes/a.xml", "relativeToChangelogFile": true, "labels": "faker"}}
                ]}
                """, "src/main/resources/db/changelog/changes/a.xml", changeLog(""));
        RunnerFacts fromJson = facts(configured("!faker"), json, "src/main/resources/db/changelog/changes/a.xml");
        assertEquals(List.of("faker"), fromJson.labels());
        assertEquals(label("faker", "!faker"), fromJson.outsideProduction());
    }

    @Test
    void aChangeSetProductionsLabelFilterLeavesOutIsNotInProduction() {
        var side = MemorySnapshot.of(MASTER, master("""
                  <include file="changelog/a.xml" relativeToChangelogFile="true"/>
                  <include file="changelog/b.xml" relativeToChangelogFile="true" labels="faker"/>
                  <include file="changelog/c.xml" relativeToChangelogFile="true"/>
                """), CHANGELOG, changeLog(" labels=\"faker, demo\""),
                ROOT + "changelog/b.xml", changeLog(" labels=\"prod\""),
                ROOT + "changelog/c.xml", changeLog(""));
        assertEquals(label("faker, demo", "!faker and prod"),
                facts(configured("!faker and prod"), side, CHANGELOG).outsideProduction());
        // each list on its own: the include's faker fails the filter, though the changeSet's own prod passes it
        assertEquals(label("faker", "!faker and prod"),
                facts(configured("!faker and prod"), side, ROOT + "changelog/b.xml").outsideProduction());
        // a changeSet with no labels runs whatever the filter
        assertNull(facts(configured("prod"), side, ROOT + "changelog/c.xml").outsideProduction());
        // entries of the configured list are alternatives, as a comma is in Liquibase's filter
        assertNull(facts(configured("prod", "demo"), side, CHANGELOG).outsideProduction());
        // no filter (the configuration's [], or nothing said at all) runs every changeSet
        assertNull(facts(configured(), side, CHANGELOG).outsideProduction());
        assertNull(facts(new LiquibaseMigrationReader(), side, CHANGELOG).outsideProduction());
    }

    @Test
    void contextsThatLeaveAChangeSetOutAreNamedBeforeItsLabels() {
        var side = MemorySnapshot.of(MASTER, master("""
                  <include file="changelog/a.xml" relativeToChangelogFile="true"/>
                """), CHANGELOG, changeLog(" context=\"faker\" labels=\"faker\""));
        assertEquals(new OutsideProduction(OutsideProduction.Filter.CONTEXT, "faker", null),
                facts(configured("!faker"), side, CHANGELOG).outsideProduction());
    }

    /**
     * Spring Boot gives Liquibase {@code spring.liquibase.label-filter} ({@code spring.liquibase.labels} before Boot
     * 3): the production profile's value, else the default profile's. The configuration wins; a value production
     * cannot be read from (profiles that disagree, a variable with no default) says nothing, and production then runs
     * every changeSet, as before.
     */
    @Test
    void productionsLabelFilterIsWhatSpringsProductionProfileGivesLiquibase() {
        String liquibase = master("""
                  <include file="changelog/a.xml" relativeToChangelogFile="true"/>
                """);
        String changeLog = changeLog(" labels=\"faker\"");
        var prodFile = MemorySnapshot.of(MASTER, liquibase, CHANGELOG, changeLog,
                "src/main/resources/config/application-dev.yml", "spring:\n  liquibase:\n    label-filter: faker\n",
                "src/main/resources/config/application-prod.yml",
                "spring:\n  liquibase:\n    label-filter: \"!faker\"\n",
                "src/test/resources/config/application.yml", "spring:\n  liquibase:\n    label-filter: faker\n");
        assertEquals(label("faker", "!faker"), facts(new LiquibaseMigrationReader(), prodFile, CHANGELOG)
                .outsideProduction());
        assertNull(facts(configured("faker"), prodFile, CHANGELOG).outsideProduction());
        // Boot 2's name, in the default profile of a properties file, with a variable's default
        var boot2 = MemorySnapshot.of(MASTER, liquibase, CHANGELOG, changeLog,
                "src/main/resources/application.properties", "spring.liquibase.labels=${LB_LABELS:prod}\n");
        assertEquals(label("faker", "prod"), facts(new LiquibaseMigrationReader(), boot2, CHANGELOG)
                .outsideProduction());
        // a production document of a multi-document YAML file wins over the default one
        var documents = MemorySnapshot.of(MASTER, liquibase, CHANGELOG, changeLog,
                "src/main/resources/application.yml", """
                        spring:
                          liquibase:
                            label-filter: faker
                        ---
                        spring:
                          config:
                            activate:
                              on-profile: prod
                          liquibase:
                            label-filter: "!faker and !demo"
                        """);
        assertEquals(label("faker", "!faker and !demo"), facts(new LiquibaseMigrationReader(), documents, CHANGELOG)
                .outsideProduction());
        // a variable without a default, or production files that disagree, say nothing: every changeSet runs
        var unknown = MemorySnapshot.of(MASTER, liquibase, CHANGELOG, changeLog,
                "src/main/resources/application-prod.properties", "spring.liquibase.label-filter=${LB_LABELS}\n");
        assertNull(facts(new LiquibaseMigrationReader(), unknown, CHANGELOG).outsideProduction());
        var disagree = MemorySnapshot.of(MASTER, liquibase, CHANGELOG, changeLog,
                "src/main/resources/application-prod.properties", "spring.liquibase.label-filter=!faker\n",
                "src/main/resources/application-production.yml", "spring:\n  liquibase:\n    label-filter: prod\n");
        assertNull(facts(new LiquibaseMigrationReader(), disagree, CHANGELOG).outsideProduction());
    }

    @Test
    void filtersAreReadAsLiquibaseReadsThem() {
        LabelFilter filter = LabelFilter.of(List.of("!faker and (prod or eu)"));
        assertEquals(Optional.empty(), filter.leavesOut(List.of()));
        assertEquals(Optional.empty(), filter.leavesOut(List.of("prod")));
        assertEquals(Optional.empty(), filter.leavesOut(List.of("EU, extra")));
        assertEquals(Optional.of("faker, prod"), filter.leavesOut(List.of("faker, prod")));
        assertEquals(Optional.of("us"), filter.leavesOut(List.of("prod", "us")));
        // '@' marks a required label: the name behind it is what the filter sees
        assertEquals(Optional.empty(), filter.leavesOut(List.of("@prod")));
        assertEquals(Optional.of("@faker"), LabelFilter.of(List.of("not faker")).leavesOut(List.of("@faker")));
        // a comma is "or", between configured entries as inside one
        assertEquals(Optional.empty(), LabelFilter.of(List.of("a, b")).leavesOut(List.of("b")));
        assertEquals(Optional.of("c"), LabelFilter.of(List.of("a", "b")).leavesOut(List.of("c")));
        // what cannot be read leaves nothing out
        LabelFilter broken = LabelFilter.of(List.of("(prod"));
        assertFalse(broken.readable());
        assertEquals(Optional.empty(), broken.leavesOut(List.of("faker")));
        assertTrue(LabelFilter.UNSAID.readable());
        assertEquals(Optional.empty(), LabelFilter.UNSAID.leavesOut(List.of("faker")));
    }
}
