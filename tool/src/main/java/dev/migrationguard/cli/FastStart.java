package dev.migrationguard.cli;

import dev.migrationguard.files.UserCache;
import dev.migrationguard.typescript.NativeCrashes;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the commands that read sources in a second JVM, tuned for a short run and supervised by this one. A pre-commit
 * check lives about half a second: the default JIT spends more CPU compiling than the check spends running, and
 * loading 3,000 classes from the jar costs more than mapping them from a class-data-sharing archive. So
 * {@code java -jar} re-runs itself once with the client compiler, the serial collector and an archive of this jar's
 * classes kept in the user's cache folder (see {@link ClassArchive}).
 *
 * <p>Supervising also survives what no code inside a JVM can: the native TypeScript parser crashing it. The child
 * writes its report and messages into files of a private temporary folder and its exit code last; a child that died
 * instead left a breadcrumb naming the file it was parsing, and is started again with that file listed as crashed (a
 * parse-error finding), until a run completes. Only a completed run's output reaches stdout and stderr, so a report
 * is one whole document, and what the JVM itself prints (a crash banner, a failed archive dump) never mixes into it.
 * Nothing is written next to the repository: the JVM's crash log goes to the private folder too. Set
 * {@code MIGRATION_GUARD_FAST_START=0} to run in one JVM.
 */
final class FastStart {
    /** Set in the child: the parent's private folder, where the child's output, status and breadcrumbs go. */
    /** The file a child creates once its command line is built (see {@link #started()}). */
    private static final String STARTED = "started";
    /** How long a child that maps the class archive may take to start; a normal start takes well under a second. */
    static final long START_LIMIT_MILLIS = 10_000;
    static final String CHILD_PROPERTY = "migration-guard.child";
    /** Set in the run that writes the archive: it then loads the classes its own change did not need (see below). */
    static final String ARCHIVING_PROPERTY = "migration-guard.archiving";
    /** Set in the child when the parent's stdout is a terminal, since the child's stdout is a file. */
    static final String TERMINAL_PROPERTY = "migration-guard.terminal";
    /** The commands that read sources, and so may meet a file the native TypeScript parser crashes on. */
    private static final Set<String> COMMANDS = Set.of("check", "lint", "baseline", "lock");
    /**
     * The child's heap bound when the user sets none: a lint of hibernate-orm (17,600 Java files, 5,800 of them mapped)
     * peaks at about 280 MB of live heap; bench/lint-bench.sh's 2,000 entities and 5,000 migrations at about 65 MB.
     */
    static final long DEFAULT_HEAP_MEGABYTES = 512;
    /** Each crash costs a JVM start; a run that crashes on this many files has a problem no retry will fix. */
    private static final int MAX_CRASHES = 20;
    /** How -XX:+ExitOnOutOfMemoryError says why it stopped the JVM. */
    private static final String OUT_OF_MEMORY = "OutOfMemoryError:";
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
        if (args.length == 0 || !COMMANDS.contains(args[0])) return Optional.empty();
        if (System.getProperty(CHILD_PROPERTY) != null || "0".equals(System.getenv("MIGRATION_GUARD_FAST_START"))) {
            return Optional.empty();
        }
        Optional<Path> jar = ownJar();
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        if (jar.isEmpty() || !Files.isExecutable(java)) return Optional.empty();
        Path work;
        try {
            work = privateFolder();
            Files.createDirectory(work.resolve("tmp"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        Supervisor supervisor = new Supervisor(args, jar.get(), java, work);
        Thread cleanup = new Thread("migration-guard-cleanup") {
            @Override
            public void run() {
                supervisor.stop();
            }
        };
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            return supervisor.supervise();
        } finally {
            supervisor.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // already shutting down: the hook does the same
            }
        }
    }

