package dev.migrationguard.rules;

import dev.migrationguard.report.Report;
import dev.migrationguard.model.ChangeSet;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.report.JsonRenderer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The verdict does not depend on the order in which files come: neither the order of the changes, nor the order of
 * the lint paths, nor the order in which a snapshot lists its files (git and the file system differ there).
 */
class OrderIndependencePropertiesTest {

    @Provide
    Arbitrary<Path> cases() throws IOException {
        return Arbitraries.of(RuleFixturesTest.cases());
    }

    @Property(tries = 60)
    void reportsDoNotDependOnFileOrder(@ForAll("cases") Path dir, @ForAll long seed) throws IOException {
        var config = RuleFixturesTest.config(dir);
        ChangeSet cs = RuleFixturesTest.changeSet(dir);
        Report expected = RuleFixturesTest.run(config, cs);

        Random random = new Random(seed);
        ChangeSet shuffled = new ChangeSet(cs.mode(), shuffle(cs.changes(), random), shuffledSnapshot(cs.before(), random),
                shuffledSnapshot(cs.after(), random), cs.deployed() == null ? null : shuffledSnapshot(cs.deployed(), random),
                cs.deployedRef(), shuffle(cs.lintPaths(), random));
        Report actual = RuleFixturesTest.run(RuleFixturesTest.config(dir), shuffled);
        assertEquals(json(expected), json(actual), dir.getFileName().toString());
    }

    private static <T> List<T> shuffle(List<T> items, Random random) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return copy;
    }

    /** The same files, listed in another order. */
    private static Snapshot shuffledSnapshot(Snapshot snapshot, Random random) {
        List<String> paths = shuffle(snapshot.paths(), random);
        return new Snapshot() {
            @Override
            public List<String> paths() {
                return paths;
            }

            @Override
            public Optional<byte[]> read(String path) {
                return snapshot.read(path);
            }
        };
    }

    private static String json(Report report) throws IOException {
        StringWriter out = new StringWriter();
        new JsonRenderer().write(report, out);
        return out.toString();
    }
}
