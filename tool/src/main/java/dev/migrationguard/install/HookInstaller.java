package dev.migrationguard.install;

import dev.migrationguard.model.CannotJudge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Puts the pre-commit hook of {@code hooks/pre-commit} into a hooks folder and takes it out again. A hook already there
 * is never overwritten: it is renamed to {@code pre-commit.migration-guard-original} (a rename keeps its bytes and mode
 * bits) and the installed script runs it first, so its exit code still counts; uninstall renames it back. The installed
 * script carries a marker line, which is how both directions recognise it; installing again with the same jar and Java
 * writes nothing.
 */
public final class HookInstaller {
    public static final String HOOK = "pre-commit";
    public static final String ORIGINAL = HOOK + ".migration-guard-original";
    static final String MARKER = "# installed by: migration-guard install";
    static final String CREATED_FOLDER = "# migration-guard install created this folder: uninstall removes it when empty";
    private static final String TEMPLATE_RESOURCE = "/hooks/pre-commit";

    private HookInstaller() {
    }

    /** What a run did, in one sentence for the person who asked, and whether anything on disk changed. */
    public record Outcome(String message, boolean changed) {
    }

    public static Outcome install(Path folder, Path jar, Path java) {
        Path hook = folder.resolve(HOOK);
        Path original = folder.resolve(ORIGINAL);
        try {
            if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder)) {
                throw new CannotJudge("the hooks folder " + folder + " is not a folder");
            }
            if (isOurs(hook)) {
                String current = Files.readString(hook, StandardCharsets.UTF_8);
                String wanted = script(template(), jar, java, current.contains(CREATED_FOLDER));
                if (current.equals(wanted)) {
                    return new Outcome("migration-guard's pre-commit hook is already installed in " + hook
                            + "; nothing changed.", false);
                }
                Files.writeString(hook, wanted, StandardCharsets.UTF_8);
                return new Outcome("updated migration-guard's pre-commit hook in " + hook + " (jar: " + jar + ").", true);
            }
            if (Files.exists(original, LinkOption.NOFOLLOW_LINKS)) {
                throw new CannotJudge(original + " already holds a hook kept by an earlier install, but " + hook
                        + " is not migration-guard's (something replaced it). Decide which one to keep, move the other "
                        + "away, then run install again.");
            }
            boolean createdFolder = !Files.isDirectory(folder);
            Files.createDirectories(folder);
            boolean chained = Files.exists(hook, LinkOption.NOFOLLOW_LINKS);
            if (chained) Files.move(hook, original);
            Files.writeString(hook, script(template(), jar, java, createdFolder), StandardCharsets.UTF_8);
            makeExecutable(hook);
            return new Outcome("installed migration-guard's pre-commit hook in " + hook + " (jar: " + jar + ")"
                    + (chained ? "; the hook that was there runs first, kept as " + original : "") + ".", true);
        } catch (IOException e) {
            throw new CannotJudge("cannot install the hook in " + folder + ": " + e);
        }
    }

    public static Outcome uninstall(Path folder) {
        Path hook = folder.resolve(HOOK);
        Path original = folder.resolve(ORIGINAL);
        try {
            if (!isOurs(hook)) {
                if (Files.exists(original, LinkOption.NOFOLLOW_LINKS)) {
                    throw new CannotJudge(hook + " is not migration-guard's hook (something replaced it), yet " + original
                            + " is still there; put back by hand whichever of the two you want as " + hook + ".");
                }
                return new Outcome("no migration-guard hook in " + folder + "; nothing changed.", false);
            }
            boolean createdFolder = Files.readString(hook, StandardCharsets.UTF_8).contains(CREATED_FOLDER);
            Files.delete(hook);
            boolean restored = Files.exists(original, LinkOption.NOFOLLOW_LINKS);
            if (restored) Files.move(original, hook);
            if (createdFolder && isEmpty(folder)) Files.delete(folder);
            return new Outcome("removed migration-guard's pre-commit hook from " + folder
                    + (restored ? "; the hook that was there before is back in place" : "") + ".", true);
        } catch (IOException e) {
            throw new CannotJudge("cannot uninstall the hook in " + folder + ": " + e);
        }
    }

    /** The script as installed: the template with the marker, and the jar and Java recorded as last resorts. */
    static String script(String template, Path jar, Path java, boolean createdFolder) {
        String jarLine = "installed_jar=''\n";
        String javaLine = "installed_java=''\n";
        int firstNewline = template.indexOf('\n');
        if (!template.startsWith("#!") || !template.contains(jarLine) || !template.contains(javaLine)) {
            throw new IllegalStateException("the bundled hook script lacks its shebang or its installed_jar/"
                    + "installed_java lines");
        }
        String header = template.substring(0, firstNewline + 1) + MARKER + "\n"
                + (createdFolder ? CREATED_FOLDER + "\n" : "");
        return header + template.substring(firstNewline + 1)
                .replace(jarLine, "installed_jar=" + shellQuote(jar.toString()) + "\n")
                .replace(javaLine, "installed_java=" + shellQuote(java.toString()) + "\n");
    }

    static String template() {
        try (InputStream in = HookInstaller.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
            if (in == null) throw new IllegalStateException("the hook script " + TEMPLATE_RESOURCE + " is not bundled");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static boolean isOurs(Path hook) throws IOException {
        return Files.isRegularFile(hook, LinkOption.NOFOLLOW_LINKS)
                && Files.readString(hook, StandardCharsets.ISO_8859_1).contains(MARKER);
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            if (!file.toFile().setExecutable(true)) throw new IOException("cannot make " + file + " executable");
        }
    }
}
