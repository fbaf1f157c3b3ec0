package dev.migrationguard.engine;

import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Severity;
import dev.migrationguard.report.Baseline;
import dev.migrationguard.report.Fingerprints;
import dev.migrationguard.rules.RuleCatalog;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessorsTest {
    private static final Map<String, RuleMeta> RULES = new LinkedHashMap<>();

    static {
        for (RuleMeta m : RuleCatalog.all()) RULES.put(m.id(), m);
    }

    @Test
    void severitySuppressionDedupeAndOrder() {
        var judging = new Judging(Map.of("vague-migration-name", Severity.WARNING),
                Map.of("db/V1__a.sql", "never applied"), null, Baseline.NONE);
        String sql = "-- migration-guard-ignore vague-migration-name: vendor name\nCREATE TABLE a(id int);\n"
                + "-- migration-guard-ignore parse-error\nx\n";
        var findings = List.of(
                Finding.of("parse-error", Severity.ERROR, Location.at("db/V2__b.sql", 4, 1), "bad", null),
                Finding.of("vague-migration-name", Severity.ERROR, Location.file("db/V2__b.sql"), "vague", null),
                Finding.of("deployed-migration-edited", Severity.ERROR, Location.file("db/V1__a.sql"), "edited", null),
                Finding.of("parse-error", Severity.ERROR, Location.at("db/V2__b.sql", 4, 1), "bad", null));
        var out = Processors.run(findings, RULES, judging,
                path -> path.equals("db/V2__b.sql") ? SuppressionScanner.scan(path, sql) : List.of());
        assertEquals(3, out.size());
        assertEquals("db/V1__a.sql", out.get(0).path());
        assertTrue(out.get(0).suppressed());
        assertEquals("allowed-edit", out.get(0).suppression().kind());
        var vague = out.get(1);
        assertEquals(Severity.WARNING, vague.severity());
        assertTrue(vague.suppressed());
        assertEquals("vendor name", vague.suppression().reason());
        assertFalse(out.get(2).suppressed(), "a suppression without a reason suppresses nothing");
    }

    @Test
    void theBaselineSuppressesKnownFindingsAndLeavesOtherSuppressionsAlone() {
        String sql = "w\n-- migration-guard-ignore parse-error: vendor syntax\nx\ny\n";
        var known = Finding.of("parse-error", Severity.ERROR, Location.at("db/V2__b.sql", 4, 1), "bad", null);
        var inline = Finding.of("parse-error", Severity.ERROR, Location.at("db/V2__b.sql", 3, 1), "bad", null);
        var fresh = Finding.of("parse-error", Severity.ERROR, Location.at("db/V3__c.sql", 1, 1), "bad", null);
        java.util.function.Function<String, java.util.Optional<String>> sourceOf =
                path -> java.util.Optional.of(path.equals("db/V2__b.sql") ? sql : "z\n");
        String print = Fingerprints.of(List.of(known), sourceOf).get(0);
        String inlinePrint = Fingerprints.of(List.of(inline), sourceOf).get(0);
        var baseline = new Baseline("b.json", java.util.Set.of(print, inlinePrint));
        var judging = new Judging(Map.of(), Map.of(), null, baseline);
        var out = Processors.run(List.of(fresh, known, inline), RULES, judging,
                path -> path.equals("db/V2__b.sql") ? SuppressionScanner.scan(path, sql) : List.of(), sourceOf);
        assertEquals(List.of("db/V2__b.sql", "db/V2__b.sql", "db/V3__c.sql"), out.stream().map(Finding::path).toList());
        assertEquals("inline", out.get(0).suppression().kind(), "an inline suppression keeps its own reason");
        assertEquals(new Finding.Suppression("baseline", "in b.json"), out.get(1).suppression());
        assertFalse(out.get(2).suppressed(), "a finding the baseline does not hold counts");
    }

    @RuleMeta(id = "deployed-view-edited", severity = Severity.ERROR, summary = "A test rule", deployedEdits = true)
    private static final class DeployedViewEdited {
    }

    @RuleMeta(id = "comment-judge", severity = Severity.WARNING, summary = "A test rule", suppressibleInline = false)
    private static final class CommentJudge {
    }

    /** A processor knows a rule by its flags: any rule that sets them is treated alike, whatever its id. */
    @Test
    void aFindingThatAnotherRulesFindingAtTheSamePlaceSubsumesIsLeftOut() {
        Location drop = Location.at("db/V2__b.sql", 1, 1);
        var rename = Finding.of("rename-as-drop-add", Severity.ERROR, drop, "renamed as drop + add", null);
        var loss = Finding.of("destructive-change", Severity.WARNING, drop, "drops column", null);
        var elsewhere = Finding.of("destructive-change", Severity.WARNING, Location.at("db/V2__b.sql", 2, 1), "drops",
                null);
        var judging = new Judging(Map.of(), Map.of(), null, Baseline.NONE);
        var out = Processors.run(List.of(loss, rename, elsewhere), RULES, judging, path -> List.of());
        assertEquals(List.of(rename, elsewhere), out);
        assertEquals(List.of(loss, elsewhere), Processors.run(List.of(loss, elsewhere), RULES, judging,
                path -> List.of()), "alone, the drop is a data loss");
    }

    @Test
    void processorsReadTheRulesFlagsNotTheirIds() {
        Map<String, RuleMeta> rules = new LinkedHashMap<>();
        for (Class<?> c : List.of(DeployedViewEdited.class, CommentJudge.class)) {
            RuleMeta m = c.getAnnotation(RuleMeta.class);
            rules.put(m.id(), m);
        }
        var judging = new Judging(Map.of(), Map.of("db/V1__a.sql", "never applied"), null, Baseline.NONE);
        String sql = "-- migration-guard-ignore comment-judge: looks fine\nx\n";
        var edit = Finding.of("deployed-view-edited", Severity.ERROR, Location.file("db/V1__a.sql"), "edited", null);
        var judged = Finding.of("comment-judge", Severity.WARNING, Location.at("db/V2__b.sql", 2, 1), "bad", null);
        var out = Processors.run(List.of(edit, judged), rules, judging,
                path -> path.equals("db/V2__b.sql") ? SuppressionScanner.scan(path, sql) : List.of());
        assertEquals(new Finding.Suppression("allowed-edit", "never applied"), out.get(0).suppression());
        assertFalse(out.get(1).suppressed(), "a rule that judges suppressions is never silenced by one");

        var plain = Processors.run(List.of(edit, judged), Map.of(), judging,
                path -> path.equals("db/V2__b.sql") ? SuppressionScanner.scan(path, sql) : List.of());
        assertFalse(plain.get(0).suppressed(), "without the flag, an allowed edit is no business of the finding");
        assertEquals("inline", plain.get(1).suppression().kind(), "without the flag, a comment suppresses");
    }
}
