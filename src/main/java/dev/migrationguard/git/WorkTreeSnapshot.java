package dev.migrationguard.git;

import dev.migrationguard.model.FileTooLarge;
import dev.migrationguard.model.Snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path file = root.resolve(path);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            Optional<FileTooLarge> tooLarge = tooLarge(path, file);
            if (tooLarge.isPresent()) throw tooLarge.get();
            // Read at most one byte past the limit: a file that grew since its size was asked is still never loaded.
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
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

    @Override
    public Optional<FileTooLarge> tooLarge(String path) {
        Path file = root.resolve(path);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return tooLarge(path, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<FileTooLarge> tooLarge(String path, Path file) throws IOException {
        long size = Files.size(file);
        if (size <= maxFileSize) return Optional.empty();
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(new FileTooLarge(path, size, maxFileSize, in.readNBytes(FileTooLarge.HEAD_BYTES)));
        }
    }

    /** Asked of every file an include names: answered from the file's attributes, never by reading it. */
    @Override
    public boolean exists(String path) {
        return Files.isRegularFile(root.resolve(path));
    }
}
