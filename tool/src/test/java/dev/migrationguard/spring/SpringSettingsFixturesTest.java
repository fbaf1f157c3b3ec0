package dev.migrationguard.spring;

import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.SyncSetting;
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
 * Runs every {@code fixtures/settings/application*} file: a {@code # expect: <value> <profile|->} line announces a
 * setting whose key starts the next line; every setting found must be announced, and nothing else.
 */
class SpringSettingsFixturesTest {
    private static final Pattern EXPECT = Pattern.compile("^\\s*#\\s*expect:\\s*(\\S+)\\s+(\\S+)\\s*$");

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(getClass().getResource("/fixtures/settings")).toURI());
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        assertFalse(files.isEmpty());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static void check(Path file) throws IOException {
        String name = file.getFileName().toString();
        String content = Files.readString(file, StandardCharsets.UTF_8);
        String[] lines = content.split("\n", -1);
        var expected = new TreeSet<String>();
        for (int i = 0; i + 1 < lines.length; i++) {
            Matcher m = EXPECT.matcher(lines[i]);
            if (!m.matches()) continue;
            String next = lines[i + 1];
            int column = next.length() - next.stripLeading().length() + 1;
            expected.add((i + 2) + ":" + column + " " + m.group(1) + " " + m.group(2));
        }
        SpringSettingsReader reader = new SpringSettingsReader();
        assertEquals(true, reader.accepts("src/main/resources/" + name));
        ReadResult<SyncSetting> result = reader.read("src/main/resources/" + name, content);
        assertEquals(List.of(), result.problems());
        var actual = new TreeSet<String>();
        for (SyncSetting s : result.items()) {
            actual.add(s.location().line() + ":" + s.location().column() + " " + s.value() + " "
                    + (s.profile() == null ? "-" : s.profile()));
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual), name);
    }
}
