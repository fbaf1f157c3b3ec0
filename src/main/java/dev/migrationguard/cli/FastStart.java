package dev.migrationguard.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts {@code check} in a JVM tuned for a short run. A pre-commit check lives about half a second: the default JIT
 * spends more CPU compiling than the check spends running, and loading 3,000 classes from the jar costs more than
 * mapping them from a class-data-sharing archive. So {@code java -jar} re-runs itself once with the client compiler,
 * the serial collector and an archive of this jar's classes kept in the user's cache folder (made by the first run;
 * the JVM checks it against the jar and the JDK and ignores a stale one). Nothing is written next to the repository.
 * Set {@code MIGRATION_GUARD_FAST_START=0} to run in one JVM.
 */
final class FastStart {
    static final String CHILD_PROPERTY = "migration-guard.child";
    /** Set in the run that writes the archive: it then loads the classes its own change did not need (see below). */
    static final String ARCHIVING_PROPERTY = "migration-guard.archiving";
    /**
     * The classes every kind of change may need: the first run after an install may be a Java commit, and the archive
     * it writes is used for every later one, TypeScript commits included.
     */
    private static final List<String> ARCHIVED_PACKAGES = List.of("dev/migrationguard/", "com/caoccao/javet/swc4j/",
            "net/sf/jsqlparser/");

    private FastStart() {
    }

    /** The exit code of the tuned JVM, or empty when the run should go on in this one. */
    static Optional<Integer> relaunch(String[] args) {
        if (args.length == 0 || !args[0].equals("check")) return Optional.empty();
        if (System.getProperty(CHILD_PROPERTY) != null || "0".equals(System.getenv("MIGRATION_GUARD_FAST_START"))) {
            return Optional.empty();
        }
        Optional<Path> jar = ownJar();
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        if (jar.isEmpty() || !Files.isExecutable(java)) return Optional.empty();
        Optional<Path> archive = archive(jar.get());
        Path creating = null;
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xshare:auto", "-Xlog:disable", "-Xlog:all=off", "-D" + CHILD_PROPERTY + "=1"));
        if (archive.isPresent()) {
            if (Files.isRegularFile(archive.get())) {
                command.add("-XX:SharedArchiveFile=" + archive.get());
            } else {
                creating = archive.get().resolveSibling(archive.get().getFileName() + "." + ProcessHandle.current().pid());
                command.add("-XX:ArchiveClassesAtExit=" + creating);
                command.add("-D" + ARCHIVING_PROPERTY + "=1");
            }
        }
        // Keep the user's class path (java -cp migration-guard.jar:their-jdbc-driver.jar): the jar comes first, so the
        // archive made for it still applies.
        command.addAll(List.of("-cp", classPath(jar.get()), Main.class.getName()));
        command.addAll(List.of(args));
        try {
            Process child = new ProcessBuilder(command).inheritIO().start();
            int code = waitFor(child);
            if (creating != null) publish(creating, archive.get());
            return Optional.of(code);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** This JVM's class path when it starts with the jar (the child runs in the same folder), else the jar alone. */
    static String classPath(Path jar) {
        String classPath = System.getProperty("java.class.path", "");
        String first = classPath.split(java.util.regex.Pattern.quote(File.pathSeparator), -1)[0];
        try {
            if (!first.isEmpty() && Path.of(first).toAbsolutePath().normalize()
                    .equals(jar.toAbsolutePath().normalize())) {
                return classPath;
            }
        } catch (java.nio.file.InvalidPathException e) {
            // not a path this JVM can read back: run the jar alone
        }
        return jar.toString();
    }

    /**
     * In the run that writes the archive, after its work: loads (without initialising, so no native library and no
     * static state) every class of this tool, of swc4j and of the SQL parser, so the archive covers whatever the next commits touch.
     */
    static void completeArchive() {
        if (System.getProperty(ARCHIVING_PROPERTY) == null) return;
        Optional<Path> jar = ownJar();
        if (jar.isEmpty()) return;
        ClassLoader loader = Main.class.getClassLoader();
        try (var zip = new java.util.zip.ZipFile(jar.get().toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (!name.endsWith(".class") || name.contains("-") || ARCHIVED_PACKAGES.stream().noneMatch(name::startsWith)) {
                    continue;
                }
                try {
                    Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    // a class needing an optional library: leaving it out of the archive only costs a load later
                }
            }
        } catch (IOException e) {
            // the archive simply covers what this run used
        }
    }

    private static int waitFor(Process child) {
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                child.destroy();
            }
        }
    }

    /** Moves a finished archive into place atomically, so a concurrent run never maps a half-written one. */
    private static void publish(Path creating, Path archive) {
        try {
            if (Files.isRegularFile(creating) && Files.size(creating) > 0) {
                try {
                    Files.move(creating, archive, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(creating, archive, StandardCopyOption.REPLACE_EXISTING);
                }
                removeStale(archive);
            }
        } catch (IOException e) {
            // another run published it first, or the cache is read-only: the next run tries again
        } finally {
            try {
                Files.deleteIfExists(creating);
            } catch (IOException ignored) {
                // a leftover temporary file in the cache folder is harmless
            }
        }
    }

    /** Archives of earlier builds of the same jar are never used again: keep the cache to one per jar. */
    private static void removeStale(Path archive) throws IOException {
        String name = archive.getFileName().toString();
        String[] parts = name.split("-");
        if (parts.length < 4) return;
        String samePath = "-" + parts[3] + "-";
        try (var files = Files.list(archive.getParent())) {
            for (Path p : files.toList()) {
                String other = p.getFileName().toString();
                if (!other.equals(name) && other.startsWith("classes-") && other.endsWith(".jsa")
                        && other.contains(samePath)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The jar this JVM runs from, or empty when it runs from classes (tests, an IDE). */
    static Optional<Path> ownJar() {
        try {
            var source = Main.class.getProtectionDomain().getCodeSource();
            if (source == null) return Optional.empty();
            Path path = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? Optional.of(path) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** One archive per jar build and JDK, in the user's cache folder; empty when there is no usable cache folder. */
    static Optional<Path> archive(Path jar) {
        try {
            Optional<Path> folder = dev.migrationguard.config.UserCache.folder();
            if (folder.isEmpty()) return Optional.empty();
            Path cache = folder.get();
            Files.createDirectories(cache);
            if (!Files.isWritable(cache)) return Optional.empty();
            String key = Long.toHexString(Files.size(jar)) + "-" + Long.toHexString(Files.getLastModifiedTime(jar).toMillis())
                    + "-" + Integer.toHexString(jar.toAbsolutePath().toString().hashCode()) + "-java"
                    + System.getProperty("java.version").replaceAll("[^0-9A-Za-z.]", "_");
            return Optional.of(cache.resolve("classes-" + key + ".jsa"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isWindows() {
        return File.separatorChar == '\\';
    }
}
