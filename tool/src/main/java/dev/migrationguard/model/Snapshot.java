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

    /**
     * The bytes of one file, or empty when the path is absent (or is not a regular file).
     *
     * @throws FileTooLarge when the file is over the run's limit on the size of a file it reads: it is never loaded
     */
    Optional<byte[]> read(String path);

    /**
     * What is known of a file over the limit without loading it (its size, its first bytes), or empty when the file can
     * be read or is absent. Cheap: from the object's header or the file's attributes.
     */
    default Optional<FileTooLarge> tooLarge(String path) {
        return Optional.empty();
    }

    /**
     * The git object id (40 hex digits) of a file's content, known without reading it when this version is read from
     * git objects; empty when the file is absent or the version is not stored in git (the work tree).
     */
    default Optional<String> objectId(String path) {
        return Optional.empty();
    }

    default boolean exists(String path) {
        try {
            return read(path).isPresent();
        } catch (FileTooLarge e) {
            return true;
        }
    }

    /**
     * The file as UTF-8 text (a BOM removed), or empty when absent.
     *
     * @throws FileTooLarge as {@link #read} does
     */
    default Optional<String> readText(String path) {
        return read(path).map(Text::decode);
    }

    /**
     * The file as text, or empty when it is absent or too large to read: for looking across the snapshot (the type an
     * entity uses, the changelogs that name a file), where a file that cannot be read is as good as a missing one.
     */
    default Optional<String> readableText(String path) {
        try {
            return readText(path);
        } catch (FileTooLarge e) {
            return Optional.empty();
        }
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
