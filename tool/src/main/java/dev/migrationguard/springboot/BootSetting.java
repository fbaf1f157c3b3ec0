package dev.migrationguard.springboot;

import dev.migrationguard.model.Location;

import java.util.Locale;

/**
 * One key of a Spring Boot settings document with its value, as flattened from a properties line or a YAML tree.
 *
 * @param key     as written, dotted ({@code spring.jpa.hibernate.ddlAuto}); a list's key has no index
 * @param relaxed the key as Spring's relaxed binding compares it ({@link #relaxed(String)})
 * @param value   the value as written, placeholders kept; a list's entries joined with {@code ,}
 * @param location where the key is written
 */
public record BootSetting(String key, String relaxed, String value, Location location) {

    BootSetting(String key, String value, Location location) {
        this(key, relaxed(key), value, location);
    }

    /**
     * Spring's relaxed binding: case, dashes and underscores do not matter, and a {@code [a.b]} map key is unwrapped
     * ({@code spring.jpa.properties[hibernate.hbm2ddl.auto]} is {@code spring.jpa.properties.hibernate.hbm2ddl.auto}).
     */
    public static String relaxed(String key) {
        String k = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace("\"", "")
                .replace("'", "").replace('[', '.').replace("]", "");
        while (k.contains("..")) k = k.replace("..", ".");
        return k.strip();
    }
}
