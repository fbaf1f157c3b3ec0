package dev.migrationguard.git;

import dev.migrationguard.model.FileTooLarge;
import dev.migrationguard.model.Snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The files of the work tree that git does not ignore (tracked, or untracked and not ignored): what lint reads. */
final class WorkTreeSnapshot implements Snapshot {
    private final Path root;
    private final List<String> paths;
    private final long maxFileSize;

    WorkTreeSnapshot(Path root, List<String> paths, long maxFileSize) {
        this.root = root;
        this.paths = List.copyOf(paths);
        this.maxFileSize = maxFileSize;
    }

    @Override
    public List<String> paths() {
        return paths;
    }

    @Override
    public Optional<byte[]> read(String path) {
        Path file = asGitSeesIt(path);
        if (file == null) return Optional.empty();
        try {
            Optional<FileTooLarge> tooLarge = tooLarge(path, file);
            if (tooLarge.isPresent()) throw tooLarge.get();
            // Read at most one byte past the limit: a file that grew since its size was asked is still never loaded.
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes((int) Math.min(maxFileSize + 1, Integer.MAX_VALUE - 8));
            }
            if (bytes.length > maxFileSize) {
                throw new FileTooLarge(path, Math.max(bytes.length, Files.size(file)), maxFileSize,
                        Arrays.copyOf(bytes, FileTooLarge.HEAD_BYTES));
            }
            return Optional.of(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The regular file at {@code path} when git would see one there, else null. Git stores a symbolic link as a link,
     * never what it points to (the staged and range sources see no file there, nor below a linked folder), so a link
     * is never followed here either: no part of the path may be one, and nothing outside the work tree is opened,
     * whatever a reader resolves an include or an import to.
     */
    private Path asGitSeesIt(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0) return null;
        String[] parts = path.split("/", -1);
        Path current = root;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.equals(".git")) return null;
            current = current.resolve(part);
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                return null;
            }
            boolean last = i == parts.length - 1;
            if (last ? !attributes.isRegularFile() : !attributes.isDirectory()) return null;
        }
        return current;
    }

    @Override
    public Optional<FileTooLarge> tooLarge(String path) {
        Path file = asGitSeesIt(path);
        if (file == null) return Optional.empty();
        try {
            return tooLarge(path, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<FileTooLarge> tooLarge(String path, Path file) throws IOException {
        long size = Files.size(file);
        if (size <= maxFileSize) return Optional.empty();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(new FileTooLarge(path, size, maxFileSize, in.readNBytes(FileTooLarge.HEAD_BYTES)));
        }
    }

    /** Asked of every file an include names: answered from the file's attributes, never by reading it. */
    @Override
    public boolean exists(String path) {
        return asGitSeesIt(path) != null;
    }
}
