package dev.migrationguard.daemon;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The folder that holds the resident checker's socket: the user's own, readable by nobody else. A Unix-domain socket
 * checks no password; whoever can reach it can ask the checker to read their repository with this user's rights and
 * read its answer, so the folder alone keeps others out. Its place comes from the user's environment and the JVM,
 * never from a repository: {@code $XDG_RUNTIME_DIR/migration-guard}, else {@code /tmp/migration-guard-<user>} (the
 * hook's Perl client finds it the same way; Java's temporary folder on Windows).
 */
public final class SocketFolder {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private SocketFolder() {
    }

    /** Why the folder cannot be used, in words for one line on stderr. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** Where the folder is for this user; {@code env} is the process's environment. */
    public static Path location(Map<String, String> env) {
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Path.of(runtime).isAbsolute() && Files.isDirectory(Path.of(runtime))) {
            return Path.of(runtime, "migration-guard");
        }
        StringBuilder user = new StringBuilder(System.getProperty("user.name", ""));
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
            if (!plain) user.setCharAt(i, '_');
        }
        String tmp = File.separatorChar == '\\' ? System.getProperty("java.io.tmpdir") : "/tmp";
        return Path.of(tmp, "migration-guard-".concat(user.toString()));
    }

    /**
     * The folder at {@code location}, made owner-only when missing; refused when it is a link, not a folder, owned by
     * someone else or open to the group or others (someone may have made it first to read the answers).
     */
    public static Path open(Path location) throws Refused {
        try {
            try {
                Files.createDirectory(location, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                // a umask may have taken away the owner's bits: the mode above only ever narrows
                Files.setPosixFilePermissions(location, OWNER_ONLY);
            } catch (FileAlreadyExistsException e) {
                // judged below like any folder found there
            }
            PosixFileAttributeView view = Files.getFileAttributeView(location, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (view == null) throw new Refused("the file system of " + location + " has no owners and modes");
            PosixFileAttributes attributes = view.readAttributes();
            if (!attributes.isDirectory()) throw new Refused(location + " is not a folder");
            UserPrincipal me = currentUser(location).orElseThrow(
                    () -> new Refused("cannot tell which user this is, to check the owner of " + location));
            if (!attributes.owner().equals(me)) {
                throw new Refused(location + " belongs to " + attributes.owner().getName() + ", not to "
                        + me.getName());
            }
            if (!attributes.permissions().equals(OWNER_ONLY)) {
                throw new Refused(location + " is open to others (" + PosixFilePermissions.toString(
                        attributes.permissions()) + "); it must be rwx------");
            }
            return location;
        } catch (IOException | UnsupportedOperationException e) {
            throw new Refused("cannot use " + location + ": " + e);
        }
    }

    private static Optional<UserPrincipal> currentUser(Path location) {
        try {
            return Optional.of(location.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
