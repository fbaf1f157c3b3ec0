package dev.migrationguard.report;

import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Severity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamException;

/**
 * JUnit XML, which every CI system shows as test results: one suite per rule, one test case per rule and file, a
 * failure listing that file's findings, a skipped case when all of them were suppressed (with the reasons). A run
 * without findings is one passing case, so that a reader sees a green result rather than an empty one.
 */
public final class JunitRenderer implements Renderer {
    @Override
    public void write(Report report, Appendable out) throws IOException {
        Map<String, Map<String, List<Finding>>> byRule = new TreeMap<>();
        for (Finding f : report.findings()) {
            byRule.computeIfAbsent(f.rule(), r -> new TreeMap<>()).computeIfAbsent(f.path(), p -> new ArrayList<>()).add(f);
        }
        int tests = Math.max(1, byRule.values().stream().mapToInt(Map::size).sum());
        int failures = count(byRule, false);
        try {
            var xml = new Xml(out);
            xml.start("testsuites").attribute("name", Report.TOOL).attribute("tests", String.valueOf(tests))
                    .attribute("failures", String.valueOf(failures)).attribute("errors", "0");
            if (byRule.isEmpty()) {
                xml.start("testsuite").attribute("name", Report.TOOL).attribute("tests", "1")
                        .attribute("failures", "0").attribute("errors", "0").attribute("skipped", "0");
                xml.empty("testcase").attribute("name", report.mode() + ": no findings in " + report.filesChecked()
                        + " files").attribute("classname", Report.TOOL);
                xml.end();
            }
            for (var rule : byRule.entrySet()) {
                var one = Map.of(rule.getKey(), rule.getValue());
                xml.start("testsuite").attribute("name", rule.getKey())
                        .attribute("tests", String.valueOf(rule.getValue().size()))
                        .attribute("failures", String.valueOf(count(one, false))).attribute("errors", "0")
                        .attribute("skipped", String.valueOf(count(one, true)));
                for (var file : rule.getValue().entrySet()) testCase(xml, rule.getKey(), file.getKey(), file.getValue());
                xml.end();
            }
            xml.end().finish();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
    }

    private static void testCase(Xml xml, String rule, String path, List<Finding> findings) throws XMLStreamException {
        List<Finding> counting = findings.stream().filter(f -> !f.suppressed()).toList();
        xml.start("testcase").attribute("name", path).attribute("classname", rule).attribute("file", path);
        if (counting.isEmpty()) {
            List<String> reasons = findings.stream()
                    .map(f -> f.suppression().kind() + (f.suppression().reason() == null ? "" : ": " + f.suppression().reason()))
                    .distinct().toList();
            xml.empty("skipped").attribute("message", "suppressed (" + String.join("; ", reasons) + ")");
        } else {
            Severity worst = counting.stream().map(Finding::severity).min(Enum::compareTo).orElseThrow();
            StringBuilder text = new StringBuilder();
            for (Finding f : counting) {
                var at = f.location();
                text.append(at.isWholeFile() ? f.path() : f.path() + ":" + at.line() + ":" + at.column()).append(": ")
                        .append(f.severity().id()).append(' ').append(f.message()).append('\n');
                if (f.hint() != null) text.append("  hint: ").append(f.hint()).append('\n');
            }
            xml.start("failure").attribute("message", counting.get(0).message()
                            + (counting.size() > 1 ? " (and " + (counting.size() - 1) + " more)" : ""))
                    .attribute("type", worst.id()).text(text.toString()).end();
        }
        xml.end();
    }

    /** Test cases that fail (some finding counts) or, with {@code skipped}, whose findings were all suppressed. */
    private static int count(Map<String, Map<String, List<Finding>>> byRule, boolean skipped) {
        int n = 0;
        for (var files : byRule.values()) {
            for (var findings : files.values()) {
                boolean anyCounts = findings.stream().anyMatch(f -> !f.suppressed());
                if (anyCounts != skipped) n++;
            }
        }
        return n;
    }
}
