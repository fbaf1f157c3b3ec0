package dev.migrationguard.spring;

import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.SyncSetting;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpringSettingsReaderTest {
    private final SpringSettingsReader reader = new SpringSettingsReader();

    @Test
    void acceptsSpringBootConfigurationFilesOnly() {
        assertTrue(reader.accepts("src/main/resources/application.properties"));
        assertTrue(reader.accepts("config/application-dev.yml"));
        assertTrue(reader.accepts("application-prod.yaml"));
        assertFalse(reader.accepts("src/main/resources/bootstrap.yml"));
        assertFalse(reader.accepts("src/main/resources/app.properties"));
        assertFalse(reader.accepts("application.json"));
    }

    @Test
    void keepsTheKeyAsWritten() {
        ReadResult<SyncSetting> r = reader.read("application.properties", "spring.jpa.hibernate.ddlAuto=update\n");
        assertEquals("spring.jpa.hibernate.ddlAuto", r.items().get(0).key());
        assertFalse(r.items().get(0).guardedToDevelopment());
    }

    @Test
    void malformedYamlIsAProblemWithItsPlace() {
        String yaml = "spring:\n  jpa:\n    hibernate:\n      ddl-auto: update\n   bad: [unclosed\n";
        ReadResult<SyncSetting> r = reader.read("src/main/resources/application.yml", yaml);
        assertEquals(1, r.problems().size());
        ParseProblem p = r.problems().get(0);
        assertTrue(p.location().line() >= 1 && p.location().line() <= 6, p.toString());
    }

    /** Spring Boot's Maven parent filters {@code @...@} tokens in application.yml; before the build it is no YAML. */
    @Test
    void mavenResourceFilteringTokensAreNoParseError() {
        String yaml = "info:\n  version: @project.version@\n  tags:\n    - @env.tag@ # filtered\n"
                + "spring:\n  jpa:\n    hibernate:\n      ddl-auto: update\n";
        ReadResult<SyncSetting> r = reader.read("src/main/resources/application.yml", yaml);
        assertEquals(List.of(), r.problems());
        assertEquals(1, r.items().size());
        assertEquals(8, r.items().get(0).location().line());
        assertEquals(1, reader.read("application.yml", "a: b@c@\n  bad: [\n").problems().size(), "only whole tokens");
    }

    @Test
    void unrelatedSettingsAreIgnored() {
        assertTrue(reader.read("application.yml", "server:\n  port: 8080\nlist:\n  - a\n  - b\n").items().isEmpty());
        assertTrue(reader.read("application.yml", "").items().isEmpty());
        assertTrue(reader.read("application.properties", "").items().isEmpty());
    }
}
