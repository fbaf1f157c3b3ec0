package dev.migrationguard.database;

import dev.migrationguard.config.Config;
import dev.migrationguard.database.AppliedMigrations.Compare;
import dev.migrationguard.stack.DeployedLedger;
import dev.migrationguard.liquibase.LiquibasePaths;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The migrations a live database says it applied, read from its history tables: each must still be in the repository,
 * and unchanged as far as this tool can tell.
 * <ul>
 *   <li>Flyway SQL migrations (versioned, undo, baseline scripts) are compared by Flyway's own CRC32, the checksum the
 *   table records, so an edit is caught even when git never saw the deployed version.</li>
 *   <li>Liquibase records an MD5 this tool does not compute, TypeORM records no checksum, and Flyway records none for
 *   Java migrations. For them the database is evidence of deployment only: the migration must still exist, and a
 *   change that modifies it (against the version the change started from: HEAD for {@code check --staged}, the merge
 *   base for {@code check --base}) is an edit. {@code lint} has no starting version and checks presence only. The MD5
 *   is still used for what it can answer: a {@code validCheckSum} naming it accepts the edit, as Liquibase does.</li>
 *   <li>Flyway repeatable migrations re-run when they change, so only their disappearance counts.</li>
 * </ul>
 */
public final class DatabaseLedger implements DeployedLedger {
    private final String name;
    private final List<Entry> entries;
    private final Map<Entry, Compare> compare;
    private final Map<Entry, String> startingDigest;

    private DatabaseLedger(String name, List<Entry> entries, Map<Entry, Compare> compare,
                           Map<Entry, String> startingDigest) {
        this.name = name;
        this.entries = List.copyOf(entries);
        this.compare = Map.copyOf(compare);
        this.startingDigest = Map.copyOf(startingDigest);
    }

    /**
     * Reads the configured history tables of {@code ledgers.deployedFrom()} (read-only: only SELECT can be sent).
     *
     * @param env      the environment: credentials, and the hosts trusted with them
     * @param current  every migration of the side being checked
     * @param starting every migration of the version the change started from (empty for lint)
     * @param paths    every file of the side being checked
     */
    public static DeployedLedger read(Config.Ledgers ledgers, Map<String, String> env, List<Migration> current,
                                      List<Migration> starting, Collection<String> paths) {
        Database.Target target = Database.target(ledgers.deployedFrom(), env);
        List<AppliedMigrations.Applied> applied = Database.read(target,
                c -> AppliedMigrations.read(c, ledgers.tables()));
        return of("the database at " + JdbcUrls.display(target.url()), applied, current, starting, paths);
    }

