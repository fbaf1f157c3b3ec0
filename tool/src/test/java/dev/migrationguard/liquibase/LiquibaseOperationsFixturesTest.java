package dev.migrationguard.liquibase;

import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Each folder of {@code fixtures/liquibase-ops/} is a small repository. In each changelog that holds {@code expect:}
 * markers (or has a {@code .expect} file beside it, for JSON, which has no comments), the operations read must be
 * exactly those marked: a run of marker lines names, in order, the operations placed on the next line that is no
 * marker; a {@code .expect} file lists {@code <line>: <operation>}. An unmarked operation fails.
 */
class LiquibaseOperationsFixturesTest {
    private static final Pattern MARKER = Pattern.compile("expect:\\s*(.+?)\\s*(?:-->)?\\s*$");

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(getClass().getResource("/fixtures/liquibase-ops")).toURI());
        List<Path> cases;
        try (var s = Files.list(dir)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(cases.isEmpty());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private static void check(Path root) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (var s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        MemorySnapshot side = MemorySnapshot.of(files);
        LiquibaseMigrationReader reader = new LiquibaseMigrationReader();
        int checked = 0;
        for (var file : files.entrySet()) {
            String path = file.getKey();
            List<String> expected = expected(file.getValue(), files.get(path + ".expect"));
            if (expected == null) continue;
            checked++;
            ReadResult<Migration> read = reader.read(side, path);
            assertEquals(List.of(), read.problems(), path);
            List<String[]> actual = new ArrayList<>();
            for (Migration m : read.items()) {
                for (Operation op : m.operations()) {
                    var at = op.origin().location();
                    // an operation read from another file (a sqlFile) is listed at its changeSet
                    boolean here = at.path().equals(path);
                    int line = here ? at.line() : m.descriptionLocation().line();
                    actual.add(new String[]{String.valueOf(line), line + ": " + OpsText.of(op)
                            + (here ? "" : " @" + at.path().substring(at.path().lastIndexOf('/') + 1) + ":" + at.line())});
                }
            }
            List<String> sorted = actual.stream().sorted(Comparator.comparingInt(a -> Integer.parseInt(a[0])))
                    .map(a -> a[1]).toList();
            assertEquals(String.join("\n", expected), String.join("\n", sorted), path);
        }
        assertFalse(checked == 0, "no changelog with expect: markers in " + root);
    }

    /** The expected lines of a changelog, or null when it has no markers. */
    private static List<String> expected(String content, String sidecar) {
        List<String> out = new ArrayList<>();
        if (sidecar != null) {
            for (String line : sidecar.split("\n")) if (!line.isBlank()) out.add(line.strip());
            return out;
        }
        String[] lines = content.split("\n", -1);
        List<String> pending = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MARKER.matcher(lines[i]);
            if (m.find()) {
                pending.add(m.group(1));
                any = true;
                continue;
            }
            for (String p : pending) out.add((i + 1) + ": " + p);
            pending.clear();
        }
        return any ? out : null;
    }
}
