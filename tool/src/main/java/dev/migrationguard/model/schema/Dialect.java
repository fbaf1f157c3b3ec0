package dev.migrationguard.model.schema;

import java.util.Locale;
import java.util.Optional;

/**
 * The database a project's schema lives in. Type spellings, default lengths and what a statement locks all depend on
 * it; when nothing in the project names one, PostgreSQL is assumed (see {@link #DEFAULT}).
 */
public enum Dialect {
    POSTGRES("postgres"), MYSQL("mysql"), MARIADB("mariadb"), SQLITE("sqlite"), MSSQL("mssql"), ORACLE("oracle"),
    H2("h2");

    /** Assumed when neither the configuration nor the project's settings name a database. */
    public static final Dialect DEFAULT = POSTGRES;

    private final String id;

    Dialect(String id) {
        this.id = id;
    }

    /** The name used in the configuration ({@code dialect: mysql}) and in messages. */
    public String id() {
        return id;
    }

    /** MySQL and MariaDB share their type system and most of their locking behaviour. */
    public boolean isMysqlFamily() {
        return this == MYSQL || this == MARIADB;
    }

    /**
     * The dialect a name stands for, as the tools write it: our own ids, TypeORM's {@code type} option
     * ({@code postgres}, {@code better-sqlite3}, {@code cockroachdb}...), a JDBC URL ({@code jdbc:postgresql://...}),
     * a Hibernate dialect class ({@code org.hibernate.dialect.PostgreSQL95Dialect}) or a Liquibase/Flyway database name.
     */
    public static Optional<Dialect> parse(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("jdbc:")) {
            t = t.substring(5);
            if (t.startsWith("tc:")) t = t.substring(3);
            int colon = t.indexOf(':');
            if (colon > 0) t = t.substring(0, colon);
        }
        int dot = t.lastIndexOf('.');
        if (dot >= 0) t = t.substring(dot + 1);
        if (t.startsWith("postgres") || t.startsWith("pg") || t.equals("cockroachdb") || t.startsWith("aurora-postgres")
                || t.startsWith("aurora-data-api-pg") || t.startsWith("cockroach")) {
            return Optional.of(POSTGRES);
        }
        if (t.startsWith("mariadb")) return Optional.of(MARIADB);
        if (t.startsWith("mysql") || t.startsWith("aurora-mysql") || t.startsWith("aurora-data-api")) {
            return Optional.of(MYSQL);
        }
        if (t.contains("sqlite") || t.equals("sqljs") || t.equals("capacitor") || t.equals("expo")
                || t.equals("nativescript") || t.equals("react-native") || t.equals("cordova")) {
            return Optional.of(SQLITE);
        }
        if (t.startsWith("mssql") || t.startsWith("sqlserver") || t.startsWith("jtds")) return Optional.of(MSSQL);
        if (t.startsWith("oracle")) return Optional.of(ORACLE);
        if (t.startsWith("h2")) return Optional.of(H2);
        return Optional.empty();
    }
}
