package dev.migrationguard.git;

import dev.migrationguard.model.FileTooLarge;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The blobs of one run, shared by its snapshots. A file that did not change has the same blob on every side of a change
 * (HEAD, the index, the deploy ref), and readers that look for dependents read every such file on each side: keeping
 * small blobs once read makes the second and third side free. Bounded, so a lint of a huge repository stays small.
 * A blob over the run's size limit is never loaded: its size comes from the object's header.
 */
final class Blobs {
    private static final int MAX_BLOB = 256 * 1024;
    private static final long MAX_TOTAL = 64L * 1024 * 1024;
    private final ObjectReader reader;
    private final long maxFileSize;
    private final Map<ObjectId, byte[]> cache = new HashMap<>();
    private long total;

    Blobs(ObjectReader reader, long maxFileSize) {
        this.reader = reader;
        this.maxFileSize = maxFileSize;
        // JGit loads a blob whole below this threshold and only streams one above it: at the limit, a blob over it is
        // never inflated to be looked at, and one under it (the limit raised past JGit's 50 MiB) can still be loaded.
        reader.setStreamFileThreshold((int) Math.min(maxFileSize + 1, Integer.MAX_VALUE - 8));
    }

    ObjectReader reader() {
        return reader;
    }

    long maxFileSize() {
        return maxFileSize;
    }

    /** The blob's bytes. @throws FileTooLarge (naming {@code path}) when it is over the limit */
    synchronized byte[] read(String path, ObjectId id) throws IOException {
        byte[] bytes = cache.get(id);
        if (bytes != null) return bytes.clone();
        Optional<FileTooLarge> tooLarge = tooLarge(path, id);
        if (tooLarge.isPresent()) throw tooLarge.get();
        bytes = reader.open(id, Constants.OBJ_BLOB).getBytes();
        if (bytes.length <= MAX_BLOB && total + bytes.length <= MAX_TOTAL) {
            cache.put(id.copy(), bytes.clone());
            total += bytes.length;
        }
        return bytes;
    }

    /**
     * The blob's size and first bytes when it is over the limit. The size is read from the object's header (for a
     * packed delta, the delta's), so asking inflates nothing; opening a pack's object below JGit's streaming threshold
     * would inflate it whole.
     */
    synchronized Optional<FileTooLarge> tooLarge(String path, ObjectId id) throws IOException {
        if (cache.containsKey(id)) return Optional.empty();
        long size = reader.getObjectSize(id, Constants.OBJ_BLOB);
        if (size <= maxFileSize) return Optional.empty();
        try (InputStream in = reader.open(id, Constants.OBJ_BLOB).openStream()) {
            return Optional.of(new FileTooLarge(path, size, maxFileSize, in.readNBytes(FileTooLarge.HEAD_BYTES)));
        }
    }
}
