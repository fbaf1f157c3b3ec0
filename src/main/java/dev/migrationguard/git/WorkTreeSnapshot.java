package dev.migrationguard.git;

import dev.migrationguard.model.Snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The files of the work tree that git does not ignore (tracked, or untracked and not ignored): what lint reads. */
final class WorkTreeSnapshot implements Snapshot {
    private final Path root;
    private final List<String> paths;

    WorkTreeSnapshot(Path root, List<String> paths) {
        this.root = root;
        this.paths = List.copyOf(paths);
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
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
