package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.model.ChangeSet;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.SchemaChange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rule, not the engine, words the next step when no migration tool of the project knows one. */
class EntityChangeWithoutMigrationTest {
    private static final SchemaChange ADDED = new SchemaChange(SchemaChange.Kind.ADDED, SchemaChange.Target.COLUMN,
            null, "contest", null, "divisions", "column \"contest\".\"divisions\" added: integer NULL",
            Location.at("src/Contest.java", 9, 5));

    private static Analysis analysis(Map<SchemaChange, String> advice) {
        return new Analysis(ChangeSet.Mode.STAGED, List.of(ADDED), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), advice, Map.of(), m -> false, Map.of());
    }

    @Test
    void theToolsAdviceIsTheHint() {
        List<Finding> findings = new EntityChangeWithoutMigration().check(analysis(Map.of(ADDED, "Run the generator.")));
        assertEquals("Run the generator.", findings.get(0).hint());
    }

    @Test
    void withoutAToolTheNextStepIsStillAMigration() {
        List<Finding> findings = new EntityChangeWithoutMigration().check(analysis(Map.of()));
        assertEquals(1, findings.size());
        assertEquals("Add a migration, named like AddContestDivisions, that alters table \"contest\", in the same "
                + "commit.", findings.get(0).hint());
    }
}
