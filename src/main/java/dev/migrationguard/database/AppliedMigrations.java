package dev.migrationguard.database;

import dev.migrationguard.model.CannotJudge;
import dev.migrationguard.model.Migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the migrations tables of Flyway, Liquibase and TypeORM that exist in a database, with SELECT only, into the
 * migrations the database says it applied. Rows that record no applied migration are left out: Flyway's schema and
 * baseline markers, failed attempts and migrations that {@code repair} marked deleted; Liquibase's failed changeSets.
 */
final class AppliedMigrations {
    private static final Set<String> FLYWAY_CHECKSUMMED = Set.of("SQL", "SQL_BASELINE", "UNDO_SQL");
    private static final Set<String> FLYWAY_MARKERS = Set.of("SCHEMA", "BASELINE");

    private AppliedMigrations() {
    }

    /**
     * One migration applied in the database.
     *
     * @param name     Flyway's {@code script}, Liquibase's {@code filename::id::author}, TypeORM's {@code name}
     * @param checksum Flyway's CRC32 of a SQL migration (signed decimal), Liquibase's MD5SUM, or null
     * @param compare  how its content can be held to the repository
     */
    record Applied(Migration.Stack stack, String name, String checksum, Compare compare) {
    }

    /** How an applied migration's content is held to the repository. */
    enum Compare {
        /** The checksum the table records against the file's (Flyway SQL, which this tool computes as Flyway does). */
        CHECKSUM,
        /** No comparable checksum: the version the change started from against the checked one. */
        STARTING_VERSION,
        /** Only its presence: any content is fine (a Flyway repeatable migration re-runs when it changes). */
        PRESENCE
    }

