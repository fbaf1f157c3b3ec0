package dev.migrationguard.model.schema;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.schema.PhysicalDiff.Change;
import dev.migrationguard.model.schema.PhysicalDiff.Kind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The work behind {@link PhysicalDiff#diff}: one pass over tables (with renames), their columns and constraints, then
 * sequences and enum types. Every comparison goes through a {@code same...} method in which an unknown side is equal.
 */
final class SchemaComparison {
    private final PhysicalSchema before;
    private final PhysicalSchema after;
    private final Dialect d;
    /** The tables renamed, so that foreign keys to a renamed table still match. */
    private Renames tableRenames = Renames.NONE;
    private final List<Change> out = new ArrayList<>();

    SchemaComparison(PhysicalSchema before, PhysicalSchema after) {
        this.before = before;
        this.after = after;
        this.d = after.dialect();
    }

    List<Change> changes() {
        tables();
        sequences();
        enumTypes();
        return out;
    }

    // ---- tables

    private void tables() {
        Map<String, Table> b = byKey(before.tables().values(), t -> key(t.schema(), t.name()));
        Map<String, Table> a = byKey(after.tables().values(), t -> key(t.schema(), t.name()));
        List<String> removed = after.complete() ? missing(b, a) : List.of();
        List<String> added = before.complete() ? missing(a, b) : List.of();
        // Tables of the same content have the same column names: comparing those first keeps this near linear.
        Map<String, String> shapes = new HashMap<>();
        removed.forEach(k -> shapes.put("was:" + k, shape(b.get(k))));
        added.forEach(k -> shapes.put("now:" + k, shape(a.get(k))));
        Map<String, String> renamedTo = pairs(removed, added, (r, x) ->
                shapes.get("was:" + r).equals(shapes.get("now:" + x)) && sameContent(b.get(r), a.get(x)));
        tableRenames = Renames.of(renamedTo);
        Map<String, String> renamedFrom = new HashMap<>();
        renamedTo.forEach((old, now) -> renamedFrom.put(now, old));

        for (var e : a.entrySet()) {
            Table now = e.getValue();
            Table was = b.get(e.getKey());
            if (was != null) {
                if (was.view() != now.view()) {
                    out.add(tableChange(was.view() ? Kind.VIEW_REMOVED : Kind.TABLE_REMOVED, now,
                            kindWord(was) + " " + name(was) + " removed", now.location()));
                    out.add(tableChange(now.view() ? Kind.VIEW_ADDED : Kind.TABLE_ADDED, now,
                            kindWord(now) + " " + name(now) + " added", now.location()));
                } else {
                    out.addAll(details(was, now));
                }
            } else if (renamedFrom.containsKey(e.getKey())) {
                Table old = b.get(renamedFrom.get(e.getKey()));
                out.add(tableChange(now.view() ? Kind.VIEW_RENAMED : Kind.TABLE_RENAMED, now,
                        kindWord(now) + " " + name(old) + " renamed to " + name(now), now.location(), null,
                        old.name()));
            } else if (added.contains(e.getKey())) {
                out.add(tableChange(now.view() ? Kind.VIEW_ADDED : Kind.TABLE_ADDED, now,
                        kindWord(now) + " " + name(now) + " added", now.location()));
            }
        }
        for (String k : removed) {
            if (renamedTo.containsKey(k)) continue;
            Table was = b.get(k);
            out.add(tableChange(was.view() ? Kind.VIEW_REMOVED : Kind.TABLE_REMOVED, was,
                    kindWord(was) + " " + name(was) + " removed", was.location()));
        }
    }

    private String shape(Table t) {
        return t.view() + ":" + t.columns().stream().map(c -> colKey(c.name())).sorted().toList();
    }

    private boolean sameContent(Table x, Table y) {
        return x.complete() && y.complete() && x.view() == y.view() && details(x, y).isEmpty()
                && (!x.view() || x.viewDefinition() != null && Objects.equals(x.viewDefinition(), y.viewDefinition()));
    }

    /** The changes inside a table that exists on both sides (under one name or, for a rename, two). */
    private List<Change> details(Table was, Table now) {
        List<Change> changes = new ArrayList<>();
        if (!was.complete() || !now.complete()) return changes;
        if (now.view()) {
            if (was.viewDefinition() != null && now.viewDefinition() != null
                    && !was.viewDefinition().equals(now.viewDefinition())) {
                changes.add(tableChange(Kind.VIEW_CHANGED, now, "view " + name(now) + ": definition changed",
                        now.location()));
            }
            return changes;
        }
        Renames columnRenames = columns(was, now, changes);
        primaryKey(was, now, columnRenames, changes);
        foreignKeys(was, now, columnRenames, changes);
        indexes(was, now, columnRenames, changes);
        uniques(was, now, columnRenames, changes);
        checks(was, now, changes);
        return changes;
    }

    // ---- columns

    /**
     * Names renamed in this diff, each side mapped to one token per rename: the old name on the old side and the new
     * name on the new side become the same, and nothing else does (so a constraint naming a column that is gone still
     * differs, whichever side is old).
     */
    private record Renames(Map<String, String> was, Map<String, String> now) {
        static final Renames NONE = new Renames(Map.of(), Map.of());

        static Renames of(Map<String, String> oldToNew) {
            Map<String, String> was = new HashMap<>();
            Map<String, String> now = new HashMap<>();
            oldToNew.forEach((old, n) -> {
                was.put(old, "\u0000" + n);
                now.put(n, "\u0000" + n);
            });
            return new Renames(was, now);
        }
    }

    /** Compares the columns and returns the renames found. */
    private Renames columns(Table was, Table now, List<Change> changes) {
        Map<String, Column> b = byKey(was.columns(), c -> colKey(c.name()));
        Map<String, Column> a = byKey(now.columns(), c -> colKey(c.name()));
        List<String> removed = missing(b, a);
        List<String> added = missing(a, b);
        Map<String, String> renamedTo = pairs(removed, added,
                (r, x) -> known(b.get(r)) && known(a.get(x)) && differences(was, b.get(r), now, a.get(x)).isEmpty());
        Map<String, String> renamedFrom = new HashMap<>();
        renamedTo.forEach((old, n) -> renamedFrom.put(n, old));
        for (var e : a.entrySet()) {
            Column c = e.getValue();
            Column old = b.get(e.getKey());
            if (old != null) {
                List<Aspect> diff = differences(was, old, now, c);
                if (!diff.isEmpty()) {
                    changes.add(tableChange(Kind.COLUMN_CHANGED, now, "column " + name(now, c) + ": "
                            + describe(was, old, diff, false) + " -> " + describe(now, c, diff, false) + notes(c),
                            c.location(), c.name(), null));
                }
            } else if (renamedFrom.containsKey(e.getKey())) {
                Column before = b.get(renamedFrom.get(e.getKey()));
                changes.add(tableChange(Kind.COLUMN_RENAMED, now, "column " + name(now, before)
                        + " renamed to \"" + c.name() + "\"", c.location(), c.name(), before.name()));
            } else {
                changes.add(tableChange(Kind.COLUMN_ADDED, now, "column " + name(now, c) + " added: "
                        + describe(now, c, List.of(Aspect.values()), true) + notes(c), c.location(), c.name(), null));
            }
        }
        for (String k : removed) {
            if (renamedTo.containsKey(k)) continue;
            Column c = b.get(k);
            changes.add(tableChange(Kind.COLUMN_REMOVED, now, "column " + name(now, c) + " removed (was "
                    + describe(was, c, List.of(Aspect.values()), true) + ")", now.location(), c.name(), null));
        }
        return Renames.of(renamedTo);
    }

    /** Where a fact of the column comes from when the database does not read it there ({@code NOT NULL from @NotNull}). */
    private static String notes(Column c) {
        return c.notes().isEmpty() ? "" : " (" + String.join(", ", c.notes()) + ")";
    }

    /** A column is only taken for renamed when what it was is known: two unknown columns are no evidence. */
    private static boolean known(Column c) {
        return c.type() != null && c.nullable() != null;
    }

    private enum Aspect { TYPE, NULLABLE, DEFAULT, GENERATED, UNIQUE }

    private List<Aspect> differences(Table wt, Column was, Table nt, Column now) {
        List<Aspect> diff = new ArrayList<>();
        if (!sameType(was, now)) diff.add(Aspect.TYPE);
        if (!same(nullable(wt, was), nullable(nt, now))) diff.add(Aspect.NULLABLE);
        if (!was.defaultValue().sameAs(now.defaultValue())) diff.add(Aspect.DEFAULT);
        if (!was.generated().sameAs(now.generated())) diff.add(Aspect.GENERATED);
        if (!same(wt.uniqueColumn(d, was.name()), nt.uniqueColumn(d, now.name()))) diff.add(Aspect.UNIQUE);
        return diff;
    }

    private static boolean sameType(Column x, Column y) {
        return same(x.type(), y.type()) && same(x.enumValues(), y.enumValues());
    }

    /** A primary-key column is NOT NULL whatever its declaration says. */
    private Boolean nullable(Table t, Column c) {
        if (t.primaryKey() != null && t.primaryKey().columns().stream().anyMatch(p -> colKey(p).equals(colKey(c.name())))) {
            return false;
        }
        return c.nullable();
    }

    /**
     * The column as DDL declares it: type and nullability always (when known), the other aspects when they are among
     * {@code shown}. A change shows both sides of what differs ({@code no default}, {@code not unique}); a whole
     * column ({@code declaration}) shows only what it has.
     */
    private String describe(Table t, Column c, List<Aspect> shown, boolean declaration) {
        List<String> parts = new ArrayList<>();
        parts.add(typeText(c));
        Boolean nullable = nullable(t, c);
        if (nullable != null) parts.add(nullable ? "NULL" : "NOT NULL");
        boolean hasDefault = !c.defaultValue().known() || c.defaultValue().expression() != null;
        boolean generated = c.generated().kind() != Generated.Kind.NONE;
        if (shown.contains(Aspect.DEFAULT) && shown.contains(Aspect.GENERATED)) {
            // How the column is filled, said once: "DEFAULT 0 -> GENERATED ... AS IDENTITY", not "no default" beside
            // a generation on one side and "not generated" beside a default on the other.
            if (hasDefault) parts.add(c.defaultValue().display());
            if (generated) parts.add(c.generated().display());
            if (!hasDefault && !generated && !declaration) parts.add("no default");
        } else {
            if (shown.contains(Aspect.DEFAULT) && (!declaration || hasDefault)) parts.add(c.defaultValue().display());
            if (shown.contains(Aspect.GENERATED) && (!declaration || generated)) parts.add(c.generated().display());
        }
        if (shown.contains(Aspect.UNIQUE)) {
            Boolean unique = t.uniqueColumn(d, c.name());
            if (Boolean.TRUE.equals(unique)) parts.add("UNIQUE");
            else if (!declaration && unique != null) parts.add("not unique");
        }
        return String.join(" ", parts);
    }

    private static String typeText(Column c) {
        String type = c.type() == null ? "?" : c.type().display();
        if (c.enumValues() == null) return type;
        String values = c.enumValues().stream().map(v -> "'" + v.replace("'", "''") + "'")
                .collect(Collectors.joining(","));
        return c.type() != null && c.type().name().equals("enum") ? "enum(" + values + ")" : type + " IN (" + values + ")";
    }

    // ---- constraints

    private void primaryKey(Table was, Table now, Renames renames, List<Change> changes) {
        PrimaryKey b = was.primaryKey();
        PrimaryKey a = now.primaryKey();
        if (b == null && a == null) return;
        if (b == null) {
            changes.add(tableChange(Kind.PRIMARY_KEY_ADDED, now, "primary key of " + name(now) + " added: "
                    + list(a.columns()), a.location()));
        } else if (a == null) {
            changes.add(tableChange(Kind.PRIMARY_KEY_REMOVED, now, "primary key of " + name(now) + " removed (was "
                    + list(b.columns()) + ")", now.location()));
        } else if (!colKeys(b.columns(), renames.was()).equals(colKeys(a.columns(), renames.now())) || !sameName(b.name(), a.name())) {
            changes.add(tableChange(Kind.PRIMARY_KEY_CHANGED, now, "primary key of " + name(now) + ": "
                    + named(b.name()) + list(b.columns()) + " -> " + named(a.name()) + list(a.columns()),
                    keyChangeLocation(b, a, now, renames)));
        }
    }

    /** Where a changed key is caused: the first column it gained, else the key as declared. */
    private Location keyChangeLocation(PrimaryKey b, PrimaryKey a, Table now, Renames renames) {
        List<String> had = colKeys(b.columns(), renames.was());
        for (String column : a.columns()) {
            if (had.contains(colKeys(List.of(column), renames.now()).get(0))) continue;
            Column c = now.column(d, column);
            if (c != null && c.location() != null) return c.location();
        }
        return a.location();
    }

    private void foreignKeys(Table was, Table now, Renames renames, List<Change> changes) {
        matchAll(was.foreignKeys(), now.foreignKeys(),
                (x, y) -> colKeys(x.columns(), renames.was()).equals(colKeys(y.columns(), renames.now()))
                        && sameTarget(x, y) && sameName(x.name(), y.name()),
                (x, y) -> colKeys(x.columns(), renames.was()).equals(colKeys(y.columns(), renames.now())),
                (x, y) -> changes.add(tableChange(Kind.FOREIGN_KEY_CHANGED, now, "foreign key on " + name(now)
                        + list(y.columns()) + ": " + named(x.name()) + target(x) + " -> " + named(y.name()) + target(y),
                        y.location())),
                y -> changes.add(tableChange(Kind.FOREIGN_KEY_ADDED, now, "foreign key " + named(y.name()) + "on "
                        + name(now) + list(y.columns()) + " " + target(y) + " added", y.location())),
                x -> changes.add(tableChange(Kind.FOREIGN_KEY_REMOVED, now, "foreign key " + named(x.name()) + "on "
                        + name(now) + list(x.columns()) + " " + target(x) + " removed", now.location())));
    }

    private boolean sameTarget(ForeignKey x, ForeignKey y) {
        boolean table = x.referencedTable() == null || y.referencedTable() == null
                || mapped(tableRenames.was(), key(x.referencedSchema(), x.referencedTable()))
                .equals(mapped(tableRenames.now(), key(y.referencedSchema(), y.referencedTable())));
        boolean columns = x.referencedColumns() == null || y.referencedColumns() == null
                || colKeys(x.referencedColumns(), Map.of()).equals(colKeys(y.referencedColumns(), Map.of()));
        return table && columns && sameAction(x.onDelete(), y.onDelete()) && sameAction(x.onUpdate(), y.onUpdate());
    }

    private static String mapped(Map<String, String> renames, String key) {
        return renames.getOrDefault(key, key);
    }

    private static boolean sameAction(String x, String y) {
        return x == null || y == null || x.strip().equalsIgnoreCase(y.strip());
    }

    private String target(ForeignKey f) {
        StringBuilder b = new StringBuilder("REFERENCES ");
        b.append(f.referencedTable() == null ? "?" : Identifiers.display(d, f.referencedSchema(), f.referencedTable()));
        b.append(f.referencedColumns() == null ? "(?)" : list(f.referencedColumns()));
        if (f.onDelete() != null) b.append(" ON DELETE ").append(f.onDelete().strip().toUpperCase(Locale.ROOT));
        if (f.onUpdate() != null) b.append(" ON UPDATE ").append(f.onUpdate().strip().toUpperCase(Locale.ROOT));
        return b.toString();
    }

    private void indexes(Table was, Table now, Renames renames, List<Change> changes) {
        List<Index> b = was.indexes().stream().filter(i -> !i.isUniqueness()).toList();
        List<Index> a = now.indexes().stream().filter(i -> !i.isUniqueness()).toList();
        matchAll(b, a,
                (x, y) -> colKeys(x.columns(), renames.was()).equals(colKeys(y.columns(), renames.now())) && x.unique() == y.unique()
                        && Objects.equals(x.predicate(), y.predicate()) && sameAction(x.method(), y.method())
                        && sameName(x.name(), y.name()),
                (x, y) -> colKeys(x.columns(), renames.was()).equals(colKeys(y.columns(), renames.now())),
                (x, y) -> changes.add(tableChange(Kind.INDEX_CHANGED, now, indexText(now, x) + " -> "
                        + indexText(now, y).replaceFirst("^(unique )?index ", ""), y.location())),
                y -> changes.add(tableChange(Kind.INDEX_ADDED, now, indexText(now, y) + " added", y.location())),
                x -> changes.add(tableChange(Kind.INDEX_REMOVED, now, indexText(now, x) + " removed", now.location())));
    }

    private String indexText(Table t, Index i) {
        StringBuilder b = new StringBuilder(i.unique() ? "unique index " : "index ");
        b.append(named(i.name())).append("on ").append(name(t)).append(list(i.columns()));
        if (i.method() != null) b.append(" USING ").append(i.method());
        if (i.predicate() != null) b.append(" WHERE ").append(i.predicate());
        return b.toString();
    }

    private void uniques(Table was, Table now, Renames renames, List<Change> changes) {
        matchAll(was.uniqueSets(), now.uniqueSets(),
                (x, y) -> sortedKeys(x.columns(), renames.was()).equals(sortedKeys(y.columns(), renames.now())),
                (x, y) -> false,
                (x, y) -> { },
                y -> changes.add(tableChange(Kind.UNIQUE_ADDED, now, "unique " + list(y.columns()) + " on " + name(now)
                        + " added", y.location())),
                x -> changes.add(tableChange(Kind.UNIQUE_REMOVED, now, "unique " + list(x.columns()) + " on "
                        + name(now) + " removed", now.location())));
    }

    private void checks(Table was, Table now, List<Change> changes) {
        // A check whose condition and name are both unknown may be any of the other side's: none of those is told.
        boolean wasBlind = was.checks().stream().anyMatch(c -> c.expression() == null && c.name() == null);
        boolean nowBlind = now.checks().stream().anyMatch(c -> c.expression() == null && c.name() == null);
        matchAll(was.checks(), now.checks(),
                (x, y) -> (x.expression() == null || y.expression() == null || x.expression().equals(y.expression()))
                        && sameName(x.name(), y.name()),
                (x, y) -> x.name() != null && y.name() != null && colKey(x.name()).equals(colKey(y.name())),
                (x, y) -> changes.add(tableChange(Kind.CHECK_CHANGED, now, checkWord(y) + named(y.name()) + "on "
                        + name(now) + ": " + x.expression() + " -> " + y.expression(), y.location())),
                y -> {
                    if (!wasBlind) {
                        changes.add(tableChange(Kind.CHECK_ADDED, now, checkWord(y) + named(y.name()) + "on " + name(now)
                                + " added: " + (y.expression() == null ? "?" : y.expression()), y.location()));
                    }
                },
                x -> {
                    if (!nowBlind) {
                        changes.add(tableChange(Kind.CHECK_REMOVED, now, checkWord(x) + named(x.name()) + "on "
                                + name(now) + " removed (was " + (x.expression() == null ? "?" : x.expression()) + ")",
                                now.location()));
                    }
                });
    }

    /** PostgreSQL's exclusion constraints are kept among the checks, with their {@code EXCLUDE} clause. */
    private static String checkWord(CheckConstraint c) {
        return c.expression() != null && c.expression().startsWith("exclude ") ? "exclusion constraint " : "check ";
    }

    // ---- sequences and enum types

    private void sequences() {
        Map<String, Sequence> b = byKey(before.sequences().values(), s -> key(s.schema(), s.name()));
        Map<String, Sequence> a = byKey(after.sequences().values(), s -> key(s.schema(), s.name()));
        for (var e : a.entrySet()) {
            Sequence now = e.getValue();
            Sequence was = b.get(e.getKey());
            if (was == null) {
                if (before.complete()) {
                    out.add(new Change(Kind.SEQUENCE_ADDED, now.schema(), now.name(), "sequence "
                            + Identifiers.display(d, now.schema(), now.name()) + " added", now.location()));
                }
            } else if (!same(was.increment(), now.increment())) {
                out.add(new Change(Kind.SEQUENCE_CHANGED, now.schema(), now.name(), "sequence "
                        + Identifiers.display(d, now.schema(), now.name()) + ": INCREMENT BY " + was.increment()
                        + " -> INCREMENT BY " + now.increment(), now.location()));
            }
        }
        if (!after.complete()) return;
        for (var e : b.entrySet()) {
            if (a.containsKey(e.getKey())) continue;
            Sequence was = e.getValue();
            out.add(new Change(Kind.SEQUENCE_REMOVED, was.schema(), was.name(), "sequence "
                    + Identifiers.display(d, was.schema(), was.name()) + " removed", was.location()));
        }
    }

    private void enumTypes() {
        Map<String, EnumType> b = byKey(before.enumTypes().values(), s -> key(s.schema(), s.name()));
        Map<String, EnumType> a = byKey(after.enumTypes().values(), s -> key(s.schema(), s.name()));
        for (var e : a.entrySet()) {
            EnumType now = e.getValue();
            EnumType was = b.get(e.getKey());
            String shown = "enum type " + Identifiers.display(d, now.schema(), now.name());
            if (was == null) {
                if (before.complete()) {
                    out.add(new Change(Kind.ENUM_TYPE_ADDED, now.schema(), now.name(), shown + " added", now.location()));
                }
            } else if (!same(was.values(), now.values())) {
                out.add(new Change(Kind.ENUM_TYPE_CHANGED, now.schema(), now.name(), shown + ": " + values(was.values())
                        + " -> " + values(now.values()), now.location()));
            }
        }
        if (!after.complete()) return;
        for (var e : b.entrySet()) {
            if (a.containsKey(e.getKey())) continue;
            EnumType was = e.getValue();
            out.add(new Change(Kind.ENUM_TYPE_REMOVED, was.schema(), was.name(), "enum type "
                    + Identifiers.display(d, was.schema(), was.name()) + " removed", was.location()));
        }
    }

    private static String values(List<String> values) {
        return values.stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    // ---- helpers

    /**
     * Pairs the two sides' items: first those equal in every respect, then those with the same identity (reported as
     * changed); what is left was added or removed.
     */
    private static <T> void matchAll(List<T> was, List<T> now, BiPredicate<T, T> equal, BiPredicate<T, T> sameIdentity,
                                     java.util.function.BiConsumer<T, T> changed,
                                     java.util.function.Consumer<T> added, java.util.function.Consumer<T> removed) {
        List<T> left = new ArrayList<>(was);
        List<T> right = new ArrayList<>(now);
        for (BiPredicate<T, T> test : List.of(equal, sameIdentity)) {
            for (var it = left.iterator(); it.hasNext(); ) {
                T x = it.next();
                for (var jt = right.iterator(); jt.hasNext(); ) {
                    T y = jt.next();
                    if (test.test(x, y)) {
                        if (test == sameIdentity) changed.accept(x, y);
                        it.remove();
                        jt.remove();
                        break;
                    }
                }
            }
        }
        right.forEach(added);
        left.forEach(removed);
    }

    /**
     * Pairs each key of {@code removed} with the one key of {@code added} that {@code same} accepts, when that key
     * in turn accepts no other: a rename is told only when there is no doubt which is which.
     */
    private static Map<String, String> pairs(List<String> removed, List<String> added, BiPredicate<String, String> same) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String r : removed) {
            List<String> candidates = added.stream().filter(x -> same.test(r, x)).toList();
            if (candidates.size() != 1) continue;
            String x = candidates.get(0);
            if (removed.stream().filter(o -> same.test(o, x)).count() == 1) out.put(r, x);
        }
        return out;
    }

    private static <T> Map<String, T> byKey(Collection<T> items, Function<T, String> key) {
        Map<String, T> out = new LinkedHashMap<>();
        for (T t : items) out.putIfAbsent(key.apply(t), t);
        return out;
    }

    private static <T> List<String> missing(Map<String, T> in, Map<String, T> from) {
        return in.keySet().stream().filter(k -> !from.containsKey(k)).toList();
    }

    private static <T> boolean same(T x, T y) {
        return x == null || y == null || x.equals(y);
    }

    /** Names the ORM or database makes up are null and match any; two given names must agree. */
    private boolean sameName(String x, String y) {
        return x == null || y == null || colKey(x).equals(colKey(y));
    }

    private String key(String schema, String name) {
        return Identifiers.qualifiedKey(d, schema, name);
    }

    private String colKey(String name) {
        return Identifiers.key(d, name);
    }

    private List<String> colKeys(List<String> names, Map<String, String> renames) {
        return names.stream().map(this::colKey).map(k -> renames.getOrDefault(k, k)).toList();
    }

    private List<String> sortedKeys(List<String> names, Map<String, String> renames) {
        return colKeys(names, renames).stream().sorted().toList();
    }

    private String name(Table t) {
        return Identifiers.display(d, t.schema(), t.name());
    }

    private String name(Table t, Column c) {
        return name(t) + "." + Identifiers.quote(c.name());
    }

    private static String kindWord(Table t) {
        return t.view() ? "view" : "table";
    }

    private static String named(String name) {
        return name == null ? "" : Identifiers.quote(name) + " ";
    }

    private static String list(List<String> names) {
        return names.stream().map(Identifiers::quote).collect(Collectors.joining(", ", "(", ")"));
    }

    /** A change in {@code table}, placed at {@code location}, else (none known) at the table. */
    private static Change tableChange(Kind kind, Table table, String message, Location location) {
        return tableChange(kind, table, message, location, null, null);
    }

    /** As {@link #tableChange(Kind, Table, String, Location)}, naming the column and the name before a rename. */
    private static Change tableChange(Kind kind, Table table, String message, Location location, String column,
                                      String previous) {
        return new Change(kind, table.schema(), table.name(), message, location != null ? location : table.location(),
                column, previous);
    }
}
