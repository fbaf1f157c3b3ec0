package dev.migrationguard.replay;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.ops.ColumnDef;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Origin;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.Identifiers;
import dev.migrationguard.model.schema.SqlType;
import dev.migrationguard.model.schema.Table;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayPropertiesTest {

    @Property(tries = 400)
    void neverThrowsOnAnySequenceOfOperations(@ForAll("seeds") Random random, @ForAll Dialect dialect) {
        ReplayState state = ReplayState.start(dialect);
        List<Operation> ops = RandomOperations.history(random, "V1__x.sql", 60);
        for (Operation op : ops) state = Replay.apply(state, op);
        assertEquals(ops.size(), state.operations());
    }

    @Property(tries = 60)
    void replayingAPrefixFromTheCacheThenTheRestEqualsReplayingAll(@ForAll("seeds") Random random,
                                                                   @ForAll Dialect dialect,
                                                                   @ForAll @IntRange(min = 0, max = 12) int prefix)
            throws IOException {
        List<Migration> migrations = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String path = "db/V" + i + "__m.sql";
            migrations.add(Histories.migration(path, RandomOperations.history(random, path, 1 + random.nextInt(8))));
        }
        MigrationSet all = new MigrationSet("flyway", "", "db", dialect, migrations);
        MigrationSet head = new MigrationSet("flyway", "", "db", dialect, migrations.subList(0, prefix));
        Path folder = Files.createTempDirectory("replay-cache");
        try {
            SetReplayer cached = new SetReplayer(ReplayCache.at(folder), "test");
            cached.replay(head, Dialect.POSTGRES, Snapshot.EMPTY);
            ReplayedSet resumed = cached.replay(all, Dialect.POSTGRES, Snapshot.EMPTY);
            ReplayedSet cold = new SetReplayer(ReplayCache.none(), "test").replay(all, Dialect.POSTGRES, Snapshot.EMPTY);
            assertEquals(prefix, resumed.fromCache(), "the prefix came from the cache");
            assertEquals(cold.state(), resumed.state());
            assertEquals(0, cold.fromCache());
            ReplayedSet again = cached.replay(all, Dialect.POSTGRES, Snapshot.EMPTY);
            assertEquals(migrations.size(), again.fromCache());
            assertEquals(cold.state(), again.state());
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    @Property(tries = 100)
    void aMigrationAppliesOnlyTheSidesAskedInTheirOrder(@ForAll("seeds") Random random) {
        List<Operation> ops = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            Side side = random.nextBoolean() ? Side.UP : Side.DOWN;
            ops.add(RandomOperations.one(random, new Origin(Location.at("m.ts", i, 1), side)));
        }
        Migration m = Histories.migration("m.ts", ops);
        ReplayState both = Replay.apply(ReplayState.start(Dialect.POSTGRES), m, Side.UP, Side.DOWN);
        ReplayState stepwise = ReplayState.start(Dialect.POSTGRES);
        for (Side side : List.of(Side.UP, Side.DOWN)) {
            for (Operation op : ops) if (op.origin().side() == side) stepwise = Replay.apply(stepwise, op);
        }
        assertEquals(stepwise, both);
        assertEquals(ops.size(), both.operations());
    }

    /** Whatever came before, a statement not read that names no table leaves no column certain. */
    @Property(tries = 200)
    void afterAStatementNotReadThatNamesNoTableNoColumnIsCertain(@ForAll("seeds") Random random,
                                                                @ForAll Dialect dialect) {
        ReplayState state = ReplayState.start(dialect);
        for (Operation op : RandomOperations.history(random, "V1__x.sql", 40)) state = Replay.apply(state, op);
        state = Replay.apply(state, new Operation.Opaque(new Origin(Location.at("V2__x.sql", 1, 1), Side.UP),
                Operation.OpaqueKind.PROCEDURAL, "SELECT", List.of()));
        for (Table t : state.schema().tableList()) {
            assertFalse(t.certainOfAll(), t::toString);
            for (Column c : t.columns()) assertFalse(t.certain(dialect, c.name()), () -> c + " of " + t);
        }
    }

    /** Whatever came before, a table a plain CREATE TABLE defines is certain of all it has, until what follows. */
    @Property(tries = 200)
    void aTableCreatedByAStatementReadIsCertainOfAll(@ForAll("seeds") Random random, @ForAll Dialect dialect) {
        ReplayState state = ReplayState.start(dialect);
        for (Operation op : RandomOperations.history(random, "V1__x.sql", 40)) state = Replay.apply(state, op);
        Origin at = new Origin(Location.at("V2__x.sql", 1, 1), Side.UP);
        state = Replay.apply(state, new Operation.CreateTable(at, QualifiedName.of("t1"),
                List.of(new ColumnDef("a", SqlType.of("integer"), "integer", true, null, null, false, false, null)),
                List.of(), false, false, false));
        Table t1 = state.schema().table(null, Identifiers.stored(dialect, "t1", false));
        assertTrue(t1.certainOfAll(), t1::toString);
        assertTrue(t1.certain(dialect, "a"));
    }

    @Provide
    Arbitrary<Random> seeds() {
        return Arbitraries.longs().map(Random::new);
    }
}
