package dev.migrationguard.liquibase;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.RunnerFacts;
import dev.migrationguard.model.schema.Dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
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

    /**
     * What the runner facts of the changeSet say: {@code runInTransaction="false"} where the changeSet is written, its
     * context and label expressions as written, and the database when {@code dbms} names exactly one.
     */
    RunnerFacts runner(Location changeSet) {
        RunnerFacts facts = RunnerFacts.NONE.withContexts(expression(contexts), expression(labels));
        if (!runInTransaction) facts = facts.withTransaction(false, changeSet);
        return facts.withDialect(onlyDatabase(dbms));
    }

    private static List<String> expression(String written) {
        return written == null || written.isBlank() ? List.of() : List.of(written.strip());
    }

    /** The database a {@code dbms} list names when it names one and excludes none; null otherwise. */
    static Dialect onlyDatabase(String dbms) {
        if (dbms == null) return null;
        List<String> named = new ArrayList<>();
        for (String raw : dbms.split(",")) {
            String d = raw.strip().toLowerCase(Locale.ROOT);
            if (d.isEmpty()) continue;
            if (d.startsWith("!") || d.equals("all") || d.equals("none")) return null;
            named.add(d);
        }
        if (named.size() != 1) return null;
        for (Dialect dialect : Dialect.values()) if (shortName(dialect).equals(named.get(0))) return dialect;
        return null;
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
