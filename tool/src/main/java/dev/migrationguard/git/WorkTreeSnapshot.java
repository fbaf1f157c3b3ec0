package dev.migrationguard.git;

import dev.migrationguard.model.FileTooLarge;
import dev.migrationguard.model.Snapshot;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The files of the work tree that git does not ignore (tracked, or untracked and not ignored): what lint reads. */
final class WorkTreeSnapshot implements Snapshot {
    private final Path root;
    private final List<String> paths;
    /** The same paths, to look up. */
    private final Set<String> listed;
    private final long maxFileSize;
    /** Each folder asked about, by its path below the root: whether git sees a folder there (see asGitSeesIt). */
    private final Map<String, Boolean> folders = new ConcurrentHashMap<>();
    /**
     * The last few files each thread read, by path. Lint reads a migration several times in a row (the LFS pointer
     * check, the Flyway reader, the Liquibase reader asking whether it is a formatted changelog, its suppression
     * comments): on bench.sh's 5,000 migrations that was 5 opens, 8 stats and 10 reads of each file. Per thread, so
     * the Java files read ahead never push out the migrations the main thread is reading; a few entries only, so
     * nothing large is held for the run.
     */
    private final ThreadLocal<RecentFiles> recent = ThreadLocal.withInitial(RecentFiles::new);
    /** How many times a file was opened to be read, for tests. */
    private final AtomicInteger opened = new AtomicInteger();

    WorkTreeSnapshot(Path root, List<String> paths, long maxFileSize) {
        this.root = root;
        this.paths = List.copyOf(paths);
        this.listed = new HashSet<>(this.paths);
        this.maxFileSize = maxFileSize;
    }

    @Override
    public List<String> paths() {
        return paths;
    }

    @Override
    public Optional<byte[]> read(String path) {
        RecentFiles mine = recent.get();
        byte[] known = mine.get(path);
        if (known != null) return Optional.of(known.clone());
        Optional<byte[]> bytes = readFromDisk(path);
        bytes.ifPresent(b -> mine.put(path, b.clone()));
        return bytes;
    }

    /** How many times a file was opened to be read so far. */
    int opened() {
        return opened.get();
    }

    private Optional<byte[]> readFromDisk(String path) {
        Found found = asGitSeesIt(path);
        if (found == null) return Optional.empty();
        try {
            Optional<FileTooLarge> tooLarge = tooLarge(path, found);
            if (tooLarge.isPresent()) throw tooLarge.get();
            // Read at most one byte past the limit: a file that grew since its size was asked is still never loaded.
            // The size just asked is read into a buffer of that length (lint reads thousands of files of a few hundred
            // bytes, each into InputStream's 8 kB buffers and then a copy before); only a file that grew reads on.
            int limit = (int) Math.min(maxFileSize + 1, Integer.MAX_VALUE - 8);
            int asked = (int) Math.min(found.size() + 1, limit);
            byte[] bytes;
            opened.incrementAndGet();
            try (InputStream in = Files.newInputStream(found.file(), LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes(asked);
                if (bytes.length == asked && asked < limit) {
                    byte[] rest = in.readNBytes(limit - asked);
                    byte[] all = Arrays.copyOf(bytes, asked + rest.length);
                    System.arraycopy(rest, 0, all, asked, rest.length);
                    bytes = all;
                }
            }
            if (bytes.length > maxFileSize) {
                throw new FileTooLarge(path, Math.max(bytes.length, Files.size(found.file())), maxFileSize,
                        Arrays.copyOf(bytes, FileTooLarge.HEAD_BYTES));
            }
            return Optional.of(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last {@link #SIZE} files of at most {@link #LARGEST} bytes one thread read, the most recent last. */
    private static final class RecentFiles extends LinkedHashMap<String, byte[]> {
        private static final int SIZE = 4;
        private static final int LARGEST = 256 * 1024;

        RecentFiles() {
            super(8, 0.75f, true);
        }

        @Override
        public byte[] put(String path, byte[] bytes) {
            return bytes.length > LARGEST ? null : super.put(path, bytes);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > SIZE;
        }
    }

    /** A regular file as git sees it, and its size when that was asked. */
    private record Found(Path file, long size) {
    }

    /**
     * The regular file at {@code path} when git would see one there, else null. Git stores a symbolic link as a link,
     * never what it points to (the staged and range sources see no file there, nor below a linked folder), so a link
     * is never followed here either: no part of the path may be one, and nothing outside the work tree is opened,
     * whatever a reader resolves an include or an import to. What each folder is, is asked once per snapshot: lint
     * reads each file of a folder several times (each reader, the suppressions, a script's config file beside it),
     * and asking again about every part of every path was some 380,000 stat calls on bench.sh's 7,000 files.
     */
    private Found asGitSeesIt(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0) return null;
        int slash = path.lastIndexOf('/');
        if (!plainPart(path.substring(slash + 1)) || slash >= 0 && !isFolder(path.substring(0, slash))) return null;
        // Readers ask for many files that are not there (each Flyway script's config file beside it): a file git does
        // not list is first looked for with a stat that fails without building an exception, as asking for its
        // attributes would. Nothing there, or a dangling link, is no regular file either way.
        if (!listed.contains(path) && !new File(root.toFile(), path).exists()) return null;
        Path file = root.resolve(path);
        BasicFileAttributes attributes = attributes(file);
        return attributes != null && attributes.isRegularFile() ? new Found(file, attributes.size()) : null;
    }

    /** Whether git sees a folder at {@code folder} (below the root, no trailing slash): no part of it is a link. */
    private boolean isFolder(String folder) {
        Boolean known = folders.get(folder);
        if (known != null) return known;
        int slash = folder.lastIndexOf('/');
        boolean is = plainPart(folder.substring(slash + 1)) && (slash < 0 || isFolder(folder.substring(0, slash)));
        if (is) {
            BasicFileAttributes attributes = attributes(root.resolve(folder));
            is = attributes != null && attributes.isDirectory();
        }
        folders.put(folder, is);
        return is;
    }

    private static boolean plainPart(String part) {
        return !part.isEmpty() && !part.equals(".") && !part.equals("..") && !part.equals(".git");
    }

    private static BasicFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Optional<FileTooLarge> tooLarge(String path) {
        Found found = asGitSeesIt(path);
        if (found == null) return Optional.empty();
        try {
            return tooLarge(path, found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<FileTooLarge> tooLarge(String path, Found found) throws IOException {
        if (found.size() <= maxFileSize) return Optional.empty();
        try (InputStream in = Files.newInputStream(found.file(), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(new FileTooLarge(path, found.size(), maxFileSize,
                    in.readNBytes(FileTooLarge.HEAD_BYTES)));
        }
    }

    /** Asked of every file an include names: answered from the file's attributes, never by reading it. */
    @Override
    public boolean exists(String path) {
        return asGitSeesIt(path) != null;
    }
}
