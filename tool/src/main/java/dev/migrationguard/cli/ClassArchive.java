package dev.migrationguard.cli;

import dev.migrationguard.files.UserCache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The class-data-sharing archive of one jar build and JDK in the user's cache, as the tuned JVM uses it: mapped when
 * it matches the record written beside it (a truncated archive is a SIGBUS at startup, which no flag turns into a
 * warning), else written by this run when the cache can take it. An archive is published only after the JVM that
 * wrote it exited cleanly, so a dump cut short by a full disk is never used.
 *
 * <p>The Java runtime of the npm package (see {@code packaging/npm}) ships a JDK 25 AOT cache of the jar released with
 * it, trained at build time: it holds linked classes and profiles, so even the first run after an install starts fast.
 * It is used instead, never written or deleted: a JVM that finds it unusable (another jar) runs without it.
 */
final class ClassArchive {
    /** Needed free space, as a multiple of the jar's size (the archive is about 0.7 of it). */
    private static final int SPACE_FACTOR = 2;
    /** A temporary archive older than this was left by a run that died; no live run writes for so long. */
    private static final Duration ABANDONED = Duration.ofHours(1);
    private static final String RECORD = UserCache.recordOf(Path.of(".jsa")).toString();
    private static final String LEGACY_RECORD = ".jsa".concat(UserCache.LEGACY_RECORD_SUFFIX);

    private final Path jar;
    private final Path file;
    private final boolean create;
    private final Path creating;
    private final boolean shipped;

    private ClassArchive(Path jar, Path file, boolean create) {
        this(jar, file, create, false);
    }

    private ClassArchive(Path jar, Path file, boolean create, boolean shipped) {
        this.jar = jar;
        this.file = file;
        this.create = create;
        this.shipped = shipped;
        this.creating = create ? file.resolveSibling(FastStart.text(file.getFileName(), ".",
                ProcessHandle.current().pid(), ".part")) : null;
    }

    /** No archive: the cache is missing, read-only or full, or holds a bad archive it cannot drop. */
    static ClassArchive none(Path jar) {
        return new ClassArchive(jar, null, false);
    }

    /** The archive to map or to write for {@code jar}. */
    static ClassArchive of(Path jar) {
        Path aot = shippedCache(jar);
        if (aot != null) return new ClassArchive(jar, aot, false, true);
        try {
            Optional<Path> cache = UserCache.folder();
            if (cache.isEmpty()) return none(jar);
            Path file = cache.get().resolve(FastStart.text("classes-", key(jar), ".jsa"));
            if (UserCache.intact(file)) return new ClassArchive(jar, file, false);
            // Missing, or not what its record says (truncated, from a build that wrote no record): never mapped.
            if ((Files.exists(file) || Files.exists(UserCache.recordOf(file))) && !UserCache.delete(file)) {
                return none(jar);
            }
            Files.createDirectories(cache.get());
            if (!Files.isWritable(cache.get())) return none(jar);
            if (Files.getFileStore(cache.get()).getUsableSpace() < SPACE_FACTOR * Files.size(jar)) return none(jar);
            return new ClassArchive(jar, file, true);
        } catch (IOException | RuntimeException e) {
            return none(jar);
        }
    }

