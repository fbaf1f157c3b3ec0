package dev.migrationguard.typeorm;

import dev.migrationguard.model.Migration;
import dev.migrationguard.model.Text;
import dev.migrationguard.stack.HistoryTable;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * TypeORM's {@code migrations} table. It records no checksum, so a row is evidence of deployment: the migration must
 * still exist, and a change that modifies it is an edit. The name is one other tools use too (Laravel's holds
 * {@code migration} and {@code batch}): a table without TypeORM's columns is not TypeORM's and is not read.
 */
final class TypeOrmHistory implements HistoryTable {

    @Override
    public String defaultName() {
        return "migrations";
    }

    @Override
    public List<Applied> read(Rows rows) throws SQLException {
        if (!rows.has("id", "timestamp", "name")) return List.of();
        List<Applied> out = new ArrayList<>();
        rows.select(List.of("name"), "id", rs -> out.add(new Applied(rs.getString(1), null, Compare.STARTING_VERSION)));
        return out;
    }

    /** The timestamp that ends the recorded class name, which begins the file name. */
    @Override
    public Set<String> keys(String recorded) {
        return recorded.length() < 13 ? Set.of() : Set.of("T:" + recorded.substring(recorded.length() - 13));
    }

    /** The timestamp that ends its name (its id), else the one that begins its file name. */
    @Override
    public Set<String> keys(Migration m) {
        Set<String> keys = new java.util.HashSet<>(keys(m.id()));
        String file = Text.fileName(m.path());
        int dash = file.indexOf('-');
        if (dash > 0) keys.add("T:" + file.substring(0, dash));
        return keys;
    }

    /** The recorded name is the migration's id; an older reading matched it against the file name. */
    @Override
    public boolean records(String recorded, Migration m) {
        return recorded.equals(m.id()) || name(recorded, Text.fileName(m.path()));
    }

    @Override
    public boolean fileOf(String recorded, Collection<String> paths) {
        for (String p : paths) if (name(recorded, Text.fileName(p))) return true;
        return false;
    }

    /**
     * TypeORM records a migration by its name, the class name ending in the 13-digit timestamp
     * ({@code AddContestDivisions1700000000000}); its file is {@code <timestamp>-<Description>.ts}, the description in
     * any case style ({@code add-contest-divisions}, {@code add_contest_divisions}).
     */
    static boolean name(String name, String fileName) {
        if (name.length() < 13) return false;
        String timestamp = name.substring(name.length() - 13);
        String description = name.substring(0, name.length() - 13);
        int dash = fileName.indexOf('-');
        int dot = fileName.lastIndexOf('.');
        if (dash < 0 || dot < dash) return false;
        String ext = fileName.substring(dot + 1);
        if (!ext.equals("ts") && !ext.equals("js")) return false;
        return fileName.substring(0, dash).equals(timestamp)
                && letters(fileName.substring(dash + 1, dot)).equals(letters(description));
    }

    private static String letters(String s) {
        return s.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
