package dev.migrationguard.springboot;

import dev.migrationguard.model.Location;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects one document's settings as a file is read; a list's entries become one setting when it ends. */
final class DocumentBuilder {
    private static final String ON_PROFILE = "spring.config.activate.onprofile";
    private static final String LEGACY_PROFILES = "spring.profiles";

    private final List<BootSetting> settings = new ArrayList<>();
    private final Map<String, ListEntries> lists = new LinkedHashMap<>();

    private record ListEntries(Location location, TreeMap<Integer, String> values) {
    }

    void add(String key, String value, Location at) {
        settings.add(new BootSetting(key, value, at));
    }

    /** A list's entry: {@code index} as written ({@code key[2]}), or -1 for the next one (a YAML sequence). */
    void addEntry(String key, int index, String value, Location at) {
        ListEntries list = lists.computeIfAbsent(key, k -> new ListEntries(at, new TreeMap<>()));
        list.values().put(index < 0 ? list.values().size() : index, value);
    }

    /** The document, or null when it holds no setting. */
    BootDocument finish(String fileProfile) {
        lists.forEach((key, list) -> settings.add(new BootSetting(key, String.join(",", list.values().values()),
                list.location())));
        lists.clear();
        if (settings.isEmpty()) return null;
        BootDocument doc = new BootDocument(null, settings);
        String condition = doc.get(ON_PROFILE).or(() -> doc.get(LEGACY_PROFILES)).map(s -> s.value().strip())
                .filter(s -> !s.isEmpty()).orElse(null);
        return new BootDocument(condition != null ? condition : fileProfile, settings);
    }
}
