package dev.migrationguard.flyway;

import dev.migrationguard.model.Digests;
import dev.migrationguard.model.Text;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** The checksums Flyway would store for a migration, so that two versions compare the way Flyway compares them. */
public final class FlywayChecksum {
    private FlywayChecksum() {
    }

    /**
     * Flyway's checksum of a SQL script: CRC32 over the UTF-8 bytes of each line, line terminators stripped, a leading
     * BOM removed; the signed int as decimal text, as in {@code flyway_schema_history.checksum}. Line endings and blank
     * lines therefore do not change it.
     */
    public static String sql(String content) {
        CRC32 crc = new CRC32();
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                crc.update(text.substring(start, i).getBytes(StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return Integer.toString((int) crc.getValue());
    }

    /**
     * SHA-256 (hex) over what {@link #sql} covers: the lines without their terminators, BOM removed, joined by LF. Equal
     * exactly when Flyway's checksum is, without CRC32's collisions: what a lock file records.
     */
    public static String sqlDigest(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        StringBuilder lines = new StringBuilder(text.length());
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                lines.append(text, start, i).append('\n');
                start = i + 1;
            }
        }
        return Digests.sha256(lines.toString());
    }

    /**
     * Flyway stores no checksum for a Java migration; we still need to tell edits apart, so: SHA-256 of the content
     * with line endings normalised to LF and a leading BOM removed, as hex.
     */
    public static String java(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        return "sha256:" + Digests.sha256(Text.withLfLineEndings(text));
    }
}
