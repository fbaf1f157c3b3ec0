package dev.migrationguard.engine;

import dev.migrationguard.analysis.Coverage;
import dev.migrationguard.analysis.Coverage.Drift;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.SchemaChange;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.ops.ColumnDef;
import dev.migrationguard.model.ops.Constraint;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.Identifiers;
import dev.migrationguard.model.schema.PhysicalDiff;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.replay.SetReplayer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Judges entity changes column by column against the migrations: what a new migration's operations do to the changed
 * column, and whether the schema the runners' migrations build already has what the entity now maps. Reads nothing
 * itself; the replay runs only when a rule asks about a change no new migration covers, so a commit that brings its
 * migration pays nothing for it.
 */
final class MigrationCoverage implements Coverage {
    private final Map<SchemaChange, Sides> sides;
    private final Supplier<List<MigrationSet>> sets;
    private final SetReplayer replayer;
    private final Snapshot after;
    private final Consumer<String> debug;
    private final Map<MigrationSet, PhysicalSchema> replayed = new HashMap<>();
    private final List<Sides> mapped;
    private List<Drift> drift;

    /** The entities' schemas a change was found between, on the dialect they were mapped for. */
    record Sides(Dialect dialect, PhysicalSchema before, PhysicalSchema after) {
    }

    /**
     * @param sides    for each entity change, the schemas it was found between
     * @param sets     the migration sets of the side the change produces, read on first ask
     * @param replayer replays a set (with its cache); null when no replay may run
     */
    MigrationCoverage(Map<SchemaChange, Sides> sides, Supplier<List<MigrationSet>> sets, SetReplayer replayer,
                      Snapshot after, Consumer<String> debug) {
        this(sides, List.of(), sets, replayer, after, debug);
    }

    /**
     * @param mapped in lint, the entities' tables of each reader ({@link Sides#after()}), whose drift from the
     *               migrations {@link #drift} reports
     */
    MigrationCoverage(Map<SchemaChange, Sides> sides, List<Sides> mapped, Supplier<List<MigrationSet>> sets,
                      SetReplayer replayer, Snapshot after, Consumer<String> debug) {
        this.mapped = List.copyOf(mapped);
        this.sides = Map.copyOf(sides);
        this.sets = sets;
        this.replayer = replayer;
        this.after = after;
        this.debug = debug;
    }

    @Override
    public Optional<String> shortfall(SchemaChange change, Migration migration) {
        Sides s = sides.get(change);
        if (s == null || change.target() != SchemaChange.Target.COLUMN || change.column() == null
                || change.kind() == SchemaChange.Kind.RENAMED) {
            return Optional.empty();
        }
        List<Operation> onTable = new ArrayList<>();
        for (Operation op : migration.operations()) {
            if (op.origin().side() != Side.UP) continue;
            if (op instanceof Operation.Opaque o) {
                if (!canChangeStructure(o)) continue;
                if (o.mentions().isEmpty() || o.mentions().stream().anyMatch(q -> sameTable(q, change))) {
                    return Optional.empty();
                }
                continue;
            }
            QualifiedName table = table(op);
            if (table != null && sameTable(table, change)) onTable.add(op);
        }
        if (onTable.isEmpty()) return Optional.empty();
        List<Operation> onColumn = new ArrayList<>();
        for (Operation op : onTable) {
            if (op instanceof Operation.CreateTable || op instanceof Operation.DropTable
                    || op instanceof Operation.RebuildTable || op instanceof Operation.RenameTable
                    || op instanceof Operation.DropConstraint || op instanceof Operation.DropIndex) {
                // The whole table is made again, or a constraint whose columns the operation does not name: it may
                // well be the change.
                return Optional.empty();
            }
            if (namesColumn(op, change.column())) onColumn.add(op);
        }
        String table = Identifiers.display(s.dialect(), change.schema(), change.table());
        if (onColumn.isEmpty()) {
            return Optional.of("the new migration " + migration.path() + " touches table " + table
                    + " but not column \"" + change.column() + "\"");
        }
        // What the migration makes of the column (its type, its nullability) is judged by the replay of the entities'
        // own set: a new migration may be one database's of several, and a NULL column the entity maps NOT NULL is
        // drift, not a missing migration.
        return Optional.empty();
    }

