package dev.migrationguard.typeorm;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps {@link TypeOrmDecorators} and the rule fixtures together: every decorator and every runtime-only option of
 * the table must be exercised by a {@code typeorm-*} fixture, on a line the fixture's change adds or alters. A
 * schema-relevant decorator must be shown reported there (an {@code expect:} marker on its decorator stack); a decorator
 * without schema effect, a MongoDB marker or a runtime-only option must be shown silent (a changed use with no marker
 * on its stack). {@code RuleFixturesTest} then proves the markers right; this proves nothing in the table goes untried.
 */
class TypeOrmDecoratorFixturesTest {
    private static final Path ROOT = Path.of("src/test/resources/fixtures/rules");
    private static final String MARKER = "expect: entity-change-without-migration";
    /** Options that change only runtime behaviour: a change of these alone must stay silent. */
    private static final java.util.Set<String> RUNTIME_OPTIONS = java.util.Set.of("select", "transformer", "eager",
            "lazy", "cascade", "persistence", "orphanedRowAction", "insert", "update");

    /** A line the change adds or alters, with the lines of the decorator stack it belongs to. */
    private record ChangedLine(Path file, int number, String text, List<String> stack) {
        boolean marked() {
            return stack.stream().anyMatch(l -> l.contains(MARKER));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyTableEntryHasAFixture() throws IOException {
        List<ChangedLine> changed = changedLines();
        List<DynamicTest> tests = new ArrayList<>();
        for (var e : new java.util.TreeMap<>(TypeOrmDecorators.DECORATORS).entrySet()) {
            Pattern use = Pattern.compile("@" + e.getKey() + "\\(");
            boolean silent = e.getValue() == TypeOrmDecorators.Role.NONE
                    || e.getValue() == TypeOrmDecorators.Role.MONGO;
            tests.add(DynamicTest.dynamicTest("@" + e.getKey() + (silent ? " (no schema effect)" : ""),
                    () -> assertCovered("@" + e.getKey(), use, silent, changed)));
        }
        for (String option : new java.util.TreeSet<>(RUNTIME_OPTIONS)) {
            Pattern use = Pattern.compile("@\\w+\\(.*\\b" + option + ":");
            tests.add(DynamicTest.dynamicTest("option " + option + " (runtime only)",
                    () -> assertCovered("option " + option, use, true, changed)));
        }
        return tests.stream();
    }

    private static void assertCovered(String what, Pattern use, boolean silent, List<ChangedLine> changed) {
        List<ChangedLine> uses = changed.stream().filter(l -> use.matcher(l.text()).find()).toList();
        assertTrue(!uses.isEmpty(), what + " is in TypeOrmDecorators but no typeorm-* fixture adds or changes a use "
                + "of it: add a case under " + ROOT);
        assertTrue(uses.stream().anyMatch(l -> l.marked() != silent), () -> what + (silent
                ? " has no schema effect, but every fixture use of it is marked as reported: " + uses
                : " changes the schema, but no fixture use of it is marked reported (" + MARKER + "): " + uses));
    }

    /** Every added or altered line of the after trees of the TypeORM cases. */
    private static List<ChangedLine> changedLines() throws IOException {
        List<ChangedLine> out = new ArrayList<>();
        List<Path> cases;
        try (Stream<Path> s = Files.list(ROOT)) {
            cases = s.filter(p -> p.getFileName().toString().startsWith("typeorm-")).sorted().toList();
        }
        for (Path c : cases) {
            Path after = c.resolve("after");
            if (!Files.isDirectory(after)) continue;
            List<Path> files;
            try (Stream<Path> s = Files.walk(after)) {
                files = s.filter(p -> p.toString().endsWith(".ts")).sorted().toList();
            }
            for (Path f : files) {
                Path old = c.resolve("before").resolve(after.relativize(f));
                Set<String> before = Files.exists(old) ? new HashSet<>(Files.readAllLines(old)) : Set.of();
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (before.contains(lines.get(i))) continue;
                    out.add(new ChangedLine(f, i + 1, lines.get(i), stack(lines, i)));
                }
            }
        }
        return out;
    }

    /** The decorators and comments around line {@code i} up to the member or class they decorate. */
    private static List<String> stack(List<String> lines, int i) {
        int from = i;
        while (from > 0 && decoratorOrComment(lines.get(from - 1))) from--;
        int to = i;
        while (to + 1 < lines.size() && decoratorOrComment(lines.get(to))) to++;
        return lines.subList(from, to + 1);
    }

    private static boolean decoratorOrComment(String line) {
        String s = line.strip();
        return s.startsWith("@") || s.startsWith("//");
    }
}
