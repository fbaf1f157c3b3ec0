package dev.migrationguard.liquibase;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.stack.HistoryTable;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code databasechangelog}. Liquibase records an MD5 this tool does not compute, so a row is evidence of deployment:
 * the changeSet must still exist, and a change that modifies it is an edit. The MD5 is still used where it answers: a
 * {@code validCheckSum} naming it accepts the edit, as Liquibase does. Failed changeSets record nothing applied.
 */
final class LiquibaseHistory implements HistoryTable {

    @Override
    public String defaultName() {
        return "databasechangelog";
    }

    @Override
    public List<Applied> read(Rows rows) throws SQLException {
        rows.require("id", "author", "filename", "md5sum", "exectype", "orderexecuted");
        List<Applied> out = new ArrayList<>();
        rows.select(List.of("id", "author", "filename", "md5sum", "exectype"), "orderexecuted", rs -> {
            if ("FAILED".equalsIgnoreCase(rs.getString(5))) return;
            String name = rs.getString(3) + "::" + rs.getString(1) + "::" + rs.getString(2);
            out.add(new Applied(name, rs.getString(4), Compare.STARTING_VERSION));
        });
        return out;
    }

    /** Id and author, case folded as {@link String#equalsIgnoreCase} folds; the file part is left to records. */
    @Override
    public Set<String> keys(String recorded) {
        String[] r = split(recorded);
        return r == null ? Set.of() : Set.of("L:" + fold(r[1]) + "::" + fold(r[2]));
    }

    @Override
    public Set<String> keys(Migration m) {
        String[] id = split(m.id());
        return id == null ? Set.of() : Set.of("L:" + fold(id[1]) + "::" + fold(id[2]));
    }

    @Override
    public boolean records(String recorded, Migration m) {
        return changeSet(recorded, m.id());
    }

    /**
     * Liquibase's {@code filename::id::author} against a changeSet's id: id and author compared case-insensitively as
     * Liquibase does, file names loosely ({@code classpath:}, leading slashes, and a path prefix the runner added).
     */
    static boolean changeSet(String recorded, String id) {
        String[] r = split(recorded);
        String[] m = split(id);
        if (r == null || m == null) return false;
        if (!r[1].equalsIgnoreCase(m[1]) || !r[2].equalsIgnoreCase(m[2])) return false;
        String a = LiquibasePaths.normalizeRecorded(r[0]);
        String b = LiquibasePaths.normalizeRecorded(m[0]);
        return a.equals(b) || a.endsWith("/" + b) || b.endsWith("/" + a);
    }

    /** A changeSet gone from the repository is reported in the changelog that holds its file's changeSets now. */
    @Override
    public Function<String, Location> missingPlaces(List<Migration> current) {
        Map<String, String> changelogs = new HashMap<>();
        for (Migration m : current) {
            String[] id = split(m.id());
            if (id != null) changelogs.putIfAbsent(LiquibasePaths.normalizeRecorded(id[0]), m.path());
        }
        return name -> {
            String[] r = split(name);
            if (r == null) return Location.file(name);
            String file = LiquibasePaths.normalizeRecorded(r[0]);
            return Location.file(changelogs.getOrDefault(file, file));
        };
    }

    /** Equal for two strings exactly when {@link String#equalsIgnoreCase} holds for them. */
    private static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) b.append(Character.toLowerCase(Character.toUpperCase(s.charAt(i))));
        return b.toString();
    }

    private static String[] split(String changeSet) {
        int first = changeSet.indexOf("::");
        int last = changeSet.lastIndexOf("::");
        if (first < 0 || first == last) return null;
        return new String[]{changeSet.substring(0, first), changeSet.substring(first + 2, last),
                changeSet.substring(last + 2)};
    }
}
