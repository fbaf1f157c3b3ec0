package dev.migrationguard.install;

import dev.migrationguard.model.CannotJudge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HookInstallerTest {
    @TempDir
    Path dir;

    private final Path jar = Path.of("/opt/tools/migration guard's.jar");
    private final Path java = Path.of("/usr/lib/jvm/17/bin/java");

    @Test
    void theInstalledScriptIsTheBundledOneWithTheMarkerAndTheRecordedPaths() {
        String template = HookInstaller.template();
        String script = HookInstaller.script(template, jar, java, false);
        assertTrue(script.startsWith("#!/bin/sh\n" + HookInstaller.MARKER + "\n"), script);
        assertTrue(script.contains("\ninstalled_jar='/opt/tools/migration guard'\\''s.jar'\n"), script);
        assertTrue(script.contains("\ninstalled_java='/usr/lib/jvm/17/bin/java'\n"), script);
        assertTrue(script.contains("check --staged") && script.contains("--no-verify"), script);
        assertThrows(IllegalStateException.class, () -> HookInstaller.script("#!/bin/sh\necho\n", jar, java, false));
    }

    @Test
    void anExistingHookIsChainedAndComesBackByteForByteWithItsMode() throws Exception {
        Path hooks = Files.createDirectories(dir.resolve("hooks"));
        byte[] original = "#!/bin/sh\r\necho 'lint' \u00e9\nexit 0\n".getBytes(StandardCharsets.UTF_8);
        Path hook = hooks.resolve("pre-commit");
        Files.write(hook, original);
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-x---"));
        Files.setLastModifiedTime(hook, FileTime.fromMillis(1_000_000_000_000L));

        var first = HookInstaller.install(hooks, jar, java);
        assertTrue(first.changed() && first.message().contains("runs first"), first.message());
        assertArrayEquals(original, Files.readAllBytes(hooks.resolve(HookInstaller.ORIGINAL)));
        assertTrue(Files.readString(hook).contains(HookInstaller.MARKER));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(hook)));

        byte[] installed = Files.readAllBytes(hook);
        FileTime installedAt = Files.getLastModifiedTime(hook);
        var second = HookInstaller.install(hooks, jar, java);
        assertFalse(second.changed(), second.message());
        assertArrayEquals(installed, Files.readAllBytes(hook));
        assertEquals(installedAt, Files.getLastModifiedTime(hook));
        assertArrayEquals(original, Files.readAllBytes(hooks.resolve(HookInstaller.ORIGINAL)));

        var removed = HookInstaller.uninstall(hooks);
        assertTrue(removed.changed(), removed.message());
        assertArrayEquals(original, Files.readAllBytes(hook));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(hook)));
        assertEquals(FileTime.fromMillis(1_000_000_000_000L), Files.getLastModifiedTime(hook));
        assertFalse(Files.exists(hooks.resolve(HookInstaller.ORIGINAL)));
        assertFalse(HookInstaller.uninstall(hooks).changed());
        assertArrayEquals(original, Files.readAllBytes(hook));
    }

    @Test
    void aNewJarUpdatesTheScriptButKeepsTheChainedHook() throws Exception {
        Path hooks = Files.createDirectories(dir.resolve("hooks"));
        Files.writeString(hooks.resolve("pre-commit"), "#!/bin/sh\nexit 0\n");
        HookInstaller.install(hooks, jar, java);
        var moved = HookInstaller.install(hooks, Path.of("/new/place.jar"), java);
        assertTrue(moved.changed() && moved.message().startsWith("updated"), moved.message());
        assertTrue(Files.readString(hooks.resolve("pre-commit")).contains("installed_jar='/new/place.jar'"));
        assertEquals("#!/bin/sh\nexit 0\n", Files.readString(hooks.resolve(HookInstaller.ORIGINAL)));
        HookInstaller.uninstall(hooks);
        assertEquals("#!/bin/sh\nexit 0\n", Files.readString(hooks.resolve("pre-commit")));
    }

    @Test
    void aFolderItCreatedGoesAwayAgainAndAFolderThatWasThereStays() throws Exception {
        Path husky = dir.resolve(".husky");
        HookInstaller.install(husky, jar, java);
        assertTrue(Files.isRegularFile(husky.resolve("pre-commit")));
        assertTrue(HookInstaller.install(husky, jar, java).message().contains("nothing changed"));
        HookInstaller.uninstall(husky);
        assertFalse(Files.exists(husky));

        Path hooks = Files.createDirectories(dir.resolve("hooks"));
        HookInstaller.install(hooks, jar, java);
        HookInstaller.uninstall(hooks);
        assertTrue(Files.isDirectory(hooks));
        try (var left = Files.list(hooks)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aSymlinkedHookIsChainedAsALinkAndRestoredAsALink() throws Exception {
        Path hooks = Files.createDirectories(dir.resolve("hooks"));
        Path target = Files.writeString(dir.resolve("shared-hook.sh"), "#!/bin/sh\nexit 0\n");
        Files.createSymbolicLink(hooks.resolve("pre-commit"), target);
        HookInstaller.install(hooks, jar, java);
        assertTrue(Files.isSymbolicLink(hooks.resolve(HookInstaller.ORIGINAL)));
        HookInstaller.uninstall(hooks);
        assertTrue(Files.isSymbolicLink(hooks.resolve("pre-commit")));
        assertEquals(target, Files.readSymbolicLink(hooks.resolve("pre-commit")));
    }

    @Test
    void refusesToGuessWhenSomethingReplacedTheInstalledHook() throws Exception {
        Path hooks = Files.createDirectories(dir.resolve("hooks"));
        Files.writeString(hooks.resolve("pre-commit"), "#!/bin/sh\necho mine\n");
        HookInstaller.install(hooks, jar, java);
        Files.writeString(hooks.resolve("pre-commit"), "#!/bin/sh\necho a tool rewrote me\n");
        var install = assertThrows(CannotJudge.class, () -> HookInstaller.install(hooks, jar, java));
        assertTrue(install.getMessage().contains(HookInstaller.ORIGINAL), install.getMessage());
        var uninstall = assertThrows(CannotJudge.class, () -> HookInstaller.uninstall(hooks));
        assertTrue(uninstall.getMessage().contains("by hand"), uninstall.getMessage());
        assertEquals("#!/bin/sh\necho a tool rewrote me\n", Files.readString(hooks.resolve("pre-commit")));
        assertEquals("#!/bin/sh\necho mine\n", Files.readString(hooks.resolve(HookInstaller.ORIGINAL)));
        Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThrows(CannotJudge.class, () -> HookInstaller.install(dir.resolve("not-a-folder"), jar, java));
        assertFalse(Files.exists(dir.resolve("not-a-folder").resolve("pre-commit"), LinkOption.NOFOLLOW_LINKS));
    }
}
