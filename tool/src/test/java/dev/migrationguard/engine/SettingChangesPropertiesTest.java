package dev.migrationguard.engine;

import dev.migrationguard.model.SyncSetting;
import dev.migrationguard.spring.SpringSettingsReader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Laws of "introduced or altered": lines written around the settings a file already had never make one new; changing
 * the value of one makes exactly that one new.
 */
class SettingChangesPropertiesTest {
    private static final String PATH = "src/main/resources/application.properties";
    private static final String SETTING = "spring.jpa.hibernate.ddl-auto=update";
    private final SpringSettingsReader reader = new SpringSettingsReader();

    @Provide
    Arbitrary<List<String>> unrelated() {
        return Arbitraries.of("server.port=8080", "# production", "", "logging.level.root=INFO", "   ",
                "spring.datasource.url=jdbc:postgresql://db/app", "! a comment", "app.name = demo")
                .list().ofMaxSize(8);
    }

    private List<SyncSetting> read(String text) {
        return reader.read(PATH, text).items();
    }

    private List<SyncSetting> introduced(String before, String after) {
        return SettingChanges.introduced(read(after), after, read(before), before);
    }

    @Property(tries = 300)
    void linesAroundAnOldSettingNeverMakeItNew(@ForAll("unrelated") List<String> above,
                                               @ForAll("unrelated") List<String> below,
                                               @ForAll("unrelated") List<String> originallyAbove) {
        String before = String.join("\n", originallyAbove) + "\n" + SETTING + "\n";
        String after = String.join("\n", above) + "\n" + SETTING.replace("=", " = ") + "\n" + String.join("\n", below);
        assertEquals(List.of(), introduced(before, after));
    }

    @Property(tries = 300)
    void aChangedValueIsNewWhereverItStands(@ForAll("unrelated") List<String> above) {
        String before = SETTING + "\n";
        String after = String.join("\n", above) + "\n" + SETTING.replace("update", "create") + "\n";
        List<SyncSetting> introduced = introduced(before, after);
        assertEquals(1, introduced.size());
        assertEquals("create", introduced.get(0).value());
    }
}
