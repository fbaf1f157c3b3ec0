package dev.migrationguard.model;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Byte-to-text helpers shared by every reader. */
public final class Text {
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    private Text() {
    }

    /** The lines of a text, split at any line ending (CRLF, CR or LF); a text ending in one ends in an empty line. */
    public static String[] lines(String text) {
        return LINE_BREAK.split(text, -1);
    }

    /**
     * The text with every CRLF and lone CR turned into LF: what the tool compares and digests, so that a checkout on
     * Windows is not an edit.
     */
    public static String withLfLineEndings(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Decodes UTF-8, dropping a leading byte-order mark. */
    public static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }

    /**
     * True when the bytes are a git-lfs pointer (a few lines naming the content stored elsewhere) rather than a file's
     * own content: what git holds for a file tracked with git-lfs, and what a checkout without git-lfs leaves.
     */
    public static boolean isLfsPointer(byte[] bytes) {
        byte[] head = "version https://git-lfs.github.com/spec/".getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > 1024 || bytes.length < head.length) return false;
        for (int i = 0; i < head.length; i++) if (bytes[i] != head[i]) return false;
        return new String(bytes, StandardCharsets.US_ASCII).contains("\noid ");
    }

    /** The file name part of a path. */
    public static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /**
     * A {@code /}-separated relative path with {@code .}, {@code ..} and empty parts resolved; null when it climbs
     * above the root it is relative to.
     */
    public static String normalizePath(String path) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                if (parts.isEmpty()) return null;
                parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }
}
