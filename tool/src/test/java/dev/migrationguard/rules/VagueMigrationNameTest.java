package dev.migrationguard.rules;

import dev.migrationguard.settings.OptionValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VagueMigrationNameTest {
    private final VagueMigrationName rule = new VagueMigrationName(VagueMigrationName.Options.from(OptionValues.NONE));

    @ParameterizedTest
    @CsvSource({
            "UpdateSchema, true", "Fix, true", "Migration, true", "Changes, true", "Misc, true", "Temp, true",
            "Wip, true", "update_schema, true", "update-the-db, true", "20240101120000, true", "1, true", "'', true",
            "Fix2, true", "UpdateSchemaV2, true", "new stuff, true", "auto_generated, true",
            "AddContestDivisions, false", "Add_contest_divisions, false", "drop-legacy-email, false",
            "Update_contest_title, false", "FixUserEmailIndex, false", "Backfill titles, false", "create_users, false"})
    void judgesNames(String name, boolean vague) {
        assertEquals(vague, rule.isVague(name), name);
    }

    @Test
    void splitsEveryNamingStyle() {
        assertEquals(List.of("add", "contest", "divisions"), VagueMigrationName.words("AddContestDivisions"));
        assertEquals(List.of("add", "contest", "divisions"), VagueMigrationName.words("add_contest-divisions"));
        assertEquals(List.of("add", "html", "parser"), VagueMigrationName.words("AddHTMLParser"));
        assertEquals(List.of("update", "schema", "v2"), VagueMigrationName.words("UpdateSchemaV2"));
        assertEquals(List.of("fix", "2"), VagueMigrationName.words("Fix2"));
    }

    @Test
    void vocabularyIsConfigurable() {
        var strict = new VagueMigrationName(VagueMigrationName.Options.from(new OptionValues() {
            @Override
            public java.util.Optional<String> string(String key) {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<List<String>> strings(String key) {
                return key.equals("extra-generic-words") ? java.util.Optional.of(List.of("Cleanup", "jira"))
                        : java.util.Optional.empty();
            }
        }));
        assertEquals(true, strict.isVague("jira_cleanup"));
        assertEquals(false, rule.isVague("jira"));
    }
}
