package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Coverage;
import dev.migrationguard.analysis.RunnerView;
import dev.migrationguard.model.ChangeSet;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.NotRun;
import dev.migrationguard.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each file its runner skips is one finding, where the stack points, with the stack's reason and fix. */
class MigrationNotRunTest {

    @Test
    void eachFileTheRunnerSkipsIsAFindingWithItsReasonAndFix() {
        NotRun misnamed = new NotRun(Location.file("db/migration/v3__add_email.sql"), "flyway",
                "its prefix is a lower-case v, so Flyway skips it", "Rename it to V3__add_email.sql.");
        NotRun outside = new NotRun(Location.at("src/data-source.ts", 7, 3), "typeorm",
                "no migrations glob of src/data-source.ts matches it", "Move it into src/migrations/.");
        var analysis = new Analysis(ChangeSet.Mode.LINT, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), Map.of(), Map.of(), m -> false, Map.of(), List.of(misnamed, outside),
                new RunnerView(List::of, List::of, List::of, () -> true), Coverage.NONE);
        List<Finding> findings = new MigrationNotRun().check(analysis);
        assertEquals(2, findings.size());
        Finding first = findings.get(0);
        assertEquals("migration-not-run", first.rule());
        assertEquals(Severity.ERROR, first.severity());
        assertEquals(misnamed.location(), first.location());
        assertEquals("db/migration/v3__add_email.sql looks like a migration, but its prefix is a lower-case v, so "
                + "Flyway skips it: it changes nothing and covers no entity change.", first.message());
        assertEquals("Rename it to V3__add_email.sql.", first.hint());
        assertEquals(outside.location(), findings.get(1).location());
    }
}