    /**
     * The AOT cache of this Java runtime ({@code lib/migration-guard.aot} in it) when it was trained with this very jar,
     * else null. The JVM accepts a cache only for a jar of the size and time it was trained with, and an {@code npm
     * install} gives every file the time of the install: so the cache's record ({@code migration-guard.aot.jar}: the
     * jar's size and time in milliseconds) is compared first, and a jar that does not match gets the archive in the
     * user's cache instead (the launcher of the npm package puts the time back). Null too before Java 25: an older
     * JVM refuses {@code -XX:AOTCache} and would not start at all.
     */
    static Path shippedCache(Path jar) {
        if (Runtime.version().feature() < 25) return null;
        Path aot = Path.of(System.getProperty("java.home"), "lib", "migration-guard.aot");
        try {
            String[] trained = UserCache.read(aot.resolveSibling("migration-guard.aot.jar")).strip().split(" ");
            boolean same = trained.length == 2 && Long.parseLong(trained[0]) == Files.size(jar)
                    && Long.parseLong(trained[1]) == Files.getLastModifiedTime(jar).toMillis();
            return same && Files.isRegularFile(aot) ? aot : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** One archive per jar build (size, time, path) and Java version. */
    private static String key(Path jar) throws IOException {
        return FastStart.text(Long.toHexString(Files.size(jar)), "-",
                Long.toHexString(Files.getLastModifiedTime(jar).toMillis()), "-",
                Integer.toHexString(jar.toAbsolutePath().toString().hashCode()), "-java",
                System.getProperty("java.version").replaceAll("[^0-9A-Za-z.]", "_"));
    }

    boolean inUse() {
        return file != null;
    }

    /**
     * The JVM options that map the archive, or that write it when the JVM exits. An AOT cache goes alone: the JVM
     * refuses to start when {@code -XX:AOTCache} comes with any {@code -Xshare} option.
     */
    List<String> jvmOptions() {
        if (shipped) return List.of(FastStart.text("-XX:AOTCache=", file));
        if (file == null) return List.of("-Xshare:auto");
        if (!create) return List.of("-Xshare:auto", FastStart.text("-XX:SharedArchiveFile=", file));
        return List.of("-Xshare:auto", FastStart.text("-XX:ArchiveClassesAtExit=", creating),
                "-D" + FastStart.ARCHIVING_PROPERTY + "=1");
    }

    /**
     * After a JVM that wrote the archive exited cleanly: records its size and digest, moves it into place (atomically,
     * so a concurrent run never maps half of it) and drops the archives no jar will use again.
     */
    void publish() {
        if (!create) return;
        try {
            if (Files.isRegularFile(creating) && Files.size(creating) > 0) {
                String crc32 = UserCache.crc32(creating);
                UserCache.move(creating, file);
                UserCache.seal(file, crc32, jar.toAbsolutePath().toString());
                prune();
            }
        } catch (IOException | RuntimeException e) {
            // the cache filled up or went read-only meanwhile: without a record the archive is never mapped
        } finally {
            abandon();
        }
    }

    /** Drops what this run started to write. */
    void abandon() {
        if (creating == null) return;
        try {
            Files.deleteIfExists(creating);
        } catch (IOException e) {
            // a leftover temporary file is removed by the next publish
        }
    }

    /**
     * The archive was mapped and the JVM died starting: it is bad, whatever its record says. A shipped cache is part of
     * the installed package and stays; this run goes on without it.
     */
    void discard() {
        if (file != null && !create && !shipped) UserCache.delete(file);
    }

    /**
     * Removes the archives of jars that are gone, of earlier builds or other Java versions of this jar, archives and
     * records without their other half, and temporary archives of runs that died.
     */
    private void prune() throws IOException {
        String ownJar = jar.toAbsolutePath().toString();
        Instant abandoned = Instant.now().minus(ABANDONED);
        try (var files = Files.list(file.getParent())) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (!name.startsWith("classes-") || p.equals(file) || p.equals(UserCache.recordOf(file))) continue;
                if (name.endsWith(".part")) {
                    if (Files.getLastModifiedTime(p).toInstant().isBefore(abandoned)) Files.deleteIfExists(p);
                } else if (name.endsWith(".jsa")) {
                    String source = UserCache.source(p);
                    // An archive without a record is being published by another run, or was left by a run that died.
                    boolean gone = source == null ? Files.getLastModifiedTime(p).toInstant().isBefore(abandoned)
                            : source.equals(ownJar) || !Files.exists(Path.of(source));
                    if (gone) UserCache.delete(p);
                } else if (name.endsWith(LEGACY_RECORD)) {
                    // an earlier version's record, never trusted: its archive is made again
                    Files.deleteIfExists(p);
                } else if (name.endsWith(RECORD)) {
                    Path archive = p.resolveSibling(name.substring(0, name.lastIndexOf('.')));
                    if (!Files.exists(archive)) Files.deleteIfExists(p);
                }
            }
        }
    }
}
