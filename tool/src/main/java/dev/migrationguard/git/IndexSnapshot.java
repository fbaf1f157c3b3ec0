package dev.migrationguard.git;

import dev.migrationguard.model.FileTooLarge;
import dev.migrationguard.model.Snapshot;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The files as staged in the index: what {@code git commit} would record, read from blobs, never from the work tree. */
final class IndexSnapshot implements Snapshot {
    private final Blobs blobs;
    private final DirCache index;
    private List<String> paths;

    IndexSnapshot(Blobs blobs, DirCache index) {
        this.blobs = blobs;
        this.index = index;
    }

    @Override
    public synchronized List<String> paths() {
        if (paths == null) {
            List<String> list = new ArrayList<>(index.getEntryCount());
            for (int i = 0; i < index.getEntryCount(); i++) {
                DirCacheEntry e = index.getEntry(i);
                if (e.getStage() == 0 && TreeSnapshot.isFile(e.getFileMode())) list.add(e.getPathString());
            }
            paths = List.copyOf(list);
        }
        return paths;
    }

    @Override
    public Optional<byte[]> read(String path) {
        DirCacheEntry e = index.getEntry(path);
        if (e == null || !TreeSnapshot.isFile(e.getFileMode())) return Optional.empty();
        try {
            return Optional.of(blobs.read(path, e.getObjectId()));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public Optional<FileTooLarge> tooLarge(String path) {
        DirCacheEntry e = index.getEntry(path);
        if (e == null || !TreeSnapshot.isFile(e.getFileMode())) return Optional.empty();
        try {
            return blobs.tooLarge(path, e.getObjectId());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public Optional<String> objectId(String path) {
        DirCacheEntry e = index.getEntry(path);
        if (e == null || !TreeSnapshot.isFile(e.getFileMode())) return Optional.empty();
        return Optional.of(e.getObjectId().name());
    }

    @Override
    public boolean exists(String path) {
        DirCacheEntry e = index.getEntry(path);
        return e != null && TreeSnapshot.isFile(e.getFileMode());
    }
}
