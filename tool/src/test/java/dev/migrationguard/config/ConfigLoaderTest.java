package dev.migrationguard.config;

import dev.migrationguard.files.Utf8Text;
import dev.migrationguard.model.CannotJudge;
import dev.migrationguard.model.Severity;
import dev.migrationguard.rules.RuleCatalog;
import dev.migrationguard.settings.DeployedFrom;
import dev.migrationguard.settings.Settings;
import dev.migrationguard.stacks.SupportedStacks;
import dev.migrationguard.testing.ProjectRoot;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    private static final String FILE = ".migration-guard.yml";

    private static Settings parse(String yaml) {
        return ConfigLoader.parse(yaml, FILE, SupportedStacks.ALL);
    }

    @Test
    void emptyFileGivesDefaults() {
        Settings c = parse("");
        assertEquals(Settings.DEFAULTS, c);
        assertTrue(c.stack("jpa").string("entities.naming").isEmpty());
    }

    @Test
    void anUnknownTypeOrmNamingStopsTheRunWithItsLine() {
        CannotJudge e = assertThrows(CannotJudge.class, () -> parse("""
                entities:
                  typeorm-naming: kebab
                """));
        assertTrue(e.getMessage().contains(FILE + ":2:"), e::getMessage);
        assertTrue(e.getMessage().contains("default or snake"), e::getMessage);
    }

    @Test
    void readsEverySection() {
        Settings c = parse("""
                deployed:
                  ref: origin/release
                entities:
                  include: ["src/main/java/**"]
                  exclude: ["**/legacy/**"]
                  naming: hibernate
                  typeorm-naming: snake
                migrations:
                  include: ["src/main/resources/db/**"]
                rules:
                  vague-migration-name: warning
                  parse-error: off
                  missing-down-migration:
                    severity: info
                    undo-scripts: always
                allowed-edits:
                  - path: db/V1__a.sql
                    reason: never applied anywhere
                """);
        assertEquals("origin/release", c.deployed().ref());
        assertEquals("hibernate", c.stack("jpa").string("entities.naming").orElseThrow());
        assertEquals("snake", c.stack("typeorm").string("entities.typeorm-naming").orElseThrow());
        assertEquals(Severity.WARNING, c.rules().severities().get("vague-migration-name"));
        assertEquals(Severity.INFO, c.rules().severities().get("missing-down-migration"));
        assertTrue(c.rules().off().contains("parse-error"));
        assertTrue(RuleCatalog.build(c.rules()).stream().noneMatch(r -> r.id().equals("parse-error")));
        assertTrue(c.scope().entities().test("src/main/java/a/B.java"));
        assertTrue(!c.scope().entities().test("src/main/java/legacy/B.java"));
        assertTrue(!c.scope().migrations().test("other/V1__x.sql"));
        assertEquals("never applied anywhere", c.allowedEdits().get("db/V1__a.sql"));
        assertEquals("always", c.rules().options().get("missing-down-migration").string("undo-scripts").orElseThrow());
    }

    @Test
    void unknownTopLevelKeyNamesFileAndLine() {
        var e = assertThrows(CannotJudge.class, () -> parse("""
                deployed:
                  ref: main
                rulez:
                  x: y
                """));
        assertTrue(e.getMessage().startsWith(FILE + ":3: unknown top-level key 'rulez'"), e.getMessage());
    }

    @Test
    void unknownRuleIdNamesFileAndLine() {
        var e = assertThrows(CannotJudge.class, () -> parse("""
                rules:
                  vague-migration-name: warning
                  no-such-rule: error
                """));
        assertTrue(e.getMessage().startsWith(FILE + ":3: unknown rule id 'no-such-rule'"), e.getMessage());
    }

    @Test
    void unknownOptionAndBadValuesAreRejected() {
        var unknown = assertThrows(CannotJudge.class, () -> parse("""
                rules:
                  missing-down-migration:
                    undo: always
                """));
        assertTrue(unknown.getMessage().startsWith(FILE + ":3: unknown option of missing-down-migration 'undo'"),
                unknown.getMessage());
        var badSeverity = assertThrows(CannotJudge.class, () -> parse("""
                rules:
                  parse-error: fatal
                """));
        assertTrue(badSeverity.getMessage().contains(":2: severity of parse-error"), badSeverity.getMessage());
        var badPolicy = assertThrows(CannotJudge.class, () -> parse("""
                rules:
                  missing-down-migration:
                    undo-scripts: sometimes
                """));
        assertTrue(badPolicy.getMessage().contains("undo-scripts must be auto, always or never"), badPolicy.getMessage());
        var badYaml = assertThrows(CannotJudge.class, () -> parse("rules: [a\n  b: c"));
        assertTrue(badYaml.getMessage().startsWith(FILE), badYaml.getMessage());
        var noReason = assertThrows(CannotJudge.class, () -> parse("""
                allowed-edits:
                  - path: db/V1__a.sql
                """));
        assertTrue(noReason.getMessage().contains("needs both a path and a reason"), noReason.getMessage());
    }

    @Test
    void onMissingToolIsCheckedAndMustBeWrittenTheWayTheHookReadsIt() {
        parse("on-missing-tool: allow\n");
        parse("deployed:\n  ref: main\non-missing-tool: \"allow\"   # laptops without Java\n");
        parse("on-missing-tool: refuse\n");
        var bad = assertThrows(CannotJudge.class, () -> parse("\non-missing-tool: sometimes\n"));
        assertTrue(bad.getMessage().startsWith(FILE + ":2:") && bad.getMessage().contains("allow or refuse"),
                bad.getMessage());
        var flow = assertThrows(CannotJudge.class, () -> parse("{on-missing-tool: allow}\n"));
        assertTrue(flow.getMessage().contains("'on-missing-tool: allow'"), flow.getMessage());
        for (String line : new String[]{"on-missing-tool: allow", "on-missing-tool: 'allow'  # why"}) {
            assertTrue(ConfigLoader.HOOK_READABLE_ALLOW.matcher(line).matches(), line);
        }
    }

    @Test
    void readsTheLedgersAndTheLiquibaseMasters() {
        Settings c = parse("""
                deployed:
                  lock-file: deploy/migrations.lock
                  from: jdbc:postgresql://db.internal:5432/app
                  tables:
                    flyway: audit.flyway_history
                    liquibase: DATABASECHANGELOG
                liquibase:
                  changelogs: [src/main/resources/config/liquibase/master.xml]
                """);
        assertEquals("deploy/migrations.lock", c.deployed().lockFile());
        assertEquals(new DeployedFrom("jdbc:postgresql://db.internal:5432/app", "deployed.from in " + FILE + ":3",
                true), c.deployed().from());
        assertEquals("audit.flyway_history", c.deployed().tables().get("flyway"));
        assertEquals("DATABASECHANGELOG", c.deployed().tables().get("liquibase"));
        assertEquals(null, c.deployed().tables().get("typeorm"), "a table not named keeps its tool's default");
        assertEquals(java.util.List.of("src/main/resources/config/liquibase/master.xml"),
                c.stack("liquibase").strings("liquibase.changelogs").orElseThrow());
        assertEquals("migrations.lock", Settings.DEFAULTS.deployed().lockFile());
    }

    @Test
    void badLedgerSettingsNameFileAndLine() {
        var table = assertThrows(CannotJudge.class, () -> parse("""
                deployed:
                  tables:
                    mybatis: history
                """));
        assertTrue(table.getMessage().startsWith(FILE + ":3: unknown key under deployed.tables 'mybatis'"), table.getMessage());
        var injection = assertThrows(CannotJudge.class, () -> parse("""
                deployed:
                  tables:
                    flyway: "x; DROP TABLE y"
                """));
        assertTrue(injection.getMessage().startsWith(FILE + ":3: deployed.tables.flyway must be a table name"),
                injection.getMessage());
        var url = assertThrows(CannotJudge.class, () -> parse("""
                deployed:
                  from: postgres://admin:s3cret@db/app
                """));
        assertTrue(url.getMessage().startsWith(FILE + ":2: deployed.from must be a JDBC URL"), url.getMessage());
        assertTrue(!url.getMessage().contains("s3cret"), url.getMessage());
        var liquibase = assertThrows(CannotJudge.class, () -> parse("""
                liquibase:
                  master: x.xml
                """));
        assertTrue(liquibase.getMessage().startsWith(FILE + ":2: unknown key under liquibase 'master'"),
                liquibase.getMessage());
    }

    @Test
    void anchorsAndAliasesAreResolvedWhereTheAliasIsWritten() {
        Settings c = parse("""
                entities:
                  exclude: &generated ["**/generated/**"]
                migrations:
                  exclude: *generated
                """);
        assertTrue(!c.scope().migrations().test("src/generated/V1__a.sql"), "the alias must exclude what the anchor lists");
        assertTrue(c.scope().migrations().test("src/main/V1__a.sql"));
        CannotJudge e = assertThrows(CannotJudge.class, () -> parse("""
                on-missing-tool: &sev refuse
                rules:
                  vague-migration-name: *sev
                """));
        assertTrue(e.getMessage().startsWith(FILE + ":1: severity of vague-migration-name"),
                "an aliased value is named by the line it is written on: " + e.getMessage());
    }

    @Test
    void mergeKeysFillInWhatTheMapDoesNotSay() {
        Settings c = parse("""
                rules:
                  vague-migration-name: &named
                    severity: warning
                    extra-generic-words: [cleanup]
                  missing-down-migration:
                    <<: {severity: info, undo-scripts: always}
                    severity: warning
                """);
        assertEquals(Severity.WARNING, c.rules().severities().get("missing-down-migration"),
                "the map's own key wins over the merged one");
        assertEquals(Severity.WARNING, c.rules().severities().get("vague-migration-name"));
        CannotJudge notAMap = assertThrows(CannotJudge.class, () -> parse("""
                entities:
                  <<: [a, b]
                """));
        assertTrue(notAMap.getMessage().startsWith(FILE + ":2: '<<' must merge a map"), notAMap::getMessage);
    }

    @Test
    void anAliasWithoutItsAnchorOrTooManyAliasesStopTheRun() {
        CannotJudge unknown = assertThrows(CannotJudge.class, () -> parse("""
                entities:
                  exclude: *nowhere
                """));
        assertTrue(unknown.getMessage().startsWith(FILE + ":2: not valid YAML: found undefined alias nowhere"),
                unknown::getMessage);

        StringBuilder many = new StringBuilder("entities:\n  exclude: &x [a]\nmigrations:\n  exclude:\n");
        for (int i = 0; i <= YamlNode.MAX_ALIASES; i++) many.append("    - *x\n");
        CannotJudge bomb = assertThrows(CannotJudge.class, () -> parse(many.toString()));
        assertTrue(bomb.getMessage().contains("more than " + YamlNode.MAX_ALIASES + " aliases"), bomb::getMessage);
    }

    @Test
    void aKeyWrittenTwiceNamesBothLines() {
        CannotJudge e = assertThrows(CannotJudge.class, () -> parse("""
                rules:
                  vague-migration-name: warning
                  missing-down-migration: info
                  vague-migration-name:
                    extra-generic-words: [cleanup]
                """));
        assertTrue(e.getMessage().startsWith(FILE + ":4: key 'vague-migration-name' is written twice"), e::getMessage);
        assertTrue(e.getMessage().contains("first at line 2"), e::getMessage);
    }

    @Test
    void textThatIsNotUtf8SaysWhichByteAndWhere() {
        byte[] latin1 = "rules:\n  vague-migration-name: warning # caf\u00e9\n".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1);
        CannotJudge e = assertThrows(CannotJudge.class, () -> Utf8Text.decode(latin1, "configuration file x"));
        assertEquals("configuration file x is not UTF-8 text (byte 0xE9 at offset " + (latin1.length - 2)
                + ", line 2); save it as UTF-8", e.getMessage());
        CannotJudge binary = assertThrows(CannotJudge.class,
                () -> Utf8Text.decode(new byte[]{'a', '\n', 0, 1}, "configuration file x"));
        assertTrue(binary.getMessage().startsWith("configuration file x is binary"), binary::getMessage);
        assertEquals("rules: {}", Utf8Text.decode(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'r', 'u', 'l',
                'e', 's', ':', ' ', '{', '}'}, "x"), "a byte-order mark is dropped");
    }

    @Test
    void theReadmeExampleIsAValidConfiguration() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(ProjectRoot.file("README.md"));
        int section = readme.indexOf("## Configuration");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));
        Settings c = parse(yaml);
        assertEquals(Severity.WARNING, c.rules().severities().get("vague-migration-name"));
        assertEquals(Severity.WARNING, c.rules().severities().get("missing-down-migration"));
    }
}
