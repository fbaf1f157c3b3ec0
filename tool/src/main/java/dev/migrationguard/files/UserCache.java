package dev.migrationguard.files;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * The user's cache folder for migration-guard (class-data archive, the unpacked TypeScript parser library), and the
 * record beside each cached file that says what it must be. The JVM maps both kinds of file into memory, so a
 * truncated one is a SIGBUS, not an exception: a cached file is used only when it matches its record.
 *
 * <p>The record's checksum is a CRC-32: it guards against a file cut short or damaged, not against an attacker, who
 * could write the user's cache and anything else of the user's. It is computed by the first commit after an install
 * in a JVM that has just started, where it costs 12-19 ms for an 18 MB file; a SHA-256 there cost 119-136 ms (210 ms
 * with C1 alone: no intrinsic before C2, and the security providers to load). Records of earlier versions
 * ({@code .sha256} files) are not read: their files are made again once.
 */
public final class UserCache {
    private static final String RECORD_SUFFIX = ".record";
    /** The record's name in versions that recorded a SHA-256; such records are pruned, never trusted. */
    public static final String LEGACY_RECORD_SUFFIX = ".sha256";

    private UserCache() {
    }

    /**
     * {@code $XDG_CACHE_HOME}, {@code %LOCALAPPDATA%}, {@code ~/Library/Caches} or {@code ~/.cache}, then
     * migration-guard; empty when the user has no usable home (containers run users without one: {@code user.home}
     * is {@code ?} or a folder that does not exist), since a relative path would put the cache in the work tree.
     */
    public static Optional<Path> folder() {
        return folder(System.getenv("XDG_CACHE_HOME"), System.getenv("LOCALAPPDATA"),
                System.getProperty("user.home"), System.getProperty("os.name"));
    }

    /**
     * The same from the given values (null when unset). Called before the tuned JVM starts, so it takes no lambda:
     * the first one costs a plain JVM tens of milliseconds.
     */
    public static Optional<Path> folder(String xdgCacheHome, String localAppData, String userHome, String osName) {
        Path base = absolute(xdgCacheHome);
        if (base == null && File.separatorChar == '\\') base = absolute(localAppData);
        if (base == null) {
            Path home = absolute(userHome);
            if (home == null || !Files.isDirectory(home)) return Optional.empty();
            base = osName != null && osName.startsWith("Mac") ? home.resolve("Library/Caches") : home.resolve(".cache");
        }
        return Optional.of(base.resolve("migration-guard"));
    }

    private static Path absolute(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            Path p = Path.of(value);
            return p.isAbsolute() ? p : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether {@code file} is what its record says: same size always; the same CRC-32 when its modification time
     * differs from the recorded one (an untouched file is trusted on size and time). A file without a record is not
     * intact.
     */
    public static boolean intact(Path file) {
        try {
            Map<String, String> record = readRecord(file);
            if (record == null || !Files.isRegularFile(file)) return false;
            if (!String.valueOf(Files.size(file)).equals(record.get("size"))) return false;
            long modified = Files.getLastModifiedTime(file).toMillis();
            if (String.valueOf(modified).equals(record.get("modified"))) return true;
            if (!crc32(file).equals(record.get("crc32"))) return false;
            try {
                seal(file, record.get("crc32"), record.get("source"));
            } catch (IOException e) {
                // a read-only cache: the file stays verified by its digest on each run
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Writes the record of {@code file}: its CRC-32 ({@link #crc32}), size and modification time, and what it was made
     * from.
     */
    public static void seal(Path file, String crc32, String source) throws IOException {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("crc32", crc32);
        record.put("size", String.valueOf(Files.size(file)));
        record.put("modified", String.valueOf(Files.getLastModifiedTime(file).toMillis()));
        if (source != null) record.put("source", source);
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> e : record.entrySet()) {
            text.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        Path target = recordOf(file);
        Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            move(partial, target);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** What the record of {@code file} says it was made from, or null. */
    public static String source(Path file) {
        try {
            Map<String, String> record = readRecord(file);
            return record == null ? null : record.get("source");
        } catch (IOException e) {
            return null;
        }
    }

    /** Deletes a cached file and its record; false when either is still there (a read-only cache). */
    public static boolean delete(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(recordOf(file));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static Path recordOf(Path file) {
        return file.resolveSibling(file.getFileName().toString().concat(RECORD_SUFFIX));
    }

    /** The CRC-32 of a file, as the record keeps it. */
    public static String crc32(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return crc32(in, OutputStream.nullOutputStream());
        }
    }

    /** Copies {@code in} to {@code out} and returns the CRC-32 of what was copied, as the record keeps it. */
    public static String crc32(InputStream in, OutputStream out) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream checked = new CheckedInputStream(in, crc)) {
            checked.transferTo(out);
        }
        return Long.toHexString(crc.getValue());
    }

    /** A small file's text, read without NIO channels, which a plain JVM has yet to load when it starts the tuned one. */
    public static String read(Path file) throws IOException {
        try (InputStream in = new FileInputStream(file.toFile())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Moves a finished file into place atomically where the file system can, so no reader sees half of it. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Map<String, String> readRecord(Path file) throws IOException {
        Path record = recordOf(file);
        if (!Files.isRegularFile(record)) return null;
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : read(record).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) values.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return values;
    }
}
