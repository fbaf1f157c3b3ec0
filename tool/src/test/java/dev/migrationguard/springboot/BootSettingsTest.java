package dev.migrationguard.springboot;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a project's settings files tell production, and values read as Spring reads them. */
class BootSettingsTest {
    private static final List<String> CONTEXTS = List.of("spring.liquibase.contexts");

    private static Optional<String> production(String... pathsAndContents) {
        List<BootFile> files = new java.util.ArrayList<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.add(BootFile.parse(pathsAndContents[i], pathsAndContents[i + 1]));
        }
        return BootSettings.forProduction(files, CONTEXTS);
    }

    @Test
    void productionsProfileElseTheDefaultProfile() {
        assertEquals(Optional.of("base"), production("application.properties", "spring.liquibase.contexts=base\n",
                "application-dev.properties", "spring.liquibase.contexts=dev\n"));
        assertEquals(Optional.of("live"), production("application.properties", "spring.liquibase.contexts=base\n",
                "application-production.yml", "spring.liquibase.contexts: live\n"));
        assertEquals(Optional.of("live"), production("application.yml",
                "spring.liquibase.contexts: base\n---\nspring.profiles: prod\nspring.liquibase.contexts: live\n"));
        assertEquals(Optional.empty(), production("application-dev.yml", "spring.liquibase.contexts: dev\n"),
                "set for development only");
        assertEquals(Optional.empty(), production("application.yml", "server.port: 8080\n"));
    }

    @Test
    void filesThatDisagreeOrAVariableWithoutDefaultAreUnknown() {
        assertEquals(Optional.empty(), production("application-prod.properties", "spring.liquibase.contexts=a\n",
                "config/application-prod.yml", "spring.liquibase.contexts: b\n"));
        assertEquals(Optional.of("a"), production("application-prod.properties", "spring.liquibase.contexts=a\n",
                "config/application-prod.yml", "spring.liquibase.contexts: ${LB:a}\n"), "the same value twice");
        assertEquals(Optional.empty(), production("application.properties", "spring.liquibase.contexts=${LB}\n"));
        assertEquals(Optional.empty(), production("application.yml",
                "spring.config.activate.on-profile: prod & | dev\nspring.liquibase.contexts: a\n"),
                "a profile expression that cannot be read");
    }

    @Test
    void theFirstKeyADocumentSetsCounts() {
        List<BootFile> files = List.of(BootFile.parse("application.properties",
                "spring.liquibase.labels=old\nspring.liquibase.label-filter=new\n"));
        assertEquals(Optional.of("new"), BootSettings.forProduction(files,
                List.of("spring.liquibase.labelfilter", "spring.liquibase.labels")));
    }

    @Test
    void profileExpressionsAreEvaluatedWithProductionActive() {
        assertTrue(BootSettings.holdsInProduction("prod"));
        assertTrue(BootSettings.holdsInProduction("Production"));
        assertTrue(BootSettings.holdsInProduction("dev, prod"));
        assertTrue(BootSettings.holdsInProduction("!dev"));
        assertTrue(BootSettings.holdsInProduction("prod & cloud"), "holds where production runs on cloud");
        assertTrue(BootSettings.holdsInProduction("(prod | staging) & !local"));
        assertFalse(BootSettings.holdsInProduction("!prod"));
        assertFalse(BootSettings.holdsInProduction("dev"));
        assertFalse(BootSettings.holdsInProduction("dev & cloud"));
        assertFalse(BootSettings.holdsInProduction("prod & !prod"));
        assertNull(BootSettings.holdsInProduction("prod & dev | test"), "& and | mixed without parentheses");
        assertNull(BootSettings.holdsInProduction("(prod"));
        assertNull(BootSettings.holdsInProduction("prod &"));
    }

    @Test
    void placeholdersAndLists() {
        assertEquals(Optional.of("jdbc:mysql://db:3306/app"), BootSettings.resolved("${DB_URL:jdbc:mysql://db:3306/app}"));
        assertEquals(Optional.of("classpath:db/changelog/master.xml"),
                BootSettings.resolved("classpath:${DIR:db/changelog}/master.xml"));
        assertEquals(Optional.of("x"), BootSettings.resolved("${A:${B:x}}"));
        assertEquals(Optional.of(""), BootSettings.resolved("${A:}"));
        assertEquals(Optional.empty(), BootSettings.resolved("${A}"));
        assertEquals(Optional.empty(), BootSettings.resolved("${A:${B}}"));
        assertEquals(Optional.empty(), BootSettings.resolved("${unclosed"));
        assertEquals(List.of("a", "b", "c"), BootSettings.list("[a, 'b', \"c\" ,]"));
        assertEquals(List.of(), BootSettings.list(" "));
    }
}
