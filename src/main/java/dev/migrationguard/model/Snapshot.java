package dev.migrationguard.model;

import java.util.List;
import java.util.Optional;

/**
 * The files of one version of the repository (a commit, the index, or the work tree), read lazily.
 * Implementations live in the {@code git} package; everything else sees only this interface.
 */
public interface Snapshot {
    /** Every file path in this version, relative to the work tree root with {@code /}, sorted. */
    List<String> paths();

    /** The bytes of one file, or empty when the path is absent (or is not a regular file). */
    Optional<byte[]> read(String path);

    default boolean exists(String path) {
        return read(path).isPresent();
    }

    /** The file as UTF-8 text (a BOM removed), or empty when absent. */
    default Optional<String> readText(String path) {
        return read(path).map(Text::decode);
    }

    /** A snapshot with no files: the "before" of a first commit. */
    Snapshot EMPTY = new Snapshot() {
        @Override
        public List<String> paths() {
            return List.of();
        }

        @Override
        public Optional<byte[]> read(String path) {
            return Optional.empty();
        }
    };
}
