package dev.migrationguard.flyway;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.Text;
import dev.migrationguard.stack.HistoryTable;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code flyway_schema_history}. SQL migrations (versioned, undo, baseline scripts) are compared by Flyway's own CRC32,
 * which the table records; Java migrations have no checksum there, and repeatable ones re-run when they change, so
 * only their disappearance counts. Schema and baseline markers, failed attempts and migrations that {@code repair}
 * marked deleted record no applied migration.
 */
final class FlywayHistory implements HistoryTable {
    private static final Set<String> CHECKSUMMED = Set.of("SQL", "SQL_BASELINE", "UNDO_SQL");
    private static final Set<String> MARKERS = Set.of("SCHEMA", "BASELINE");

    @Override
    public String defaultName() {
        return "flyway_schema_history";
    }

    @Override
    public List<Applied> read(Rows rows) throws SQLException {
        rows.require("installed_rank", "version", "script", "checksum", "type", "success");
        Map<String, Applied> byScript = new LinkedHashMap<>();
        Map<String, String> versionOf = new LinkedHashMap<>();
        Set<String> deletedVersions = new HashSet<>();
        Set<String> deletedScripts = new HashSet<>();
        rows.select(List.of("version", "script", "checksum", "type", "success"), "installed_rank", rs -> {
            String version = rs.getString(1);
            String script = rs.getString(2);
            long checksum = rs.getLong(3);
            boolean hasChecksum = !rs.wasNull();
            String type = String.valueOf(rs.getString(4)).toUpperCase(Locale.ROOT);
            boolean success = rs.getBoolean(5);
            if (!success || script == null || MARKERS.contains(type)) return;
            if (type.equals("DELETE")) {
                if (version != null) deletedVersions.add(version);
                deletedScripts.add(script);
                return;
            }
            // A repeatable migration re-runs whenever its checksum changes: a new checksum is its normal life.
            Compare compare = version == null ? Compare.PRESENCE
                    : hasChecksum && CHECKSUMMED.contains(type) ? Compare.CHECKSUM
                    : Compare.STARTING_VERSION;
            byScript.put(script, new Applied(script, hasChecksum ? Long.toString((int) checksum) : null, compare));
            if (version != null) versionOf.put(script, version);
        });
        List<Applied> out = new ArrayList<>();
        for (Applied a : byScript.values()) {
            String version = versionOf.get(a.name());
            if (deletedScripts.contains(a.name()) || version != null && deletedVersions.contains(version)) continue;
            out.add(a);
        }
        return out;
    }

    /** The script's file name, or a Java migration's simple class name; the folder is left to {@link #records}. */
    @Override
    public Set<String> keys(String recorded) {
        String file = Text.fileName(recorded.replace('\\', '/'));
        return Set.of("F:" + file, "F:" + file.substring(file.lastIndexOf('.') + 1));
    }

    @Override
    public Set<String> keys(Migration m) {
        String file = Text.fileName(m.path());
        int dot = file.lastIndexOf('.');
        return dot < 0 ? Set.of("F:" + file) : Set.of("F:" + file, "F:" + file.substring(0, dot));
    }

    @Override
    public boolean records(String recorded, Migration m) {
        return script(recorded, m.path());
    }

    /**
     * Flyway records a SQL script by its path below the location ({@code V1__init.sql}, {@code pg/V1__init.sql}) and a
     * Java migration by its class name ({@code db.migration.V2__Seed}).
     */
    static boolean script(String script, String path) {
        String s = script.replace('\\', '/');
        if (path.equals(s) || path.endsWith("/" + s)) return true;
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1);
        if (!ext.equals("java") && !ext.equals("kt")) return false;
        String className = path.substring(0, dot).replace('/', '.');
        return className.equals(s) || className.endsWith("." + s);
    }

    /** A script gone from the repository is reported in the folder that holds most of the SQL scripts now. */
    @Override
    public Function<String, Location> missingPlaces(List<Migration> current) {
        Map<String, Integer> folders = new LinkedHashMap<>();
        for (Migration m : current) {
            if (m.path().endsWith(".sql")) {
                folders.merge(m.path().substring(0, m.path().lastIndexOf('/') + 1), 1, Integer::sum);
            }
        }
        String folder = folders.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(null);
        return name -> !name.endsWith(".sql") || folder == null ? Location.file(name) : Location.file(folder + name);
    }
}
