package dev.migrationguard.model;

import dev.migrationguard.model.schema.Dialect;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A setting that names the project's database, as written in a configuration file: a JDBC URL, a Hibernate dialect,
 * a TypeORM data source's {@code type}. The database decides how the entities' types are spelled in SQL.
 *
 * @param location where it is written
 * @param key      as written: {@code spring.datasource.url}, {@code type}, {@code TYPEORM_CONNECTION}
 * @param dialect  the database it names
 * @param profile  the profile or environment it applies to ({@code prod}, {@code test}), or null for the default
 */
public record DatabaseSetting(Location location, String key, Dialect dialect, String profile) {
    private static final Pattern PRODUCTION = Pattern.compile("(^|[^a-z])(prod|production|prd|live)([^a-z]|$)");
    private static final Pattern DEVELOPMENT = Pattern.compile(
            "(^|[^a-z])(dev|development|local|test|tests|testing|it|e2e|ci|h2|mock|demo|example|sample)([^a-z]|$)");
    /**
     * A folder with one of these words in its name ({@code src/test}, {@code genie-test-web}, {@code src/integTest},
     * {@code examples}) holds no production settings.
     */
    private static final Set<String> NOT_PRODUCTION_FOLDERS = Set.of("test", "tests", "testing", "it", "e2e",
            "integtest", "integrationtest", "__tests__", "testfixtures", "example", "examples", "sample", "samples",
            "demo");
    private static final Pattern TEST_FILE = Pattern.compile("\\.(spec|test|e2e-spec)\\.[a-z]+$");

    private static final Pattern JDBC = Pattern.compile("jdbc:(?:tc:)?[A-Za-z0-9]+:");

    public DatabaseSetting {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(dialect, "dialect");
    }

    /**
     * The setting a value holding a JDBC URL makes, wherever the URL starts in it
     * ({@code ${DB_URL:jdbc:mysql://db/app}} names MySQL); empty when it holds none the tool has a dialect for.
     */
    public static Optional<DatabaseSetting> ofJdbcUrl(Location location, String key, String value, String profile) {
        if (value == null) return Optional.empty();
        Matcher url = JDBC.matcher(value);
        if (!url.find()) return Optional.empty();
        return Dialect.parse(url.group()).map(d -> new DatabaseSetting(location, key, d, profile));
    }

    /**
     * How surely it describes the production database, lowest first: a production profile (0), no profile outside the
     * test sources (1), another profile such as {@code staging} (2), a development or test profile, or a file among
     * tests or examples (3).
     */
    public int productionRank() {
        String p = profile == null ? null : profile.toLowerCase(Locale.ROOT);
        if (outsideProduction(location.path())) return 3;
        if (p == null) return 1;
        if (PRODUCTION.matcher(p).find()) return 0;
        return DEVELOPMENT.matcher(p).find() ? 3 : 2;
    }

    private static boolean outsideProduction(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (TEST_FILE.matcher(lower).find()) return true;
        String[] folders = lower.split("/");
        for (int i = 0; i < folders.length - 1; i++) {
            for (String word : folders[i].split("[-_.]")) {
                if (NOT_PRODUCTION_FOLDERS.contains(word)) return true;
            }
        }
        return false;
    }

    /** {@code spring.datasource.url in src/main/resources/application.yml:3 (profile prod)} */
    public String describe() {
        String at = location.isWholeFile() ? location.path() : location.path() + ":" + location.line();
        return key + " in " + at + (profile == null ? "" : " (profile " + profile + ")");
    }
}