    /** Judges rows already read; {@link #read} is the way in, this is its pure half. */
    static DatabaseLedger of(String name, List<AppliedMigrations.Applied> applied, List<Migration> current,
                             List<Migration> starting, Collection<String> paths) {
        boolean typeormModels = current.stream().anyMatch(m -> m.stack() == Migration.Stack.TYPEORM);
        List<Entry> entries = new ArrayList<>();
        Map<Entry, Compare> compare = new HashMap<>();
        Map<Entry, String> startingDigest = new HashMap<>();
        MissingPlaces missing = MissingPlaces.of(current);
        for (AppliedMigrations.Applied a : applied) {
            // Without TypeORM migration models (a build that does not read them), a TypeORM row is judged by file name.
            if (a.stack() == Migration.Stack.TYPEORM && !typeormModels && typeormFileExists(a.name(), paths)) continue;
            Entry entry = new Entry(a.stack(), a.name(), a.checksum(), missing.of(a));
            Compare how = a.compare();
            entries.add(entry);
            compare.put(entry, how);
            if (how == Compare.STARTING_VERSION) {
                for (Migration m : starting) {
                    if (recordedBy(entry, m)) {
                        startingDigest.put(entry, m.digest());
                        break;
                    }
                }
            }
        }
        return new DatabaseLedger(name, entries, compare, startingDigest);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Entry> entries() {
        return entries;
    }

    @Override
    public boolean records(Entry entry, Migration m) {
        return recordedBy(entry, m);
    }

    @Override
    public boolean matches(Entry entry, Migration m) {
        return switch (compare.getOrDefault(entry, Compare.PRESENCE)) {
            case CHECKSUM -> entry.checksum().equals(m.checksum());
            case STARTING_VERSION -> {
                String was = startingDigest.get(entry);
                yield was == null || was.equals(m.digest());
            }
            case PRESENCE -> true;
        };
    }

    /**
     * Flyway: the script's file name, or a Java migration's simple class name; Liquibase: id and author, case folded as
     * {@link String#equalsIgnoreCase} folds; TypeORM: the timestamp. The file part is left to {@link #records}.
     */
    @Override
    public Set<String> keys(Entry entry) {
        String name = entry.name();
        return switch (entry.stack()) {
            case FLYWAY -> {
                String file = fileName(name.replace('\\', '/'));
                yield Set.of("F:" + file, "F:" + file.substring(file.lastIndexOf('.') + 1));
            }
            case LIQUIBASE -> {
                String[] r = split(name);
                yield r == null ? Set.of() : Set.of("L:" + fold(r[1]) + "::" + fold(r[2]));
            }
            case TYPEORM -> name.length() < 13 ? Set.of() : Set.of("T:" + name.substring(name.length() - 13));
        };
    }

    @Override
    public Set<String> keys(Migration m) {
        return switch (m.stack()) {
            case FLYWAY -> {
                String file = fileName(m.path());
                int dot = file.lastIndexOf('.');
                yield dot < 0 ? Set.of("F:" + file) : Set.of("F:" + file, "F:" + file.substring(0, dot));
            }
            case LIQUIBASE -> {
                String[] id = split(m.id());
                yield id == null ? Set.of() : Set.of("L:" + fold(id[1]) + "::" + fold(id[2]));
            }
            case TYPEORM -> {
                String file = fileName(m.path());
                int dash = file.indexOf('-');
                yield dash < 0 ? Set.of() : Set.of("T:" + file.substring(0, dash));
            }
        };
    }

    /** Equal for two strings exactly when {@link String#equalsIgnoreCase} holds for them. */
    private static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) b.append(Character.toLowerCase(Character.toUpperCase(s.charAt(i))));
        return b.toString();
    }

    private static boolean recordedBy(Entry entry, Migration m) {
        if (entry.stack() != m.stack()) return false;
        return switch (m.stack()) {
            case FLYWAY -> flywayScript(entry.name(), m.path());
            case LIQUIBASE -> liquibaseChangeSet(entry.name(), m.id());
            case TYPEORM -> typeormName(entry.name(), fileName(m.path()));
        };
    }

    /**
     * Flyway records a SQL script by its path below the location ({@code V1__init.sql}, {@code pg/V1__init.sql}) and a
     * Java migration by its class name ({@code db.migration.V2__Seed}).
     */
    static boolean flywayScript(String script, String path) {
        String s = script.replace('\\', '/');
        if (path.equals(s) || path.endsWith("/" + s)) return true;
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1);
        if (!ext.equals("java") && !ext.equals("kt")) return false;
        String className = path.substring(0, dot).replace('/', '.');
        return className.equals(s) || className.endsWith("." + s);
    }

    /**
     * Liquibase's {@code filename::id::author} against a changeSet's id: id and author compared case-insensitively as
     * Liquibase does, file names loosely ({@code classpath:}, leading slashes, and a path prefix the runner added).
     */
    static boolean liquibaseChangeSet(String recorded, String id) {
        String[] r = split(recorded);
        String[] m = split(id);
        if (r == null || m == null) return false;
        if (!r[1].equalsIgnoreCase(m[1]) || !r[2].equalsIgnoreCase(m[2])) return false;
        String a = LiquibasePaths.normalizeRecorded(r[0]);
        String b = LiquibasePaths.normalizeRecorded(m[0]);
        return a.equals(b) || a.endsWith("/" + b) || b.endsWith("/" + a);
    }

    private static String[] split(String changeSet) {
        int first = changeSet.indexOf("::");
        int last = changeSet.lastIndexOf("::");
        if (first < 0 || first == last) return null;
        return new String[]{changeSet.substring(0, first), changeSet.substring(first + 2, last),
                changeSet.substring(last + 2)};
    }

    /**
     * TypeORM records a migration by its name, the class name ending in the 13-digit timestamp
     * ({@code AddContestDivisions1700000000000}); its file is {@code <timestamp>-<Description>.ts}, the description in
     * any case style ({@code add-contest-divisions}, {@code add_contest_divisions}).
     */
    static boolean typeormName(String name, String fileName) {
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

    private static boolean typeormFileExists(String name, Collection<String> paths) {
        for (String p : paths) if (typeormName(name, fileName(p))) return true;
        return false;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * Where a migration applied in the database but gone from the repository is reported: the changelog that held a
     * changeSet, the folder of the other Flyway migrations, or the recorded name itself. Worked out once for all rows.
     */
    private record MissingPlaces(Map<String, String> changelogs, String flywayFolder) {
        static MissingPlaces of(List<Migration> current) {
            Map<String, String> changelogs = new HashMap<>();
            Map<String, Integer> folders = new LinkedHashMap<>();
            for (Migration m : current) {
                String[] id = m.stack() == Migration.Stack.LIQUIBASE ? split(m.id()) : null;
                if (id != null) changelogs.putIfAbsent(LiquibasePaths.normalizeRecorded(id[0]), m.path());
                if (m.stack() == Migration.Stack.FLYWAY && m.path().endsWith(".sql")) {
                    folders.merge(m.path().substring(0, m.path().lastIndexOf('/') + 1), 1, Integer::sum);
                }
            }
            String folder = folders.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse(null);
            return new MissingPlaces(changelogs, folder);
        }

        Location of(AppliedMigrations.Applied a) {
            switch (a.stack()) {
                case LIQUIBASE -> {
                    String[] r = split(a.name());
                    if (r != null) {
                        String file = LiquibasePaths.normalizeRecorded(r[0]);
                        return Location.file(changelogs.getOrDefault(file, file));
                    }
                }
                case FLYWAY -> {
                    if (!a.name().endsWith(".sql") || flywayFolder == null) return Location.file(a.name());
                    return Location.file(flywayFolder + a.name());
                }
                default -> {
                }
            }
            return Location.file(a.name());
        }
    }
}
