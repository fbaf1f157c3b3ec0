package dev.migrationguard.flyway;

import dev.migrationguard.springboot.BootSettings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Flyway configuration as a project writes it (Spring Boot's {@code spring.flyway.*}, {@code flyway.conf},
 * {@code flyway.toml}, the Maven or Gradle plugin): what makes a file a migration and where Flyway looks for them.
 * What is not written keeps Flyway's default.
 *
 * @param locations as written ({@code classpath:db/migration}, {@code filesystem:sql})
 * @param explicit  whether a file set the locations, rather than Flyway's default standing
 * @param enabled   false when Spring Boot's {@code spring.flyway.enabled} turns Flyway off
 * @param mixed     {@code mixed}, null when unsaid (Flyway's default: false)
 * @param outOfOrder {@code outOfOrder}, null when unsaid (Flyway's default: false)
 * @param executeInTransaction the project-wide {@code executeInTransaction}, null when unsaid (default: true)
 */
record FlywayConfig(List<String> locations, boolean explicit, String versionedPrefix, String undoPrefix,
                    String repeatablePrefix, String separator, List<String> suffixes,
                    Map<String, String> placeholders, String placeholderPrefix, String placeholderSuffix,
                    boolean placeholderReplacement, boolean enabled, Boolean mixed, Boolean outOfOrder,
                    Boolean executeInTransaction) {
    static final String DEFAULT_LOCATION = "classpath:db/migration";
    static final FlywayConfig DEFAULTS = new FlywayConfig(List.of(DEFAULT_LOCATION), false, "V", "U", "R", "__",
            List.of(".sql"), Map.of(), "${", "}", true, true, null, null, null);

    FlywayConfig {
        locations = List.copyOf(locations);
        suffixes = List.copyOf(suffixes);
        placeholders = Map.copyOf(placeholders);
    }

    /** This configuration with {@code settings} (normalised key to value) written over it, as a profile overrides. */
    FlywayConfig with(Map<String, String> settings) {
        List<String> locs = locations;
        boolean expl = explicit;
        String v = versionedPrefix;
        String u = undoPrefix;
        String r = repeatablePrefix;
        String sep = separator;
        List<String> suf = suffixes;
        Map<String, String> ph = new LinkedHashMap<>(placeholders);
        String phPrefix = placeholderPrefix;
        String phSuffix = placeholderSuffix;
        boolean replace = placeholderReplacement;
        boolean on = enabled;
        Boolean mix = mixed;
        Boolean order = outOfOrder;
        Boolean inTransaction = executeInTransaction;
        for (var e : settings.entrySet()) {
            String value = e.getValue().strip();
            switch (e.getKey()) {
                case "locations" -> {
                    locs = BootSettings.list(value);
                    expl = true;
                }
                case "sqlmigrationprefix" -> v = value;
                case "undosqlmigrationprefix" -> u = value;
                case "repeatablesqlmigrationprefix" -> r = value;
                case "sqlmigrationseparator" -> sep = value;
                case "sqlmigrationsuffixes" -> suf = BootSettings.list(value);
                case "placeholderprefix" -> phPrefix = value;
                case "placeholdersuffix" -> phSuffix = value;
                case "placeholderreplacement" -> replace = !value.equalsIgnoreCase("false");
                case "enabled" -> on = !value.equalsIgnoreCase("false");
                case "mixed" -> mix = bool(value, mix);
                case "outoforder" -> order = bool(value, order);
                case "executeintransaction" -> inTransaction = bool(value, inTransaction);
                default -> {
                    if (e.getKey().startsWith("placeholders.")) {
                        ph.put(e.getKey().substring("placeholders.".length()), e.getValue());
                    }
                }
            }
        }
        if (locs.isEmpty()) locs = List.of(DEFAULT_LOCATION);
        if (suf.isEmpty()) suf = List.of(".sql");
        return new FlywayConfig(locs, expl, v, u, r, sep, suf, ph, phPrefix, phSuffix, replace, on, mix, order,
                inTransaction);
    }

    /**
     * A boolean setting as written, or the default of a Spring placeholder ({@code ${FLYWAY_MIXED:true}}); another
     * value read at run time keeps what was known before.
     */
    private static Boolean bool(String value, Boolean before) {
        String v = BootSettings.resolved(value).map(r -> r.toLowerCase(Locale.ROOT)).orElse("");
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1).strip();
        }
        return v.equals("true") ? Boolean.TRUE : v.equals("false") ? Boolean.FALSE : before;
    }

    /** The value of a placeholder, or null when none is set; names compare case-insensitively. */
    String placeholder(String name) {
        for (var e : placeholders.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    /**
     * The key a setting is known by: Flyway's name in lower case without dashes or underscores (Spring's relaxed
     * binding); a placeholder's name after {@code placeholders.} is kept as written.
     */
    static String normalize(String key) {
        int ph = key.toLowerCase(Locale.ROOT).indexOf("placeholders.");
        if (ph >= 0) {
            return key.substring(0, ph).toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")
                    + "placeholders." + key.substring(ph + "placeholders.".length());
        }
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
