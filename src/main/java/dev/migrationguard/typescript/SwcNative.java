package dev.migrationguard.typescript;

import com.caoccao.javet.swc4j.Swc4jLibLoader;
import com.caoccao.javet.swc4j.interfaces.ISwc4jLibLoadingListener;
import dev.migrationguard.config.UserCache;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Makes SWC's native library loadable. swc4j by default unpacks its 18 MB library into a new temporary folder per
 * process; this unpacks it once into the user's cache (atomically, so concurrent runs never load a half-written file)
 * and points swc4j there, so only the first run pays for the copy.
 */
final class SwcNative {
    /** The platform as the JVM names it; tests replace it to play a machine migration-guard ships no library for. */
    static volatile Supplier<String[]> platform = () -> new String[]{System.getProperty("os.name", ""),
            System.getProperty("os.arch", "")};
    static final String VERSION = "2.0.0";
    /** The platforms whose native library is published for this swc4j version, and so shipped in the jar. */
    static final String SHIPPED = "Linux x86_64 and macOS arm64";

    private SwcNative() {
    }

    /** The platform last found to have its library in the jar: the check then costs one comparison per file. */
    private static volatile String supported;

    /**
     * The library's resource name for this platform; throws {@link TypeScriptUnavailable} on a platform the jar has no
     * library for. Checked before swc4j is touched, so a refusal leaves the parser loadable once the platform is right.
     */
    static String libraryFile() {
        String[] osAndArch = platform.get();
        String file = libraryFileName(osAndArch[0], osAndArch[1]);
        if (file != null && file.equals(supported)) return file;
        if (file == null || SwcNative.class.getResource("/" + file) == null) {
            throw new TypeScriptUnavailable("this change has TypeScript files, but the TypeScript parser's native "
                    + "library is not available for " + osAndArch[0] + " " + osAndArch[1]
                    + " (migration-guard ships it for " + SHIPPED + ")");
        }
        supported = file;
        return file;
    }

    /** Prepares the library for swc4j's loader; throws {@link TypeScriptUnavailable} on an unsupported platform. */
    static void prepare() {
        Path folder = unpack(libraryFile());
        Swc4jLibLoader.setLibLoadingListener(new ISwc4jLibLoadingListener() {
            @Override
            public File getLibPath() {
                return folder.toFile();
            }

            @Override
            public boolean isDeploy() {
                return false;
            }
        });
    }

    /** swc4j's resource name for a platform, or null for a platform it has no library for. */
    static String libraryFileName(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        String osPart;
        String ext;
        if (os.startsWith("linux")) {
            osPart = "linux";
            ext = "so";
        } else if (os.startsWith("mac")) {
            osPart = "macos";
            ext = "dylib";
        } else if (os.startsWith("windows")) {
            osPart = "windows";
            ext = "dll";
        } else {
            return null;
        }
        String archPart = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> null;
        };
        if (archPart == null) return null;
        return "libswc4j-" + osPart + "-" + archPart + ".v." + VERSION + "." + ext;
    }

    private static Path unpack(String file) {
        try {
            Path folder = UserCache.folder().resolve("swc4j-" + VERSION);
            Files.createDirectories(folder);
            Path target = folder.resolve(file);
            // Only a complete copy is ever moved into place, and the folder is per version: present means usable.
            // (Sizing the resource instead would open the 25 MB jar once more on every run.)
            if (Files.isRegularFile(target) && Files.size(target) > 0) return folder;
            Path partial = Files.createTempFile(folder, file, ".part");
            try (InputStream in = SwcNative.class.getResourceAsStream("/" + file)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                try {
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
            return folder;
        } catch (IOException | RuntimeException e) {
            throw new TypeScriptUnavailable("could not unpack the TypeScript parser's native library into "
                    + UserCache.folder() + ": " + e.getMessage(), e);
        }
    }
}