    @Override
    public boolean alreadyBuilt(SchemaChange change) {
        Sides s = sides.get(change);
        if (s == null || replayer == null || change.location() == null) return false;
        List<MigrationSet> own = ownSets(change.location().path(), s.dialect());
        if (own.isEmpty()) return false;
        for (MigrationSet set : own) {
            if (!builds(replay(set, s.dialect()), s, change)) return false;
        }
        debug.accept(change.message() + ": not reported, the migrations already build it ("
                + own.stream().map(MigrationSet::name).reduce((a, b) -> a + ", " + b).orElse("") + ")");
        return true;
    }

    @Override
    public synchronized List<Drift> drift() {
        if (drift == null) drift = readDrift();
        return drift;
    }

    private List<Drift> readDrift() {
        List<Drift> found = new ArrayList<>();
        if (replayer == null) return found;
        for (Sides s : mapped) {
            Dialect d = s.dialect();
            for (Table t : s.after().tableList()) {
                if (t.view() || t.location() == null || !t.complete()) continue;
                List<MigrationSet> own = ownSets(t.location().path(), d);
                for (MigrationSet set : own) {
                    String in = own.size() > 1 ? " (migration set " + set.name() + ")" : "";
                    drift(replay(set, d), t, d, in, found);
                }
            }
        }
        return found;
    }

    private static void drift(PhysicalSchema built, Table t, Dialect d, String in, List<Drift> found) {
        String table = Identifiers.display(d, t.schema(), t.name());
        Table r = built.table(t.schema(), t.name());
        if (r == null) {
            if (built.complete()) {
                found.add(new Drift(Drift.Kind.MISSING, t.location(), "table " + table
                        + " is mapped by an entity, but no migration creates it" + in));
            }
            return;
        }
        if (!r.complete() || !built.complete()) return;
        for (Column c : t.columns()) {
            Location at = c.location() != null ? c.location() : t.location();
            String column = "column " + table + ".\"" + c.name() + "\"";
            Column rc = column(d, r, c.name());
            if (rc == null) {
                found.add(new Drift(Drift.Kind.MISSING, at, column + " is mapped by an entity, but no migration "
                        + "creates it" + in));
                continue;
            }
            if (c.type() != null && rc.type() != null && !c.type().equals(rc.type())) {
                found.add(new Drift(Drift.Kind.DIFFERENT, at, column + " is " + c.type().display()
                        + " in the entity but " + rc.type().display() + " as the migrations build it" + in));
            }
            if (c.nullable() != null && rc.nullable() != null && !c.nullable().equals(rc.nullable())) {
                found.add(new Drift(Drift.Kind.DIFFERENT, at, column + " is " + nullability(c.nullable())
                        + " in the entity but " + nullability(rc.nullable()) + " as the migrations build it" + in));
            }
        }
        for (Column rc : r.columns()) {
            if (column(d, t, rc.name()) != null) continue;
            found.add(new Drift(Drift.Kind.UNMAPPED, t.location(), "column " + table + ".\"" + rc.name()
                    + "\" is made by the migrations" + (rc.location() != null ? " (" + place(rc.location()) + ")" : "")
                    + " but mapped by no field of the entity" + in));
        }
    }

    private static String nullability(boolean nullable) {
        return nullable ? "NULL" : "NOT NULL";
    }

    private static String place(Location at) {
        return at.isWholeFile() ? at.path() : at.path() + ":" + at.line();
    }

