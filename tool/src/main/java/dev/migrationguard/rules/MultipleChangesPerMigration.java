package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Reviewed;
import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.SchemaChange;
import dev.migrationguard.model.Severity;
import dev.migrationguard.model.ops.ColumnDef;
import dev.migrationguard.model.ops.Constraint;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.ForeignKey;
import dev.migrationguard.model.schema.Identifiers;
import dev.migrationguard.model.schema.Index;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.settings.OptionValues;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One migration that changes several unrelated tables: it cannot be reviewed, deployed or rolled back one change at a
 * time. Tables are related when one change ties them: a new table with its indexes and keys, tables joined by a
 * foreign key the migration creates or drops, a view with the tables it reads, the tables one data statement writes
 * and reads, the same step taken on several. Rows written to a table the migration does not otherwise change (a seed,
 * a lookup value, a backfill) are part of the change they serve, and what cannot be read is left out. A project's first
 * migration (its initial schema) is exempt, and so is the first of each of its sets.
 */
@RuleMeta(id = "multiple-changes-per-migration", severity = Severity.WARNING,
        summary = "One migration changes several unrelated tables",
        options = {"max-unrelated"})
public final class MultipleChangesPerMigration implements Rule {

    /** @param maxUnrelated how many unrelated groups of tables one migration may change */
    public record Options(int maxUnrelated) {
        public static Options from(OptionValues values) {
            int max = values.string("max-unrelated").map(v -> {
                try {
                    int n = Integer.parseInt(v.trim());
                    if (n >= 1) return n;
                } catch (NumberFormatException e) {
                    // said below
                }
                throw new OptionValues.BadOption("max-unrelated",
                        "max-unrelated must be a whole number of at least 1, not '" + v + "'");
            }).orElse(1);
            return new Options(max);
        }
    }

    private final Options options;

    public MultipleChangesPerMigration(Options options) {
        this.options = options;
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (Reviewed r : analysis.review().migrations()) {
            List<Operation> up = Reviewing.up(r.migration());
            if (up.isEmpty()) continue;
            List<List<String>> groups = new Tables(r, analysis.schemaChanges()).groups(up);
            if (groups.size() <= options.maxUnrelated() || r.isFirst() || startsEmpty(r)) continue;
            StringBuilder listed = new StringBuilder();
            for (List<String> g : groups) {
                if (!listed.isEmpty()) listed.append("; ");
                listed.append(String.join(", ", g));
            }
            findings.add(finding(up.get(0).origin().location(), "Migration " + Reviewing.name(r.migration())
                            + " changes " + groups.size() + " unrelated groups of tables (" + listed
                            + "): one migration per change lets each be reviewed, deployed and rolled back alone.",
                    "Split it into one migration per group; if the changes belong together, say why with "
                            + "migration-guard-ignore multiple-changes-per-migration: <reason>, or raise "
                            + "max-unrelated (now " + options.maxUnrelated() + ")."));
        }
        return findings;
    }

    /**
     * Whether the migration is the first of its own set: a project with one set of migrations per database (TypeORM
     * data sources with their own folders) has an initial schema in each, and only one is its stack's first. Known
     * where the schema before is replayed; a history that builds no table we can read is treated alike.
     */
    private static boolean startsEmpty(Reviewed r) {
        return r.schemaBefore().map(s -> s.tables().isEmpty()).orElse(false);
    }

    /** The tables one migration changes, joined into groups as its operations relate them. */
    private static final class Tables {
        private final Reviewed reviewed;
        /** Each changed table's key, with the name a message shows, in the order the migration first changes them. */
        private final Map<String, String> changed = new LinkedHashMap<>();
        private final Map<String, String> parent = new HashMap<>();
        private final List<String[]> links = new ArrayList<>();
        private final List<SchemaChange> entityChanges;

        Tables(Reviewed reviewed, List<SchemaChange> entityChanges) {
            this.reviewed = reviewed;
            this.entityChanges = entityChanges;
        }

