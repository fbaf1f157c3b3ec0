package dev.migrationguard.flyway;

import dev.migrationguard.javasrc.JavaLogic;
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
     * Flyway stores no checksum for a Java migration unless it overrides {@code getChecksum()}: then that literal is
     * what Flyway compares. Otherwise nothing Flyway notices changes with the file, so edits are told apart by what the
     * class does ({@link JavaLogic}): SHA-256 of its canonical logic, so that a formatting pass, comments, imports or
     * an unused parameter are not edits. A file the Java parser cannot read falls back to its text, line endings
     * normalised.
     */
    public static String java(String path, String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        JavaLogic.Result logic = JavaLogic.of(path, text);
        if (logic.declaredChecksum() != null) return "flyway:" + logic.declaredChecksum();
        if (logic.logic() != null) return "logic:" + Digests.sha256(logic.logic());
        return "sha256:" + javaText(text);
    }

    /** SHA-256 (hex) of a Java migration's text, line endings normalised to LF and a leading BOM removed. */
    public static String javaText(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        return Digests.sha256(Text.withLfLineEndings(text));
    }
}