    /**
     * The sets of the change's project: those whose project folder is the longest prefix of its path, written for its
     * dialect. When none holds it (entities in one Maven module, changelogs in a sibling), the sets nearest to it: those
     * whose project folder shares the most leading folders (at least one) with its path.
     */
    private List<MigrationSet> ownSets(String path, Dialect dialect) {
        List<MigrationSet> own = new ArrayList<>();
        int longest = -1;
        boolean owned = false;
        for (MigrationSet set : sets.get()) {
            if (set.dialect() != null && set.dialect() != dialect) continue;
            boolean owns = set.owns(path);
            if (owned && !owns) continue;
            int shared = owns ? 1_000 + set.project().length() : sharedFolders(set.project(), path);
            // a set that shares no folder with the path belongs to another project
            if (shared == 0) continue;
            if (owns && !owned) {
                own.clear();
                longest = -1;
                owned = true;
            }
            if (shared > longest) {
                own.clear();
                longest = shared;
            }
            if (shared == longest) own.add(set);
        }
        return own;
    }

    private static int sharedFolders(String project, String path) {
        String[] a = project.isEmpty() ? new String[0] : project.split("/");
        String[] b = path.split("/");
        int n = 0;
        while (n < a.length && n < b.length - 1 && a[n].equals(b[n])) n++;
        return n;
    }

    private PhysicalSchema replay(MigrationSet set, Dialect dialect) {
        return replayed.computeIfAbsent(set, x -> replayer.replay(x, dialect, after).state().schema());
    }

