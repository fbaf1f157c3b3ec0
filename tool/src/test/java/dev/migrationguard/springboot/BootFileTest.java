package dev.migrationguard.springboot;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One settings file read as Spring Boot reads it: documents, their profiles, relaxed keys, lists. */
class BootFileTest {

    /** Each document as {@code profile: key=value, ...} with relaxed keys. */
    private static List<String> read(String path, String content) {
        BootFile file = BootFile.parse(path, content);
        assertEquals(List.of(), file.problems());
        return file.documents().stream().map(d -> d.profile() + ": " + String.join(", ",
                d.settings().stream().map(s -> s.relaxed() + "=" + s.value()).toList())).toList();
    }

    @Test
    void onlyApplicationSettingsFilesCount() {
        assertTrue(BootFile.isSettingsFile("src/main/resources/application.properties"));
        assertTrue(BootFile.isSettingsFile("config/Application-prod.YAML"));
        assertFalse(BootFile.isSettingsFile("src/main/resources/bootstrap.yml"));
        assertFalse(BootFile.isSettingsFile("application.json"));
        assertFalse(BootFile.isSettingsFile(null));
        assertTrue(BootSettings.configuresApplication("module/src/main/resources/config/application-prod.yml"));
        assertFalse(BootSettings.configuresApplication("src/test/resources/application.yml"));
        assertFalse(BootSettings.configuresApplication("app/src/integrationTest/resources/application.yml"));
        assertFalse(BootSettings.configuresApplication("src/it/app/application.properties"));
    }

    @Test
    void aDocumentsConditionWinsOverItsFilesProfileWhereverItIsWritten() {
        assertEquals(List.of("dev: spring.flyway.enabled=false"),
                read("src/main/resources/application-dev.properties", "spring.flyway.enabled=false\n"));
        assertEquals(List.of("null: a=1", "cloud: b=2, spring.config.activate.onprofile=cloud"),
                read("application.properties", "a=1\n#---\nb=2\nspring.config.activate.on-profile=cloud\n"));
        assertEquals(List.of("prod: spring.profiles=prod, x=y"),
                read("application-dev.yml", "spring.profiles: prod\nx: y\n"), "the legacy key, Boot before 2.4");
        assertEquals(List.of("prod,staging: spring.config.activate.onprofile=prod,staging"),
                read("application.yml", "spring:\n  config:\n    activate:\n      on-profile: [prod, staging]\n"));
        assertEquals(List.of("!dev: spring.config.activate.onprofile=!dev, spring.profiles=other"),
                read("application.yml", "spring.config.activate.on-profile: '!dev'\nspring.profiles: other\n"),
                "on-profile before the legacy key");
    }

    @Test
    void documentsAreSplitWhereSpringBootSplitsThem() {
        String yaml = "a: 1\n--- # the second\nb: |\n  ---\n  not a separator\n---\nc: 3\n";
        assertEquals(List.of("null: a=1", "null: b=---\nnot a separator\n", "null: c=3"), read("application.yml", yaml));
        String properties = "a=1\n#---\nb=2\n!---\nc=3\n  #---\nd=4\n# a comment\n#---\ne=5\n#--- \nf=6\n";
        assertEquals(List.of("null: a=1", "null: b=2", "null: c=3, d=4, e=5", "null: f=6"),
                read("application.properties", properties),
                "an indented separator, or one right after a comment, is a comment");
    }

    @Test
    void keysAreRelaxedAndListsJoined() {
        assertEquals(List.of("null: spring.jpa.hibernate.ddlauto=update, spring.jpa.properties.hibernate.hbm2ddl.auto="
                        + "none, spring.liquibase.contexts=a,b, spring.flyway.locations=x,y"),
                read("application.yml", """
                        spring:
                          JPA:
                            hibernate.ddl_Auto: update
                            properties:
                              "[hibernate.hbm2ddl.auto]": none
                          liquibase:
                            contexts: [a, b]
                          flyway:
                            locations:
                              - x
                              - y
                        """));
        assertEquals(List.of("null: spring.liquibase.contexts=x , y, spring.liquibase.labelfilter=v1,v2, "
                        + "spring.flyway.locations=a,b"),
                read("application.properties", """
                        spring.liquibase.contexts[]=x , y
                        spring.liquibase.label-filter=v1,\\
                            v2
                        spring.flyway.locations[1]=b
                        spring.flyway.locations[0]=a
                        """));
    }

    @Test
    void mavenFilteringTokensAndMalformedYaml() {
        assertEquals(List.of("null: info.version=project.version, spring.liquibase.contexts=prod"),
                read("application.yml", "info:\n  version: @project.version@\nspring.liquibase.contexts: prod\n"));
        BootFile broken = BootFile.parse("application.yml", "a: 1\n---\nb: [unclosed\n");
        assertEquals(1, broken.problems().size());
        assertEquals("a", broken.documents().get(0).settings().get(0).key(), "what came before the error stands");
        BootFile bom = BootFile.parse("application.properties", "\uFEFFa=1\n");
        assertEquals("a", bom.documents().get(0).settings().get(0).key());
    }
}
