package dev.migrationguard.cli;

import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files a person writes to steer the tool (configuration, baseline): a bad one exits 2 saying what is wrong. */
class SteeringFilesTest {
    @TempDir
    Path dir;

    private GitFixture repo() {
        return CliEndToEndTest.baseline(dir.resolve("repo")).addAll().commit("init");
    }

    @Test
    void anAliasInTheConfigurationExcludesWhatItsAnchorLists() {
        var g = repo();
        g.write(CliEndToEndTest.MIGRATIONS + "archive/V0_1__Update_schema.sql", "SELECT 1;\n");
        Cli plain = Cli.run(g.root(), "lint", "--format", "json");
        assertEquals(List.of("vague-migration-name"), plain.rules(), plain::toString);
        g.write(".migration-guard.yml", """
                entities:
                  exclude: &old ["**/archive/**"]
                migrations:
                  exclude: *old
                """);
        Cli aliased = Cli.run(g.root(), "lint", "--format", "json");
        assertEquals(0, aliased.code(), aliased::toString);
        assertEquals(List.of(), aliased.rules());
    }

    @Test
    void aDuplicateKeyInTheConfigurationExitsTwoNamingBothLines() {
        var g = repo();
        g.write(".migration-guard.yml", "rules:\n  vague-migration-name: warning\n  vague-migration-name: off\n");
        Cli r = Cli.run(g.root(), "lint");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains(".migration-guard.yml:3: key 'vague-migration-name' is written twice in one map "
                + "(first at line 2)"), r::toString);
    }

    @Test
    void aConfigurationThatIsNotUtf8TextSaysWhichByte() {
        var g = repo();
        g.writeBytes(".migration-guard.yml", "# r\u00e9sum\u00e9\nrules: {}\n".getBytes(StandardCharsets.ISO_8859_1));
        Cli latin1 = Cli.run(g.root(), "lint");
        assertEquals(2, latin1.code(), latin1::toString);
        assertTrue(latin1.err().contains("configuration file ") && latin1.err().contains(
                ".migration-guard.yml is not UTF-8 text (byte 0xE9 at offset 3, line 1)"), latin1::toString);
        assertTrue(!latin1.err().contains("Input length"), latin1::toString);

        g.writeBytes(".migration-guard.yml", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        Cli binary = Cli.run(g.root(), "lint");
        assertEquals(2, binary.code(), binary::toString);
        assertTrue(binary.err().contains(".migration-guard.yml is binary, not text"), binary::toString);
    }

    @Test
    void aBaselineEntryOfTheWrongTypeExitsTwoNamingTheField() {
        var g = repo();
        String head = "{\"tool\": \"migration-guard\", \"format\": 1, \"findings\": [\n";
        List<List<String>> cases = List.of(
                List.of("{\"fingerprint\": 123}", "findings[0].fingerprint must be a string, not a number"),
                List.of("{\"fingerprint\": true}", "findings[0].fingerprint must be a string, not a boolean"),
                List.of("\"abc\"", "findings[0] must be an object, not a string"),
                List.of("{\"fingerprint\": \"ab\", \"rule\": [1]}", "findings[0].rule must be a string, not a list"),
                List.of("{\"rule\": \"x\"}", "findings[0] has no fingerprint"));
        for (List<String> c : cases) {
            g.write("b.json", head + c.get(0) + "\n]}\n");
            Cli r = Cli.run(g.root(), "lint", "--baseline", g.root().resolve("b.json").toString());
            assertEquals(2, r.code(), r::toString);
            assertTrue(r.err().contains("b.json is not a migration-guard baseline: line 2: " + c.get(1)), c + "\n" + r);
            assertTrue(!r.err().contains("dev.migrationguard"), "no Java names in a message: " + r);
        }
        g.write("b.json", "{\"tool\": \"migration-guard\", \"format\": 1.5, \"findings\": []}\n");
        Cli fraction = Cli.run(g.root(), "lint", "--baseline", g.root().resolve("b.json").toString());
        assertEquals(2, fraction.code(), fraction::toString);
        assertTrue(fraction.err().contains("format must be a whole number, not a number"), fraction::toString);

        g.writeBytes("b.json", (head + "{\"fingerprint\": \"caf\u00e9\"}]}\n").getBytes(StandardCharsets.ISO_8859_1));
        Cli latin1 = Cli.run(g.root(), "lint", "--baseline", g.root().resolve("b.json").toString());
        assertEquals(2, latin1.code(), latin1::toString);
        assertTrue(latin1.err().contains("b.json is not UTF-8 text (byte 0xE9 at offset"), latin1::toString);
    }
}
