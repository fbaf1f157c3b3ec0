package dev.migrationguard.model.schema;

import java.util.ArrayList;
import java.util.Collection;
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
        // Keys are derived from the objects, whatever the caller keyed them by, so lookups always agree; maps this
        // class keyed for the dialect already are taken as they are, so that adding one object costs no copy.
        tables = keyed(dialect, tables, tableKey(dialect));
        sequences = keyed(dialect, sequences, sequenceKey(dialect));
        enumTypes = keyed(dialect, enumTypes, enumTypeKey(dialect));
    }

    public static PhysicalSchema empty(Dialect dialect) {
        return new PhysicalSchema(dialect, Map.of(), Map.of(), Map.of(), true);
    }

    /**
     * A complete schema of these objects; a later one with the key of an earlier one replaces it, in its place: the
     * schema adding them one by one gives.
     */
    public static PhysicalSchema of(Dialect dialect, List<Table> tables, List<Sequence> sequences,
                                    List<EnumType> enumTypes) {
        return new PhysicalSchema(dialect, keyed(dialect, tables, tableKey(dialect)),
                keyed(dialect, sequences, sequenceKey(dialect)), keyed(dialect, enumTypes, enumTypeKey(dialect)), true);
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

    /** {@code map} with {@code value} at {@code key}, in its old place when the key was there. */
    private <T> Map<String, T> putting(Map<String, T> map, String key, T value) {
        return ((KeyedObjects<T>) map).plus(dialect, key, value);
    }

    private static <T> Map<String, T> removing(Map<String, T> map, String key) {
        return ((KeyedObjects<T>) map).minus(key);
    }

    /** The same schema, marked as touched by a statement that could not be read and may have made or dropped tables. */
    public PhysicalSchema incomplete() {
        return new PhysicalSchema(dialect, tables, sequences, enumTypes, false);
    }

    /** The tables and views in the order they were added. */
    public List<Table> tableList() {
        return new ArrayList<>(tables.values());
    }

    private static <V> Map<String, V> keyed(Dialect d, Map<String, V> map, Function<V, String> key) {
        return map instanceof KeyedObjects<V> k && k.keyedFor(d) ? k : keyed(d, map.values(), key);
    }

    private static <V> KeyedObjects<V> keyed(Dialect d, Collection<V> values, Function<V, String> key) {
        KeyedObjects<V> out = KeyedObjects.empty();
        for (V v : values) out = out.plus(d, key.apply(v), v);
        return out;
    }

    private static Function<Table, String> tableKey(Dialect d) {
        return t -> Identifiers.qualifiedKey(d, t.schema(), t.name());
    }

    private static Function<Sequence, String> sequenceKey(Dialect d) {
        return q -> Identifiers.qualifiedKey(d, q.schema(), q.name());
    }

    private static Function<EnumType, String> enumTypeKey(Dialect d) {
        return e -> Identifiers.qualifiedKey(d, e.schema(), e.name());
    }
}
