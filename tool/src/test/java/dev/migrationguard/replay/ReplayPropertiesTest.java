package dev.migrationguard.replay;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Origin;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Dialect;
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

    @Provide
    Arbitrary<Random> seeds() {
        return Arbitraries.longs().map(Random::new);
    }
}
