package dev.migrationguard.replay;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ops.ColumnDef;
import dev.migrationguard.model.ops.Constraint;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Operation.AddColumn;
import dev.migrationguard.model.ops.Operation.AddConstraint;
import dev.migrationguard.model.ops.Operation.AddEnumValue;
import dev.migrationguard.model.ops.Operation.AlterColumnDefault;
import dev.migrationguard.model.ops.Operation.AlterColumnNullability;
import dev.migrationguard.model.ops.Operation.AlterColumnType;
import dev.migrationguard.model.ops.Operation.AlterSequence;
import dev.migrationguard.model.ops.Operation.CreateEnumType;
import dev.migrationguard.model.ops.Operation.CreateIndex;
import dev.migrationguard.model.ops.Operation.CreateSequence;
import dev.migrationguard.model.ops.Operation.CreateTable;
import dev.migrationguard.model.ops.Operation.CreateView;
import dev.migrationguard.model.ops.Operation.DropColumn;
import dev.migrationguard.model.ops.Operation.DropConstraint;
import dev.migrationguard.model.ops.Operation.DropIndex;
import dev.migrationguard.model.ops.Operation.DropSequence;
import dev.migrationguard.model.ops.Operation.DropTable;
import dev.migrationguard.model.ops.Operation.DropType;
import dev.migrationguard.model.ops.Operation.DropView;
import dev.migrationguard.model.ops.Operation.Opaque;
import dev.migrationguard.model.ops.Operation.RebuildTable;
import dev.migrationguard.model.ops.Operation.RedefineColumn;
import dev.migrationguard.model.ops.Operation.RenameColumn;
import dev.migrationguard.model.ops.Operation.RenameConstraint;
import dev.migrationguard.model.ops.Operation.RenameIndex;
import dev.migrationguard.model.ops.Operation.RenameTable;
import dev.migrationguard.model.ops.Operation.RenameType;
import dev.migrationguard.model.ops.Operation.TableOptions;
import dev.migrationguard.model.ops.Operation.ValidateConstraint;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.CheckConstraint;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.ColumnDefault;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.EnumType;
import dev.migrationguard.model.schema.ForeignKey;
import dev.migrationguard.model.schema.Identifiers;
import dev.migrationguard.model.schema.Index;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.PrimaryKey;
import dev.migrationguard.model.schema.Sequence;
import dev.migrationguard.model.schema.SqlText;
import dev.migrationguard.model.schema.SqlType;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.model.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Applies operations to a {@link ReplayState} as the database would, without one. What the replay cannot know stays
 * unknown rather than guessed: an opaque statement marks the tables it names {@linkplain Table#incomplete incomplete}
 * (and the schema, when it names a table the replay lacks, or none), and an operation on a table or column the replay
 * lacks creates it with only the facts the operation states. Each fact keeps the location of the operation that set
 * it. Never throws.
 */
public final class Replay {
    /**
     * Statements that define code without running it: a function's body runs when called, not when the migration
     * creates it, so the tables it names keep what the replay knows of them (a table it names that the replay lacks
     * still makes the schema incomplete).
     */
    private static final Pattern DEFINES_CODE = Pattern.compile(
            "(?i)(CREATE|ALTER|DROP) (FUNCTION|PROCEDURE|TRIGGER|PACKAGE|AGGREGATE|OPERATOR|LANGUAGE)");

    private static final Pattern CONVERT = Pattern.compile("(?i)\\s*CONVERT\\s+TO\\s");
    /** The types whose storage a change of character set can change. */
    private static final java.util.Set<String> CONVERTED = java.util.Set.of("char", "varchar", "tinytext", "text",
            "mediumtext");

    private Replay() {
    }

    /** The state after {@code migration}'s operations of each side in turn (its UP, then its DOWN, say). */
    public static ReplayState apply(ReplayState state, Migration migration, Side... sides) {
        ReplayState s = state;
        for (Side side : sides) {
            for (Operation op : migration.operations()) {
                if (op.origin().side() == side) s = apply(s, op);
            }
        }
        return s;
    }

    /** The state after {@code operations}, in order. */
    static ReplayState apply(ReplayState state, List<Operation> operations) {
        ReplayState s = state;
        for (Operation op : operations) s = apply(s, op);
        return s;
    }

    /** The state after one operation. */
    public static ReplayState apply(ReplayState state, Operation op) {
        Operation folded = ColumnCase.fold(op, state.schema().dialect());
        return new Step(state.counted(op instanceof Opaque), op.origin().location()).apply(folded);
    }

    /** One operation applied to one state: the state's dialect and the operation's location at hand. */
    private static final class Step {
        private ReplayState state;
        private final Dialect d;
        private final Location at;

        Step(ReplayState state, Location at) {
            this.state = state;
            this.d = state.schema().dialect();
            this.at = at;
        }

        ReplayState apply(Operation op) {
            if (op instanceof CreateTable o) createTable(o);
            else if (op instanceof DropTable o) dropTable(o.table(), o.cascade(), false, o.ifExists());
            else if (op instanceof RenameTable o) renameTable(o.from(), o.to());
            else if (op instanceof RebuildTable o) rebuild(o);
            else if (op instanceof AddColumn o) addColumn(o);
            else if (op instanceof DropColumn o) dropColumn(o);
            else if (op instanceof RenameColumn o) renameColumn(o.table(), o.from(), o.to());
            else if (op instanceof AlterColumnType o) alterColumn(o.table(), o.column(),
                    c -> c.withType(Facts.type(o.type(), o.typeText(), state.schema())));
            else if (op instanceof AlterColumnNullability o) alterColumn(o.table(), o.column(),
                    c -> c.withNullable(o.nullable()));
            else if (op instanceof AlterColumnDefault o) alterColumn(o.table(), o.column(),
                    c -> c.withDefault(o.defaultValue() == null ? ColumnDefault.NONE
                            : ColumnDefault.of(o.defaultValue(), o.constraint())));
            else if (op instanceof RedefineColumn o) redefine(o);
            else if (op instanceof CreateIndex o) createIndex(o);
            else if (op instanceof DropIndex o) dropIndex(o);
            else if (op instanceof RenameIndex o) renameIndex(o);
            else if (op instanceof AddConstraint o) addConstraint(o);
            else if (op instanceof DropConstraint o) dropConstraint(o);
            else if (op instanceof RenameConstraint o) renameConstraint(o);
            else if (op instanceof ValidateConstraint o) validate(o);
            else if (op instanceof CreateView o) createView(o);
            else if (op instanceof DropView o) dropTable(o.view(), false, true, o.ifExists());
            else if (op instanceof CreateSequence o) createSequence(o);
            else if (op instanceof AlterSequence o) alterSequence(o);
            else if (op instanceof DropSequence o) put(schema().withoutSequence(schemaOf(o.sequence()), nameOf(o.sequence())));
            else if (op instanceof CreateEnumType o) put(schema().withEnumType(new EnumType(schemaOf(o.type()),
                    nameOf(o.type()), o.values(), at)));
            else if (op instanceof AddEnumValue o) addEnumValue(o);
            else if (op instanceof RenameType o) renameType(o);
            else if (op instanceof DropType o) put(schema().withoutEnumType(schemaOf(o.type()), nameOf(o.type())));
            else if (op instanceof Opaque o) opaque(o);
            else if (op instanceof TableOptions o && d.isMysqlFamily() && CONVERT.matcher(o.options()).lookingAt()) {
                convert(o);
            }
            // DataChange, LockOptions, the other TableOptions and a Routine (code defined or dropped, which runs
            // only when called) leave the structure as it is.
            return state;
        }

        // ---- tables

        /**
         * A table defined whole: known, whatever unread statements did before, for the statement fails on a table that
         * exists. With IF NOT EXISTS it does not: where an unread statement may have made the table, it is that one,
         * whose columns are not certain.
         */
        private void createTable(CreateTable o) {
            Table existing = table(o.table());
            if (existing != null && o.ifNotExists()) return;
            Table t = newTable(o);
            put(schema().withTable(o.ifNotExists() && !schema().complete() ? t.uncertain() : t));
        }

        /** The table a {@code CREATE TABLE} defines; one filled by a query has columns nobody listed. */
        private Table newTable(CreateTable o) {
            Table t = Table.table(schemaOf(o.table()), nameOf(o.table()), at);
            List<String> primary = new ArrayList<>();
            for (ColumnDef c : o.columns()) {
                t = t.withColumn(d, Facts.column(c, schema(), at));
                if (c.primaryKey()) primary.add(c.name());
                if (c.references() != null) {
                    t = t.withForeignKey(Facts.foreignKey(null, List.of(c.name()), c.references(), schema(), at));
                }
            }
            if (!primary.isEmpty()) t = withPrimaryKey(t, new PrimaryKey(null, primary, at));
            for (Constraint c : o.constraints()) t = constrained(t, c, false);
            return o.fromQuery() ? t.incomplete(at) : t;
        }

        private void dropTable(QualifiedName name, boolean cascade, boolean view, boolean ifExists) {
            Table t = table(name);
            if (t == null) {
                if (!ifExists) unresolved();
                return;
            }
            if (view && !t.view()) return;
            PhysicalSchema s = schema().withoutTable(t.schema(), t.name());
            if (cascade) s = withForeignKeysTo(s, t, fk -> false);
            put(s);
            dropNotValid(t, null);
        }

        private void renameTable(QualifiedName from, QualifiedName to) {
            Table t = tableOrPlaceholder(from);
            String newSchema = to.schema() == null ? t.schema() : schemaOf(to);
            Table renamed = t.withName(newSchema, nameOf(to));
            PhysicalSchema s = schema().withoutTable(t.schema(), t.name()).withTable(renamed);
            // Foreign keys follow the table they reference.
            put(withForeignKeysTo(s, t, fk -> true, fk -> new ForeignKey(fk.name(), fk.columns(), newSchema,
                    renamed.name(), fk.referencedColumns(), fk.onDelete(), fk.onUpdate(), fk.location())));
            List<ReplayState.NotValid> moved = state.notValid().stream().map(n -> sameTable(n, t)
                    ? new ReplayState.NotValid(newSchema, renamed.name(), n.constraint(), n.location()) : n).toList();
            state = state.withNotValid(moved);
        }

        /**
         * SQLite's rebuild: the new definition, whole (even over a table an unreadable statement touched), its indexes
         * gone with the old table (DROP TABLE takes them). A column the copy carries over unchanged keeps the location
         * that made it, so a finding points where it was written.
         */
        private void rebuild(RebuildTable o) {
            Table before = table(o.table());
            Table after = newTable(o.definition());
            if (before != null) {
                for (Column c : new ArrayList<>(after.columns())) {
                    String source = o.copiedFrom().get(c.name());
                    Column old = source == null ? null : before.column(d, source.replace("\"", "").replace("`", ""));
                    if (old != null && sameFacts(old, c)) after = after.withColumn(d, c.withLocation(old.location()));
                }
                put(schema().withoutTable(before.schema(), before.name()));
                dropNotValid(before, null);
            }
            put(schema().withTable(after));
        }

        private static boolean sameFacts(Column a, Column b) {
            return Objects.equals(a.type(), b.type()) && Objects.equals(a.nullable(), b.nullable())
                    && a.defaultValue().sameValue(b.defaultValue()) && a.generated().equals(b.generated());
        }

        // ---- columns

        private void addColumn(AddColumn o) {
            Table t = tableOrPlaceholder(o.table());
            if (t.column(d, o.column().name()) != null && o.ifNotExists()) return;
            ColumnDef c = o.column();
            // a column added whole is known, even on a table an unread statement touched before
            t = t.withColumn(d, Facts.column(c, schema(), at)).withSettled(d, c.name());
            if (c.primaryKey()) t = withPrimaryKey(t, new PrimaryKey(null, List.of(c.name()), at));
            if (c.references() != null) {
                t = t.withForeignKey(Facts.foreignKey(null, List.of(c.name()), c.references(), schema(), at));
            }
            put(schema().withTable(t));
        }

        /** Indexes and constraints over the column go with it, as every database does (or refuses the drop). */
        private void dropColumn(DropColumn o) {
            Table t = table(o.table());
            if (t == null || t.column(d, o.column()) == null) {
                unresolved();
                if (t == null) return;
            }
            String col = o.column();
            Pattern word = Pattern.compile("(?<![\\w\"`])[\"`]?" + Pattern.quote(col.toLowerCase(Locale.ROOT))
                    + "[\"`]?(?![\\w\"`])");
            Table out = new Table(t.schema(), t.name(), t.view(), t.columns(),
                    t.primaryKey() != null && has(t.primaryKey().columns(), col) ? null : t.primaryKey(),
                    t.foreignKeys().stream().filter(f -> !has(f.columns(), col)).toList(),
                    t.indexes().stream().filter(i -> !has(i.columns(), col)).toList(),
                    t.uniques().stream().filter(u -> !has(u.columns(), col)).toList(),
                    t.checks().stream().filter(c -> c.expression() == null
                            || !word.matcher(c.expression().toLowerCase(Locale.ROOT)).find()).toList(),
                    t.viewDefinition(), t.complete(), t.location(), t.settled(), t.settledSinceAny(), t.incompleteBy())
                    .withoutColumn(d, col);
            PhysicalSchema s = schema().withTable(out);
            if (o.cascade()) s = withForeignKeysTo(s, t, fk -> fk.referencedColumns() == null || !has(fk.referencedColumns(), col));
            put(s);
        }

        private void renameColumn(QualifiedName table, String from, String to) {
            Table t = tableOrPlaceholder(table);
            Column c = t.column(d, from);
            if (c == null) {
                unresolved();
                c = Column.unknown(from, at);
            }
            UnaryOperator<List<String>> rename = cols -> cols.stream().map(x -> Facts.same(d, x, from) ? to : x).toList();
            Table out = new Table(t.schema(), t.name(), t.view(), t.columns(),
                    t.primaryKey() == null ? null : new PrimaryKey(t.primaryKey().name(),
                            rename.apply(t.primaryKey().columns()), t.primaryKey().location()),
                    t.foreignKeys().stream().map(f -> new ForeignKey(f.name(), rename.apply(f.columns()),
                            f.referencedSchema(), f.referencedTable(), f.referencedColumns(), f.onDelete(),
                            f.onUpdate(), f.location())).toList(),
                    t.indexes().stream().map(i -> new Index(i.name(), rename.apply(i.columns()), i.unique(),
                            i.predicate(), i.method(), i.location())).toList(),
                    t.uniques().stream().map(u -> new UniqueConstraint(u.name(), rename.apply(u.columns()),
                            u.location())).toList(),
                    t.checks(), t.viewDefinition(), t.complete(), t.location(), t.settled(), t.settledSinceAny(),
                    t.incompleteBy());
            out = out.withoutColumn(d, from).withColumn(d, c.withName(to).withLocation(at));
            out = out.withSettledAs(d, t, from, to);
            if (t.column(d, from) != null) out = reorder(out, t, from, to);
            PhysicalSchema s = schema().withTable(out);
            put(withForeignKeysTo(s, t, fk -> true, fk -> fk.referencedColumns() == null ? fk
                    : new ForeignKey(fk.name(), fk.columns(), fk.referencedSchema(), fk.referencedTable(),
                    rename.apply(fk.referencedColumns()), fk.onDelete(), fk.onUpdate(), fk.location())));
        }

        /** A renamed column keeps its place among the others. */
        private Table reorder(Table renamed, Table before, String from, String to) {
            List<Column> cols = new ArrayList<>();
            for (Column c : before.columns()) {
                cols.add(Facts.same(d, c.name(), from) ? renamed.column(d, to) : c);
            }
            return new Table(renamed.schema(), renamed.name(), renamed.view(), cols, renamed.primaryKey(),
                    renamed.foreignKeys(), renamed.indexes(), renamed.uniques(), renamed.checks(),
                    renamed.viewDefinition(), renamed.complete(), renamed.location(), renamed.settled(),
                    renamed.settledSinceAny(), renamed.incompleteBy());
        }

        private void alterColumn(QualifiedName table, String column, UnaryOperator<Column> change) {
            Table t = tableOrPlaceholder(table);
            Column c = t.column(d, column);
            if (c == null) {
                unresolved();
                c = Column.unknown(column, at);
            }
            put(schema().withTable(t.withColumn(d, change.apply(c).withLocation(at))));
        }

        /** MySQL's MODIFY / CHANGE: the whole definition anew, under a new name for CHANGE. */
        private void redefine(RedefineColumn o) {
            Table t = tableOrPlaceholder(o.table());
            Column old = t.column(d, o.column());
            if (old == null) unresolved();
            else if (!Facts.same(d, o.column(), o.definition().name())) {
                renameColumn(o.table(), o.column(), o.definition().name());
                t = table(o.table());
            }
            Column c = Facts.column(o.definition(), schema(), at);
            if (old != null && !o.definition().unique()) c = c.withUnique(old.unique());
            t = t.withColumn(d, c).withSettled(d, c.name());
            if (o.definition().primaryKey()) t = withPrimaryKey(t, new PrimaryKey(null, List.of(c.name()), at));
            put(schema().withTable(t));
        }

        // ---- indexes

        private void createIndex(CreateIndex o) {
            Table t = tableOrPlaceholder(o.table());
            if (o.name() != null && t.indexes().stream().anyMatch(i -> Facts.same(d, i.name(), o.name()))) {
                if (o.ifNotExists()) return;
                t = t.withoutIndex(d, o.name());
            }
            List<String> keys = o.keys().stream().map(k -> k.column() != null ? k.column()
                    : SqlText.normalise(k.expression())).toList();
            String method = o.method() == null || o.method().equalsIgnoreCase("btree") ? null
                    : o.method().toLowerCase(Locale.ROOT);
            put(schema().withTable(t.withIndex(new Index(o.name(), keys, o.unique(),
                    o.where() == null ? null : SqlText.normalise(o.where()), method, at))));
        }

        /**
         * An index by name, on its table or on any (PostgreSQL names them per schema); MySQL's unique constraints are
         * indexes, so the name may be one. Not found: an unnamed index of the table may be it, so the table is unknown.
         */
        private void dropIndex(DropIndex o) {
            for (Table t : candidates(o.table())) {
                if (t.indexes().stream().anyMatch(i -> Facts.same(d, i.name(), o.name().name()))
                        || t.uniques().stream().anyMatch(u -> Facts.same(d, u.name(), o.name().name()))) {
                    put(schema().withTable(withoutNamed(t, o.name().name(), true)));
                    return;
                }
            }
            // MySQL names an index it makes for a foreign key after the key, and an unnamed index after its first
            // column; neither kind is in the model, so dropping one changes nothing the model holds.
            if (d.isMysqlFamily()) {
                for (Table t : candidates(o.table())) {
                    List<Index> kept = t.indexes().stream().filter(i -> !(i.name() == null && !i.columns().isEmpty()
                            && Facts.same(d, i.columns().get(0), o.name().name()))).toList();
                    if (kept.size() < t.indexes().size()) {
                        put(schema().withTable(new Table(t.schema(), t.name(), t.view(), t.columns(), t.primaryKey(),
                                t.foreignKeys(), kept, t.uniques(), t.checks(), t.viewDefinition(), t.complete(),
                                t.location(), t.settled(), t.settledSinceAny(), t.incompleteBy())));
                        return;
                    }
                }
                if (o.table() != null && table(o.table()) != null) return;
            }
            notFound(o.table(), o.ifExists());
        }

        private void renameIndex(RenameIndex o) {
            for (Table t : candidates(null)) {
                for (Index i : t.indexes()) {
                    if (Facts.same(d, i.name(), o.from().name())) {
                        put(schema().withTable(t.withoutIndex(d, i.name()).withIndex(new Index(o.to(), i.columns(),
                                i.unique(), i.predicate(), i.method(), at))));
                        return;
                    }
                }
            }
            notFound(null, false);
        }

        // ---- constraints

        private void addConstraint(AddConstraint o) {
            Table t = tableOrPlaceholder(o.table());
            put(schema().withTable(constrained(t, o.constraint(), true)));
            if (o.notValid() && o.constraint().name() != null) {
                List<ReplayState.NotValid> n = new ArrayList<>(state.notValid());
                n.add(new ReplayState.NotValid(t.schema(), t.name(), o.constraint().name(), at));
                state = state.withNotValid(n);
            }
        }

        /** The table with a table-level constraint; {@code altering} when an ALTER TABLE adds it (USING INDEX). */
        private Table constrained(Table t, Constraint c, boolean altering) {
            if (c instanceof Constraint.PrimaryKey p) return withPrimaryKey(t, new PrimaryKey(p.name(), p.columns(), at));
            if (c instanceof Constraint.ForeignKey f) {
                return t.withForeignKey(Facts.foreignKey(f.name(), f.columns(), f.references(), schema(), at));
            }
            if (c instanceof Constraint.Unique u) {
                if (u.usingIndex() != null && altering) {
                    Index i = t.indexes().stream().filter(x -> Facts.same(d, x.name(), u.usingIndex())).findFirst()
                            .orElse(null);
                    if (i == null) {
                        unresolved();
                        return t.incomplete(at);
                    }
                    // The index becomes the constraint's, under the constraint's name.
                    return t.withoutIndex(d, i.name()).withUnique(new UniqueConstraint(
                            u.name() == null ? i.name() : u.name(), i.columns(), at));
                }
                return t.withUnique(new UniqueConstraint(u.name(), u.columns(), at));
            }
            if (c instanceof Constraint.Check k) return t.withCheck(CheckConstraint.of(k.name(), k.expression(), at));
            // An exclusion constraint has no place in the model; nothing the model holds changes.
            return t;
        }

        /** Primary key columns hold no NULL (SQLite's legacy quirk allows it there unless NOT NULL is written). */
        private Table withPrimaryKey(Table t, PrimaryKey pk) {
            Table out = t.withPrimaryKey(pk);
            for (String name : pk.columns()) {
                Column c = out.column(d, name);
                if (c == null) continue;
                if (d != Dialect.SQLITE) out = out.withColumn(d, c.withNullable(false));
                else if (Boolean.TRUE.equals(c.nullable())) out = out.withColumn(d, c.withNullable(null));
            }
            return out;
        }

        private void dropConstraint(DropConstraint o) {
            Table t = table(o.table());
            if (t == null) {
                notFound(o.table(), o.ifExists());
                return;
            }
            if (o.name() == null || o.kind() == Operation.ConstraintKind.PRIMARY_KEY && t.primaryKey() != null
                    && (t.primaryKey().name() == null || Facts.same(d, t.primaryKey().name(), o.name()))) {
                if (t.primaryKey() == null) unresolved();
                put(schema().withTable(t.withPrimaryKey(null)));
                return;
            }
            if (named(t, o.name())) {
                put(schema().withTable(withoutNamed(t, o.name(), false)));
                dropNotValid(t, o.name());
                return;
            }
            Table defaulted = withoutNamedDefault(t, o.name(), o.kind());
            if (defaulted != null) {
                put(schema().withTable(defaulted));
                return;
            }
            Table generated = withoutGeneratedName(t, o.name());
            if (generated != null) {
                put(schema().withTable(generated));
                return;
            }
            if (!o.ifExists() || hasUnnamed(t)) notFound(o.table(), false);
        }

        /**
         * SQL Server keeps a column's default as a constraint of the table, by the name {@code CONSTRAINT x DEFAULT v}
         * gave it: dropping that name drops the default, the column stays. Null when no column's default has the name,
         * the drop says another kind of constraint, or the database is another (PostgreSQL reads such a name and
         * forgets it, so a drop by it fails there).
         */
        private Table withoutNamedDefault(Table t, String name, Operation.ConstraintKind kind) {
            if (kind != null || d != Dialect.MSSQL) return null;
            for (Column c : t.columns()) {
                if (Facts.same(d, c.defaultValue().constraint(), name)) {
                    return t.withColumn(d, c.withDefault(ColumnDefault.NONE));
                }
            }
            return null;
        }

        /**
         * PostgreSQL names what the statement left unnamed ({@code t_pkey}, {@code t_a_b_fkey}, {@code t_a_key},
         * {@code t_a_idx}); a drop by such a name removes the unnamed constraint it stands for.
         */
        private Table withoutGeneratedName(Table t, String name) {
            if (d != Dialect.POSTGRES) return null;
            String base = t.name() + "_";
            if (t.primaryKey() != null && t.primaryKey().name() == null && name.equals(base + "pkey")) {
                return t.withPrimaryKey(null);
            }
            List<ForeignKey> fks = t.foreignKeys().stream().filter(f -> !(f.name() == null
                    && name.equals(base + String.join("_", f.columns()) + "_fkey"))).toList();
            List<UniqueConstraint> us = t.uniques().stream().filter(u -> !(u.name() == null
                    && name.equals(base + String.join("_", u.columns()) + "_key"))).toList();
            if (fks.size() == t.foreignKeys().size() && us.size() == t.uniques().size()) return null;
            return new Table(t.schema(), t.name(), t.view(), t.columns(), t.primaryKey(), fks, t.indexes(), us,
                    t.checks(), t.viewDefinition(), t.complete(), t.location(), t.settled(), t.settledSinceAny(),
                    t.incompleteBy());
        }

        private void renameConstraint(RenameConstraint o) {
            Table t = table(o.table());
            if (t == null || !named(t, o.from())) {
                notFound(o.table(), false);
                return;
            }
            UnaryOperator<String> rename = n -> Facts.same(d, n, o.from()) ? o.to() : n;
            PrimaryKey pk = t.primaryKey() == null ? null
                    : new PrimaryKey(rename.apply(t.primaryKey().name()), t.primaryKey().columns(), t.primaryKey().location());
            put(schema().withTable(new Table(t.schema(), t.name(), t.view(), t.columns(), pk,
                    t.foreignKeys().stream().map(f -> new ForeignKey(rename.apply(f.name()), f.columns(),
                            f.referencedSchema(), f.referencedTable(), f.referencedColumns(), f.onDelete(),
                            f.onUpdate(), f.location())).toList(),
                    t.indexes().stream().map(i -> new Index(rename.apply(i.name()), i.columns(), i.unique(),
                            i.predicate(), i.method(), i.location())).toList(),
                    t.uniques().stream().map(u -> new UniqueConstraint(rename.apply(u.name()), u.columns(),
                            u.location())).toList(),
                    t.checks().stream().map(c -> new CheckConstraint(rename.apply(c.name()), c.expression(),
                            c.location())).toList(),
                    t.viewDefinition(), t.complete(), t.location(), t.settled(), t.settledSinceAny(), t.incompleteBy())));
            state = state.withNotValid(state.notValid().stream().map(n -> sameTable(n, t)
                    && Facts.same(d, n.constraint(), o.from())
                    ? new ReplayState.NotValid(n.schema(), n.table(), o.to(), n.location()) : n).toList());
        }

        private void validate(ValidateConstraint o) {
            Table t = table(o.table());
            if (t == null) {
                unresolved();
                return;
            }
            dropNotValid(t, o.name());
        }

        // ---- views, sequences, types

        private void createView(CreateView o) {
            Table existing = table(o.view());
            if (existing != null && !existing.view()) {
                unresolved();
                return;
            }
            put(schema().withTable(Table.view(schemaOf(o.view()), nameOf(o.view()), null, at)));
        }

        private void createSequence(CreateSequence o) {
            String schema = schemaOf(o.sequence());
            String name = nameOf(o.sequence());
            if (o.ifNotExists() && schema().sequences().containsKey(Identifiers.qualifiedKey(d, schema, name))) return;
            put(schema().withSequence(new Sequence(schema, name, Facts.increment(o.options()), at)));
        }

        private void alterSequence(AlterSequence o) {
            String schema = schemaOf(o.sequence());
            String name = nameOf(o.sequence());
            Sequence q = schema().sequences().get(Identifiers.qualifiedKey(d, schema, name));
            if (q == null) unresolved();
            Long step = Facts.increment(o.options());
            Long increment = step != null ? step : q == null ? null : q.increment();
            put(schema().withSequence(new Sequence(schema, name, increment, at)));
        }

        private void addEnumValue(AddEnumValue o) {
            String schema = schemaOf(o.type());
            String name = nameOf(o.type());
            EnumType e = schema().enumTypes().get(Identifiers.qualifiedKey(d, schema, name));
            if (e == null || e.values() == null) {
                if (e == null) unresolved();
                put(schema().withEnumType(new EnumType(schema, name, null, at)));
                return;
            }
            if (e.values().contains(o.value())) return;
            List<String> values = new ArrayList<>(e.values());
            int index = o.before() != null ? values.indexOf(o.before())
                    : o.after() != null && values.contains(o.after()) ? values.indexOf(o.after()) + 1 : values.size();
            values.add(index < 0 ? values.size() : index, o.value());
            put(schema().withEnumType(new EnumType(e.schema(), e.name(), values, at)));
        }

        /** An enum type renamed, and the columns of that type with it. */
        private void renameType(RenameType o) {
            String schema = schemaOf(o.from());
            String name = nameOf(o.from());
            EnumType e = schema().enumTypes().get(Identifiers.qualifiedKey(d, schema, name));
            if (e == null) {
                unresolved();
                return;
            }
            String to = Identifiers.stored(d, o.to(), o.from().quoted());
            PhysicalSchema s = schema().withoutEnumType(schema, name).withEnumType(new EnumType(e.schema(), to,
                    e.values(), at));
            for (Table t : s.tableList()) {
                Table out = t;
                for (Column c : t.columns()) {
                    if (c.type() != null && Facts.same(d, c.type().name(), name)) {
                        SqlType renamed = new SqlType(to, c.type().length(), c.type().precision(), c.type().scale(),
                                c.type().array());
                        out = out.withColumn(d, c.withType(renamed));
                    }
                }
                if (out != t) s = s.withTable(out);
            }
            put(s);
        }

        // ---- what could not be read

        /**
         * Statements that cannot change a table's columns, keys or indexes change nothing. Any other marks each table
         * it names as unknown; naming a table the replay lacks (it may have made it), or none, makes the schema
         * incomplete: tables may be missing. Such a statement may also have changed any table it does not name, so no
         * column is {@linkplain Table#certain certain} after it until a statement read defines it again.
         */
        private void opaque(Opaque o) {
            switch (o.kind()) {
                case COMMENT, PRIVILEGE, SESSION, QUERY -> {
                    return;
                }
                default -> {
                }
            }
            boolean definesCode = DEFINES_CODE.matcher(o.summary()).matches();
            if (o.mentions().isEmpty()) {
                if (!definesCode) anywhere();
                return;
            }
            // A body naming a table the replay lacks may hold statements a missed delimiter swallowed.
            if (o.mentions().stream().anyMatch(q -> table(q) == null)) anywhere();
            if (definesCode) return;
            for (QualifiedName q : o.mentions()) {
                Table t = table(q);
                if (t != null) put(schema().withTable(t.incomplete(at)));
            }
        }

        /** A statement not read that may have acted anywhere: tables may be missing, any table may have changed. */
        private void anywhere() {
            PhysicalSchema s = schema().incomplete();
            for (Table t : s.tableList()) s = s.withTable(t.uncertain());
            put(s);
            state = state.withUnreadAnywhere(at);
        }

        /**
         * MySQL's {@code CONVERT TO CHARACTER SET} changes a text column's type where the new character set needs more
         * bytes per character than its length bytes can count (a latin1 {@code TEXT} becomes {@code MEDIUMTEXT} in
         * utf8mb4, a {@code VARCHAR} may become a {@code TEXT} type), and to {@code binary} makes them binary types.
         * The character set the table had is not known, so neither is the type after: it becomes unknown.
         */
        private void convert(TableOptions o) {
            Table t = table(o.table());
            if (t == null) return;
            for (Column c : t.columns()) {
                if (c.type() != null && CONVERTED.contains(c.type().name())) t = t.withColumn(d, c.withType(null));
            }
            put(schema().withTable(t));
        }

        // ---- helpers

        private PhysicalSchema schema() {
            return state.schema();
        }

        private void put(PhysicalSchema s) {
            state = state.with(s);
        }

        private void unresolved() {
            state = state.unresolvedOne();
        }

        private String schemaOf(QualifiedName q) {
            return Facts.schema(d, q);
        }

        private String nameOf(QualifiedName q) {
            return Facts.name(d, q);
        }

        private Table table(QualifiedName q) {
            return q == null ? null : schema().table(schemaOf(q), nameOf(q));
        }

        /**
         * The table an operation acts on; one the replay lacks must exist for the statement to run (an opaque
         * statement or something outside the migrations made it), so it is added knowing nothing but its name.
         */
        private Table tableOrPlaceholder(QualifiedName q) {
            Table t = table(q);
            if (t != null) return t;
            unresolved();
            Table placeholder = Table.table(schemaOf(q), nameOf(q), at).incomplete(at);
            put(schema().withTable(placeholder));
            return placeholder;
        }

        /** The named table, or every table when the statement names none. */
        private List<Table> candidates(QualifiedName table) {
            if (table == null) return schema().tableList();
            Table t = table(table);
            return t == null ? List.of() : List.of(t);
        }

        /** An object to drop or rename was not found: unknown, unless IF EXISTS says its absence is fine. */
        private void notFound(QualifiedName table, boolean ifExists) {
            if (ifExists) return;
            unresolved();
            Table t = table(table);
            if (t != null && hasUnnamed(t)) put(schema().withTable(t.incomplete(at)));
        }

        private boolean hasUnnamed(Table t) {
            return t.primaryKey() != null && t.primaryKey().name() == null
                    || t.foreignKeys().stream().anyMatch(f -> f.name() == null)
                    || t.indexes().stream().anyMatch(i -> i.name() == null)
                    || t.uniques().stream().anyMatch(u -> u.name() == null)
                    || t.checks().stream().anyMatch(c -> c.name() == null);
        }

        private boolean named(Table t, String name) {
            return t.primaryKey() != null && Facts.same(d, t.primaryKey().name(), name)
                    || t.foreignKeys().stream().anyMatch(f -> Facts.same(d, f.name(), name))
                    || t.indexes().stream().anyMatch(i -> Facts.same(d, i.name(), name))
                    || t.uniques().stream().anyMatch(u -> Facts.same(d, u.name(), name))
                    || t.checks().stream().anyMatch(c -> Facts.same(d, c.name(), name));
        }

        /** Without the named constraint or index; an index only when {@code indexOnly} (a DROP INDEX). */
        private Table withoutNamed(Table t, String name, boolean indexOnly) {
            Table out = t.withoutIndex(d, name);
            if (indexOnly) {
                return new Table(out.schema(), out.name(), out.view(), out.columns(), out.primaryKey(),
                        out.foreignKeys(), out.indexes(), out.uniques().stream()
                        .filter(u -> !Facts.same(d, u.name(), name)).toList(), out.checks(), out.viewDefinition(),
                        out.complete(), out.location(), out.settled(), out.settledSinceAny(), out.incompleteBy());
            }
            return t.withoutConstraint(d, name);
        }

        private boolean sameTable(ReplayState.NotValid n, Table t) {
            return Identifiers.qualifiedKey(d, n.schema(), n.table()).equals(Identifiers.qualifiedKey(d, t.schema(), t.name()));
        }

        /** Forgets the NOT VALID marks of a table (all when {@code constraint} is null). */
        private void dropNotValid(Table t, String constraint) {
            state = state.withNotValid(state.notValid().stream().filter(n -> !(sameTable(n, t)
                    && (constraint == null || Facts.same(d, n.constraint(), constraint)))).toList());
        }

        private PhysicalSchema withForeignKeysTo(PhysicalSchema s, Table target, Predicate<ForeignKey> keep) {
            return withForeignKeysTo(s, target, keep, fk -> fk);
        }

        /**
         * Every other table's foreign keys that reference {@code target}: dropped unless {@code keep}, the kept ones
         * changed by {@code change}.
         */
        private PhysicalSchema withForeignKeysTo(PhysicalSchema s, Table target,
                                                 Predicate<ForeignKey> keep,
                                                 UnaryOperator<ForeignKey> change) {
            String key = Identifiers.qualifiedKey(d, target.schema(), target.name());
            PhysicalSchema out = s;
            for (Table t : s.tableList()) {
                boolean touched = false;
                List<ForeignKey> fks = new ArrayList<>();
                for (ForeignKey fk : t.foreignKeys()) {
                    boolean references = fk.referencedTable() != null
                            && Identifiers.qualifiedKey(d, fk.referencedSchema(), fk.referencedTable()).equals(key);
                    if (!references) {
                        fks.add(fk);
                        continue;
                    }
                    touched = true;
                    if (keep.test(fk)) fks.add(change.apply(fk));
                }
                if (touched) {
                    out = out.withTable(new Table(t.schema(), t.name(), t.view(), t.columns(), t.primaryKey(), fks,
                            t.indexes(), t.uniques(), t.checks(), t.viewDefinition(), t.complete(), t.location(),
                            t.settled(), t.settledSinceAny(), t.incompleteBy()));
                }
            }
            return out;
        }

        private boolean has(List<String> columns, String column) {
            return columns.stream().anyMatch(c -> Facts.same(d, c, column));
        }
    }

}
