package dev.migrationguard.model;

/**
 * A setting that makes the ORM change the schema by itself at startup, as written in a configuration file.
 *
 * @param key     as written: {@code spring.jpa.hibernate.ddl-auto}, {@code synchronize}, {@code TYPEORM_SYNCHRONIZE}
 * @param value   the value, lower case ({@code update}, {@code true})
 * @param profile the profile or environment it applies to, or null for the default (all environments)
 * @param guardedToDevelopment true when the code only enables it for development ({@code NODE_ENV === 'development'})
 */
public record SyncSetting(Location location, String key, String value, String profile, boolean guardedToDevelopment) {
}
