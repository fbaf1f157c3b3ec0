package dev.migrationguard.database;

import dev.migrationguard.model.CannotJudge;
import dev.migrationguard.stack.HistoryTable;

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
 * Reads the history tables of the stacks' migration tools that exist in a database, with SELECT only, into the
 * migrations the database says it applied. Which rows count, and what they record, each stack's {@link HistoryTable}
 * says; this finds the tables as the database spells them and sends the queries.
 */
final class AppliedMigrations {

    private AppliedMigrations() {
    }

    /**
     * One migration applied in the database.
     *
     * @param stack    the id of the stack whose table records it
     * @param name     as recorded: Flyway's {@code script}, Liquibase's {@code filename::id::author}, TypeORM's {@code name}
     * @param checksum the recorded checksum, or null
     * @param compare  how its content can be held to the repository
     */
    record Applied(String stack, String name, String checksum, HistoryTable.Compare compare) {
    }

    /**
     * A history table to read: the stack's, under the name configured for it.
     *
     * @param name {@code name} or {@code schema.name}
     */
    record Source(String stack, HistoryTable table, String name) {
    }

    /** Every applied migration recorded in the tables that exist, table after table in the order given. */
    static List<Applied> read(Connection c, List<Source> sources) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String current = c.getSchema();
        List<Applied> applied = new ArrayList<>();
        for (Source source : sources) {
            Table t = find(meta, current, source.name());
            if (t == null) continue;
            for (HistoryTable.Applied a : source.table().read(new TableRows(c, meta, t, source.stack()))) {
                applied.add(new Applied(source.stack(), a.name(), a.checksum(), a.compare()));
            }
        }
        return applied;
    }

    /** A table as the database spells it, and its columns by lower-case name. */
    private record Table(String schema, String name, Map<String, String> columns) {
        String shown() {
            return schema == null ? name : schema + "." + name;
        }
    }

    /** A found table as a stack reads it: columns by their lower-case names, quoted as the database wants. */
    private record TableRows(Connection c, DatabaseMetaData meta, Table t, String stack) implements HistoryTable.Rows {
        @Override
        public boolean has(String... columns) {
            return t.columns().keySet().containsAll(List.of(columns));
        }

        @Override
        public void require(String... columns) {
            for (String n : columns) {
                if (!t.columns().containsKey(n)) {
                    throw new CannotJudge("table " + t.shown() + " has no column " + n + ", so it is not the "
                            + stack + " history table this tool reads: name the right one in deployed.tables." + stack);
                }
            }
        }

        @Override
        public void select(List<String> columns, String orderBy, HistoryTable.Row each) throws SQLException {
            List<String> quoted = new ArrayList<>();
            for (String n : columns) quoted.add(quote(meta, t.columns().get(n)));
            String sql = "SELECT " + String.join(", ", quoted) + " FROM " + quoted(meta, t) + " ORDER BY "
                    + quote(meta, t.columns().get(orderBy));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) each.read(rs);
            }
        }
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
