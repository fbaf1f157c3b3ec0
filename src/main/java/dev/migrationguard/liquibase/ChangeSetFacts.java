package dev.migrationguard.liquibase;

import dev.migrationguard.model.schema.Dialect;

import java.util.Locale;
import java.util.function.Function;

/**
 * What decides when Liquibase runs a changeSet, as written on it: its context and label expressions, the databases
 * it is for, and its run and failure modes. Null when unsaid.
 *
 * @param failOnError false when a failure is ignored
 */
record ChangeSetFacts(String contexts, String labels, String dbms, boolean runAlways, boolean runOnChange,
                      boolean failOnError, boolean runInTransaction) {
    static final ChangeSetFacts NONE = new ChangeSetFacts(null, null, null, false, false, true, true);

    static ChangeSetFacts of(Function<String, String> attribute) {
        String contexts = attribute.apply("contextFilter");
        if (contexts == null) contexts = attribute.apply("context");
        if (contexts == null) contexts = attribute.apply("contexts");
        return new ChangeSetFacts(contexts, attribute.apply("labels"), attribute.apply("dbms"),
                flag(attribute.apply("runAlways"), false), flag(attribute.apply("runOnChange"), false),
                flag(attribute.apply("failOnError"), true), flag(attribute.apply("runInTransaction"), true));
    }

    private static boolean flag(String value, boolean unsaid) {
        return value == null ? unsaid : Boolean.parseBoolean(value.strip());
    }

    /** Whether Liquibase runs it on this database: its {@code dbms} list names it, or says nothing. */
    boolean runsOn(Dialect dialect) {
        return dbmsIncludes(dbms, dialect);
    }

    /**
     * Liquibase's {@code dbms} test: a comma-separated list of database short names, {@code all}, {@code none}, or
     * names prefixed with {@code !} that exclude; empty or absent runs everywhere.
     */
    static boolean dbmsIncludes(String dbms, Dialect dialect) {
        if (dbms == null || dbms.isBlank()) return true;
        String self = shortName(dialect);
        boolean anyPositive = false;
        boolean included = false;
        for (String raw : dbms.split(",")) {
            String d = raw.strip().toLowerCase(Locale.ROOT);
            if (d.isEmpty()) continue;
            if (d.startsWith("!")) {
                if (d.substring(1).strip().equals(self)) return false;
                continue;
            }
            anyPositive = true;
            if (d.equals("all") || d.equals(self)) included = true;
        }
        return !anyPositive || included;
    }

    /** Liquibase's short name of the database ({@code Database.getShortName()}). */
    static String shortName(Dialect dialect) {
        return switch (dialect) {
            case POSTGRES -> "postgresql";
            case MYSQL -> "mysql";
            case MARIADB -> "mariadb";
            case SQLITE -> "sqlite";
            case MSSQL -> "mssql";
            case ORACLE -> "oracle";
            case H2 -> "h2";
        };
    }
}
