package dev.migrationguard.replay;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.migrationguard.files.UserCache;
import dev.migrationguard.model.Digests;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Replayed states kept between runs in the user's cache folder, one file per state, named by the key of the migration
 * prefix it was replayed from. A file is used only when its record (size, SHA-256) matches and it parses; anything
 * else (a missing, truncated, foreign or unreadable file, a read-only or absent folder) is a miss, never an error.
 */
public final class ReplayCache {
    /** States kept per migration set: the newest few cover HEAD, the index, and a branch or two. */
    static final int KEPT_PER_SET = 4;
    /** A state larger than this is not read back: no real schema comes near it. */
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final String SUFFIX = ".json";

    /** Built on the first read or write, not when a run merely holds a cache: a pre-commit check never builds it. */
    private static final class Json {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .visibility(PropertyAccessor.ALL, Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, Visibility.ANY)
                .visibility(PropertyAccessor.CREATOR, Visibility.ANY)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .build();
    }

    private final Path folder;

    ReplayCache(Path folder) {
        this.folder = folder;
    }

    /** A cache in {@code folder} (the {@code replay} folder of the user's cache); null for none. */
    public static ReplayCache at(Path folder) {
        return new ReplayCache(folder);
    }

    /** No cache: every replay starts from the empty schema. */
    public static ReplayCache none() {
        return new ReplayCache(null);
    }

    /** A state found for a prefix of the migrations: how many it covers and the state after them. */
    record Hit(int migrations, ReplayState state) {
    }

    /**
     * The kept state of the longest prefix: {@code keys.get(i)} is the key of the first {@code i + 1} migrations of the
     * set {@code setId} names. One listing of the folder, then one read per candidate until one is sound.
     */
    Optional<Hit> longest(String setId, List<String> keys) {
        if (folder == null || keys.isEmpty()) return Optional.empty();
        Set<String> present = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, setId + "-*" + SUFFIX)) {
            for (Path p : files) present.add(p.getFileName().toString());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        for (int i = keys.size() - 1; i >= 0; i--) {
            String name = fileName(setId, keys.get(i));
            if (!present.contains(name)) continue;
            Optional<ReplayState> state = read(folder.resolve(name));
            if (state.isPresent()) return Optional.of(new Hit(i + 1, state.get()));
        }
        return Optional.empty();
    }

    private static Optional<ReplayState> read(Path file) {
        try {
            if (!UserCache.intact(file) || Files.size(file) > MAX_BYTES) return Optional.empty();
            return Optional.of(Json.MAPPER.readValue(Files.readAllBytes(file), ReplayState.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Keeps {@code state} under {@code key}, then drops the oldest states of the set beyond {@link #KEPT_PER_SET}.
     * Written to a temporary file and moved into place, so no reader sees half of it; any failure leaves no trace.
     */
    void store(String setId, String key, ReplayState state) {
        if (folder == null) return;
        Path target = folder.resolve(fileName(setId, key));
        Path partial = null;
        try {
            Files.createDirectories(folder);
            byte[] bytes = Json.MAPPER.writeValueAsBytes(state);
            partial = Files.createTempFile(folder, target.getFileName().toString(), ".part");
            Files.write(partial, bytes);
            UserCache.move(partial, target);
            UserCache.seal(target, Digests.sha256(bytes), null);
            prune(setId, target);
        } catch (IOException | RuntimeException e) {
            // a read-only or full cache: the next run replays again
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    // left for the next prune of a writable cache
                }
            }
        }
    }

    private void prune(String setId, Path kept) throws IOException {
        List<Path> states = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, setId + "-*" + SUFFIX)) {
            for (Path p : files) states.add(p);
        }
        if (states.size() <= KEPT_PER_SET) return;
        states.sort((a, b) -> modified(b).compareTo(modified(a)));
        for (Path p : states.subList(KEPT_PER_SET, states.size())) {
            if (!p.equals(kept)) UserCache.delete(p);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static String fileName(String setId, String key) {
        return setId + "-" + key + SUFFIX;
    }
}
