package dev.migrationguard.sql;

import dev.migrationguard.model.Migration.Touch;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Runs every {@code fixtures/sql/*.sql} file: its {@code -- expect: <table>[.<column>] <action>} markers must equal the
 * touches {@link SqlTouchReader} finds, no more and no less. A new case is a new file.
 */
class SqlFixturesTest {
    private static final Pattern EXPECT = Pattern.compile("--\\s*expect:\\s*(\\S+)\\s+(\\S+)");

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(getClass().getResource("/fixtures/sql")).toURI());
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static void check(Path file) throws IOException {
        String sql = Files.readString(file, StandardCharsets.UTF_8);
        var expected = new TreeSet<String>();
        Matcher m = EXPECT.matcher(sql);
        while (m.find()) expected.add(m.group(1) + " " + m.group(2));
        var actual = new TreeSet<String>();
        for (Touch t : SqlTouchReader.touches(sql)) {
            actual.add((t.column() == null ? t.table() : t.table() + "." + t.column()) + " " + t.action());
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual), file.getFileName().toString());
    }
}