    /** Every applied migration recorded in the configured tables ({@code flyway}, {@code liquibase}, {@code typeorm}). */
    static List<Applied> read(Connection c, Map<String, String> tables) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String current = c.getSchema();
        List<Applied> applied = new ArrayList<>();
        Table flyway = find(meta, current, tables.get("flyway"));
        if (flyway != null) applied.addAll(flyway(c, meta, flyway));
        Table liquibase = find(meta, current, tables.get("liquibase"));
        if (liquibase != null) applied.addAll(liquibase(c, meta, liquibase));
        Table typeorm = find(meta, current, tables.get("typeorm"));
        if (typeorm != null) applied.addAll(typeorm(c, meta, typeorm));
        return applied;
    }

    /** A table as the database spells it, and its columns by lower-case name. */
    private record Table(String schema, String name, Map<String, String> columns) {
        String shown() {
            return schema == null ? name : schema + "." + name;
        }
    }

    private static List<Applied> flyway(Connection c, DatabaseMetaData meta, Table t) throws SQLException {
        Map<String, String> col = require(t, "flyway", "installed_rank", "version", "script", "checksum", "type", "success");
        String sql = "SELECT " + cols(meta, col, "version", "script", "checksum", "type", "success") + " FROM "
                + quoted(meta, t) + " ORDER BY " + quote(meta, col.get("installed_rank"));
        Map<String, Applied> byScript = new LinkedHashMap<>();
        Map<String, String> versionOf = new LinkedHashMap<>();
        Set<String> deletedVersions = new HashSet<>();
        Set<String> deletedScripts = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String version = rs.getString(1);
                String script = rs.getString(2);
                long checksum = rs.getLong(3);
                boolean hasChecksum = !rs.wasNull();
                String type = String.valueOf(rs.getString(4)).toUpperCase(Locale.ROOT);
                boolean success = rs.getBoolean(5);
                if (!success || script == null || FLYWAY_MARKERS.contains(type)) continue;
                if (type.equals("DELETE")) {
                    if (version != null) deletedVersions.add(version);
                    deletedScripts.add(script);
                    continue;
                }
                // A repeatable migration re-runs whenever its checksum changes: a new checksum is its normal life.
                Compare compare = version == null ? Compare.PRESENCE
                        : hasChecksum && FLYWAY_CHECKSUMMED.contains(type) ? Compare.CHECKSUM
                        : Compare.STARTING_VERSION;
                byScript.put(script, new Applied(Migration.Stack.FLYWAY, script,
                        hasChecksum ? Long.toString((int) checksum) : null, compare));
                if (version != null) versionOf.put(script, version);
            }
        }
        List<Applied> out = new ArrayList<>();
        for (Applied a : byScript.values()) {
            String version = versionOf.get(a.name());
            if (deletedScripts.contains(a.name()) || version != null && deletedVersions.contains(version)) continue;
            out.add(a);
        }
        return out;
    }

    private static List<Applied> liquibase(Connection c, DatabaseMetaData meta, Table t) throws SQLException {
        Map<String, String> col = require(t, "liquibase", "id", "author", "filename", "md5sum", "exectype", "orderexecuted");
        String sql = "SELECT " + cols(meta, col, "id", "author", "filename", "md5sum", "exectype") + " FROM "
                + quoted(meta, t) + " ORDER BY " + quote(meta, col.get("orderexecuted"));
        List<Applied> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                if ("FAILED".equalsIgnoreCase(rs.getString(5))) continue;
                String name = rs.getString(3) + "::" + rs.getString(1) + "::" + rs.getString(2);
                out.add(new Applied(Migration.Stack.LIQUIBASE, name, rs.getString(4), Compare.STARTING_VERSION));
            }
        }
        return out;
    }

    /**
     * TypeORM's table has a name other tools use too (Laravel's {@code migrations} holds {@code migration} and
     * {@code batch}): a table without TypeORM's columns is not TypeORM's and is not read.
     */
    private static List<Applied> typeorm(Connection c, DatabaseMetaData meta, Table t) throws SQLException {
        if (!t.columns().keySet().containsAll(List.of("id", "timestamp", "name"))) return List.of();
        String sql = "SELECT " + cols(meta, t.columns(), "name") + " FROM " + quoted(meta, t) + " ORDER BY "
                + quote(meta, t.columns().get("id"));
        List<Applied> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(new Applied(Migration.Stack.TYPEORM, rs.getString(1), null,
                    Compare.STARTING_VERSION));
        }
        return out;
    }

    /**
     * The configured table ({@code name} or {@code schema.name}) as the database spells it, or null when it does not
     * exist. Unqualified, the one in the connection's current schema wins; found in several other schemas, the run
     * stops and asks which.
     */
    private static Table find(DatabaseMetaData meta, String currentSchema, String configured) throws SQLException {
        if (configured == null) return null;
        int dot = configured.indexOf('.');
        String schema = dot < 0 ? null : configured.substring(0, dot);
        String name = dot < 0 ? configured : configured.substring(dot + 1);
        List<String[]> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String n : List.of(name, name.toLowerCase(Locale.ROOT), name.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = meta.getTables(null, schema, escape(meta, n), new String[]{"TABLE"})) {
                while (rs.next()) {
                    String[] t = {rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME")};
                    if (t[1].equalsIgnoreCase(name) && (schema == null || schema.equalsIgnoreCase(t[0]))
                            && seen.add(t[0] + "." + t[1])) {
                        found.add(t);
                    }
                }
            }
        }
        if (found.isEmpty()) return null;
        String[] chosen = null;
        for (String[] t : found) if (currentSchema != null && currentSchema.equals(t[0])) chosen = t;
        if (chosen == null && found.size() > 1) {
            List<String> all = found.stream().map(t -> t[0] + "." + t[1]).toList();
            throw new CannotJudge("the database has several tables named " + name + " (" + String.join(", ", all)
                    + "): name one in deployed.tables (schema.table)");
        }
        if (chosen == null) chosen = found.get(0);
        Map<String, String> columns = new LinkedHashMap<>();
        try (ResultSet rs = meta.getColumns(null, escape(meta, chosen[0]), escape(meta, chosen[1]), null)) {
            while (rs.next()) {
                String column = rs.getString("COLUMN_NAME");
                columns.put(column.toLowerCase(Locale.ROOT), column);
            }
        }
        return new Table(chosen[0], chosen[1], columns);
    }

    private static Map<String, String> require(Table t, String stack, String... names) {
        for (String n : names) {
            if (!t.columns().containsKey(n)) {
                throw new CannotJudge("table " + t.shown() + " has no column " + n + ", so it is not the "
                        + stack + " history table this tool reads: name the right one in deployed.tables." + stack);
            }
        }
        return t.columns();
    }

    private static String cols(DatabaseMetaData meta, Map<String, String> columns, String... names)
            throws SQLException {
        List<String> quoted = new ArrayList<>();
        for (String n : names) quoted.add(quote(meta, columns.get(n)));
        return String.join(", ", quoted);
    }

    private static String quoted(DatabaseMetaData meta, Table t) throws SQLException {
        return (t.schema() == null ? "" : quote(meta, t.schema()) + ".") + quote(meta, t.name());
    }

    private static String quote(DatabaseMetaData meta, String identifier) throws SQLException {
        String q = meta.getIdentifierQuoteString();
        if (q == null || q.isBlank()) return identifier;
        return q + identifier.replace(q, q + q) + q;
    }

    private static String escape(DatabaseMetaData meta, String pattern) throws SQLException {
        if (pattern == null) return null;
        String e = meta.getSearchStringEscape();
        if (e == null || e.isEmpty()) return pattern;
        return pattern.replace(e, e + e).replace("_", e + "_").replace("%", e + "%");
    }
}
