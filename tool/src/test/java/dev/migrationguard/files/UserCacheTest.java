package dev.migrationguard.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the cache is, and when a cached file may be used. */
class UserCacheTest {
    @TempDir
    Path dir;

    private static Optional<Path> folder(Map<String, String> env, Map<String, String> properties) {
        return UserCache.folder(env.get("XDG_CACHE_HOME"), env.get("LOCALAPPDATA"), properties.get("user.home"),
                properties.get("os.name"));
    }

    @Test
    void theCacheIsUnderXdgCacheHomeElseUnderTheHomeFolder() {
        assertEquals(Optional.of(dir.resolve("xdg/migration-guard")),
                folder(Map.of("XDG_CACHE_HOME", dir.resolve("xdg").toString()), Map.of("user.home", dir.toString())));
        assertEquals(Optional.of(dir.resolve(".cache/migration-guard")),
                folder(Map.of(), Map.of("user.home", dir.toString(), "os.name", "Linux")));
    }

    @Test
    void aUserWithoutAUsableHomeHasNoCacheRatherThanOneInTheWorkTree() {
        assertEquals(Optional.empty(), folder(Map.of(), Map.of("user.home", "?")), "no passwd entry: Java says ?");
        assertEquals(Optional.empty(), folder(Map.of(), Map.of()));
        assertEquals(Optional.empty(), folder(Map.of(), Map.of("user.home", dir.resolve("missing").toString())),
                "HOME=/nonexistent, as for system users");
        assertEquals(Optional.empty(), folder(Map.of("XDG_CACHE_HOME", "relative/cache"), Map.of("user.home", "?")),
                "a relative XDG_CACHE_HOME is invalid by the XDG specification");
    }

    @Test
    void aCachedFileIsUsedOnlyWhileItMatchesItsRecord() throws IOException {
        Path file = dir.resolve("lib.so");
        Files.write(file, new byte[4096]);
        assertFalse(UserCache.intact(file), "no record yet");
        UserCache.seal(file, UserCache.crc32(file), "/jars/a.jar");
        assertTrue(UserCache.intact(file));
        assertEquals("/jars/a.jar", UserCache.source(file));

        FileTime sealed = Files.getLastModifiedTime(file);
        Files.write(file, new byte[2048]);
        assertFalse(UserCache.intact(file), "truncated");

        Files.write(file, new byte[4096]);
        Files.setLastModifiedTime(file, FileTime.fromMillis(sealed.toMillis() + 60_000));
        assertTrue(UserCache.intact(file), "touched, same content: the digest decides");

        byte[] other = new byte[4096];
        other[100] = 1;
        Files.write(file, other);
        Files.setLastModifiedTime(file, FileTime.fromMillis(sealed.toMillis() + 120_000));
        assertFalse(UserCache.intact(file), "same size, other content");

        assertTrue(UserCache.delete(file));
        assertFalse(Files.exists(file) || Files.exists(UserCache.recordOf(file)));
    }

    /** An earlier version's record (a SHA-256 in {@code <file>.sha256}) is not this version's: the file is made again. */
    @Test
    void anEarlierVersionsRecordIsNotTrusted() throws IOException {
        Path file = dir.resolve("classes.jsa");
        Files.write(file, new byte[4096]);
        Files.writeString(dir.resolve("classes.jsa.sha256"), "sha256=00\nsize=4096\nmodified="
                + Files.getLastModifiedTime(file).toMillis() + "\n");
        assertFalse(UserCache.intact(file));
        assertEquals(dir.resolve("classes.jsa.record"), UserCache.recordOf(file));
    }

    /** The checksum is of what was copied, in the record's form. */
    @Test
    void theChecksumIsACrc32OfTheBytes() throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        byte[] bytes = "123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        // CRC-32's check value for "123456789"
        assertEquals("cbf43926", UserCache.crc32(new java.io.ByteArrayInputStream(bytes), out));
        assertEquals("123456789", out.toString(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
