package dev.migrationguard.flyway;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class FlywayChecksumTest {
    private static final String SCRIPT = "CREATE TABLE contest (id int);\nALTER TABLE contest ADD title text;\n";

    /** Flyway's definition, computed the way Flyway does: line by line through a BufferedReader. */
    private static String expected(String content) throws IOException {
        CRC32 crc = new CRC32();
        try (var reader = new BufferedReader(new StringReader(content))) {
            String line;
            boolean first = true;
            while ((line = reader.readLine()) != null) {
                if (first && line.startsWith("\uFEFF")) line = line.substring(1);
                first = false;
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return Integer.toString((int) crc.getValue());
    }

    @Test
    void matchesFlywaysDefinition() throws IOException {
        for (String s : new String[]{SCRIPT, "", "\n", "SELECT 'é ü 名';", "\uFEFFSELECT 1;", "a\r\nb\rc\n\n"}) {
            assertEquals(expected(s), FlywayChecksum.sql(s), s);
        }
    }

    @Test
    void knownVector() {
        // CRC32 of "SELECT 1;" as a signed int, the way flyway_schema_history stores it.
        CRC32 crc = new CRC32();
        crc.update("SELECT 1;".getBytes(StandardCharsets.UTF_8));
        assertEquals(Integer.toString((int) crc.getValue()), FlywayChecksum.sql("SELECT 1;\n"));
        assertEquals("-390611389", FlywayChecksum.sql("a"), "CRC32('a') = 0xE8B7BE43");
    }

    @Test
    void lineEndingsBlankLinesAndBomDoNotChangeIt() {
        String lf = FlywayChecksum.sql(SCRIPT);
        assertEquals(lf, FlywayChecksum.sql(SCRIPT.replace("\n", "\r\n")));
        assertEquals(lf, FlywayChecksum.sql(SCRIPT.replace("\n", "\n\n\n")));
        assertEquals(lf, FlywayChecksum.sql("\uFEFF" + SCRIPT));
        assertEquals(lf, FlywayChecksum.sql(SCRIPT.strip()));
    }

    @Test
    void anyOtherEditChangesIt() {
        String lf = FlywayChecksum.sql(SCRIPT);
        assertNotEquals(lf, FlywayChecksum.sql(SCRIPT.replace("title text", "title varchar")));
        assertNotEquals(lf, FlywayChecksum.sql(SCRIPT.replace("(id int)", "(id  int)")));
        assertNotEquals(lf, FlywayChecksum.sql(SCRIPT.replace(";\n", "; \n")));
    }

    private static final String JAVA = """
            package db.migration;

            import org.flywaydb.core.api.migration.BaseJavaMigration;
            import org.flywaydb.core.api.migration.Context;

            public class V3__Backfill extends BaseJavaMigration {
                private static final String TABLE = "contest";

                @Override
                public void migrate(Context context) throws Exception {
                    try (var s = context.getConnection().createStatement()) {
                        s.execute("UPDATE " + TABLE + " SET title = 'x' WHERE title IS NULL");
                        s.execute("ALTER TABLE contest ALTER COLUMN title SET NOT NULL");
                    }
                }
            }
            """;

    @Test
    void aJavaMigrationKeepsItsChecksumThroughFormattingCommentsImportsAndUnusedParameters() {
        String java = FlywayChecksum.java("V3__Backfill.java", JAVA);
        assertEquals(java, FlywayChecksum.java("V3__Backfill.java", JAVA.replace("\n", "\r\n")));
        String reformatted = JAVA.replace("    ", "  ").replace(") {", ")\n{").replace("try (var s", "try(var s");
        assertEquals(java, FlywayChecksum.java("V3__Backfill.java", reformatted));
        String commented = "/* Licensed under the Apache License */\n" + JAVA.replace("@Override",
                "// fills the titles first\n    @Override");
        assertEquals(java, FlywayChecksum.java("V3__Backfill.java", commented));
        String imports = JAVA.replace("import org.flywaydb.core.api.migration.Context;",
                "import org.flywaydb.core.api.migration.Context;\nimport java.util.List;");
        assertEquals(java, FlywayChecksum.java("V3__Backfill.java", imports));
        String unusedParameter = JAVA.replace("migrate(Context context)", "migrate(Context context, int unused)");
        assertEquals(java, FlywayChecksum.java("V3__Backfill.java", unusedParameter));
    }

    @Test
    void aJavaMigrationsChecksumChangesWithAStatementItRunsOrTheirOrder() {
        String java = FlywayChecksum.java("V3__Backfill.java", JAVA);
        assertNotEquals(java, FlywayChecksum.java("V3__Backfill.java", JAVA.replace("title = 'x'", "title = 'y'")));
        assertNotEquals(java, FlywayChecksum.java("V3__Backfill.java", JAVA.replace("\"contest\";", "\"contests\";")));
        String first = "            s.execute(\"UPDATE \" + TABLE + \" SET title = 'x' WHERE title IS NULL\");\n";
        String second = "            s.execute(\"ALTER TABLE contest ALTER COLUMN title SET NOT NULL\");\n";
        assertNotEquals(java, FlywayChecksum.java("V3__Backfill.java", JAVA.replace(first + second, second + first)));
        assertNotEquals(java, FlywayChecksum.java("V3__Backfill.java", JAVA.replace(second, "")));
        assertNotEquals(java, FlywayChecksum.java("V3__Backfill.java", JAVA.replace(second, second + second)));
    }

    @Test
    void anOverriddenGetChecksumReturningALiteralIsWhatFlywayCompares() {
        String declared = JAVA.replace("    @Override\n    public void migrate",
                "    @Override\n    public Integer getChecksum() {\n        return -42;\n    }\n\n"
                        + "    @Override\n    public void migrate");
        String checksum = FlywayChecksum.java("V3__Backfill.java", declared);
        assertEquals("flyway:-42", checksum);
        assertEquals(checksum, FlywayChecksum.java("V3__Backfill.java", declared.replace("'x'", "'y'")));
        assertNotEquals(checksum, FlywayChecksum.java("V3__Backfill.java", declared.replace("-42", "43")));
    }

    @Test
    void aJavaFileTheParserCannotReadFallsBackToItsText() {
        String broken = "class V1__X {\n";
        assertEquals(FlywayChecksum.java("V1__X.java", broken),
                FlywayChecksum.java("V1__X.java", broken.replace("\n", "\r\n")));
        assertNotEquals(FlywayChecksum.java("V1__X.java", broken), FlywayChecksum.java("V1__X.java", "class V1__X {  \n"));
    }
}
