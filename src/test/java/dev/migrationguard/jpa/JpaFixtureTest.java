package dev.migrationguard.jpa;

import dev.migrationguard.engine.SchemaDiff;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.SchemaChange;
import dev.migrationguard.model.SchemaFact;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One dynamic test per folder under {@code fixtures/jpa}: {@code before/} and {@code after/} hold the files of two
 * versions; {@code // expect: <added|changed|removed> <key> [<subject>]} marks the line where each schema change must
 * be located (several separated by {@code ;}). Removals are marked in {@code before/}, at the fact's old place. Any
 * unmarked change fails. An optional {@code case.properties} may say {@code naming=HIBERNATE}.
 */
class JpaFixtureTest {
    private static final Pattern MARKER = Pattern.compile("//\\s*expect:\\s*(.*)$");

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(getClass().getResource("/fixtures/jpa")).toURI());
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
        var old = MemorySnapshot.of(before);
        var now = MemorySnapshot.of(after);

        Set<String> changed = new HashSet<>();
        Set<String> all = new HashSet<>(before.keySet());
        all.addAll(after.keySet());
        for (String p : all) if (!Objects.equals(before.get(p), after.get(p))) changed.add(p);

        var reader = new JpaEntityReader(naming);
        // As the engine does: the dependents found on either side are read on both.
        Set<String> paths = new HashSet<>(changed);
        paths.addAll(reader.dependents(old, changed));
        paths.addAll(reader.dependents(now, changed));
        ReadResult<SchemaFact> was = reader.read(old, paths);
        ReadResult<SchemaFact> is = reader.read(now, paths);
        assertTrue(was.problems().isEmpty(), () -> "problems before: " + was.problems());
        assertTrue(is.problems().isEmpty(), () -> "problems after: " + is.problems());

        List<SchemaChange> diff = SchemaDiff.diff(was.items(), is.items());
        List<String> actual = new ArrayList<>();
        for (SchemaChange c : diff) {
            var at = c.kind() == SchemaChange.Kind.REMOVED ? c.before().location() : c.location();
            actual.add(at.path() + ":" + at.line() + " " + c.kind().verb() + " " + c.fact().key() + " " + c.subject());
        }
        List<String> expected = new ArrayList<>();
        markers(before, "removed", expected);
        markers(after, "added", expected);
        markers(after, "changed", expected);
        List<String> comparable = new ArrayList<>();
        for (String a : actual) {
            boolean subjectGiven = expected.stream().anyMatch(e -> e.equals(a));
            comparable.add(subjectGiven ? a : a.substring(0, a.lastIndexOf(' ')));
        }
        expected.sort(null);
        comparable.sort(null);
        assertEquals(String.join("\n", expected), String.join("\n", comparable),
                () -> "diff:\n" + describe(diff));
    }

    private static void markers(Map<String, String> files, String verb, List<String> out) {
        files.forEach((path, text) -> {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = MARKER.matcher(lines[i]);
                if (!m.find()) continue;
                for (String one : m.group(1).split(";")) {
                    String[] words = one.trim().split("\\s+");
                    if (!words[0].equals(verb)) continue;
                    out.add(path + ":" + (i + 1) + " " + String.join(" ", words));
                }
            }
        });
    }

    private static String describe(List<SchemaChange> diff) {
        StringBuilder b = new StringBuilder();
        for (SchemaChange c : diff) {
            b.append(c.kind().verb()).append(' ').append(c.table()).append(' ').append(c.fact().key()).append(' ')
                    .append(c.subject()).append(" @").append(c.location()).append("\n   before: ")
                    .append(c.before() == null ? "-" : c.before().value()).append("\n   after:  ")
                    .append(c.after() == null ? "-" : c.after().value()).append('\n');
        }
        return b.toString();
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
