package dev.migrationguard.jpa;

import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.PhysicalDiff;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One dynamic test per folder under {@code fixtures/jpa-tables}: the {@link PhysicalDiff} between the tables
 * {@link JpaEntityReader#tables} gives for {@code before/} and {@code after/} must be exactly the changes marked
 * {@code // expect: <message>} on the line each is located at (in either version; several markers may share a line).
 * A folder without markers is a false alarm of issue 10: its diff must be empty. {@code case.properties} may set
 * {@code naming}, {@code dialect} and {@code validationDdl}.
 */
class JpaTablesFixtureTest {
    private static final String MARKER = "// expect:";

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(getClass().getResource("/fixtures/jpa-tables")).toURI());
        try (Stream<Path> cases = Files.list(root)) {
            return cases.filter(Files::isDirectory).sorted()
                    .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)))
                    .toList().stream();
        }
    }

    private static void check(Path dir) throws IOException {
        Map<String, String> before = files(dir.resolve("before"));
        Map<String, String> after = files(dir.resolve("after"));
        Properties props = new Properties();
        if (Files.exists(dir.resolve("case.properties"))) {
            try (var in = Files.newInputStream(dir.resolve("case.properties"))) {
                props.load(in);
            }
        }
        JpaNaming naming = JpaNaming.valueOf(props.getProperty("naming", "SPRING"));
        Dialect dialect = Dialect.valueOf(props.getProperty("dialect", "POSTGRES"));
        boolean validationDdl = Boolean.parseBoolean(props.getProperty("validationDdl", "false"));

        Set<String> changed = new HashSet<>();
        Set<String> all = new HashSet<>(before.keySet());
        all.addAll(after.keySet());
        for (String p : all) if (!Objects.equals(before.get(p), after.get(p))) changed.add(p);

        var reader = new JpaEntityReader(naming, validationDdl);
        PhysicalDiff diff = diff(reader, MemorySnapshot.of(before), MemorySnapshot.of(after), changed, dialect);

        Set<String> expected = new TreeSet<>();
        markers(before, expected);
        markers(after, expected);
        Set<String> actual = new TreeSet<>();
        for (PhysicalDiff.Change c : diff.changes()) {
            actual.add(c.location().path() + ":" + c.location().line() + " " + c.message());
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    /** The diff of the tables of the changed files and the entities that depend on them, as the engine reads them. */
    static PhysicalDiff diff(JpaEntityReader reader, MemorySnapshot old, MemorySnapshot now, Set<String> changed,
                             Dialect dialect) {
        Set<String> paths = new HashSet<>(changed);
        paths.addAll(reader.dependents(old, changed));
        paths.addAll(reader.dependents(now, changed));
        ReadResult<Table> was = reader.tables(old, paths, dialect);
        ReadResult<Table> is = reader.tables(now, paths, dialect);
        assertTrue(was.problems().isEmpty(), () -> "problems before: " + was.problems());
        assertTrue(is.problems().isEmpty(), () -> "problems after: " + is.problems());
        return PhysicalDiff.diff(PhysicalSchema.of(dialect, was.items(), List.of(), List.of()),
                PhysicalSchema.of(dialect, is.items(), List.of(), List.of()));
    }

    private static void markers(Map<String, String> files, Set<String> out) {
        files.forEach((path, text) -> {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                int at = lines[i].indexOf(MARKER);
                if (at < 0) continue;
                for (String one : lines[i].substring(at + MARKER.length()).split(MARKER)) {
                    out.add(path + ":" + (i + 1) + " " + one.strip());
                }
            }
        });
    }

    private static Map<String, String> files(Path dir) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) return files;
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
