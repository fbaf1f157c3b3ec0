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

    @Test
    void javaChecksumIgnoresLineEndingsOnly() {
        String src = "class V1__X {\n}\n";
        assertEquals(FlywayChecksum.java(src), FlywayChecksum.java(src.replace("\n", "\r\n")));
        assertNotEquals(FlywayChecksum.java(src), FlywayChecksum.java(src.replace("X", "Y")));
    }
}
