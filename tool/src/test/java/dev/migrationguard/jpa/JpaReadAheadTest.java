package dev.migrationguard.jpa;

import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pass over many Java files has a second thread read and parse them ahead: what the reader finds must be what it
 * finds alone, whichever trees it keeps, and the second thread must really have done the reading.
 */
class JpaReadAheadTest {
    private static final int ALWAYS = 1;
    private static final int NEVER = Integer.MAX_VALUE;
    private static final String AHEAD = "migration-guard-java-read-ahead";

    /**
     * Every jpa-tables fixture at once, each in its own folder: entities, embeddables, superclasses declared after
     * the entities that extend them, files that do not parse, and files that map nothing.
     */
    @Test
    void everyFixtureTogetherReadsTheSameAheadOrNot() throws IOException, URISyntaxException {
        Map<String, String> all = new TreeMap<>();
        Path root = Path.of(Objects.requireNonNull(getClass().getResource("/fixtures/jpa-tables")).toURI());
        try (Stream<Path> cases = Files.list(root)) {
            for (Path dir : cases.filter(Files::isDirectory).sorted().toList()) {
                Path side = Files.isDirectory(dir.resolve("after")) ? dir.resolve("after") : dir.resolve("before");
                if (!Files.isDirectory(side)) continue;
                files(side).forEach((path, text) -> all.put(dir.getFileName() + "/" + path, text));
            }
        }
        // an entity whose superclass comes later in the pass (it is parsed for the entity, then met again), a file
        // that does not parse, and one that maps nothing
        all.put("zz/AChild.java", "package zz;\nimport jakarta.persistence.*;\n@Entity\nclass AChild extends ZBase {\n"
                + "    @Id Long id;\n}\n");
        all.put("zz/ZBase.java", "package zz;\nimport jakarta.persistence.*;\n@MappedSuperclass\nclass ZBase {\n"
                + "    @Column(length = 7) String code;\n}\n");
        all.put("zz/Broken.java", "package zz;\nimport jakarta.persistence.*;\n@Entity\nclass Broken {\n");
        all.put("zz/Plain.java", "package zz;\nclass Plain {\n}\n");
        assertTrue(all.size() > SnapshotSources.READ_AHEAD_FILES, "enough files to read ahead by default");
        Map<String, String> threads = new ConcurrentHashMap<>();
        Snapshot files = recording(MemorySnapshot.of(all), threads);
        for (int kept : List.of(1, SnapshotSources.KEPT_SOURCE_CHARS)) {
            ReadResult<Table> alone = read(files, all.keySet(), kept, NEVER);
            ReadResult<Table> ahead = read(files, all.keySet(), kept, ALWAYS);
            assertEquals(alone.items(), ahead.items());
            assertEquals(alone.problems(), ahead.problems());
        }
        assertTrue(threads.containsValue(AHEAD), "the second thread read files");
        ReadResult<Table> ahead = read(files, all.keySet(), SnapshotSources.KEPT_SOURCE_CHARS, ALWAYS);
        assertEquals(List.of("zz/Broken.java"), ahead.problems().stream().map(p -> p.location().path()).toList());
        assertTrue(ahead.items().stream().anyMatch(t -> t.name().equals("achild") && t.columns().size() == 2),
                ahead.items()::toString);
    }

    /** A commit's few files are read on the caller's thread: a thread would cost more than it saves. */
    @Test
    void fewFilesAreReadWithoutASecondThread() {
        Map<String, String> threads = new ConcurrentHashMap<>();
        var files = recording(MemorySnapshot.of("src/a/A.java", "import jakarta.persistence.*;\n@Entity\nclass A {\n"
                + "    @Id Long id;\n}\n"), threads);
        read(files, Set.of("src/a/A.java"), SnapshotSources.KEPT_SOURCE_CHARS, SnapshotSources.READ_AHEAD_FILES);
        assertEquals(Map.of("src/a/A.java", Thread.currentThread().getName()), threads);
    }

    private static ReadResult<Table> read(Snapshot files, Set<String> paths, int kept, int readAhead) {
        return new JpaEntityReader(JpaNaming.SPRING, false, kept, readAhead).tables(files, paths, Dialect.POSTGRES);
    }

    /** The snapshot, noting the thread that last read each file. */
    private static Snapshot recording(MemorySnapshot files, Map<String, String> threads) {
        return new Snapshot() {
            @Override
            public List<String> paths() {
                return files.paths();
            }

            @Override
            public Optional<byte[]> read(String path) {
                threads.put(path, Thread.currentThread().getName());
                return files.read(path);
            }
        };
    }

    private static Map<String, String> files(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
