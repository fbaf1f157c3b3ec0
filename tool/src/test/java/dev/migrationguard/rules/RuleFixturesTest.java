package dev.migrationguard.rules;

import dev.migrationguard.config.ConfigLoader;
import dev.migrationguard.engine.Engine;
import dev.migrationguard.engine.Judging;
import dev.migrationguard.model.ChangeSet;
import dev.migrationguard.model.FileChange;
import dev.migrationguard.model.Finding;
import dev.migrationguard.report.Baseline;
import dev.migrationguard.replay.ReplayCache;
import dev.migrationguard.replay.SetReplayer;
import dev.migrationguard.report.Report;
import dev.migrationguard.settings.Settings;
import dev.migrationguard.stack.StackSet;
import dev.migrationguard.stacks.SupportedStacks;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Runs every case under {@code src/test/resources/fixtures/rules/}: a {@code before/} and an {@code after/} tree (the
 * change is their difference, {@code before} is also the deploy ref), and inline markers in the after files:
 * {@code expect: <rule>[, <rule>]} on the offending line, or alone in a comment on the line above it;
 * {@code expect-file: <rule>} for a finding about the file as a whole. A rule may carry the severity its finding must
 * have, {@code expect: deployed-migration-edited(warning)}, where the severity is what the case is about.
 * Optional: {@code config.yml}, {@code expect.txt} (lines {@code <path> <rule>} for whole-file findings on files
 * the change deletes, or {@code <path>:<line> <rule>} for a finding at a line of one),
 * {@code renames.txt} (lines {@code old -> new}), {@code mode.txt} ({@code lint} to lint the after tree instead,
 * {@code range} to judge the change as the CI gate does, which replays the history before a new migration),
 * a {@code deployed/} tree (the deploy ref, when it differs from {@code before}: a branch's earlier commits).
 * Every expected finding must appear and every unsuppressed finding must be expected: new cases need no Java.
 */
class RuleFixturesTest {
    private static final Path ROOT = Path.of("src/test/resources/fixtures/rules");
    private static final String EXPECTED_RULE = "[a-z-]+(?:\\([a-z]+\\))?";
    private static final Pattern MARKER = Pattern.compile("(//|--|#|<!--|/\\*|\\*)\\s*expect(-file)?:\\s*("
            + EXPECTED_RULE + "(?:\\s*,\\s*" + EXPECTED_RULE + ")*)");

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        List<Path> cases = cases();
        assertFalse(cases.isEmpty());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> runCase(c)));
    }

    /** Every case folder, sorted. */
    static List<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(ROOT)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** The configuration of a case: its {@code config.yml}, or the defaults. */
    static Settings config(Path dir) throws IOException {
        return Files.exists(dir.resolve("config.yml"))
                ? ConfigLoader.parse(Files.readString(dir.resolve("config.yml")), "config.yml", SupportedStacks.ALL)
                : Settings.DEFAULTS;
    }

    /** The change set a case describes. */
    static ChangeSet changeSet(Path dir) throws IOException {
        MemorySnapshot before = tree(dir.resolve("before"));
        MemorySnapshot after = tree(dir.resolve("after"));
        MemorySnapshot deployed = Files.isDirectory(dir.resolve("deployed")) ? tree(dir.resolve("deployed")) : before;
        String mode = Files.exists(dir.resolve("mode.txt")) ? Files.readString(dir.resolve("mode.txt")).strip() : "";
        boolean lint = mode.equals("lint");
        return lint
                ? new ChangeSet(ChangeSet.Mode.LINT, List.of(), MemorySnapshot.of(), after, before, "main", after.paths())
                : new ChangeSet(mode.equals("range") ? ChangeSet.Mode.RANGE : ChangeSet.Mode.STAGED,
                changes(dir, before, after), before, after, deployed, "main", List.of());
    }

    /**
     * Runs the engine as a real run would, with every supported stack, replaying the migrations (without a cache) when
     * a rule asks what they already build.
     */
    static Report run(Settings settings, ChangeSet cs) {
        var judging = new Judging(settings.rules().severities(), settings.allowedEdits(), null, Baseline.NONE);
        var engine = new Engine(StackSet.of(SupportedStacks.ALL, settings::stack, settings.dialect()),
                RuleCatalog.build(settings.rules()),
                settings.scope(), judging, settings.dialect(), line -> { },
                new SetReplayer(ReplayCache.none(), "test"));
        return engine.run(cs);
    }

    private static void runCase(Path dir) throws IOException {
        ChangeSet cs = changeSet(dir);
        MemorySnapshot after = (MemorySnapshot) cs.after();
        Report report = run(config(dir), cs);
        for (Finding f : report.findings()) {
            if (f.location().isWholeFile()) continue;
            String text = cs.after().readText(f.path()).or(() -> cs.before().readText(f.path())).orElseThrow(
                    () -> new AssertionError("a finding points into a file the change does not have: " + f));
            String[] lines = text.split("\r\n|\r|\n", -1);
            int line = f.location().line();
            boolean inside = line >= 1 && line <= lines.length && f.location().column() <= lines[line - 1].length() + 1;
            org.junit.jupiter.api.Assertions.assertTrue(inside, "location outside its file: " + f);
        }

        List<String> expected = expectations(dir, after);
        List<String> actual = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (f.suppressed()) continue;
            String at = f.path() + ":" + (f.location().isWholeFile() ? "file" : f.location().line()) + " " + f.rule();
            String severity = "(" + f.severity().name().toLowerCase(Locale.ROOT) + ")";
            // the severity counts where the marker states one
            actual.add(expected.stream().anyMatch(e -> e.startsWith(at + "(")) ? at + severity : at);
        }
        Collections.sort(actual);
        Collections.sort(expected);
        StringBuilder detail = new StringBuilder();
        for (Finding f : report.findings()) detail.append("\n  ").append(f);
        assertEquals(expected, actual, "findings of " + dir.getFileName() + ":" + detail);
    }

    private static List<FileChange> changes(Path dir, MemorySnapshot before, MemorySnapshot after) throws IOException {
        Map<String, String> renames = new TreeMap<>();
        Path renameFile = dir.resolve("renames.txt");
        if (Files.exists(renameFile)) {
            for (String line : Files.readAllLines(renameFile)) {
                if (line.isBlank()) continue;
                String[] parts = line.split("->");
                renames.put(parts[0].strip(), parts[1].strip());
            }
        }
        List<FileChange> changes = new ArrayList<>();
        TreeSet<String> all = new TreeSet<>(before.paths());
        all.addAll(after.paths());
        for (String p : all) {
            if (renames.containsKey(p)) {
                changes.add(FileChange.renamed(p, renames.get(p)));
                continue;
            }
            if (renames.containsValue(p)) continue;
            var b = before.read(p);
            var a = after.read(p);
            if (b.isEmpty()) changes.add(FileChange.added(p));
            else if (a.isEmpty()) changes.add(FileChange.deleted(p));
            else if (!java.util.Arrays.equals(b.get(), a.get())) changes.add(FileChange.modified(p));
        }
        return changes;
    }

    private static List<String> expectations(Path dir, MemorySnapshot after) throws IOException {
        List<String> expected = new ArrayList<>();
        for (String path : after.paths()) {
            String[] lines = after.readText(path).orElseThrow().split("\r\n|\r|\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = MARKER.matcher(lines[i]);
                if (!m.find()) continue;
                boolean wholeFile = m.group(2) != null;
                int target = i + 1;
                if (!wholeFile && markerOnly(lines[i])) {
                    // a marker alone on its line points at the next line that is not itself a marker
                    int j = i + 1;
                    while (j < lines.length && markerOnly(lines[j])) j++;
                    target = j + 1;
                }
                for (String rule : m.group(3).split("\\s*,\\s*")) {
                    expected.add(path + ":" + (wholeFile ? "file" : String.valueOf(target)) + " " + rule);
                }
            }
        }
        Path extra = dir.resolve("expect.txt");
        if (Files.exists(extra)) {
            for (String line : Files.readAllLines(extra)) {
                if (line.isBlank()) continue;
                String[] parts = line.strip().split("\\s+");
                // a finding at a line of a file the change deletes names its line: path:line
                expected.add((parts[0].matches(".*:\\d+") ? parts[0] : parts[0] + ":file") + " " + parts[1]);
            }
        }
        return expected;
    }

    private static boolean markerOnly(String line) {
        Matcher m = MARKER.matcher(line);
        return m.find() && line.strip().startsWith(m.group(1));
    }

    private static MemorySnapshot tree(Path dir) throws IOException {
        var snapshot = new MemorySnapshot();
        if (!Files.isDirectory(dir)) return snapshot;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                snapshot.put(dir.relativize(p).toString().replace('\\', '/'),
                        Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return snapshot;
    }
}
