package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Reviewed;
import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.Severity;
import dev.migrationguard.model.ops.Constraint;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.ForeignKey;
import dev.migrationguard.model.schema.Identifiers;
import dev.migrationguard.model.schema.Index;
import dev.migrationguard.model.schema.PhysicalDiff;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.model.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A way back that does not undo the way forward: the schema before a migration, with its forward part and then its
 * way back (TypeORM's {@code down()}, a Liquibase rollback written or automatic, a Flyway {@code U} script) replayed
 * on it, is not that schema again. Also a way back that drops a column before the index or constraint over it.
 *
 * <p>Outside the pre-commit path the replay starts from the schema the migrations before build. On the pre-commit path
 * that schema is not replayed, so the start is seeded with only what the migration itself names: the tables it alters
 * and their columns it mentions, each fact unknown (so never a difference), the tables it drops as unknown content.
 * That shows a table or column left over or missing, and an index or constraint created or dropped by name and never
 * undone; it cannot show a column restored with another type than it had, which only the replayed history knows.
 */
@RuleMeta(id = "down-not-inverse", severity = Severity.WARNING,
        summary = "The way back of a migration does not restore the schema from before it")
public final class DownNotInverse implements Rule {
    /** Changes whose spelling varies too much between a forward and a backward statement to be judged. */
    private static final Set<PhysicalDiff.Kind> NOT_JUDGED = EnumSet.of(PhysicalDiff.Kind.VIEW_CHANGED,
            PhysicalDiff.Kind.SEQUENCE_CHANGED, PhysicalDiff.Kind.ENUM_TYPE_CHANGED, PhysicalDiff.Kind.SEQUENCE_ADDED,
            PhysicalDiff.Kind.SEQUENCE_REMOVED);
    /** Changes of keys and indexes: judged by name, operation by operation, when the start is seeded. */
    private static final Set<PhysicalDiff.Kind> KEYS = EnumSet.of(PhysicalDiff.Kind.PRIMARY_KEY_ADDED,
            PhysicalDiff.Kind.PRIMARY_KEY_REMOVED, PhysicalDiff.Kind.PRIMARY_KEY_CHANGED,
            PhysicalDiff.Kind.FOREIGN_KEY_ADDED, PhysicalDiff.Kind.FOREIGN_KEY_REMOVED,
            PhysicalDiff.Kind.FOREIGN_KEY_CHANGED, PhysicalDiff.Kind.INDEX_ADDED, PhysicalDiff.Kind.INDEX_REMOVED,
            PhysicalDiff.Kind.INDEX_CHANGED, PhysicalDiff.Kind.UNIQUE_ADDED, PhysicalDiff.Kind.UNIQUE_REMOVED,
            PhysicalDiff.Kind.CHECK_ADDED, PhysicalDiff.Kind.CHECK_REMOVED, PhysicalDiff.Kind.CHECK_CHANGED);

    @Override
    public List<Finding> check(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (Reviewed r : analysis.review().migrations()) {
            Migration m = r.migration();
            List<Operation> up = Reviewing.up(m);
            List<Operation> back = Reviewing.wayBack(m);
            // No way back at all is missing-down-migration's to say.
            if (up.isEmpty() || back.isEmpty() || blind(m.operations())) continue;
            Side[] backSides = sides(back);
            Optional<PhysicalSchema> before = r.schemaBefore();
            PhysicalSchema start = before.orElseGet(() -> Seed.of(r.dialect(), up, back));
            PhysicalSchema middle = analysis.review().replay(start, m, Side.UP);
            PhysicalSchema end = analysis.review().replay(middle, m, backSides);
            List<String> differences = differences(start, end, before.isEmpty(), misread(start, m.operations()));
            if (before.isEmpty()) differences.addAll(byName(up, back));
            String wayBack = wayBackName(backSides[0]);
            if (!differences.isEmpty()) {
                findings.add(finding(back.get(0).origin().location(), "Migration " + Reviewing.name(m) + ": " + wayBack
                                + " does not undo what it does; after both, " + String.join("; ", differences) + ".",
                        "Make " + wayBack + " undo each step in reverse order, so that rolling back gives the schema "
                                + "from before the migration."));
            }
            findings.addAll(order(m, middle, back, wayBack));
        }
        return findings;
    }

    /** A statement that could not be read and names no table may have changed anything: nothing can be told. */
    private static boolean blind(List<Operation> ops) {
        for (Operation op : ops) {
            if (op instanceof Operation.Opaque o && o.mentions().isEmpty() && !harmless(o.kind())) return true;
        }
        return false;
    }

    private static boolean harmless(Operation.OpaqueKind kind) {
        return kind == Operation.OpaqueKind.COMMENT || kind == Operation.OpaqueKind.PRIVILEGE
                || kind == Operation.OpaqueKind.SESSION || kind == Operation.OpaqueKind.QUERY;
    }

    private static Side[] sides(List<Operation> back) {
        Set<Side> sides = new LinkedHashSet<>();
        for (Operation op : back) sides.add(op.origin().side());
        return sides.toArray(new Side[0]);
    }

    private static String wayBackName(Side side) {
        return switch (side) {
            case DOWN -> "its down()";
            case ROLLBACK -> "its rollback";
            case UNDO -> "its undo script";
            case UP -> "its way back";
        };
    }

    /**
     * What differs between the start and the end, each in SQL terms. A column is judged on its type and nullability
     * only (defaults are spelled too many ways), and nothing is said of a table a statement that could not be read
     * touched, nor of keys and indexes when the start is seeded (they are judged by name).
     */
    private static List<String> differences(PhysicalSchema start, PhysicalSchema end, boolean seeded,
                                            Set<String> misread) {
        List<String> out = new ArrayList<>();
        for (PhysicalDiff.Change c : PhysicalDiff.diff(start, end).changes()) {
            if (NOT_JUDGED.contains(c.kind()) || seeded && KEYS.contains(c.kind())) continue;
            if (c.object() != null && misread.contains(lower(c.object()))) continue;
            Table was = start.table(c.schema(), c.object());
            Table now = end.table(c.schema(), c.object());
            if (was != null && !was.complete() || now != null && !now.complete()) continue;
            if (dangling(end, now)) continue;
            if (c.kind() == PhysicalDiff.Kind.COLUMN_CHANGED && !typeOrNullability(start, was, now, c.column())) {
                continue;
            }
            String n = c.kind().name();
            String what = n.endsWith("_ADDED") ? "left over: " : n.endsWith("_REMOVED") ? "missing: " : "changed: ";
            out.add(what + c.message());
        }
        return out;
    }

    /**
     * A table with a foreign key to a table the end lacks: SQLite's rebuild by renaming the old table away leaves its
     * referencing keys pointing at the old name or the new one depending on the SQLite version and its settings, so
     * the replay cannot tell what the database holds.
     */
    private static boolean dangling(PhysicalSchema end, Table now) {
        if (now == null) return false;
        for (ForeignKey fk : now.foreignKeys()) {
            if (fk.referencedTable() != null && end.table(fk.referencedSchema(), fk.referencedTable()) == null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tables whose start the migration itself contradicts: it copies a column from them that the start lacks
     * (SQLite's rebuild, an {@code INSERT ... SELECT}), or makes a key or index under a name they already have (a
     * changeSet included twice), so the history that built the start is not what the database has.
     */
    private static Set<String> misread(PhysicalSchema start, List<Operation> ops) {
        Set<String> out = new HashSet<>();
        Set<String> dropped = new HashSet<>();
        for (Operation op : ops) {
            if (op.origin().side() != Side.UP) continue;
            String gone = droppedName(op);
            if (gone != null) dropped.add(gone);
            String made = madeName(op);
            if (made != null && dropped.contains(made)) continue;
            if (op instanceof Operation.RebuildTable o) {
                lacking(start, o.table(), o.copiedFrom().values(), out);
            } else if (op instanceof Operation.DataChange o && o.copy() != null && o.copy().from() != null) {
                lacking(start, o.copy().from(), o.copy().columns().values(), out);
            } else if (op instanceof Operation.AddConstraint o && o.constraint().name() != null) {
                taken(start, o.table(), o.constraint().name(), out);
            } else if (op instanceof Operation.CreateIndex o && o.name() != null && !o.ifNotExists()) {
                taken(start, o.table(), o.name(), out);
            }
        }
        return out;
    }

    /** A constraint or index made under a name its table already has: the statement fails on that database. */
    private static void taken(PhysicalSchema start, QualifiedName table, String name, Set<String> out) {
        for (Table t : candidates(start, table)) {
            Dialect d = start.dialect();
            boolean has = t.primaryKey() != null && same(d, t.primaryKey().name(), name)
                    || t.foreignKeys().stream().anyMatch(f -> same(d, f.name(), name))
                    || t.indexes().stream().anyMatch(i -> same(d, i.name(), name))
                    || t.uniques().stream().anyMatch(u -> same(d, u.name(), name));
            if (has) out.add(lower(t.name()));
        }
    }

    private static void lacking(PhysicalSchema start, QualifiedName table, java.util.Collection<String> sources,
                                Set<String> out) {
        List<Table> found = candidates(start, table);
        if (found.isEmpty() || !found.get(0).complete()) return;
        for (String source : sources) {
            String column = source.replace("\"", "").replace("`", "").strip();
            if (!column.matches("[A-Za-z_][A-Za-z0-9_$]*")) continue;
            if (found.get(0).column(start.dialect(), column) == null) out.add(lower(found.get(0).name()));
        }
    }

    private static boolean typeOrNullability(PhysicalSchema s, Table was, Table now, String column) {
        if (was == null || now == null || column == null) return false;
        Column a = was.column(s.dialect(), column);
        Column b = now.column(s.dialect(), column);
        if (a == null || b == null) return false;
        boolean type = a.type() != null && b.type() != null && !a.type().equals(b.type());
        boolean nullable = a.nullable() != null && b.nullable() != null && !a.nullable().equals(b.nullable());
        return type || nullable;
    }

    /**
     * The seeded start's blind spot, by name: an index or constraint the forward part creates and the way back never
     * drops (nor its table, nor a column under it), or one the forward part drops and the way back never re-creates.
     */
    private static List<String> byName(List<Operation> up, List<Operation> back) {
        List<String> out = new ArrayList<>();
        Map<String, Operation> created = new java.util.LinkedHashMap<>();
        Map<String, Operation> dropped = new java.util.LinkedHashMap<>();
        for (Operation op : up) {
            String made = madeName(op);
            String gone = droppedName(op);
            if (made != null) {
                if (dropped.remove(made) == null) created.put(made, op);
            }
            if (gone != null) {
                if (created.remove(gone) == null) dropped.put(gone, op);
            }
        }
        for (var e : created.entrySet()) {
            if (undone(e.getValue(), e.getKey(), back)) continue;
            out.add("left over: " + describe(e.getValue()) + ", which the forward part creates");
        }
        for (var e : dropped.entrySet()) {
            boolean restored = back.stream().anyMatch(op -> e.getKey().equals(madeName(op)));
            if (!restored) out.add("missing: " + describe(e.getValue()) + ", which the forward part drops");
        }
        return out;
    }

    /** The name of the index or constraint an operation creates, lower case; null for none or an unnamed one. */
    private static String madeName(Operation op) {
        if (op instanceof Operation.CreateIndex o && o.name() != null) return lower(o.name());
        if (op instanceof Operation.AddConstraint o && o.constraint().name() != null) return lower(o.constraint().name());
        return null;
    }

    private static String droppedName(Operation op) {
        if (op instanceof Operation.DropIndex o) return lower(o.name().name());
        if (op instanceof Operation.DropConstraint o && o.name() != null) return lower(o.name());
        return null;
    }

    /** Whether the way back drops what {@code made} created: by name, with its table, or with a column under it. */
    private static boolean undone(Operation made, String name, List<Operation> back) {
        QualifiedName table = made instanceof Operation.CreateIndex i ? i.table() : ((Operation.AddConstraint) made).table();
        Set<String> columns = new HashSet<>();
        if (made instanceof Operation.CreateIndex i) {
            i.keys().forEach(k -> columns.add(k.column() == null ? "\u0000" : lower(k.column())));
        } else if (made instanceof Operation.AddConstraint a) {
            columns.addAll(constraintColumns(a.constraint()));
        }
        for (Operation op : back) {
            if (name.equals(droppedName(op))) return true;
            if (op instanceof Operation.DropTable d && d.table().key().equals(table.key())) return true;
            if (op instanceof Operation.RebuildTable d && d.table().key().equals(table.key())) return true;
            if (op instanceof Operation.DropColumn d && d.table().key().equals(table.key())
                    && (columns.contains(lower(d.column())) || columns.isEmpty())) {
                return true;
            }
        }
        return false;
    }

    /** The columns a constraint covers, lower case; empty for a check, whose columns are in its expression. */
    private static Set<String> constraintColumns(Constraint c) {
        Set<String> out = new HashSet<>();
        List<String> cols = c instanceof Constraint.PrimaryKey p ? p.columns()
                : c instanceof Constraint.ForeignKey f ? f.columns()
                : c instanceof Constraint.Unique u ? u.columns() : List.of();
        cols.forEach(x -> out.add(lower(x)));
        return out;
    }

    private static String describe(Operation op) {
        if (op instanceof Operation.CreateIndex o) return "index \"" + o.name() + "\" on " + Reviewing.table(o.table());
        if (op instanceof Operation.AddConstraint o) {
            return "constraint \"" + o.constraint().name() + "\" on " + Reviewing.table(o.table());
        }
        if (op instanceof Operation.DropIndex o) {
            return "index \"" + o.name().name() + "\"" + (o.table() == null ? "" : " on " + Reviewing.table(o.table()));
        }
        Operation.DropConstraint o = (Operation.DropConstraint) op;
        return "constraint \"" + o.name() + "\" on " + Reviewing.table(o.table());
    }

    /**
     * A way back that drops a column, then the index or constraint over it: the database took the index with the
     * column (PostgreSQL, MySQL) or refused the column drop (SQL Server), so the later drop fails.
     */
    private List<Finding> order(Migration m, PhysicalSchema middle, List<Operation> back, String wayBack) {
        List<Finding> out = new ArrayList<>();
        Dialect d = middle.dialect();
        Map<String, Set<String>> droppedColumns = new HashMap<>();
        for (Operation op : back) {
            if (op instanceof Operation.DropColumn o) {
                droppedColumns.computeIfAbsent(o.table().key(), k -> new HashSet<>()).add(Identifiers.key(d, o.column()));
                continue;
            }
            Covering covering = null;
            if (op instanceof Operation.DropIndex o) covering = index(middle, o.table(), o.name().name());
            else if (op instanceof Operation.DropConstraint o && o.name() != null) {
                covering = constraint(middle, o.table(), o.name());
            }
            if (covering == null) continue;
            Set<String> gone = droppedColumns.getOrDefault(covering.table().toLowerCase(Locale.ROOT), Set.of());
            for (String column : covering.columns()) {
                if (!gone.contains(Identifiers.key(d, column))) continue;
                out.add(finding(op.origin().location(), "Migration " + Reviewing.name(m) + ": " + wayBack
                                + " drops column \"" + covering.table() + "\".\"" + column + "\" before \""
                                + covering.name() + "\", which covers it: the index or constraint went with the "
                                + "column, so this drop fails and the rollback stops halfway.",
                        "Drop \"" + covering.name() + "\" first, then the column (the reverse of the order in "
                                + "which the forward part made them)."));
                break;
            }
        }
        return out;
    }

    /** An index or constraint, with the table and the columns it covers. */
    private record Covering(String table, String name, List<String> columns) {
    }

    private static Covering index(PhysicalSchema s, QualifiedName table, String name) {
        for (Table t : candidates(s, table)) {
            for (Index i : t.indexes()) {
                if (same(s.dialect(), i.name(), name)) return new Covering(t.name(), i.name(), i.columns());
            }
            for (UniqueConstraint u : t.uniques()) {
                if (same(s.dialect(), u.name(), name)) return new Covering(t.name(), u.name(), u.columns());
            }
        }
        return null;
    }

    private static Covering constraint(PhysicalSchema s, QualifiedName table, String name) {
        for (Table t : candidates(s, table)) {
            if (t.primaryKey() != null && same(s.dialect(), t.primaryKey().name(), name)) {
                return new Covering(t.name(), name, t.primaryKey().columns());
            }
            for (ForeignKey f : t.foreignKeys()) {
                if (same(s.dialect(), f.name(), name)) return new Covering(t.name(), f.name(), f.columns());
            }
            for (UniqueConstraint u : t.uniques()) {
                if (same(s.dialect(), u.name(), name)) return new Covering(t.name(), u.name(), u.columns());
            }
        }
        return null;
    }

    private static List<Table> candidates(PhysicalSchema s, QualifiedName table) {
        if (table == null) return s.tableList();
        Table t = s.table(table.schema() == null ? null : Identifiers.stored(s.dialect(), table.schema(),
                table.quoted()), Identifiers.stored(s.dialect(), table.name(), table.quoted()));
        return t == null ? List.of() : List.of(t);
    }

    private static boolean same(Dialect d, String a, String b) {
        return a != null && b != null && Objects.equals(Identifiers.key(d, a), Identifiers.key(d, b));
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * The start of the pre-commit path: only what the migration names, each fact unknown. A table the forward part
     * creates first is absent, one it drops first has unknown content, any other it names is there with the columns
     * its operations name before adding them; nothing else is.
     */
    private static final class Seed {
        private final Dialect d;
        private final Map<String, Table> tables = new java.util.LinkedHashMap<>();
        private final Set<String> seen = new HashSet<>();

        private Seed(Dialect d) {
            this.d = d;
        }

        static PhysicalSchema of(Dialect d, List<Operation> up, List<Operation> back) {
            Seed seed = new Seed(d);
            for (Operation op : up) seed.read(op, true);
            for (Operation op : back) seed.read(op, false);
            PhysicalSchema s = PhysicalSchema.empty(d);
            for (Table t : seed.tables.values()) s = s.withTable(t);
            return s;
        }

        private void read(Operation op, boolean forward) {
            Location at = op.origin().location();
            if (op instanceof Operation.CreateTable o) firstSeen(o.table());
            else if (op instanceof Operation.CreateView o) firstSeen(o.view());
            else if (op instanceof Operation.DropTable o) unknownTable(o.table(), at);
            else if (op instanceof Operation.DropView o) unknownTable(o.view(), at);
            else if (op instanceof Operation.RebuildTable o) unknownTable(o.table(), at);
            else if (op instanceof Operation.RenameTable o) {
                column(o.from(), null, at);
                firstSeen(o.to());
            } else if (op instanceof Operation.AddColumn o) {
                if (o.ifNotExists()) column(o.table(), o.column().name(), at);
                else {
                    column(o.table(), null, at);
                    seen.add(columnKey(o.table(), o.column().name()));
                }
            } else if (op instanceof Operation.DropColumn o) column(o.table(), o.column(), at);
            else if (op instanceof Operation.RenameColumn o) {
                column(o.table(), o.from(), at);
                seen.add(columnKey(o.table(), o.to()));
            } else if (op instanceof Operation.AlterColumnType o) column(o.table(), o.column(), at);
            else if (op instanceof Operation.AlterColumnNullability o) column(o.table(), o.column(), at);
            else if (op instanceof Operation.AlterColumnDefault o) column(o.table(), o.column(), at);
            else if (op instanceof Operation.RedefineColumn o) {
                column(o.table(), o.column(), at);
                seen.add(columnKey(o.table(), o.definition().name()));
            } else if (op instanceof Operation.CreateIndex o) {
                column(o.table(), null, at);
                for (Operation.IndexKey k : o.keys()) if (k.column() != null) column(o.table(), k.column(), at);
            } else if (op instanceof Operation.AddConstraint o) {
                column(o.table(), null, at);
                for (String c : constraintColumns(o.constraint())) column(o.table(), c, at);
            } else if (op instanceof Operation.DropConstraint o) column(o.table(), null, at);
            else if (op instanceof Operation.DropIndex o && o.table() != null) column(o.table(), null, at);
            else if (op instanceof Operation.Opaque o) {
                for (QualifiedName q : o.mentions()) unknownTable(q, at);
            }
        }

        /** The table is named first by what makes it: it is not there before. */
        private void firstSeen(QualifiedName q) {
            seen.add(tableKey(q));
        }

        /** A table dropped or rebuilt first: there before, with content the migration does not say. */
        private void unknownTable(QualifiedName q, Location at) {
            if (!seen.add(tableKey(q))) return;
            tables.put(tableKey(q), Table.table(schema(q), name(q), at).incomplete(at));
        }

        /** The table there before (when first seen here), with {@code column} there before when first seen here. */
        private void column(QualifiedName q, String column, Location at) {
            String key = tableKey(q);
            if (seen.add(key)) tables.put(key, Table.table(schema(q), name(q), at));
            Table t = tables.get(key);
            if (t == null || column == null || !seen.add(columnKey(q, column))) return;
            tables.put(key, t.withColumn(d, Column.unknown(fold(column), at)));
        }

        private String tableKey(QualifiedName q) {
            return Identifiers.qualifiedKey(d, schema(q), name(q));
        }

        private String columnKey(QualifiedName q, String column) {
            return tableKey(q) + "\u0000" + Identifiers.key(d, fold(column));
        }

        private String schema(QualifiedName q) {
            return q.schema() == null ? null : Identifiers.stored(d, q.schema(), q.quoted());
        }

        private String name(QualifiedName q) {
            return Identifiers.stored(d, q.name(), q.quoted());
        }

        /**
         * A column name as the replay stores it: the operations do not say whether it was quoted, so PostgreSQL's fold
         * follows the spelling (all upper case was unquoted), as Oracle's and H2's do the other way.
         */
        private String fold(String column) {
            boolean letters = column.chars().anyMatch(Character::isLetter);
            if (!letters) return column;
            if (d == Dialect.POSTGRES && column.equals(column.toUpperCase(Locale.ROOT))) {
                return column.toLowerCase(Locale.ROOT);
            }
            if ((d == Dialect.ORACLE || d == Dialect.H2) && column.equals(column.toLowerCase(Locale.ROOT))) {
                return column.toUpperCase(Locale.ROOT);
            }
            return column;
        }
    }
}
