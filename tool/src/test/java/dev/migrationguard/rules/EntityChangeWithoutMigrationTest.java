package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Coverage;
import dev.migrationguard.analysis.RunnerView;
import dev.migrationguard.model.ChangeSet;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.NotRun;
import dev.migrationguard.model.Rollback;
import dev.migrationguard.model.SchemaChange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rule, not the engine, words the next step when no migration tool of the project knows one; a new migration its
 * runner will not run covers nothing; a repository with no migration at all gets one finding.
 */
class EntityChangeWithoutMigrationTest {
    private static final SchemaChange ADDED = new SchemaChange(SchemaChange.Kind.ADDED, SchemaChange.Target.COLUMN,
            null, "contest", null, "divisions", "column \"contest\".\"divisions\" added: integer NULL",
            Location.at("src/Contest.java", 9, 5));
    private static final SchemaChange OTHER = new SchemaChange(SchemaChange.Kind.ADDED, SchemaChange.Target.COLUMN,
            null, "team", null, "city", "column \"team\".\"city\" added: text NULL", Location.at("src/Team.java", 7, 5));
    private static final Migration ALTERS_CONTEST = new Migration("db/V2_divisions.sql", "db/V2_divisions.sql",
            "flyway", Migration.Kind.VERSIONED, "2", "divisions", Location.file("db/V2_divisions.sql"),
            List.of(new Migration.Touch("contest", "divisions", "alter")), Rollback.notApplicable(), "1");
    private static final NotRun SKIPPED = new NotRun(Location.file("db/V2_divisions.sql"), "flyway",
            "its name has one underscore after the version, so Flyway skips it", "Rename it to V2__divisions.sql.");
    private static final BooleanSupplier NEVER_ASKED = () -> {
        throw new AssertionError("the repository's migrations were looked for");
    };

    private static Analysis analysis(List<SchemaChange> changes, Map<SchemaChange, String> advice,
                                     List<Migration> newMigrations, List<NotRun> notRun, BooleanSupplier anyMigration) {
        return new Analysis(ChangeSet.Mode.STAGED, changes, newMigrations, newMigrations, List.of(), List.of(),
                List.of(), List.of(), advice, Map.of(), m -> false, Map.of(), notRun,
                new RunnerView(List::of, List::of, List::of, anyMigration), Coverage.NONE);
    }

    private static Analysis analysis(Map<SchemaChange, String> advice) {
        return analysis(List.of(ADDED), advice, List.of(), List.of(), () -> true);
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

    @Test
    void aNewMigrationTheRunnerSkipsCoversNothingAndTheMessageSaysWhy() {
        var rule = new EntityChangeWithoutMigration();
        assertEquals(List.of(), rule.check(analysis(List.of(ADDED), Map.of(), List.of(ALTERS_CONTEST), List.of(),
                NEVER_ASKED)));
        List<Finding> findings = rule.check(analysis(List.of(ADDED), Map.of(), List.of(ALTERS_CONTEST),
                List.of(SKIPPED), NEVER_ASKED));
        assertEquals(1, findings.size());
        assertEquals("column \"contest\".\"divisions\" added: integer NULL, but the new migration db/V2_divisions.sql "
                + "is not run by its runner: its name has one underscore after the version, so Flyway skips it.",
                findings.get(0).message());
        assertEquals("Rename it to V2__divisions.sql.", findings.get(0).hint());
    }

    @Test
    void withNoMigrationInTheRepositoryTheChangeGetsOneFinding() {
        List<Finding> findings = new EntityChangeWithoutMigration().check(analysis(List.of(ADDED, OTHER), Map.of(),
                List.of(), List.of(), () -> false));
        assertEquals(1, findings.size());
        assertEquals("2 entity changes need a migration (table \"contest\", table \"team\"), but "
                + EntityChangeWithoutMigration.NO_MIGRATIONS + ".", findings.get(0).message());
        assertEquals(ADDED.location(), findings.get(0).location());
    }

    @Test
    void withMigrationsInTheRepositoryEachChangeIsItsOwnFinding() {
        List<Finding> findings = new EntityChangeWithoutMigration().check(analysis(List.of(ADDED, OTHER), Map.of(),
                List.of(), List.of(), () -> true));
        assertEquals(2, findings.size());
    }

    @Test
    void theRepositoryIsNotSearchedWhenTheChangeAddsAMigration() {
        Migration elsewhere = new Migration("db/V2__team.sql", "db/V2__team.sql", "flyway", Migration.Kind.VERSIONED,
                "2", "team", Location.file("db/V2__team.sql"), List.of(new Migration.Touch("team", null, "alter")),
                Rollback.notApplicable(), "1");
        List<Finding> findings = new EntityChangeWithoutMigration().check(analysis(List.of(ADDED), Map.of(),
                List.of(elsewhere), List.of(), NEVER_ASKED));
        assertEquals(1, findings.size());
    }
}
