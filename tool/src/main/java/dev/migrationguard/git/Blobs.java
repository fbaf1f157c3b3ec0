package dev.migrationguard.git;

import dev.migrationguard.model.FileTooLarge;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectDatabase;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
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
    /** The repository's own objects when no other store lends it any (no alternates); else null. */
    private final ObjectDirectory objects;
    /** Its packs, listed once: JGit lists the pack folder again on each ask while it has no pack. */
    private Collection<Pack> packs;
    private final Map<ObjectId, byte[]> cache = new HashMap<>();
    private long total;

    Blobs(ObjectReader reader, ObjectDatabase database, long maxFileSize) {
        this.reader = reader;
        this.maxFileSize = maxFileSize;
        this.objects = database instanceof ObjectDirectory dir
                && !new File(dir.getDirectory(), "info/alternates").exists() ? dir : null;
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
        return (bytes != null ? bytes : load(path, id)).clone();
    }

    /**
     * The blob's size and first bytes when it is over the limit. Cheap: the size of a packed object is read from its
     * header (for a delta, the delta's); a loose one under the limit is loaded and kept, since it is read next.
     */
    synchronized Optional<FileTooLarge> tooLarge(String path, ObjectId id) throws IOException {
        if (cache.containsKey(id)) return Optional.empty();
        try {
            if (mayBePacked(id)) {
                long size = reader.getObjectSize(id, Constants.OBJ_BLOB);
                return size <= maxFileSize ? Optional.empty()
                        : Optional.of(tooLarge(path, size, reader.open(id, Constants.OBJ_BLOB)));
            }
            load(path, id);
            return Optional.empty();
        } catch (FileTooLarge e) {
            return Optional.of(e);
        } catch (MissingObjectException e) {
            // a partial clone's blob never fetched: unreadable, as one too large is (read() still fails on it)
            return Optional.of(FileTooLarge.absent(path));
        }
    }

    /**
     * Loads a blob under the limit, keeping it when small. A packed one is measured first: opening a packed delta
     * builds it whole whatever JGit's streaming threshold, since only the delta and its base are held to it. A loose one
     * is opened at once: under the threshold JGit inflates only a blob within the limit, and looking up its size first
     * would open and inflate its file twice (most of the time a commit's dependents scan spends in JGit).
     */
    private byte[] load(String path, ObjectId id) throws IOException {
        if (mayBePacked(id)) {
            long size = reader.getObjectSize(id, Constants.OBJ_BLOB);
            if (size > maxFileSize) throw tooLarge(path, size, reader.open(id, Constants.OBJ_BLOB));
        }
        ObjectLoader loader = reader.open(id, Constants.OBJ_BLOB);
        if (loader.getSize() > maxFileSize) throw tooLarge(path, loader.getSize(), loader);
        byte[] bytes = loader.getCachedBytes((int) Math.min(maxFileSize, Integer.MAX_VALUE - 8));
        if (bytes.length <= MAX_BLOB && total + bytes.length <= MAX_TOTAL) {
            cache.put(id.copy(), bytes);
            total += bytes.length;
        }
        return bytes;
    }

    /**
     * Whether the blob may be read from a pack: true unless the repository's packs (it has no alternates) do not hold
     * it. A pack written during the run (a gc at that very moment) is the one case left unmeasured.
     */
    private boolean mayBePacked(ObjectId id) {
        if (objects == null) return true;
        if (packs == null) packs = objects.getPacks();
        try {
            for (Pack pack : packs) {
                if (pack.hasObject(id)) return true;
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private FileTooLarge tooLarge(String path, long size, ObjectLoader loader) throws IOException {
        try (InputStream in = loader.openStream()) {
            return new FileTooLarge(path, size, maxFileSize, in.readNBytes(FileTooLarge.HEAD_BYTES));
        }
    }
}
