package dev.migrationguard.config;

import dev.migrationguard.files.Utf8Text;
import dev.migrationguard.model.CannotJudge;
import dev.migrationguard.model.Severity;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    private static final String FILE = ".migration-guard.yml";

    @Test
    void emptyFileGivesDefaults() {
        Config c = ConfigLoader.parse("", FILE);
        assertEquals(Config.defaults().enabledRules(), c.enabledRules());
        assertEquals("spring", c.naming());
    }

    @Test
    void anUnknownTypeOrmNamingStopsTheRunWithItsLine() {
        CannotJudge e = assertThrows(CannotJudge.class, () -> ConfigLoader.parse("""
                entities:
                  typeorm-naming: kebab
                """, FILE));
        assertTrue(e.getMessage().contains(FILE + ":2:"), e::getMessage);
        assertTrue(e.getMessage().contains("default or snake"), e::getMessage);
    }

    @Test
    void readsEverySection() {
        Config c = ConfigLoader.parse("""
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
                """, FILE);
        assertEquals("origin/release", c.deployedRef());
        assertEquals("hibernate", c.naming());
        assertEquals("snake", c.typeormNaming());
        assertEquals(Severity.WARNING, c.severityOf("vague-migration-name").orElseThrow());
        assertEquals(Severity.INFO, c.severityOf("missing-down-migration").orElseThrow());
        assertTrue(c.off().contains("parse-error"));
        assertTrue(!c.enabledRules().contains("parse-error"));
        assertTrue(c.entities().test("src/main/java/a/B.java"));
        assertTrue(!c.entities().test("src/main/java/legacy/B.java"));
        assertTrue(!c.migrations().test("other/V1__x.sql"));
        assertEquals("never applied anywhere", c.allowedEdits().get("db/V1__a.sql"));
        assertEquals("always", c.ruleOptions().get("missing-down-migration").string("undo-scripts").orElseThrow());
    }

    @Test
    void unknownTopLevelKeyNamesFileAndLine() {
        var e = assertThrows(CannotJudge.class, () -> ConfigLoader.parse("""
                deployed:
                  ref: main
                rulez:
                  x: y
                """, FILE));
        assertTrue(e.getMessage().startsWith(FILE + ":3: unknown top-level key 'rulez'"), e.getMessage());
    }

    @Test
    void unknownRuleIdNamesFileAndLine() {
        var e = assertThrows(CannotJudge.class, () -> ConfigLoader.parse("""
                rules:
                  vague-migration-name: warning
                  no-such-rule: error
                """, FILE));
        assertTrue(e.getMessage().startsWith(FILE + ":3: unknown rule id 'no-such-rule'"), e.getMessage());
    }

    @Test
    void unknownOptionAndBadValuesAreRejected() {
        var unknown = assertThrows(CannotJudge.class, () -> ConfigLoader.parse("""
                rules:
                  missing-down-migration:
                    undo: always
                """, FILE));
        assertTrue(unknown.getMessage().startsWith(FILE + ":3: unknown option of missing-down-migration 'undo'"),
                unknown.getMessage());
        var badSeverity = assertThrows(CannotJudge.class, () -> ConfigLoader.parse("""
                rules:
                  parse-error: fatal
                """, FILE));
        assertTrue(badSeverity.getMessage().contains(":2: severity of parse-error"), badSeverity.getMessage());
        var badPolicy = assertThrows(CannotJudge.class, () -> ConfigLoader.parse("""
                rules:
                  missing-down-migration:
                    undo-scripts: sometimes
                """, FILE));
        assertTrue(badPolicy.getMessage().contains("undo-scripts must be auto, always or never"), badPolicy.getMessage());
        var badYaml = assertThrows(CannotJudge.class, () -> ConfigLoader.parse("rules: [a\n  b: c", FILE));
        assertTrue(badYaml.getMessage().startsWith(FILE), badYaml.getMessage());
        var noReason = assertThrows(CannotJudge.class, () -> ConfigLoader.parse("""
                allowed-edits:
                  - path: db/V1__a.sql
                """, FILE));
        assertTrue(noReason.getMessage().contains("needs both a path and a reason"), noReason.getMessage());
    }

    @Test
    void onMissingToolIsCheckedAndMustBeWrittenTheWayTheHookReadsIt() {
        ConfigLoader.parse("on-missing-tool: allow\n", FILE);
        ConfigLoader.parse("deployed:\n  ref: main\non-missing-tool: \"allow\"   # laptops without Java\n", FILE);
        ConfigLoader.parse("on-missing-tool: refuse\n", FILE);
        var bad = assertThrows(CannotJudge.class, () -> ConfigLoader.parse("\non-missing-tool: sometimes\n", FILE));
        assertTrue(bad.getMessage().startsWith(FILE + ":2:") && bad.getMessage().contains("allow or refuse"),
                bad.getMessage());
        var flow = assertThrows(CannotJudge.class, () -> ConfigLoader.parse("{on-missing-tool: allow}\n", FILE));
        assertTrue(flow.getMessage().contains("'on-missing-tool: allow'"), flow.getMessage());
        for (String line : new String[]{"on-missing-tool: allow", "on-missing-tool: 'allow'  # why"}) {
            assertTrue(ConfigLoader.HOOK_READABLE_ALLOW.matcher(line).matches(), line);
        }
    }

    @Test
    void readsTheLedgersAndTheLiquibaseMasters() {
        Config c = ConfigLoader.parse("""
                deployed:
                  lock-file: deploy/migrations.lock
                  from: jdbc:postgresql://db.internal:5432/app
                  tables:
                    flyway: audit.flyway_history
                    liquibase: DATABASECHANGELOG
                liquibase:
                  changelogs: [src/main/resources/config/liquibase/master.xml]
                """, FILE);
        assertEquals("deploy/migrations.lock", c.ledgers().lockFile());
        assertEquals(new Config.DeployedFrom("jdbc:postgresql://db.internal:5432/app", "deployed.from in " + FILE + ":3",
                true), c.ledgers().deployedFrom());
        assertEquals("audit.flyway_history", c.ledgers().tables().get("flyway"));
        assertEquals("DATABASECHANGELOG", c.ledgers().tables().get("liquibase"));
        assertEquals("migrations", c.ledgers().tables().get("typeorm"));
        assertEquals(java.util.List.of("src/main/resources/config/liquibase/master.xml"), c.liquibaseMasters());
        assertEquals("migrations.lock", Config.defaults().ledgers().lockFile());
    }

    @Test
    void badLedgerSettingsNameFileAndLine() {
        var table = assertThrows(CannotJudge.class, () -> ConfigLoader.parse("""
                deployed:
                  tables:
                    mybatis: history
                """, FILE));
        assertTrue(table.getMessage().startsWith(FILE + ":3: unknown key under deployed.tables 'mybatis'"), table.getMessage());
        var injection = assertThrows(CannotJudge.class, () -> ConfigLoader.parse("""
                deployed:
                  tables:
                    flyway: "x; DROP TABLE y"
                """, FILE));
        assertTrue(injection.getMessage().startsWith(FILE + ":3: deployed.tables.flyway must be a table name"),
                injection.getMessage());
        var url = assertThrows(CannotJudge.class, () -> ConfigLoader.parse("""
                deployed:
                  from: postgres://admin:s3cret@db/app
                """, FILE));
        assertTrue(url.getMessage().startsWith(FILE + ":2: deployed.from must be a JDBC URL"), url.getMessage());
        assertTrue(!url.getMessage().contains("s3cret"), url.getMessage());
        var liquibase = assertThrows(CannotJudge.class, () -> ConfigLoader.parse("""
                liquibase:
                  master: x.xml
                """, FILE));
        assertTrue(liquibase.getMessage().startsWith(FILE + ":2: unknown key under liquibase 'master'"),
                liquibase.getMessage());
    }

    @Test
    void anchorsAndAliasesAreResolvedWhereTheAliasIsWritten() {
        Config c = ConfigLoader.parse("""
                entities:
                  exclude: &generated ["**/generated/**"]
                migrations:
                  exclude: *generated
                """, FILE);
        assertTrue(!c.migrations().test("src/generated/V1__a.sql"), "the alias must exclude what the anchor lists");
        assertTrue(c.migrations().test("src/main/V1__a.sql"));
        CannotJudge e = assertThrows(CannotJudge.class, () -> ConfigLoader.parse("""
                on-missing-tool: &sev refuse
                rules:
                  vague-migration-name: *sev
                """, FILE));
        assertTrue(e.getMessage().startsWith(FILE + ":1: severity of vague-migration-name"),
                "an aliased value is named by the line it is written on: " + e.getMessage());
    }

    @Test
    void mergeKeysFillInWhatTheMapDoesNotSay() {
        Config c = ConfigLoader.parse("""
                rules:
                  vague-migration-name: &named
                    severity: warning
                    extra-generic-words: [cleanup]
                  missing-down-migration:
                    <<: {severity: info, undo-scripts: always}
                    severity: warning
                """, FILE);
        assertEquals(Severity.WARNING, c.severityOf("missing-down-migration").orElseThrow(),
                "the map's own key wins over the merged one");
        assertEquals(Severity.WARNING, c.severityOf("vague-migration-name").orElseThrow());
        CannotJudge notAMap = assertThrows(CannotJudge.class, () -> ConfigLoader.parse("""
                entities:
                  <<: [a, b]
                """, FILE));
        assertTrue(notAMap.getMessage().startsWith(FILE + ":2: '<<' must merge a map"), notAMap::getMessage);
    }

    @Test
    void anAliasWithoutItsAnchorOrTooManyAliasesStopTheRun() {
        CannotJudge unknown = assertThrows(CannotJudge.class, () -> ConfigLoader.parse("""
                entities:
                  exclude: *nowhere
                """, FILE));
        assertTrue(unknown.getMessage().startsWith(FILE + ":2: not valid YAML: found undefined alias nowhere"),
                unknown::getMessage);

        StringBuilder many = new StringBuilder("entities:\n  exclude: &x [a]\nmigrations:\n  exclude:\n");
        for (int i = 0; i <= YamlNode.MAX_ALIASES; i++) many.append("    - *x\n");
        CannotJudge bomb = assertThrows(CannotJudge.class, () -> ConfigLoader.parse(many.toString(), FILE));
        assertTrue(bomb.getMessage().contains("more than " + YamlNode.MAX_ALIASES + " aliases"), bomb::getMessage);
    }

    @Test
    void aKeyWrittenTwiceNamesBothLines() {
        CannotJudge e = assertThrows(CannotJudge.class, () -> ConfigLoader.parse("""
                rules:
                  vague-migration-name: warning
                  missing-down-migration: info
                  vague-migration-name:
                    extra-generic-words: [cleanup]
                """, FILE));
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
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        int section = readme.indexOf("## Configuration");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));
        Config c = ConfigLoader.parse(yaml, "README.md");
        assertEquals(Severity.WARNING, c.severityOf("vague-migration-name").orElseThrow());
        assertEquals(Severity.WARNING, c.severityOf("missing-down-migration").orElseThrow());
    }
}
