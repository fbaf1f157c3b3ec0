package dev.migrationguard.git;

import dev.migrationguard.model.FileTooLarge;
import dev.migrationguard.model.Snapshot;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The files of a commit's tree, read from git objects. */
final class TreeSnapshot implements Snapshot {
    private final Blobs blobs;
    private final RevTree tree;
    private List<String> paths;
    /** Each file's blob, known once {@link #paths()} has walked the tree: reads then skip walking it again. */
    private Map<String, ObjectId> ids;

    TreeSnapshot(Blobs blobs, RevTree tree) {
        this.blobs = blobs;
        this.tree = tree;
    }

    @Override
    public synchronized List<String> paths() {
        if (paths == null) {
            List<String> list = new ArrayList<>();
            Map<String, ObjectId> found = new HashMap<>();
            try (TreeWalk walk = new TreeWalk(blobs.reader())) {
                walk.addTree(tree);
                walk.setRecursive(true);
                while (walk.next()) {
                    if (!isFile(walk.getFileMode(0))) continue;
                    list.add(walk.getPathString());
                    found.put(walk.getPathString(), walk.getObjectId(0));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            paths = List.copyOf(list);
            ids = found;
        }
        return paths;
    }

    @Override
    public Optional<byte[]> read(String path) {
        try {
            Optional<ObjectId> id = blobId(path);
            return id.isEmpty() ? Optional.empty() : Optional.of(blobs.read(path, id.get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<FileTooLarge> tooLarge(String path) {
        try {
            Optional<ObjectId> id = blobId(path);
            return id.isEmpty() ? Optional.empty() : blobs.tooLarge(path, id.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<String> objectId(String path) {
        try {
            return blobId(path).map(ObjectId::name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<ObjectId> blobId(String path) throws IOException {
        Map<String, ObjectId> known = knownIds();
        if (known != null) return Optional.ofNullable(known.get(path));
        try (TreeWalk walk = TreeWalk.forPath(blobs.reader(), path, tree)) {
            if (walk == null || !isFile(walk.getFileMode(0))) return Optional.empty();
            return Optional.of(walk.getObjectId(0));
        }
    }

    @Override
    public boolean exists(String path) {
        Map<String, ObjectId> known = knownIds();
        if (known != null) return known.containsKey(path);
        try (TreeWalk walk = TreeWalk.forPath(blobs.reader(), path, tree)) {
            return walk != null && isFile(walk.getFileMode(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized Map<String, ObjectId> knownIds() {
        return ids;
    }

    static boolean isFile(FileMode mode) {
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
    }
}
