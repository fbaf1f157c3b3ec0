package dev.migrationguard.model;

/**
 * A setting that decides whether the ORM changes the schema by itself at startup, as written in a configuration file.
 * Its reader knows the ORM: which values change the schema, and how to say where it holds and what to do instead.
 *
 * @param key        as written: {@code spring.jpa.hibernate.ddl-auto}, {@code synchronize}, {@code TYPEORM_SYNCHRONIZE}
 * @param value      the value, lower case ({@code update}, {@code true})
 * @param profile    the profile or environment it applies to, or null for the default (all environments)
 * @param guardedToDevelopment true when the code only enables it for development ({@code NODE_ENV === 'development'})
 * @param changesSchema        true when the value lets the ORM change the schema ({@code update}, {@code true}); false
 *                             for one that does not ({@code validate}, {@code false})
 * @param unprofiled where a setting without a profile holds, in the reader's words: {@code for every environment} (a
 *                   default that every profile keeps unless it overrides it), {@code outside development} (a value
 *                   worked out per environment)
 * @param remedy     the next step, in the ORM's terms
 */
public record SyncSetting(Location location, String key, String value, String profile, boolean guardedToDevelopment,
                          boolean changesSchema, String unprofiled, String remedy) {
}
