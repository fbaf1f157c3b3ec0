package dev.migrationguard.model;

import java.nio.charset.StandardCharsets;

/** Byte-to-text helpers shared by every reader. */
public final class Text {
    private Text() {
    }

    /** Decodes UTF-8, dropping a leading byte-order mark. */
    public static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }

    /** The file name part of a path. */
    public static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
