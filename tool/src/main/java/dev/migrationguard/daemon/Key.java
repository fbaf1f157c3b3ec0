package dev.migrationguard.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which checker a client talks to: the one started from the same jar file. The socket's name is a hash of the jar's
 * real path, computed the same way by the hook's Perl client and by the Java one; the checker answers only for
 * that path, and only while the jar is the build it started from (same size and time), so a client never gets
 * the answer of another build. The lock file beside the socket holds the checker's version.
 */
record Key(String version, Path jar) {
    static final String SOCKET_SUFFIX = ".sock";
    static final String LOCK_SUFFIX = ".lock";

    /** {@code jar} as its real path: what both clients hash. */
    static Key of(String version, Path jar) throws IOException {
        return new Key(version, jar.toRealPath());
    }

    /** Asked on every commit, in the launcher too: no {@code +}, whose first use costs a plain JVM tens of ms. */
    String socketName() {
        return hash(jar.toString()).concat(SOCKET_SUFFIX);
    }

    String lockName() {
        return hash(jar.toString()).concat(LOCK_SUFFIX);
    }

    /** The jar's build: a checker whose jar no longer has it declines and exits. */
    String build() throws IOException {
        return Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
    }

    /**
     * FNV-1a (32 bits) of the UTF-8 bytes, in hex: simple enough to write again in the hook's Perl, and no
     * MessageDigest, whose security providers cost tens of milliseconds on every commit.
     */
    static String hash(String s) {
        int h = 0x811c9dc5;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        String hex = Integer.toHexString(h);
        return "00000000".substring(hex.length()).concat(hex);
    }

    /** Whether version {@code a} is newer than {@code b}: dotted numbers compared in turn, a pre-release before its release. */
    static boolean newer(String a, String b) {
        String[] x = a.strip().split("-", 2);
        String[] y = b.strip().split("-", 2);
        String[] xs = x[0].split("\\.");
        String[] ys = y[0].split("\\.");
        for (int i = 0; i < Math.max(xs.length, ys.length); i++) {
            long p = i < xs.length ? number(xs[i]) : 0;
            long q = i < ys.length ? number(ys[i]) : 0;
            if (p != q) return p > q;
        }
        return x.length < y.length;
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
