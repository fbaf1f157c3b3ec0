package dev.migrationguard.spring;

import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.SyncSetting;
import dev.migrationguard.testing.Locations;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SpringSettingsReaderPropertiesTest {
    private final SpringSettingsReader reader = new SpringSettingsReader();

    @Property(tries = 300)
    void neverThrowsAndLocationsLieInside(@ForAll String content) {
        check("application.yml", content);
        check("application-dev.properties", content);
    }

    @Property(tries = 300)
    void yamlLikeInputNeverThrows(@ForAll("yamlish") String content) {
        check("application.yaml", content);
        check("application.properties", content);
    }

    @Provide
    Arbitrary<String> yamlish() {
        return Arbitraries.of("spring:", "  jpa:", "    hibernate:", "      ddl-auto: update", "---", "- a", "  - b",
                        "key: [1, 2", "\"q", "'x'", "\t", "a: {b: c}", "&anchor x", "*anchor", "!!str y", "#---",
                        "spring.jpa.hibernate.ddl-auto=create \\", "   ", ":", "? x")
                .list().ofMaxSize(12).map(l -> String.join("\n", l));
    }

    private void check(String path, String content) {
        ReadResult<SyncSetting> result = reader.read(path, content);
        for (ParseProblem p : result.problems()) {
            assertTrue(Locations.inside(p.location(), content), p + " in " + content);
        }
        for (SyncSetting s : result.items()) {
            assertTrue(Locations.inside(s.location(), content), s + " in " + content);
        }
    }
}
