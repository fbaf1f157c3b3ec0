package dev.migrationguard.git;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The blobs of one run, shared by its snapshots. A file that did not change has the same blob on every side of a change
 * (HEAD, the index, the deploy ref), and readers that look for dependents read every such file on each side: keeping
 * small blobs once read makes the second and third side free. Bounded, so a lint of a huge repository stays small.
 */
final class Blobs {
    private static final int MAX_BLOB = 256 * 1024;
    private static final long MAX_TOTAL = 64L * 1024 * 1024;
    private final ObjectReader reader;
    private final Map<ObjectId, byte[]> cache = new HashMap<>();
    private long total;

    Blobs(ObjectReader reader) {
        this.reader = reader;
    }

    ObjectReader reader() {
        return reader;
    }

    synchronized byte[] read(ObjectId id) throws IOException {
        byte[] bytes = cache.get(id);
        if (bytes != null) return bytes.clone();
        bytes = reader.open(id).getBytes();
        if (bytes.length <= MAX_BLOB && total + bytes.length <= MAX_TOTAL) {
            cache.put(id.copy(), bytes.clone());
            total += bytes.length;
        }
        return bytes;
    }
}