        List<List<String>> groups(List<Operation> up) {
            for (Operation op : up) read(op);
            keysRemade();
            linkReplacements(up);
            linkByName();
            Map<String, String> hubs = new HashMap<>();
            for (String[] link : links) {
                if (changed.containsKey(link[0]) && changed.containsKey(link[1])) {
                    union(link[0], link[1]);
                } else if (created.contains(link[0]) && !changed.containsKey(link[1])) {
                    // New tables keyed to the same existing one (two join tables of one new feature) serve one change.
                    String first = hubs.putIfAbsent(link[1], link[0]);
                    if (first != null) union(first, link[0]);
                }
            }
            if (oneKindOfStep(up)) {
                // The same kind of step over many tables (indexes added where they were missing, timestamps given a
                // precision) is one change made in several places.
                List<String> all = new ArrayList<>(changed.values());
                return all.isEmpty() ? List.of() : List.of(all);
            }
            Map<String, List<String>> byRoot = new LinkedHashMap<>();
            for (var e : changed.entrySet()) {
                byRoot.computeIfAbsent(find(e.getKey()), k -> new ArrayList<>()).add(e.getValue());
            }
            return new ArrayList<>(byRoot.values());
        }

        private void read(Operation op) {
            if (op instanceof Operation.CreateTable o) {
                created(o.table(), o);
            } else if (op instanceof Operation.RebuildTable o) {
                // SQLite's way of adding a key: the table rebuilt with it.
                created(o.table(), o.definition());
            } else if (op instanceof Operation.RenameTable o) {
                change(o.from());
                alias(o.to(), o.from());
                asideStep(o).ifPresent(step -> sameStep(step, o.from()));
            } else if (op instanceof Operation.AddColumn o) {
                change(o.table());
                sameStep("add " + lower(o.column().name()), o.table());
                if (o.column().references() != null) link(o.table(), o.column().references().table());
            } else if (op instanceof Operation.DropColumn o) {
                change(o.table());
                sameStep("drop " + lower(o.column()), o.table());
                referencedBy(o.table(), o.column()).ifPresent(t -> link(o.table(), t));
            } else if (op instanceof Operation.DropIndex o) {
                indexTable(o).ifPresent(this::change);
            } else if (op instanceof Operation.AddConstraint o) {
                if (o.constraint() instanceof Constraint.ForeignKey fk) {
                    keys(o.table()).added.add(signature(fk.columns()));
                    link(o.table(), fk.references().table());
                } else {
                    change(o.table());
                }
            } else if (op instanceof Operation.DropConstraint o) {
                Optional<Constraint.ForeignKey> fk = o.name() == null ? Optional.empty() : droppedKey(o.table(), o.name());
                if (fk.isPresent()) {
                    keys(o.table()).dropped.add(signature(fk.get().columns()));
                    link(o.table(), fk.get().references().table());
                } else {
                    change(o.table());
                }
            } else if (op instanceof Operation.CreateView o) {
                change(o.view());
                for (QualifiedName read : o.reads()) link(o.view(), read);
            } else if (op instanceof Operation.DataChange o) {
                connect(o);
                fills(o);
            } else {
                // The rest changes at most its own table (sequences, types, lock options and what could not be
                // read change none we can name).
                changedTable(op).ifPresent(this::change);
                if (op instanceof Operation.AlterColumnType o) sameStep("type " + lower(o.column()), o.table());
                if (op instanceof Operation.RedefineColumn o) sameStep("type " + lower(o.column()), o.table());
                if (op instanceof Operation.AlterColumnNullability o) {
                    sameStep("null " + lower(o.column()), o.table());
                    if (!o.nullable()) required(o.table(), o.column());
                }
                if (op instanceof Operation.RedefineColumn o && o.definition().notNull()) required(o.table(), o.column());
                if (op instanceof Operation.AlterColumnDefault o) sameStep("default " + lower(o.column()), o.table());
                if (op instanceof Operation.RenameColumn o) {
                    sameStep("rename " + lower(o.from()) + " " + lower(o.to()), o.table());
                }
            }
        }

