package dev.migrationguard.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SocketFolderTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFolderIsMadeForTheOwnerAlone() throws Exception {
        Path folder = SocketFolder.open(dir.resolve("s"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        assertEquals(folder, SocketFolder.open(folder));
    }

    @Test
    void aFolderOthersCanReadIsRefused() throws Exception {
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-x---"));
        var refused = assertThrows(SocketFolder.Refused.class, () -> SocketFolder.open(open));
        assertTrue(refused.getMessage().contains("is open to others (rwxr-x---)"), refused.getMessage());
    }

    @Test
    void aLinkOrAFileIsRefused() throws Exception {
        Path real = SocketFolder.open(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        assertTrue(assertThrows(SocketFolder.Refused.class, () -> SocketFolder.open(link)).getMessage()
                .contains("is not a folder"));
        Path file = Files.writeString(dir.resolve("file"), "");
        assertThrows(SocketFolder.Refused.class, () -> SocketFolder.open(file));
    }

    @Test
    void aFolderOfAnotherUserIsRefused() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a folder away");
        Path theirs = Files.createDirectory(dir.resolve("theirs"));
        Files.setPosixFilePermissions(theirs, PosixFilePermissions.fromString("rwx------"));
        Files.setAttribute(theirs, "unix:uid", 65534);
        var refused = assertThrows(SocketFolder.Refused.class, () -> SocketFolder.open(theirs));
        assertTrue(refused.getMessage().contains("not to root"), refused.getMessage());
    }

    @Test
    void itsPlaceComesFromTheUsersRuntimeFolderElseTmp() {
        assertEquals(dir.resolve("migration-guard"), SocketFolder.location(Map.of("XDG_RUNTIME_DIR", dir.toString())));
        String user = System.getProperty("user.name").replaceAll("[^A-Za-z0-9._-]", "_");
        assertEquals(Path.of("/tmp/migration-guard-" + user), SocketFolder.location(Map.of("XDG_RUNTIME_DIR", "rel")));
        assertEquals(Path.of("/tmp/migration-guard-" + user), SocketFolder.location(Map.of()));
    }
}
