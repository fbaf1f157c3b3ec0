package dev.migrationguard.typescript;

import com.caoccao.javet.swc4j.Swc4jLibLoader;
import com.caoccao.javet.swc4j.interfaces.ISwc4jLibLoadingListener;
import dev.migrationguard.files.UserCache;
import dev.migrationguard.model.CannotJudge;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes SWC's native library loadable. swc4j by default unpacks its 18 MB library into a new temporary folder per
 * process; this unpacks it once into the user's cache (atomically, so concurrent runs never load a half-written file,
 * with its size and SHA-256 recorded beside it, so a truncated copy is replaced instead of crashing the JVM) and points
 * swc4j there, so only the first run pays for the copy. Without a usable cache it falls back to a private copy.
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
     * The library's resource name for this platform; throws {@link CannotJudge} on a platform the jar has no
     * library for. Checked before swc4j is touched, so a refusal leaves the parser loadable once the platform is right.
     */
    static String libraryFile() {
        String[] osAndArch = platform.get();
        String file = libraryFileName(osAndArch[0], osAndArch[1]);
        if (file != null && file.equals(supported)) return file;
        if (file == null || SwcNative.class.getResource("/" + file) == null) {
            throw new CannotJudge("this change has TypeScript files, but the TypeScript parser's native "
                    + "library is not available for " + osAndArch[0] + " " + osAndArch[1]
                    + " (migration-guard ships it for " + SHIPPED + ")");
        }
        supported = file;
        return file;
    }

    /**
     * Prepares the library for swc4j's loader: the verified copy in the user's cache, else a private temporary copy.
     * Throws {@link CannotJudge} on an unsupported platform, or when neither copy can be written.
     */
    static void prepare() {
        String file = libraryFile();
        Path folder = cached(file).orElseGet(() -> privateCopy(file));
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

    /**
     * The cache's copy of the library, unpacked and recorded when it is missing or does not match its record; empty
     * when there is no cache folder or it cannot take the file (read-only, full).
     */
    private static Optional<Path> cached(String file) {
        Optional<Path> cache = UserCache.folder();
        if (cache.isEmpty()) return Optional.empty();
        Path folder = cache.get().resolve("swc4j-" + VERSION);
        Path target = folder.resolve(file);
        if (UserCache.intact(target)) return Optional.of(folder);
        try {
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, file, ".part");
            try {
                String crc32 = copy(file, partial);
                UserCache.move(partial, target);
                UserCache.seal(target, crc32, null);
            } finally {
                Files.deleteIfExists(partial);
            }
            return Optional.of(folder);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A copy for this process only, in a new temporary folder removed when the JVM exits. */
    private static Path privateCopy(String file) {
        try {
            Path folder = Files.createTempDirectory("migration-guard-swc4j-");
            folder.toFile().deleteOnExit();
            Path target = folder.resolve(file);
            target.toFile().deleteOnExit();
            copy(file, target);
            return folder;
        } catch (IOException | RuntimeException e) {
            throw new CannotJudge("could not unpack the TypeScript parser's native library (18 MB) into the "
                    + "cache folder (" + UserCache.folder().map(Path::toString).orElse("none: no home folder")
                    + ") nor into a temporary folder: " + e.getMessage(), e);
        }
    }

    /** Copies the library out of the jar into {@code target}; returns its SHA-256. */
    /** Unpacks the library to {@code target}; returns its CRC-32 for the record. */
    private static String copy(String file, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            return UserCache.crc32(SwcNative.class.getResourceAsStream("/" + file), out);
        }
    }
}