        /**
         * A data statement ties every table it names: the one it writes, those it reads (an {@code INSERT ... SELECT}
         * merging two tables, an {@code UPDATE ... FROM}, a subquery), even when it writes a table the migration does
         * not otherwise change: a backfill that reads two changed tables makes them one change.
         */
        private void connect(Operation.DataChange o) {
            List<QualifiedName> named = new ArrayList<>();
            named.add(o.table());
            if (o.copy() != null && o.copy().from() != null) named.add(o.copy().from());
            named.addAll(o.reads());
            for (int i = 0; i < named.size(); i++) {
                for (int j = i + 1; j < named.size(); j++) link(named.get(i), named.get(j));
            }
        }

        /** Each column an UPDATE sets to a constant, with that constant: the fill before a NOT NULL. */
        private final Map<String, String> filled = new HashMap<>();

        private void fills(Operation.DataChange o) {
            if (o.kind() != Operation.DataKind.UPDATE) return;
            for (var e : o.values().entrySet()) {
                if (CONSTANT.matcher(e.getValue()).matches()) {
                    filled.put(key(o.table()) + "." + lower(e.getKey()), lower(e.getValue()));
                }
            }
        }

        /**
         * A column made NOT NULL after its NULLs were filled with a constant: the same fill with the same constant on
         * several tables ({@code weight} and {@code auto_assign_weight} set to 1000 where NULL, then required) is one
         * change made in several places, whatever the columns are called.
         */
        private void required(QualifiedName table, String column) {
            String value = filled.get(key(table) + "." + lower(column));
            if (value != null) sameStep("require filled with " + value, table);
        }

        /**
         * The step a table renamed aside takes ({@code jobs} to {@code jobs_320}, {@code x} to {@code old_x}): tables
         * renamed with the same affix in one migration are set aside together, for one rebuild of them.
         */
        private static Optional<String> asideStep(Operation.RenameTable o) {
            String from = lower(o.from().name());
            String to = lower(o.to().name());
            if (to.length() > from.length() && to.startsWith(from)) {
                return Optional.of("aside *" + to.substring(from.length()));
            }
            if (to.length() > from.length() && to.endsWith(from)) {
                return Optional.of("aside " + to.substring(0, to.length() - from.length()) + "*");
            }
            return Optional.empty();
        }

        /** The foreign keys one table's keys-only statements drop and add, by their columns. */
        private static final class Keys {
            final List<String> dropped = new ArrayList<>();
            final List<String> added = new ArrayList<>();
        }

        private final Map<String, Keys> keys = new LinkedHashMap<>();
        private final Map<String, QualifiedName> steps = new HashMap<>();

        private final Map<String, String> displayed = new HashMap<>();
        /** The tables the migration creates. */
        private final Set<String> created = new HashSet<>();

        private Keys keys(QualifiedName table) {
            displayed.putIfAbsent(key(table), Reviewing.table(table));
            return keys.computeIfAbsent(key(table), k -> {
                parent.putIfAbsent(k, k);
                return new Keys();
            });
        }

        private static String signature(List<String> columns) {
            return String.join(",", columns.stream().map(MultipleChangesPerMigration::lower).sorted().toList());
        }

        /**
         * The same step on several tables (the same column added to each, the same type widened everywhere) is one
         * change made in several places.
         */
        private void sameStep(String step, QualifiedName table) {
            QualifiedName first = steps.putIfAbsent(step, table);
            if (first != null) link(first, table);
        }

        /**
         * A table whose foreign keys are only dropped and made again over the same columns (TypeORM does so around a
         * change of the table they reference, or to rename a key) is not changed by itself; any other key change is a
         * change. Names of tables the keys join are kept: they tie the table to the change it serves.
         */
        private void keysRemade() {
            for (var e : keys.entrySet()) {
                Keys k = e.getValue();
                List<String> dropped = new ArrayList<>(k.dropped);
                List<String> added = new ArrayList<>(k.added);
                dropped.sort(null);
                added.sort(null);
                if (!dropped.equals(added) || changed.containsKey(e.getKey())) {
                    changed.putIfAbsent(e.getKey(), displayed.get(e.getKey()));
                }
            }
        }

        /**
         * A table dropped and one created in its place (a rename written as both, which rename-as-drop-add judges) are
         * one change: the new one has the old one's columns, or the entities renamed the one to the other.
         */
        private void linkReplacements(List<Operation> up) {
            for (Operation a : up) {
                if (!(a instanceof Operation.DropTable drop)) continue;
                for (Operation b : up) {
                    if (b instanceof Operation.CreateTable create && replaces(drop.table(), create)) {
                        link(drop.table(), create.table());
                    }
                }
            }
        }

