package dev.migrationguard.jpa;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** The canonical {@code k=v, k=v} text of a fact's value; keys keep the order they were put in. */
final class Values {
    private final Map<String, String> entries = new LinkedHashMap<>();

    Values put(String key, String value) {
        entries.put(key, value);
        return this;
    }

    Values putIf(boolean condition, String key, String value) {
        if (condition) entries.put(key, value);
        return this;
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ");
        entries.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }
}
