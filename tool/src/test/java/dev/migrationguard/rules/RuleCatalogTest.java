package dev.migrationguard.rules;

import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.settings.RuleSettings;
import dev.migrationguard.testing.ProjectRoot;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Meta-tests over the catalog: ids, summaries, the pages in rules/, the default pack. */
class RuleCatalogTest {
    private static final List<String> HEADINGS = List.of("## What it flags", "## Why", "## Example", "## Instead",
            "## Options", "## Suppress");

    @Test
    void idsAreUniqueKebabCaseAndSummariesHaveNoPeriod() {
        List<String> ids = RuleCatalog.ids();
        assertEquals(ids.size(), new HashSet<>(ids).size());
        for (RuleMeta m : RuleCatalog.all()) {
            assertTrue(m.id().matches("[a-z]+(-[a-z]+)*"), m.id());
            assertFalse(m.summary().endsWith("."), m.id());
        }
    }

    @Test
    void everyRuleHasItsPageWithTheFixedHeadings() throws IOException {
        for (String id : RuleCatalog.ids()) {
            Path page = ProjectRoot.file("rules", id + ".md");
            assertTrue(Files.exists(page), "missing rules/" + id + ".md");
            String text = Files.readString(page);
            assertTrue(text.startsWith("# " + id + "\n"), id);
            int last = -1;
            for (String h : HEADINGS) {
                int at = text.indexOf("\n" + h + "\n");
                assertTrue(at > last, id + " lacks or misorders '" + h + "'");
                last = at;
            }
            assertEquals(text, RuleCatalog.documentation(id).orElseThrow(), "the jar must bundle rules/" + id + ".md");
        }
    }

    @Test
    void defaultPackListsEveryRuleWithItsDefaultSeverity() throws IOException {
        String pack = Files.readString(ProjectRoot.file("rules", "default-pack.yml"));
        for (RuleMeta m : RuleCatalog.all()) {
            assertTrue(pack.contains("\n  " + m.id() + ": " + m.severity().id() + "\n"), m.id());
        }
    }

    @Test
    void everyRuleRunsUntilTheConfigurationSwitchesItOff() {
        assertEquals(RuleCatalog.all().stream().map(RuleMeta::id).toList(), ids(RuleSettings.DEFAULTS));
        assertFalse(ids(new RuleSettings(Map.of(), Set.of("entity-migration-drift"), Map.of()))
                .contains("entity-migration-drift"));
    }

    private static List<String> ids(RuleSettings settings) {
        return RuleCatalog.build(settings).stream().map(Rule::id).toList();
    }
}
