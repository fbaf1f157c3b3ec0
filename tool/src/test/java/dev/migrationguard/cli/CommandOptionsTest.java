package dev.migrationguard.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each command declares only the option groups it uses, so its --help lists only what works: lock reads no report
 * format, baseline and deploy ref; install knows no configuration.
 */
class CommandOptionsTest {
    private static final Pattern OPTION = Pattern.compile("^\\s+(?:(-\\w), )?(--[\\w-]+)", Pattern.MULTILINE);
    private static final String HELP = "--help --version";
    private static final String READING = "--repo --config --max-file-size --debug";
    private static final String DEPLOYMENT = "--deploy-ref --deployed-from";
    private static final String REPORT = "--format --output --baseline --fail-on --no-color";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "check    | " + HELP + " " + READING + " " + DEPLOYMENT + " " + REPORT
                    + " --staged --base --head --allow-deployed-edits",
            "lint     | " + HELP + " " + READING + " " + DEPLOYMENT + " " + REPORT,
            "baseline | " + HELP + " " + READING + " " + DEPLOYMENT + " --output",
            "lock     | " + HELP + " " + READING + " --lock-file",
            "install  | " + HELP + " --repo --jar",
            "uninstall| " + HELP + " --repo",
            "rules    | " + HELP,
            "explain  | " + HELP})
    void helpListsExactlyTheOptionsTheCommandUses(String command, String expected) {
        Cli help = Cli.run(null, command, "--help");
        assertEquals(0, help.code(), help::toString);
        Set<String> listed = new TreeSet<>();
        Matcher m = OPTION.matcher(help.out());
        while (m.find()) listed.add(m.group(2));
        assertEquals(new TreeSet<>(Set.of(expected.strip().split("\\s+"))), listed, help.out());
    }
}
