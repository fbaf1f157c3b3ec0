package dev.migrationguard.engine;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.ChangeSet;
import dev.migrationguard.model.FileChange;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.Rollback;
import dev.migrationguard.model.Severity;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.rules.RuleCatalog;
import dev.migrationguard.settings.Settings;
import dev.migrationguard.stack.MigrationReader;
import dev.migrationguard.stack.StackSet;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The runners' migration sets reach the rules through the analysis, read only when a rule asks and then once per side:
 * a run whose rules never ask reads no set at all (the pre-commit path stays as cheap as before).
 */
class RunnerViewTest {
    private static final MemorySnapshot BEFORE = MemorySnapshot.of("db/1.mig", "one\n");
    private static final MemorySnapshot AFTER = MemorySnapshot.of("db/1.mig", "one\n", "db/2.mig", "two\n");
    private static final MemorySnapshot DEPLOYED = BEFORE.copy();

    /** Reads one migration per {@code .mig} file and counts how often each side's sets are asked for. */
    private static final class CountingReader implements MigrationReader {
        final List<Snapshot> asked = new ArrayList<>();

        @Override
        public boolean accepts(String path) {
            return path.endsWith(".mig");
        }

        @Override
        public ReadResult<Migration> read(Snapshot side, String path) {
            return ReadResult.of(List.of(migration(path)));
        }

        @Override
        public List<MigrationSet> sets(Snapshot side) {
            asked.add(side);
            List<Migration> all = side.paths().stream().filter(this::accepts).map(RunnerViewTest::migration).toList();
            return List.of(new MigrationSet("mig", "", "db/", null, all));
        }
    }

    private static Migration migration(String path) {
        return new Migration(path, path, "mig", Migration.Kind.VERSIONED, path.replaceAll("\\D", ""), "m",
                Location.file(path), List.of(), Rollback.notApplicable(), path);
    }

    @RuleMeta(id = "probe", severity = Severity.INFO, summary = "Asks the runner view")
    private record Probe(Consumer<Analysis> ask) implements Rule {
        @Override
        public List<Finding> check(Analysis analysis) {
            ask.accept(analysis);
            return List.of();
        }
    }

    private static void run(CountingReader reader, List<Rule> rules) {
        var stacks = new StackSet(List.of(), List.of(reader), List.of(), List.of(), Map.of());
        var cs = new ChangeSet(ChangeSet.Mode.STAGED, List.of(FileChange.added("db/2.mig")), BEFORE, AFTER, DEPLOYED,
                "main", List.of());
        new Engine(stacks, rules, Settings.DEFAULTS.scope(), Judging.DEFAULTS).run(cs);
    }

    @Test
    void noSetIsReadWhenNoRuleAsks() {
        var reader = new CountingReader();
        run(reader, RuleCatalog.build(Settings.DEFAULTS.rules()));
        assertEquals(List.of(), reader.asked);
    }

    @Test
    void eachSideIsReadOnceWhenAskedAndGivesItsRunnersOrder() {
        var reader = new CountingReader();
        List<List<String>> seen = new ArrayList<>();
        run(reader, List.of(new Probe(a -> {
            for (int i = 0; i < 2; i++) {
                seen.add(a.runners().after().get(0).migrations().stream().map(Migration::path).toList());
            }
        }), new Probe(a -> {
            seen.add(a.runners().after().get(0).migrations().stream().map(Migration::path).toList());
            seen.add(a.runners().deployed().get(0).migrations().stream().map(Migration::path).toList());
        })));
        assertEquals(List.of(AFTER, DEPLOYED), reader.asked);
        assertEquals(List.of(List.of("db/1.mig", "db/2.mig"), List.of("db/1.mig", "db/2.mig"),
                List.of("db/1.mig", "db/2.mig"), List.of("db/1.mig")), seen);
    }
}