    /**
     * Whether {@code built} already has the change's outcome. Only facts both sides know count: a column whose type or
     * nullability the replay could not read, or a table an unread statement touched, is never "already built".
     */
    private static boolean builds(PhysicalSchema built, Sides s, SchemaChange change) {
        Dialect d = s.dialect();
        Table mapped = s.after().table(change.schema(), change.table());
        Table replayed = built.table(change.schema(), change.table());
        switch (change.target()) {
            case TABLE -> {
                // A statement that could not be read, naming no table, may have dropped or made any.
                if (change.kind() == SchemaChange.Kind.REMOVED) return replayed == null && built.complete();
                if (change.kind() != SchemaChange.Kind.ADDED || mapped == null || replayed == null
                        || !replayed.complete()) {
                    return false;
                }
                for (Column c : mapped.columns()) {
                    if (!sameFacts(d, column(d, replayed, c.name()), c)) return false;
                }
                return true;
            }
            case COLUMN -> {
                if (replayed == null || !replayed.complete() || mapped == null || change.column() == null) return false;
                Column r = column(d, replayed, change.column());
                if (change.kind() == SchemaChange.Kind.REMOVED) return r == null;
                return sameFacts(d, r, mapped.column(d, change.column()));
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * The replayed column the entity's column is: by its stored name, else by its name without case or underscores
     * when only one column answers to it (the entities' naming strategy is not always known).
     */
    private static Column column(Dialect d, Table t, String name) {
        Column exact = t.column(d, name);
        if (exact != null) return exact;
        Column found = null;
        for (Column c : t.columns()) {
            if (!same(c.name(), name)) continue;
            if (found != null) return null;
            found = c;
        }
        return found;
    }

    /**
     * Whether the replayed column has what the entity maps: type and nullability known to the replay and equal, and
     * every other fact (default, generation) equal where both sides know it.
     */
    private static boolean sameFacts(Dialect d, Column replayed, Column mapped) {
        if (replayed == null || mapped == null || replayed.type() == null || replayed.nullable() == null) return false;
        Table a = Table.table(null, "t", null).withColumn(d, replayed.withName(mapped.name()));
        Table b = Table.table(null, "t", null).withColumn(d, mapped);
        return PhysicalDiff.diff(only(d, a), only(d, b)).isEmpty();
    }

    private static PhysicalSchema only(Dialect d, Table t) {
        return PhysicalSchema.of(d, List.of(t), List.of(), List.of());
    }

    /** A statement that may change a table's columns, keys or indexes; comments, grants and queries cannot. */
    private static boolean canChangeStructure(Operation.Opaque o) {
        return switch (o.kind()) {
            case COMMENT, PRIVILEGE, SESSION, QUERY -> false;
            default -> true;
        };
    }

    /** The table an operation acts on; null for one on no table (a sequence, a type) or a drop by name alone. */
    private static QualifiedName table(Operation op) {
        if (op instanceof Operation.CreateTable o) return o.table();
        if (op instanceof Operation.DropTable o) return o.table();
        if (op instanceof Operation.RebuildTable o) return o.table();
        if (op instanceof Operation.AddColumn o) return o.table();
        if (op instanceof Operation.DropColumn o) return o.table();
        if (op instanceof Operation.RenameColumn o) return o.table();
        if (op instanceof Operation.AlterColumnType o) return o.table();
        if (op instanceof Operation.AlterColumnNullability o) return o.table();
        if (op instanceof Operation.AlterColumnDefault o) return o.table();
        if (op instanceof Operation.RedefineColumn o) return o.table();
        if (op instanceof Operation.CreateIndex o) return o.table();
        if (op instanceof Operation.DropIndex o) return o.table();
        if (op instanceof Operation.AddConstraint o) return o.table();
        if (op instanceof Operation.DropConstraint o) return o.table();
        if (op instanceof Operation.RenameConstraint o) return o.table();
        if (op instanceof Operation.ValidateConstraint o) return o.table();
        if (op instanceof Operation.DataChange o) return o.table();
        return null;
    }

    /** Whether the operation names the column: adds, drops, renames or alters it, or keys an index or constraint on it. */
    private static boolean namesColumn(Operation op, String column) {
        if (op instanceof Operation.AddColumn o) return same(o.column().name(), column);
        if (op instanceof Operation.DropColumn o) return same(o.column(), column);
        if (op instanceof Operation.RenameColumn o) return same(o.from(), column) || same(o.to(), column);
        if (op instanceof Operation.AlterColumnType o) return same(o.column(), column);
        if (op instanceof Operation.AlterColumnNullability o) return same(o.column(), column);
        if (op instanceof Operation.AlterColumnDefault o) return same(o.column(), column);
        if (op instanceof Operation.RedefineColumn o) {
            return same(o.column(), column) || same(o.definition().name(), column);
        }
        if (op instanceof Operation.CreateIndex o) {
            return o.keys().stream().anyMatch(k -> k.column() == null ? mentions(k.expression(), column)
                    : same(k.column(), column));
        }
        if (op instanceof Operation.AddConstraint o) return constrains(o.constraint(), column);
        // A renamed or validated constraint may be the one the change is about; its columns are not in the statement.
        return op instanceof Operation.RenameConstraint || op instanceof Operation.ValidateConstraint;
    }

    private static boolean constrains(Constraint c, String column) {
        if (c instanceof Constraint.PrimaryKey p) return p.columns().stream().anyMatch(x -> same(x, column));
        if (c instanceof Constraint.ForeignKey f) return f.columns().stream().anyMatch(x -> same(x, column));
        if (c instanceof Constraint.Unique u) {
            return u.usingIndex() != null || u.columns().stream().anyMatch(x -> same(x, column));
        }
        if (c instanceof Constraint.Check k) return mentions(k.expression(), column);
        return true;
    }

    private static boolean mentions(String expression, String column) {
        return expression != null && expression.toLowerCase(Locale.ROOT).contains(column.toLowerCase(Locale.ROOT));
    }

    /**
     * Names compare without quotes, case or underscores ({@code erasureDate} is {@code erasure_date}): the lenient
     * side, since a match only ever silences, and the entities' naming strategy is not always known.
     */
    private static boolean same(String written, String column) {
        return written != null && loose(written).equals(loose(column));
    }

    private static String loose(String name) {
        return unquote(name).replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static boolean sameTable(QualifiedName q, SchemaChange change) {
        if (q.name() == null) return false;
        String name = unquote(q.name());
        if (name.equalsIgnoreCase(unquote(change.table()))) return true;
        return Migration.normalizeTable(name).equals(Migration.normalizeTable(change.table()));
    }

    private static String unquote(String name) {
        String n = name.trim();
        if (n.length() >= 2 && (n.charAt(0) == '"' || n.charAt(0) == '`' || n.charAt(0) == '[')) {
            n = n.substring(1, n.length() - 1);
        }
        return n;
    }
}
