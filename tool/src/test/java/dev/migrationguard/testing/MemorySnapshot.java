package dev.migrationguard.testing;

import dev.migrationguard.model.Snapshot;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A snapshot held in memory, for tests of readers and rules that need no git repository. */
public final class MemorySnapshot implements Snapshot {
    private final TreeMap<String, byte[]> files = new TreeMap<>();

    public static MemorySnapshot of(Map<String, String> files) {
        var s = new MemorySnapshot();
        files.forEach(s::put);
        return s;
    }

    public static MemorySnapshot of(String... pathsAndContents) {
        var s = new MemorySnapshot();
        for (int i = 0; i + 1 < pathsAndContents.length; i += 2) s.put(pathsAndContents[i], pathsAndContents[i + 1]);
        return s;
    }

    public MemorySnapshot put(String path, String content) {
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public MemorySnapshot remove(String path) {
        files.remove(path);
        return this;
    }

    public MemorySnapshot copy() {
        var s = new MemorySnapshot();
        s.files.putAll(files);
        return s;
    }

    @Override
    public List<String> paths() {
        return new ArrayList<>(files.keySet());
    }

    @Override
    public Optional<byte[]> read(String path) {
        return Optional.ofNullable(files.get(path));
    }
}
