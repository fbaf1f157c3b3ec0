package dev.migrationguard.database;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.settings.DeployedSettings;
import dev.migrationguard.stack.DeployedLedger;
import dev.migrationguard.stack.HistoryTable.Compare;
import dev.migrationguard.stack.HistoryTable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The migrations a live database says it applied, read from the history tables of the stacks' migration tools: each
 * must still be in the repository, and unchanged as far as this tool can tell. How far that is depends on what a table
 * records (see {@link HistoryTable.Compare}): a checksum this tool computes as the tool does is compared; without one,
 * a change that modifies the migration (against the version the change started from: HEAD for {@code check --staged},
 * the merge base for {@code check --base}) is an edit, and {@code lint}, with no starting version, checks presence
 * only; a migration that re-runs when it changes only must not disappear. A recorded checksum is still used for what
 * it can answer: a {@code validCheckSum} naming it accepts the edit, as Liquibase does.
 */
public final class DatabaseLedger implements DeployedLedger {
    private final String name;
    private final List<Entry> entries;
    private final Map<Entry, Compare> compare;
    private final Map<Entry, String> startingDigest;
    private final Map<String, HistoryTable> tables;

    private DatabaseLedger(String name, List<Entry> entries, Map<Entry, Compare> compare,
                           Map<Entry, String> startingDigest, Map<String, HistoryTable> tables) {
        this.name = name;
        this.entries = List.copyOf(entries);
        this.compare = Map.copyOf(compare);
        this.startingDigest = Map.copyOf(startingDigest);
        this.tables = Map.copyOf(tables);
    }

    /**
     * The database of {@code deployed.from()}, read when the engine opens it (read-only: only SELECT can be sent).
     *
     * @param env    the environment: credentials, and the hosts trusted with them
     * @param tables the history table of each stack that keeps one, by stack id, in the order to read them
     */
    public static Source source(DeployedSettings deployed, Map<String, String> env, Map<String, HistoryTable> tables) {
        return (cs, migrationsOf) -> {
            List<Migration> starting = cs.before() == null ? List.of() : migrationsOf.apply(cs.before());
            return Optional.of(read(deployed, env, tables, migrationsOf.apply(cs.after()), starting,
                    cs.after().paths()));
        };
    }

    /**
     * Reads the history tables of {@code deployed.from()}.
     *
     * @param current  every migration of the side being checked
     * @param starting every migration of the version the change started from (empty for lint)
     * @param paths    every file of the side being checked
     */
    static DatabaseLedger read(DeployedSettings deployed, Map<String, String> env, Map<String, HistoryTable> tables,
                               List<Migration> current, List<Migration> starting, Collection<String> paths) {
        Database.Target target = Database.target(deployed.from(), env);
        List<AppliedMigrations.Source> sources = new ArrayList<>();
        tables.forEach((stack, table) -> sources.add(new AppliedMigrations.Source(stack, table,
                deployed.tables().getOrDefault(stack, table.defaultName()))));
        List<AppliedMigrations.Applied> applied = Database.read(target, c -> AppliedMigrations.read(c, sources));
        return of("the database at " + JdbcUrls.display(target.url()), applied, current, starting, paths, tables);
    }

    /** Judges rows already read; {@link #read} is the way in, this is its pure half. */
    static DatabaseLedger of(String name, List<AppliedMigrations.Applied> applied, List<Migration> current,
                             List<Migration> starting, Collection<String> paths, Map<String, HistoryTable> tables) {
        Map<String, List<Migration>> byStack = new HashMap<>();
        for (Migration m : current) byStack.computeIfAbsent(m.stack(), k -> new ArrayList<>()).add(m);
        Map<String, Function<String, Location>> missing = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        Map<Entry, Compare> compare = new HashMap<>();
        Map<Entry, String> startingDigest = new HashMap<>();
        for (AppliedMigrations.Applied a : applied) {
            HistoryTable table = tables.get(a.stack());
            List<Migration> ofStack = byStack.getOrDefault(a.stack(), List.of());
            // Without the stack's migrations (a build that does not read them), a row is judged by its file's name.
            if (ofStack.isEmpty() && table.fileOf(a.name(), paths)) continue;
            Location place = missing.computeIfAbsent(a.stack(), s -> table.missingPlaces(ofStack)).apply(a.name());
            Entry entry = new Entry(a.stack(), a.name(), a.checksum(), place);
            Compare how = a.compare();
            entries.add(entry);
            compare.put(entry, how);
            if (how == Compare.STARTING_VERSION) {
                for (Migration m : starting) {
                    if (recordedBy(tables, entry, m)) {
                        startingDigest.put(entry, m.digest());
                        break;
                    }
                }
            }
        }
        return new DatabaseLedger(name, entries, compare, startingDigest, tables);
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
        return recordedBy(tables, entry, m);
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

    /** The keys of the stack's history table, told apart from another stack's by its id. */
    @Override
    public Set<String> keys(Entry entry) {
        HistoryTable table = tables.get(entry.stack());
        return table == null ? Set.of() : prefixed(entry.stack(), table.keys(entry.name()));
    }

    @Override
    public Set<String> keys(Migration m) {
        HistoryTable table = tables.get(m.stack());
        return table == null ? Set.of() : prefixed(m.stack(), table.keys(m));
    }

    private static Set<String> prefixed(String stack, Set<String> keys) {
        Set<String> out = new HashSet<>();
        for (String k : keys) out.add(stack + ":" + k);
        return out;
    }

    private static boolean recordedBy(Map<String, HistoryTable> tables, Entry entry, Migration m) {
        if (!entry.stack().equals(m.stack())) return false;
        HistoryTable table = tables.get(m.stack());
        return table != null && table.records(entry.name(), m);
    }
}
