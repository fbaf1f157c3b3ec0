package dev.migrationguard.git;

import dev.migrationguard.model.Snapshot;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The files of a commit's tree, read from git objects. */
final class TreeSnapshot implements Snapshot {
    private final ObjectReader reader;
    private final RevTree tree;
    private List<String> paths;

    TreeSnapshot(ObjectReader reader, RevTree tree) {
        this.reader = reader;
        this.tree = tree;
    }

    @Override
    public synchronized List<String> paths() {
        if (paths == null) {
            List<String> list = new ArrayList<>();
            try (TreeWalk walk = new TreeWalk(reader)) {
                walk.addTree(tree);
                walk.setRecursive(true);
                while (walk.next()) {
                    if (isFile(walk.getFileMode(0))) list.add(walk.getPathString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            paths = List.copyOf(list);
        }
        return paths;
    }

    @Override
    public Optional<byte[]> read(String path) {
        try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
            if (walk == null || !isFile(walk.getFileMode(0))) return Optional.empty();
            return Optional.of(reader.open(walk.getObjectId(0)).getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean exists(String path) {
        try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
            return walk != null && isFile(walk.getFileMode(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isFile(FileMode mode) {
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
    }
}
