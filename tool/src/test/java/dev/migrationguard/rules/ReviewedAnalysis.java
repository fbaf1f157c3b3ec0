package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Coverage;
import dev.migrationguard.analysis.Review;
import dev.migrationguard.analysis.Reviewed;
import dev.migrationguard.analysis.RunnerView;
import dev.migrationguard.model.ChangeSet;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.SchemaChange;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.replay.Replay;
import dev.migrationguard.replay.ReplayState;

import java.util.List;
import java.util.Map;

/** An analysis of migrations under review built from operations, replayed as the engine replays them. */
final class ReviewedAnalysis {
    private ReviewedAnalysis() {
    }

    static Analysis of(List<SchemaChange> entityChanges, Reviewed... reviewed) {
        List<Migration> migrations = java.util.Arrays.stream(reviewed).map(Reviewed::migration).toList();
        Review review = new Review() {
            @Override
            public List<Reviewed> migrations() {
                return List.of(reviewed);
            }

            @Override
            public List<PhysicalSchema> deployedEntities() {
                return List.of();
            }

            @Override
            public List<Migration> afterIdentities() {
                return migrations;
            }

            @Override
            public List<Migration> deployedNames() {
                return List.of();
            }

            @Override
            public PhysicalSchema replay(PhysicalSchema schema, Migration migration, Side... sides) {
                return Replay.apply(new ReplayState(schema, List.of(), 0, 0, 0, null), migration, sides).schema();
            }
        };
        return new Analysis(ChangeSet.Mode.STAGED, entityChanges, migrations, migrations, List.of(), List.of(),
                List.of(), List.of(), Map.of(), Map.of(), x -> false, Map.of(), List.of(),
                new RunnerView(List::of, List::of, List::of, () -> true), Coverage.NONE, review);
    }
}