        private boolean replaces(QualifiedName dropped, Operation.CreateTable create) {
            for (SchemaChange c : entityChanges) {
                if (c.target() == SchemaChange.Target.TABLE && c.kind() == SchemaChange.Kind.RENAMED
                        && c.previousTable() != null && lower(c.previousTable()).equals(dropped.key())
                        && lower(c.table()).equals(create.table().key())) {
                    return true;
                }
            }
            Table old = before().map(s -> s.table(null, stored(s.dialect(), dropped))).orElse(null);
            if (old == null || old.columns().isEmpty()) return false;
            Set<String> was = new HashSet<>();
            old.columns().forEach(c -> was.add(lower(c.name())));
            Set<String> now = new HashSet<>();
            create.columns().forEach(c -> now.add(lower(c.name())));
            return was.equals(now);
        }

        /**
         * Whether every operation that changes a table is of one kind, other than creating tables: all index
         * creations, all type changes (a MySQL MODIFY is one), all column additions. Data statements and what changes
         * no table do not count.
         */
        private static boolean oneKindOfStep(List<Operation> up) {
            Set<String> kinds = new HashSet<>();
            for (Operation op : up) {
                if (op instanceof Operation.DataChange || op instanceof Operation.Opaque
                        || op instanceof Operation.LockOptions || op instanceof Operation.CreateSequence
                        || op instanceof Operation.AlterSequence || op instanceof Operation.DropSequence
                        || op instanceof Operation.CreateEnumType || op instanceof Operation.AddEnumValue
                        || op instanceof Operation.RenameType || op instanceof Operation.DropType) {
                    continue;
                }
                kinds.add(op instanceof Operation.RedefineColumn ? Operation.AlterColumnType.class.getSimpleName()
                        : op.getClass().getSimpleName());
            }
            // New tables are new things, each its own change unless something ties them.
            return kinds.size() == 1 && !kinds.contains(Operation.CreateTable.class.getSimpleName());
        }

        /**
         * A new table named after another table the migration changes ({@code term_tag} beside a new {@code tag},
         * {@code yorc_languages} beside {@code yo_rc}) is its join or detail table, whether or not a key says so.
         */
        private void linkByName() {
            for (String table : created) {
                for (String part : table.split("_")) {
                    if (!part.isEmpty() && !part.equals(table) && changed.containsKey(part)) {
                        union(table, part);
                    }
                }
                // An element collection's table (yorc_languages beside yo_rc) starts with its owner's name.
                String bare = table.replace("_", "");
                for (String other : changed.keySet()) {
                    String owner = other.replace("_", "");
                    if (!other.equals(table) && owner.length() >= 3 && bare.length() > owner.length()
                            && bare.startsWith(owner)) {
                        union(table, other);
                    }
                }
            }
        }

        /** A table defined whole, joined to the tables its keys reference. */
        private void created(QualifiedName table, Operation.CreateTable definition) {
            change(table);
            created.add(key(table));
            for (ColumnDef c : definition.columns()) if (c.references() != null) link(table, c.references().table());
            for (Constraint c : definition.constraints()) {
                if (c instanceof Constraint.ForeignKey fk) link(table, fk.references().table());
            }
        }

        /** The table an operation that changes only its own table changes. */
        private static Optional<QualifiedName> changedTable(Operation op) {
            QualifiedName t = null;
            if (op instanceof Operation.DropTable o) t = o.table();
            else if (op instanceof Operation.RenameColumn o) t = o.table();
            else if (op instanceof Operation.AlterColumnType o) t = o.table();
            else if (op instanceof Operation.AlterColumnNullability o) t = o.table();
            else if (op instanceof Operation.AlterColumnDefault o) t = o.table();
            else if (op instanceof Operation.RedefineColumn o) t = o.table();
            else if (op instanceof Operation.CreateIndex o) t = o.table();
            else if (op instanceof Operation.RenameConstraint o) t = o.table();
            else if (op instanceof Operation.ValidateConstraint o) t = o.table();
            else if (op instanceof Operation.DropView o) t = o.view();
            else if (op instanceof Operation.TableOptions o) t = o.table();
            return Optional.ofNullable(t);
        }

