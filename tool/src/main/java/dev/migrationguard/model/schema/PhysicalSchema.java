package dev.migrationguard.model.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The schema a database has: what the ORM derives from the entities, or what the migrations build when replayed.
 * Both sides use this one model so that {@link PhysicalDiff} can compare any two. Objects are keyed by
 * {@link Identifiers#qualifiedKey}; a schema is {@linkplain #complete incomplete} when an unreadable statement may
 * have created or dropped tables it does not list (a table it lists may still be complete).
 *
 * @param dialect   the database, which decides how names compare
 * @param tables    tables and views by key, in the order they were added
 * @param sequences sequences by key
 * @param enumTypes named enum types by key
 * @param complete  false when tables may be missing
 */
public record PhysicalSchema(Dialect dialect, Map<String, Table> tables, Map<String, Sequence> sequences,
                             Map<String, EnumType> enumTypes, boolean complete) {

    public PhysicalSchema {
        Objects.requireNonNull(dialect, "dialect");
        // Keys are derived from the objects, whatever the caller keyed them by, so lookups always agree.
        Dialect d = dialect;
        tables = keyed(tables, t -> Identifiers.qualifiedKey(d, t.schema(), t.name()));
        sequences = keyed(sequences, q -> Identifiers.qualifiedKey(d, q.schema(), q.name()));
        enumTypes = keyed(enumTypes, e -> Identifiers.qualifiedKey(d, e.schema(), e.name()));
    }

    public static PhysicalSchema empty(Dialect dialect) {
        return new PhysicalSchema(dialect, Map.of(), Map.of(), Map.of(), true);
    }

    /**
     * A complete schema of these objects; a later one with the key of an earlier one replaces it, in its place. Built
     * in one pass: adding them one by one copied the map for each (lint maps thousands of entities' tables at once).
     */
    public static PhysicalSchema of(Dialect dialect, List<Table> tables, List<Sequence> sequences,
                                    List<EnumType> enumTypes) {
        Map<String, Table> t = new LinkedHashMap<>();
        for (Table x : tables) t.put(Identifiers.qualifiedKey(dialect, x.schema(), x.name()), x);
        Map<String, Sequence> q = new LinkedHashMap<>();
        for (Sequence x : sequences) q.put(Identifiers.qualifiedKey(dialect, x.schema(), x.name()), x);
        Map<String, EnumType> e = new LinkedHashMap<>();
        for (EnumType x : enumTypes) e.put(Identifiers.qualifiedKey(dialect, x.schema(), x.name()), x);
        return new PhysicalSchema(dialect, t, q, e, true);
    }

    /** The table or view of that name, or null. */
    public Table table(String schema, String name) {
        return tables.get(key(schema, name));
    }

    public PhysicalSchema withTable(Table table) {
        return new PhysicalSchema(dialect, putting(tables, key(table.schema(), table.name()), table), sequences,
                enumTypes, complete);
    }

    public PhysicalSchema withoutTable(String schema, String name) {
        return new PhysicalSchema(dialect, removing(tables, key(schema, name)), sequences, enumTypes, complete);
    }

    public PhysicalSchema withSequence(Sequence sequence) {
        return new PhysicalSchema(dialect, tables, putting(sequences, key(sequence.schema(), sequence.name()), sequence),
                enumTypes, complete);
    }

    public PhysicalSchema withoutSequence(String schema, String name) {
        return new PhysicalSchema(dialect, tables, removing(sequences, key(schema, name)), enumTypes, complete);
    }

    public PhysicalSchema withEnumType(EnumType type) {
        return new PhysicalSchema(dialect, tables, sequences, putting(enumTypes, key(type.schema(), type.name()), type),
                complete);
    }

    public PhysicalSchema withoutEnumType(String schema, String name) {
        return new PhysicalSchema(dialect, tables, sequences, removing(enumTypes, key(schema, name)), complete);
    }

    private String key(String schema, String name) {
        return Identifiers.qualifiedKey(dialect, schema, name);
    }

    /** A copy of {@code map} with {@code value} at {@code key}, in its old place when the key was there. */
    private static <T> Map<String, T> putting(Map<String, T> map, String key, T value) {
        Map<String, T> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private static <T> Map<String, T> removing(Map<String, T> map, String key) {
        Map<String, T> copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return copy;
    }

    /** The same schema, marked as touched by a statement that could not be read and may have made or dropped tables. */
    public PhysicalSchema incomplete() {
        return new PhysicalSchema(dialect, tables, sequences, enumTypes, false);
    }

    /** The tables and views in the order they were added. */
    public List<Table> tableList() {
        return new ArrayList<>(tables.values());
    }

    private static <V> Map<String, V> keyed(Map<String, V> map, Function<V, String> key) {
        Map<String, V> out = new LinkedHashMap<>();
        for (V v : map.values()) out.put(key.apply(v), v);
        return Collections.unmodifiableMap(out);
    }
}
