package dev.migrationguard.replay;

import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.schema.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayCacheTest {
    @TempDir
    Path folder;

    private static final Histories HISTORY = Histories.of("flyway", Dialect.POSTGRES)
            .up("V1__a.sql", "CREATE TABLE a (id int PRIMARY KEY);")
            .up("V2__b.sql", "CREATE TABLE b (id int, a_id int REFERENCES a (id));")
            .up("V3__c.sql", "ALTER TABLE b ADD COLUMN note text NOT NULL DEFAULT '';");

    private static MigrationSet first(int n) {
        MigrationSet all = HISTORY.set();
        return new MigrationSet(all.stack(), all.project(), all.name(), all.dialect(), all.migrations().subList(0, n));
    }

    private SetReplayer replayer() {
        return new SetReplayer(ReplayCache.at(folder), "1.0");
    }

    @Test
    void aCommitThatAppendsAMigrationReplaysOnlyThatOne() {
        ReplayedSet head = replayer().replay(first(2), Dialect.POSTGRES, Snapshot.EMPTY);
        assertEquals(0, head.fromCache());
        ReplayedSet staged = replayer().replay(first(3), Dialect.POSTGRES, Snapshot.EMPTY);
        assertEquals(2, staged.fromCache());
        assertEquals(new SetReplayer(ReplayCache.none(), "1.0").replay(first(3), Dialect.POSTGRES, Snapshot.EMPTY)
                .state(), staged.state());
        assertTrue(staged.describe().contains("cache hit for 2 of 3 migrations"), staged.describe());
        assertTrue(replayer().replay(first(3), Dialect.POSTGRES, Snapshot.EMPTY).describe().endsWith("cache hit"));
    }

    @Test
    void theKeyChangesWithTheFilesObjectIdsTheDialectAndTheToolVersion() {
        replayer().replay(first(3), Dialect.POSTGRES, Snapshot.EMPTY);
        assertEquals(3, replayer().replay(first(3), Dialect.POSTGRES, Snapshot.EMPTY).fromCache());
        assertEquals(0, new SetReplayer(ReplayCache.at(folder), "1.1").replay(first(3), Dialect.POSTGRES,
                Snapshot.EMPTY).fromCache());
        MigrationSet unnamed = new MigrationSet("flyway", "", "test set", null, first(3).migrations());
        assertEquals(0, replayer().replay(unnamed, Dialect.MYSQL, Snapshot.EMPTY).fromCache());
        replayer().replay(first(2), Dialect.POSTGRES, Snapshot.EMPTY);
        assertEquals(2, replayer().replay(first(3), Dialect.POSTGRES, blobs(Map.of("V3__c.sql", "1".repeat(40))))
                .fromCache(), "an edited third file: the first two still come from the cache");
    }

    @Test
    void aCorruptOrTruncatedEntryIsAMissNeverAnError() throws IOException {
        ReplayedSet cold = replayer().replay(first(3), Dialect.POSTGRES, Snapshot.EMPTY);
        for (Path p : entries()) Files.writeString(p, "{\"schema\": tru");
        ReplayedSet again = replayer().replay(first(3), Dialect.POSTGRES, Snapshot.EMPTY);
        assertEquals(0, again.fromCache(), "the size no longer matches its record");
        assertEquals(cold.state(), again.state());

        for (Path p : entries()) {
            String json = Files.readString(p);
            // Same size, other content, new modification time: only the digest tells.
            Files.writeString(p, json.replace("\"a\"", "\"z\""));
            Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(1_000));
        }
        assertEquals(0, replayer().replay(first(3), Dialect.POSTGRES, Snapshot.EMPTY).fromCache());
    }

    @Test
    void anUnwritableOrMissingCacheFolderOnlyCostsTheReplay() throws IOException {
        // A file where the folder should be cannot be written even by root, unlike a read-only folder.
        Path blocked = Files.writeString(folder.resolve("blocked"), "not a folder");
        SetReplayer unwritable = new SetReplayer(ReplayCache.at(blocked.resolve("replay")), "1.0");
        ReplayedSet cold = unwritable.replay(first(3), Dialect.POSTGRES, Snapshot.EMPTY);
        assertEquals(0, cold.fromCache());
        assertEquals(0, unwritable.replay(first(3), Dialect.POSTGRES, Snapshot.EMPTY).fromCache());
        ReplayedSet none = new SetReplayer(ReplayCache.none(), "1.0").replay(first(3), Dialect.POSTGRES, Snapshot.EMPTY);
        assertEquals(cold.state(), none.state());
        assertEquals(2, none.state().schema().tables().size());
    }

    @Test
    void onlyTheNewestStatesOfASetAreKept() throws IOException {
        for (int version = 0; version < ReplayCache.KEPT_PER_SET + 3; version++) {
            new SetReplayer(ReplayCache.at(folder), "v" + version).replay(first(3), Dialect.POSTGRES, Snapshot.EMPTY);
        }
        assertEquals(ReplayCache.KEPT_PER_SET, entries().size());
        try (Stream<Path> all = Files.list(folder)) {
            assertEquals(2 * ReplayCache.KEPT_PER_SET, all.count(), "each state with its record, no leftovers");
        }
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".json")).toList();
        }
    }

    /** A side read from git, whose files have the given object ids. */
    private static Snapshot blobs(Map<String, String> ids) {
        return new Snapshot() {
            @Override
            public List<String> paths() {
                return List.copyOf(ids.keySet());
            }

            @Override
            public Optional<byte[]> read(String path) {
                return Optional.empty();
            }

            @Override
            public Optional<String> objectId(String path) {
                return Optional.ofNullable(ids.get(path));
            }
        };
    }
}