        private void change(QualifiedName table) {
            if (table == null) return;
            String key = key(table);
            changed.putIfAbsent(key, Reviewing.table(table));
            parent.putIfAbsent(key, key);
        }

        /** A table renamed in the migration is one table under both names. */
        private void alias(QualifiedName to, QualifiedName from) {
            parent.putIfAbsent(key(to), key(to));
            union(key(to), key(from));
        }

        private void link(QualifiedName a, QualifiedName b) {
            if (a != null && b != null) links.add(new String[]{key(a), key(b)});
        }

        private static String key(QualifiedName q) {
            return q.key();
        }

        private String find(String k) {
            parent.putIfAbsent(k, k);
            String p = parent.get(k);
            if (p.equals(k)) return k;
            String root = find(p);
            parent.put(k, root);
            return root;
        }

        private void union(String a, String b) {
            parent.put(find(a), find(b));
        }

        /**
         * The table a dropped index belongs to: named by the statement, else the table that has it in the schema
         * before, else the table another side of the migration creates it on (a {@code down()} that re-creates it).
         */
        private Optional<QualifiedName> indexTable(Operation.DropIndex o) {
            if (o.table() != null) return Optional.of(o.table());
            String name = lower(o.name().name());
            for (Table t : before().map(PhysicalSchema::tableList).orElse(List.of())) {
                for (Index i : t.indexes()) {
                    if (i.name() != null && lower(i.name()).equals(name)) return Optional.of(QualifiedName.of(t.name()));
                }
            }
            for (Operation op : reviewed.migration().operations()) {
                if (op instanceof Operation.CreateIndex c && c.name() != null && lower(c.name()).equals(name)) {
                    return Optional.of(c.table());
                }
            }
            return Optional.empty();
        }

        /**
         * The foreign key a dropped constraint was, when it is one: from the schema before, else from the side of the
         * migration that adds it back.
         */
        private Optional<Constraint.ForeignKey> droppedKey(QualifiedName table, String name) {
            Table t = before().map(s -> s.table(null, stored(s.dialect(), table))).orElse(null);
            if (t != null) {
                for (ForeignKey fk : t.foreignKeys()) {
                    if (fk.name() != null && lower(fk.name()).equals(lower(name)) && fk.referencedTable() != null) {
                        return Optional.of(new Constraint.ForeignKey(fk.name(), fk.columns(), new ColumnDef.Reference(
                                QualifiedName.of(fk.referencedTable()), List.of(), null, null)));
                    }
                }
            }
            for (Operation op : reviewed.migration().operations()) {
                if (op instanceof Operation.AddConstraint a && a.constraint() instanceof Constraint.ForeignKey fk
                        && fk.name() != null && lower(fk.name()).equals(lower(name))) {
                    return Optional.of(fk);
                }
            }
            return Optional.empty();
        }

        /** The table a dropped column referenced by a one-column foreign key in the schema before. */
        private Optional<QualifiedName> referencedBy(QualifiedName table, String column) {
            Table t = before().map(s -> s.table(null, stored(s.dialect(), table))).orElse(null);
            if (t == null) return Optional.empty();
            for (ForeignKey fk : t.foreignKeys()) {
                if (fk.columns().size() == 1 && lower(fk.columns().get(0)).equals(lower(column))
                        && fk.referencedTable() != null) {
                    return Optional.of(QualifiedName.of(fk.referencedTable()));
                }
            }
            return Optional.empty();
        }

        private Optional<PhysicalSchema> before() {
            return reviewed.schemaBefore();
        }

        private static String stored(Dialect d, QualifiedName q) {
            return Identifiers.stored(d, q.name(), q.quoted());
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** A number, a quoted string or a boolean, as an UPDATE's value. */
    private static final java.util.regex.Pattern CONSTANT = java.util.regex.Pattern.compile(
            "-?\\d+(\\.\\d+)?|'[^']*'|(?i:true|false)");
}