    /**
     * A new folder in the temporary folder, owner-only on POSIX: the child's report and the breadcrumbs are the user's
     * business. Not Files.createTempDirectory, whose random name loads the security providers (tens of milliseconds
     * on a commit that takes a few hundred). Creating fails on a name that exists, so the folder is always a new one.
     */
    private static Path privateFolder() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        FileAttribute<?>[] ownerOnly = isWindows() ? new FileAttribute<?>[0] : new FileAttribute<?>[]{
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))};
        long pid = ProcessHandle.current().pid();
        for (int attempt = 0; ; attempt++) {
            try {
                String name = text("migration-guard-", pid, "-", Long.toHexString(System.nanoTime()));
                return Files.createDirectory(tmp.resolve(name), ownerOnly);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 9) throw e;
            }
        }
    }

    /**
     * One supervised run: the attempts, and the private folder they share. Like all that runs before the tuned JVM
     * starts, it uses no lambda, stream or NIO channel: each kind costs this plain JVM milliseconds to set up.
     */
    private static final class Supervisor {
        private final String[] args;
        private final Path jar;
        private final Path java;
        private final Path work;
        private final List<String> crashed = new ArrayList<>();
        private volatile Process child;
        /** Set when the folder holds a crash log the user is told about. */
        private volatile boolean keep;

        Supervisor(String[] args, Path jar, Path java, Path work) {
            this.args = args;
            this.jar = jar;
            this.java = java;
            this.work = work;
        }

        Optional<Integer> supervise() {
            ClassArchive archive = ClassArchive.of(jar);
            while (true) {
                Attempt attempt;
                try {
                    attempt = attempt(archive);
                } catch (IOException e) {
                    archive.abandon();
                    return Optional.empty();
                }
                if (attempt.status() != null) {
                    forward();
                    if (attempt.exitCode() == attempt.status() && attempt.vmOutput().isEmpty()) archive.publish();
                    else archive.abandon();
                    return Optional.of(attempt.status());
                }
                archive.abandon();
                // -XX:+ExitOnOutOfMemoryError exits 3 at once, wherever the memory ran out, parsing included.
                int oom = attempt.vmOutput().indexOf(OUT_OF_MEMORY);
                if (attempt.exitCode() == ExitCodes.BUG && oom >= 0) {
                    String kind = attempt.vmOutput().substring(oom + OUT_OF_MEMORY.length()).split("\n", 2)[0];
                    System.err.println(Main.outOfMemory(kind.strip()));
                    return Optional.of(ExitCodes.BUG);
                }
                String crashedOn = attempt.exitCode() >= 128
                        ? NativeCrashes.readBreadcrumb(work.resolve("parsing")) : null;
                if (crashedOn != null && !crashed.contains(crashedOn) && crashed.size() < MAX_CRASHES) {
                    crashed.add(crashedOn);
                    continue;
                }
                if (archive.inUse()) {
                    // Mapping the archive is the one thing a fresh JVM does differently: try once without it.
                    archive.discard();
                    archive = ClassArchive.none(jar);
                    continue;
                }
                if (attempt.exitCode() < 128) return Optional.empty();
                return Optional.of(crashedUnexplained(attempt));
            }
        }

        /**
         * The child died by a signal, not while parsing: exit 3, pointing at the JVM's crash log when there is one
         * (the folder is then kept), else quoting the first line the JVM printed.
         */
        private int crashedUnexplained(Attempt attempt) {
            String detail = "";
            File[] files = work.toFile().listFiles();
            for (File f : files == null ? new File[0] : files) {
                if (f.getName().startsWith("hs_err")) detail = "; the JVM's crash log: " + f;
            }
            keep = !detail.isEmpty();
            if (!keep && !attempt.vmOutput().isEmpty()) {
                detail = "; it printed: " + attempt.vmOutput().split("\n", 2)[0];
            }
            System.err.println("migration-guard: internal error (a bug): the JVM running migration-guard crashed (exit "
                    + attempt.exitCode() + ")" + detail + ". Please report it; MIGRATION_GUARD_FAST_START=0 runs it in "
                    + "one JVM.");
            return ExitCodes.BUG;
        }

        private Attempt attempt(ClassArchive archive) throws IOException {
            Path breadcrumb = work.resolve("parsing");
            Path status = work.resolve("status");
            Files.deleteIfExists(breadcrumb);
            Files.deleteIfExists(status);
            // Native access for swc4j's parser: without it a JDK 22+ prints a warning when the parser loads, and the
            // run is then taken as one whose archive cannot be trusted (see supervise). Java 17 accepts the option too.
            List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-Xlog:disable", "-Xlog:all=off",
                    text("-Xmx", childHeapMegabytes(), "m"),
                    "-XX:+ExitOnOutOfMemoryError", text("-XX:ErrorFile=", work.resolve("hs_err_pid%p.log")),
                    "-XX:-CreateCoredumpOnCrash", text("-Djava.io.tmpdir=", work.resolve("tmp")),
                    text("-D", CHILD_PROPERTY, "=", work),
                    text("-D", NativeCrashes.BREADCRUMB_PROPERTY, "=", breadcrumb)));
            if (Colors.stdoutIsTerminal()) command.add("-D" + TERMINAL_PROPERTY + "=1");
            if (hugePagesOnRequest(THP_MODE)) command.add("-XX:+UseTransparentHugePages");
            if (!crashed.isEmpty()) {
                Path list = work.resolve("crashed");
                NativeCrashes.writeCrashed(list, crashed);
                command.add(text("-D", NativeCrashes.CRASHED_PROPERTY, "=", list));
            }
            command.addAll(archive.jvmOptions());
            // Keep the user's class path (java -cp migration-guard.jar:their-jdbc-driver.jar): the jar comes first, so
            // the archive made for it still applies.
            command.addAll(List.of("-cp", classPath(jar), Main.class.getName()));
            command.addAll(List.of(args));
            Path vmOut = work.resolve("vm-out");
            Path vmErr = work.resolve("vm-err");
            Path started = work.resolve(STARTED);
            Files.deleteIfExists(started);
            child = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(vmOut.toFile()).redirectError(vmErr.toFile()).start();
            int code = archive.inUse() ? waitForStart(child, started) : waitFor(child);
            StringBuilder vmOutput = new StringBuilder();
            for (String line : UserCache.read(vmOut).concat("\n").concat(UserCache.read(vmErr)).split("\n")) {
                // The JVM's notice of JAVA_TOOL_OPTIONS (set in many CI images) is no sign of trouble.
                if (line.isBlank() || line.startsWith("Picked up ")) continue;
                if (vmOutput.length() > 0) vmOutput.append('\n');
                vmOutput.append(line.strip());
            }
            Integer statusCode = null;
            if (Files.isRegularFile(status)) {
                try {
                    statusCode = Integer.valueOf(UserCache.read(status).strip());
                } catch (NumberFormatException e) {
                    // a status cut short: the child did not finish writing it
                }
            }
            return new Attempt(code, statusCode, vmOutput.toString());
        }

        /** Copies the completed child's output to this JVM's stdout and stderr, as bytes. */
        private void forward() {
            copy(work.resolve("out"), System.out);
            copy(work.resolve("err"), System.err);
        }

        private static void copy(Path file, PrintStream to) {
            try (InputStream in = new FileInputStream(file.toFile())) {
                in.transferTo(to);
            } catch (IOException e) {
                // the child wrote it a moment ago in our own folder: unreadable means there is nothing to show
            }
            to.flush();
        }

        /** Stops a child still running (this JVM is being killed); removes the folder unless it holds a crash log. */
        void stop() {
            Process p = child;
            if (p != null && p.isAlive()) p.destroyForcibly();
            if (!keep) delete(work.toFile());
        }

        /** Best effort: what cannot be deleted is left in a temporary folder the system cleans up eventually. */
        private static void delete(File file) {
            File[] children = file.listFiles();
            if (children != null) {
                for (File child : children) delete(child);
            }
            file.delete();
        }
    }

    /**
     * @param status   the exit code the child recorded when it completed, or null when it died first
     * @param vmOutput what the JVM itself printed (the child's own output goes to its files)
     */
    private record Attempt(int exitCode, Integer status, String vmOutput) {
    }

    /** The child's side: where its output goes and how it tells the parent it completed. */
    record Streams(PrintStream out, PrintStream err, Path work) {
        /** In the child, files of the parent's folder; else this JVM's stdout and stderr. */
        static Streams current() {
            String work = System.getProperty(CHILD_PROPERTY);
            if (work == null) return new Streams(System.out, System.err, null);
            try {
                Path folder = Path.of(work);
                var out = new PrintStream(new BufferedOutputStream(Files.newOutputStream(folder.resolve("out"))), false,
                        StandardCharsets.UTF_8);
                var err = new PrintStream(new BufferedOutputStream(Files.newOutputStream(folder.resolve("err"))), false,
                        StandardCharsets.UTF_8);
                System.setOut(out);
                System.setErr(err);
                return new Streams(out, err, folder);
            } catch (IOException | RuntimeException e) {
                // the parent then sees no status and runs the command itself
                return new Streams(System.out, System.err, null);
            }
        }

        /** Flushes the output, then records the exit code: a status file means the output is complete. */
        void finish(int code) {
            out.flush();
            err.flush();
            if (work == null) return;
            try {
                Path partial = work.resolve("status.part");
                Files.writeString(partial, Integer.toString(code), StandardCharsets.UTF_8);
                UserCache.move(partial, work.resolve("status"));
            } catch (IOException e) {
                // no status: the parent treats the run as not completed and runs it itself
            }
        }
    }

    /**
     * The parts one after the other. The parent JVM builds its strings with this, not with {@code +}: each new shape
     * of {@code +} makes a plain JVM spin method handles the first time, about half a millisecond apiece.
     */
    static String text(Object... parts) {
        StringBuilder b = new StringBuilder();
        for (Object part : parts) b.append(part);
        return b.toString();
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

    /**
     * Waits for a child that maps the class archive, but gives up on one that has not started its command within
     * {@link #START_LIMIT_MILLIS}: a damaged archive the size and time checks cannot see can make the JVM spin rather
     * than crash, and a pre-commit hook must never hang. The child is killed, as if it had crashed, and the run is tried
     * again without the archive, where nothing is timed.
     */
    private static int waitForStart(Process child, Path started) {
        long deadline = System.nanoTime() + START_LIMIT_MILLIS * 1_000_000L;
        while (true) {
            try {
                if (child.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS)) return child.exitValue();
            } catch (InterruptedException e) {
                child.destroy();
            }
            if (System.nanoTime() > deadline && !Files.exists(started)) {
                child.destroyForcibly();
                return waitFor(child);
            }
        }
    }

    /** In the child, once the command line is built: tells the parent the JVM and its archive work. */
    static void started() {
        String work = System.getProperty(CHILD_PROPERTY);
        if (work == null) return;
        try {
            Files.createFile(Path.of(work, STARTED));
        } catch (IOException | RuntimeException e) {
            // the parent then waits out its limit and runs without the archive: slower, never wrong
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

    /**
     * The child's heap: the launcher's own bound when the user gave one (as the out-of-memory message says to), else
     * that bound but at most {@link #DEFAULT_HEAP_MEGABYTES}. Without a bound the JVM takes a quarter of the machine's
     * memory, and a lint of a large repository grew into it (2.9 GB resident for hibernate-orm) where it needs little.
     * The resident checker gets the same bound: it answers for hours.
     */
    static long childHeapMegabytes() {
        return childHeapMegabytes(Runtime.getRuntime().maxMemory(), launcherCommandLine(),
                System.getenv("JAVA_TOOL_OPTIONS"), System.getenv("JDK_JAVA_OPTIONS"));
    }

    /**
     * {@link #childHeapMegabytes()} for a launcher.
     *
     * @param launcherMax the launcher's {@code Runtime.maxMemory()}
     * @param options     where a bound may be given: the launcher's command line, {@code JAVA_TOOL_OPTIONS},
     *                    {@code JDK_JAVA_OPTIONS} (null when unknown or unset)
     */
    static long childHeapMegabytes(long launcherMax, String... options) {
        long launcher = (launcherMax + (1 << 20) - 1) >> 20;
        for (String o : options) {
            if (o != null && (o.contains("-Xmx") || o.contains("-XX:MaxHeapSize") || o.contains("-XX:MaxRAM"))) {
                return launcher;
            }
        }
        return Math.min(launcher, DEFAULT_HEAP_MEGABYTES);
    }

    /** Where Linux says when it backs memory with 2 MB pages: always, never, or only where a process asks. */
    private static final File THP_MODE = new File("/sys/kernel/mm/transparent_hugepage/enabled");

    /**
     * Whether the system backs memory with 2 MB pages only where a process asks (Linux's default, {@code [madvise]}),
     * so that the child should ask for its heap. Each minor collection copies what survives into pages of the heap it
     * never touched before; with 4 kB pages every one of them is a page fault, and on a virtual machine a costly one: in a
     * lint of bench.sh's 2,000 entities and 5,000 migrations, page faults were a fifth of the collector's time (perf),
     * and its 13 pauses took 630 ms in all with 2 MB pages instead of 780 ms. With
     * {@code [always]} the JVM gets them without asking; with {@code [never]}, or where the file does not exist (not
     * Linux), the option would only make the JVM warn.
     */
    static boolean hugePagesOnRequest(File mode) {
        if (!mode.isFile()) return false;
        try (InputStream in = new FileInputStream(mode)) {
            return new String(in.readNBytes(256), StandardCharsets.US_ASCII).contains("[madvise]");
        } catch (IOException e) {
            return false;
        }
    }

    /** This JVM's command line, its words separated by NULs; null where /proc does not say (not Linux). */
    private static String launcherCommandLine() {
        File cmdline = new File("/proc/self/cmdline");
        if (!cmdline.isFile()) return null;
        try (InputStream in = new FileInputStream(cmdline)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isWindows() {
        return File.separatorChar == '\\';
    }
}
