package dev.migrationguard.spring;

import dev.migrationguard.model.DatabaseSetting;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.SyncSetting;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.springboot.BootDocument;
import dev.migrationguard.springboot.BootFile;
import dev.migrationguard.springboot.BootSetting;
import dev.migrationguard.stack.SettingsReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the settings that let Hibernate change the schema at startup ({@code spring.jpa.hibernate.ddl-auto},
 * {@code hibernate.hbm2ddl.auto}, the JPA {@code schema-generation.database.action}), and those that name the
 * database, in Spring Boot's {@code application*.properties|yml|yaml}, with relaxed binding, and the profile each
 * applies to.
 *
 * <p>Values are lower case. The JPA action values are translated to Hibernate's words so one rule can judge both:
 * {@code drop-and-create} and {@code create} become {@code create}; the others are kept.
 */
public final class SpringSettingsReader implements SettingsReader {
    private static final String DDL_AUTO = "spring.jpa.hibernate.ddlauto";
    private static final List<String> PASSED_THROUGH = List.of("hibernate.hbm2ddl.auto",
            "jakarta.persistence.schemageneration.database.action",
            "javax.persistence.schemageneration.database.action");
    /** The values with which Hibernate changes the schema at startup; validate and none do not. */
    private static final Set<String> CHANGES_SCHEMA = Set.of("update", "create", "create-drop", "drop",
            "drop-and-create", "create-only");
    /** Keys whose JDBC URL names the database, relaxed-bound; a placeholder's default counts too. */
    private static final Set<String> DATABASE_URLS = Set.of("spring.datasource.url", "spring.datasource.jdbcurl",
            "spring.datasource.hikari.jdbcurl", "spring.flyway.url", "spring.liquibase.url");
    private static final Pattern JDBC = Pattern.compile("jdbc:(?:tc:)?[a-z0-9]+:");
    /** Keys naming a Hibernate dialect class ({@code org.hibernate.dialect.MySQL8Dialect}). */
    private static final Set<String> DIALECT_CLASSES = Set.of("spring.jpa.databaseplatform",
            "spring.jpa.properties.hibernate.dialect", "hibernate.dialect");
    /** Spring's {@code Database} enum: {@code POSTGRESQL}, {@code SQL_SERVER}, {@code H2}... */
    private static final String JPA_DATABASE = "spring.jpa.database";

    @Override
    public boolean accepts(String path) {
        return BootFile.isSettingsFile(path);
    }

    @Override
    public ReadResult<SyncSetting> read(String path, String content) {
        BootFile file = BootFile.parse(path, content);
        List<SyncSetting> settings = new ArrayList<>();
        for (BootDocument doc : file.documents()) {
            for (BootSetting s : doc.settings()) schemaSetting(s, doc.profile()).ifPresent(settings::add);
        }
        return new ReadResult<>(settings, file.problems());
    }

    @Override
    public boolean mayNameDatabase(String path) {
        return accepts(path);
    }

    /**
     * {@code spring.datasource.url} (and Hikari's, Flyway's and Liquibase's URLs), the Hibernate dialect
     * ({@code spring.jpa.database-platform}, {@code hibernate.dialect}) and {@code spring.jpa.database}, with the
     * profile of their document or file.
     */
    @Override
    public List<DatabaseSetting> databases(String path, String content) {
        List<DatabaseSetting> out = new ArrayList<>();
        for (BootDocument doc : BootFile.parse(path, content).documents()) {
            for (BootSetting s : doc.settings()) database(s, doc.profile()).ifPresent(out::add);
        }
        return out;
    }

    /** The setting when its key lets Hibernate change the schema at startup. */
    private static Optional<SyncSetting> schemaSetting(BootSetting s, String profile) {
        String value = s.value().strip().toLowerCase(Locale.ROOT);
        boolean isDdlAuto = s.relaxed().equals(DDL_AUTO);
        for (String passed : PASSED_THROUGH) {
            if (s.relaxed().equals(passed) || s.relaxed().equals("spring.jpa.properties." + passed)) {
                isDdlAuto = true;
                if (passed.contains("persistence")) value = fromJpaAction(value);
            }
        }
        if (!isDdlAuto) return Optional.empty();
        return Optional.of(new SyncSetting(s.location(), s.key(), value, profile, false, CHANGES_SCHEMA.contains(value),
                "for every environment", "Use validate (or none) here and let migrations change the schema; "
                + "keep " + value + " in a dev or test profile if you need it."));
    }

    /** The database the setting names, when its key is one that names it. */
    private static Optional<DatabaseSetting> database(BootSetting s, String profile) {
        String value = s.value().strip().toLowerCase(Locale.ROOT);
        if (DATABASE_URLS.contains(s.relaxed())) {
            Matcher url = JDBC.matcher(value);
            return url.find() ? DatabaseSetting.ofJdbcUrl(s.location(), s.key(), url.group(), profile)
                    : Optional.empty();
        }
        if (DIALECT_CLASSES.contains(s.relaxed())) return dialect(s, value, profile);
        if (s.relaxed().equals(JPA_DATABASE)) return dialect(s, value.replace("_", ""), profile);
        return Optional.empty();
    }

    private static Optional<DatabaseSetting> dialect(BootSetting s, String value, String profile) {
        return Dialect.parse(value).map(d -> new DatabaseSetting(s.location(), s.key(), d, profile));
    }

    private static String fromJpaAction(String value) {
        return switch (value) {
            case "drop-and-create", "create" -> "create";
            default -> value;
        };
    }
}
