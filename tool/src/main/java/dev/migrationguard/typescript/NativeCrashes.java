package dev.migrationguard.typescript;

import dev.migrationguard.files.UserCache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * What lets a run survive SWC crashing the JVM, which no Java code can catch: while it parses a file, a breadcrumb file
 * names it, so the process that started this JVM can tell which file killed it and start it again with that file on
 * a list of files not to parse. Both files live in that process's private temporary folder; without it (one JVM,
 * tests) the breadcrumb is not written and the list is empty.
 */
public final class NativeCrashes {
    /** System property: the file that names the file being parsed, empty between parses. */
    public static final String BREADCRUMB_PROPERTY = "migration-guard.typescript.breadcrumb";
    /** System property: a file listing the files earlier attempts crashed on (see {@link #writeCrashed}). */
    public static final String CRASHED_PROPERTY = "migration-guard.typescript.crashed";

    private static final Set<String> CRASHED = read(System.getProperty(CRASHED_PROPERTY));
    private static FileChannel breadcrumb;
    private static boolean breadcrumbFailed;

    private NativeCrashes() {
    }

    /** Whether an earlier attempt of this run crashed while parsing {@code path}. */
    static boolean crashedOn(String path) {
        return CRASHED.contains(path);
    }

    static TypeScript.SyntaxError crashError() {
        return new TypeScript.SyntaxError(1, 1, "the TypeScript parser (SWC, native code) crashed on this file, so "
                + "it was not checked (the other files were); review its changes by hand, and report the crash to "
                + "migration-guard with the smallest file that still causes it.");
    }

    /** Names {@code path} as the file being parsed; {@code null} clears the name. Best effort: never fails a parse. */
    static synchronized void leave(String path) {
        if (breadcrumbFailed) return;
        try {
            if (breadcrumb == null) {
                String file = System.getProperty(BREADCRUMB_PROPERTY);
                if (file == null) {
                    breadcrumbFailed = true;
                    return;
                }
                breadcrumb = FileChannel.open(Path.of(file), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            }
            breadcrumb.truncate(0);
            if (path != null) breadcrumb.write(ByteBuffer.wrap(path.getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException | RuntimeException e) {
            breadcrumbFailed = true;
        }
    }

    /** The file named by a breadcrumb, or null when it names none (the JVM died between parses, or never parsed). */
    public static String readBreadcrumb(Path file) {
        try {
            String name = UserCache.read(file);
            return name.isEmpty() ? null : name;
        } catch (IOException e) {
            return null;
        }
    }

    /** Writes the list for {@link #CRASHED_PROPERTY}: paths separated by NUL, the one character no path holds. */
    public static void writeCrashed(Path file, Collection<String> paths) throws IOException {
        Files.writeString(file, String.join("\0", paths), StandardCharsets.UTF_8);
    }

    private static Set<String> read(String file) {
        Set<String> paths = new HashSet<>();
        if (file == null) return paths;
        try {
            for (String path : Files.readString(Path.of(file), StandardCharsets.UTF_8).split("\0")) {
                if (!path.isEmpty()) paths.add(path);
            }
        } catch (IOException | RuntimeException e) {
            // no list: nothing crashed before
        }
        return paths;
    }
}
