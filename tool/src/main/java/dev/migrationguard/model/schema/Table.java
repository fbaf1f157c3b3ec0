package dev.migrationguard.model.schema;

import dev.migrationguard.model.Location;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A table or a view as the database has it, with the facts that make its DDL. A table whose facts an unreadable
 * statement naming it may have changed is {@linkplain #complete incomplete}: its facts may be missing or stale, so
 * nothing is told about it but that it exists. A statement not read that may have acted anywhere (one naming no table,
 * or one the replay lacks) leaves a table complete, but no longer {@linkplain #certain certain} of its columns.
 *
 * @param schema         its schema as written; null for the default one
 * @param name           its stored name ({@link Identifiers#stored})
 * @param view           a view rather than a table (an {@code @ViewEntity}, a {@code @Subselect} entity, a
 *                       {@code CREATE VIEW})
 * @param columns        in declaration order
 * @param primaryKey     null when it has none
 * @param foreignKeys    its foreign keys
 * @param indexes        its indexes
 * @param uniques        its unique constraints
 * @param checks         its check constraints
 * @param viewDefinition a view's query in {@link SqlText#normalise normal form}; null for a table, or when unknown
 * @param complete       false when an unreadable statement touched it
 * @param location       the entity or statement that causes it
 * @param settled        of an incomplete table, the {@linkplain Identifiers#key keys} of the columns whose every fact
 *                       was read since an unreadable statement last touched it (one added after the table was made
 *                       outside the migrations read); empty for a complete table, which knows all its columns
 * @param settledSinceAny when a statement not read that may have changed any table (it names none, or one the replay
 *                       lacks: its text may hold statements the reader did not see) ran after the table was made, the
 *                       keys of the columns whose every fact was read since; null when none ran since
 * @param incompleteBy   of an incomplete table, the statement that last made it so (one that could not be read, a
 *                       {@code CREATE TABLE ... AS} query, or the first to act on a table no statement read created);
 *                       null for a complete table
 */
public record Table(String schema, String name, boolean view, List<Column> columns, PrimaryKey primaryKey,
                    List<ForeignKey> foreignKeys, List<Index> indexes, List<UniqueConstraint> uniques,
                    List<CheckConstraint> checks, String viewDefinition, boolean complete, Location location,
                    Set<String> settled, Set<String> settledSinceAny, Location incompleteBy) {

    public Table {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        foreignKeys = List.copyOf(foreignKeys);
        indexes = List.copyOf(indexes);
        uniques = List.copyOf(uniques);
        checks = List.copyOf(checks);
        settled = complete || settled == null ? Set.of() : Set.copyOf(settled);
        settledSinceAny = settledSinceAny == null ? null : Set.copyOf(settledSinceAny);
        if (complete) incompleteBy = null;
    }

    /** A table that knows no column of its own beyond what {@code complete} says. */
    public Table(String schema, String name, boolean view, List<Column> columns, PrimaryKey primaryKey,
                 List<ForeignKey> foreignKeys, List<Index> indexes, List<UniqueConstraint> uniques,
                 List<CheckConstraint> checks, String viewDefinition, boolean complete, Location location) {
        this(schema, name, view, columns, primaryKey, foreignKeys, indexes, uniques, checks, viewDefinition, complete,
                location, Set.of(), null, null);
    }

    /** An empty table, to be filled with the {@code with...} methods. */
    public static Table table(String schema, String name, Location location) {
        return new Table(schema, name, false, List.of(), null, List.of(), List.of(), List.of(), List.of(), null, true,
                location);
    }

    /** A view with its query (null when unknown). */
    public static Table view(String schema, String name, String definition, Location location) {
        return new Table(schema, name, true, List.of(), null, List.of(), List.of(), List.of(), List.of(),
                SqlText.normalise(definition), true, location);
    }

    /** The column of that name, or null. */
    public Column column(Dialect dialect, String columnName) {
        String key = Identifiers.key(dialect, columnName);
        for (Column c : columns) {
            if (Identifiers.key(dialect, c.name()).equals(key)) return c;
        }
        return null;
    }

    /**
     * Whether the column alone is unique, by its own flag, a one-column unique constraint or a one-column unique index;
     * null when it cannot be told.
     */
    public Boolean uniqueColumn(Dialect dialect, String columnName) {
        String key = Identifiers.key(dialect, columnName);
        for (UniqueConstraint u : uniques) {
            if (u.columns().size() == 1 && Identifiers.key(dialect, u.columns().get(0)).equals(key)) return true;
        }
        for (Index i : indexes) {
            if (i.isUniqueness() && i.columns().size() == 1 && Identifiers.key(dialect, i.columns().get(0)).equals(key)) {
                return true;
            }
        }
        Column c = column(dialect, columnName);
        return c == null ? null : c.unique();
    }

    /** The sets of two or more columns that are unique together, each in declaration order, with its source. */
    public List<UniqueConstraint> uniqueSets() {
        List<UniqueConstraint> out = new ArrayList<>();
        for (UniqueConstraint u : uniques) {
            if (u.columns().size() > 1) out.add(u);
        }
        for (Index i : indexes) {
            if (i.isUniqueness() && i.columns().size() > 1) out.add(new UniqueConstraint(i.name(), i.columns(), i.location()));
        }
        return out;
    }

    /** The column added, or put in the place of the one of the same name. */
    public Table withColumn(Dialect dialect, Column column) {
        List<Column> cs = new ArrayList<>(columns);
        String key = Identifiers.key(dialect, column.name());
        int at = indexOf(dialect, key);
        if (at >= 0) cs.set(at, column);
        else cs.add(column);
        return new Table(schema, name, view, cs, primaryKey, foreignKeys, indexes, uniques, checks, viewDefinition,
                complete, location, settled, settledSinceAny, incompleteBy);
    }

    public Table withoutColumn(Dialect dialect, String columnName) {
        List<Column> cs = new ArrayList<>(columns);
        int at = indexOf(dialect, Identifiers.key(dialect, columnName));
        if (at >= 0) cs.remove(at);
        String key = Identifiers.key(dialect, columnName);
        return new Table(schema, name, view, cs, primaryKey, foreignKeys, indexes, uniques, checks, viewDefinition,
                complete, location, removing(settled, key),
                settledSinceAny == null ? null : removing(settledSinceAny, key), incompleteBy);
    }

    private int indexOf(Dialect dialect, String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (Identifiers.key(dialect, columns.get(i).name()).equals(key)) return i;
        }
        return -1;
    }

    public Table withName(String newSchema, String newName) {
        return new Table(newSchema, newName, view, columns, primaryKey, foreignKeys, indexes, uniques, checks,
                viewDefinition, complete, location, settled, settledSinceAny, incompleteBy);
    }

    public Table withPrimaryKey(PrimaryKey pk) {
        return new Table(schema, name, view, columns, pk, foreignKeys, indexes, uniques, checks, viewDefinition,
                complete, location, settled, settledSinceAny, incompleteBy);
    }

    public Table withForeignKey(ForeignKey fk) {
        return new Table(schema, name, view, columns, primaryKey, plus(foreignKeys, fk), indexes, uniques, checks,
                viewDefinition, complete, location, settled, settledSinceAny, incompleteBy);
    }

    public Table withIndex(Index index) {
        return new Table(schema, name, view, columns, primaryKey, foreignKeys, plus(indexes, index), uniques, checks,
                viewDefinition, complete, location, settled, settledSinceAny, incompleteBy);
    }

    public Table withUnique(UniqueConstraint unique) {
        return new Table(schema, name, view, columns, primaryKey, foreignKeys, indexes, plus(uniques, unique), checks,
                viewDefinition, complete, location, settled, settledSinceAny, incompleteBy);
    }

    public Table withCheck(CheckConstraint check) {
        return new Table(schema, name, view, columns, primaryKey, foreignKeys, indexes, uniques, plus(checks, check),
                viewDefinition, complete, location, settled, settledSinceAny, incompleteBy);
    }

    /** Without the index of that name (a {@code DROP INDEX}). */
    public Table withoutIndex(Dialect dialect, String indexName) {
        String key = Identifiers.key(dialect, indexName);
        List<Index> is = indexes.stream().filter(i -> !key.equals(Identifiers.key(dialect, i.name()))).toList();
        return new Table(schema, name, view, columns, primaryKey, foreignKeys, is, uniques, checks, viewDefinition,
                complete, location, settled, settledSinceAny, incompleteBy);
    }

    /** Without the constraint of that name, whichever kind it is (a {@code DROP CONSTRAINT}). */
    public Table withoutConstraint(Dialect dialect, String constraintName) {
        String key = Identifiers.key(dialect, constraintName);
        PrimaryKey pk = primaryKey != null && key.equals(Identifiers.key(dialect, primaryKey.name())) ? null : primaryKey;
        return new Table(schema, name, view, columns, pk,
                foreignKeys.stream().filter(f -> !key.equals(Identifiers.key(dialect, f.name()))).toList(),
                indexes.stream().filter(i -> !key.equals(Identifiers.key(dialect, i.name()))).toList(),
                uniques.stream().filter(u -> !key.equals(Identifiers.key(dialect, u.name()))).toList(),
                checks.stream().filter(c -> !key.equals(Identifiers.key(dialect, c.name()))).toList(),
                viewDefinition, complete, location, settled, settledSinceAny, incompleteBy);
    }

    /**
     * Whether every fact of the column is known as far as statements naming the table go: always in a complete table;
     * in an incomplete one, only for a column {@linkplain #settled settled} since. A statement not read that named no
     * table may still have changed it: {@link #certain} says whether one did.
     */
    public boolean knows(Dialect dialect, String columnName) {
        return complete || settled.contains(Identifiers.key(dialect, columnName));
    }

    /**
     * Whether every fact of the column is known for sure: {@linkplain #knows known}, and defined by a statement read
     * after every statement not read that may have changed any table.
     */
    public boolean certain(Dialect dialect, String columnName) {
        return knows(dialect, columnName)
                && (settledSinceAny == null || settledSinceAny.contains(Identifiers.key(dialect, columnName)));
    }

    /** Whether no statement not read may have changed the table since it was made: complete, and certain of all. */
    public boolean certainOfAll() {
        return complete && settledSinceAny == null;
    }

    /**
     * The same table, knowing every fact of the column: a statement read defined it whole. Nothing changes for a
     * complete table that no statement not read may have changed since it was made.
     */
    public Table withSettled(Dialect dialect, String columnName) {
        String key = Identifiers.key(dialect, columnName);
        return new Table(schema, name, view, columns, primaryKey, foreignKeys, indexes, uniques, checks, viewDefinition,
                complete, location, complete ? settled : adding(settled, key),
                settledSinceAny == null ? null : adding(settledSinceAny, key), incompleteBy);
    }

    /**
     * The same table after a column of {@code before} was renamed from {@code from} to {@code to}: the new name is as
     * known as the old one was.
     */
    public Table withSettledAs(Dialect dialect, Table before, String from, String to) {
        String was = Identifiers.key(dialect, from);
        String key = Identifiers.key(dialect, to);
        return new Table(schema, name, view, columns, primaryKey, foreignKeys, indexes, uniques, checks, viewDefinition,
                complete, location, before.settled.contains(was) ? adding(settled, key) : settled,
                settledSinceAny == null ? null
                        : before.settledSinceAny == null || before.settledSinceAny.contains(was)
                        ? adding(settledSinceAny, key) : settledSinceAny, incompleteBy);
    }

    /**
     * The same table, marked as touched by the statement at {@code by} that could not be read: no column of it is
     * known since.
     */
    public Table incomplete(Location by) {
        return new Table(schema, name, view, columns, primaryKey, foreignKeys, indexes, uniques, checks, viewDefinition,
                false, location, Set.of(), settledSinceAny, by);
    }

    /**
     * The same table after a statement not read that may have changed any table: it stays as complete as it was (no
     * statement named it), but no column of it is certain since.
     */
    public Table uncertain() {
        return new Table(schema, name, view, columns, primaryKey, foreignKeys, indexes, uniques, checks, viewDefinition,
                complete, location, settled, Set.of(), incompleteBy);
    }

    public Table withLocation(Location l) {
        return new Table(schema, name, view, columns, primaryKey, foreignKeys, indexes, uniques, checks, viewDefinition,
                complete, l, settled, settledSinceAny, incompleteBy);
    }

    private static Set<String> adding(Set<String> keys, String key) {
        Set<String> more = new HashSet<>(keys);
        more.add(key);
        return more;
    }

    private static Set<String> removing(Set<String> keys, String key) {
        Set<String> left = new HashSet<>(keys);
        left.remove(key);
        return left;
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }
}
