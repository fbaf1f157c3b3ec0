package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Reviewed;
import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Severity;
import dev.migrationguard.model.ops.Constraint;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.Identifiers;
import dev.migrationguard.model.schema.Index;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.model.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Uniqueness imposed on rows that already exist: a unique index or constraint, or a column made unique, on a table that
 * had rows before. The migration fails if two rows share a value, so the duplicates are worth a look first.
 */
@RuleMeta(id = "unique-on-existing-data", severity = Severity.INFO,
        summary = "A unique constraint or index added to existing columns: it fails if duplicates exist")
public final class UniqueOnExistingData implements Rule {

    @Override
    public List<Finding> check(Analysis analysis) {
        return Reviewing.eachForward(analysis, this::judge);
    }

    private Finding judge(Reviewed r, Operation op, Reviewing.Before before) {
        if (op instanceof Operation.CreateIndex c && c.unique() && Reviewing.existing(r, c.table(), op)
                && !cleaned(before, c.table()) && !dropped(before, c.name())) {
            List<String> keys = c.keys().stream().map(k -> k.column() != null ? k.column() : k.expression()).toList();
            if (c.keys().stream().allMatch(k -> k.column() != null) && c.where() == null
                    && filledUniquely(r, before, c.table(), keys)) {
                return null;
            }
            String what = c.name() == null ? "a unique index" : "unique index \"" + c.name() + "\"";
            return unique(r, op, what, c.table(), keys, c.where());
        }
        if (op instanceof Operation.AddConstraint a && a.constraint() instanceof Constraint.Unique u
                && u.usingIndex() == null && !u.columns().isEmpty() && Reviewing.existing(r, a.table(), op)
                && !cleaned(before, a.table()) && !dropped(before, u.name())
                && !filledUniquely(r, before, a.table(), u.columns())) {
            String what = u.name() == null ? "a unique constraint" : "unique constraint \"" + u.name() + "\"";
            return unique(r, op, what, a.table(), u.columns(), null);
        }
        if (op instanceof Operation.RedefineColumn rc && rc.definition().unique()
                && Reviewing.existing(r, rc.table(), op) && !cleaned(before, rc.table())
                && !filledUniquely(r, before, rc.table(), List.of(rc.column()))) {
            // Only a column known not to be unique already: a redefinition may repeat what it had.
            Column was = Reviewing.columnBefore(r, rc.table(), rc.column(), op);
            if (was == null || !Boolean.FALSE.equals(was.unique())) return null;
            return unique(r, op, "a unique constraint", rc.table(), List.of(rc.column()), null);
        }
        return null;
    }

    private Finding unique(Reviewed r, Operation op, String what, QualifiedName table, List<String> keys,
                           String where) {
        Location at = op.origin().location();
        String list = String.join(", ", keys);
        String query = "SELECT " + list + ", count(*) FROM " + table + (where == null ? "" : " WHERE " + where)
                + " GROUP BY " + list + " HAVING count(*) > 1";
        return finding(at, "Migration " + Reviewing.name(r.migration()) + " adds " + what + " on table "
                        + Reviewing.table(table) + " (" + list + "), which has rows already: it fails if two of them "
                        + "share a value.",
                "Check for duplicates first: " + query + "; remove or merge them in an earlier migration.");
    }

    /**
     * Whether the change dropped an index or constraint of that name before: it is put back (Liquibase's generated
     * drop and add of the same unique constraint), and the rows met it until then.
     */
    private static boolean dropped(Reviewing.Before before, String name) {
        if (name == null) return false;
        for (Operation op : before.operations()) {
            if (op instanceof Operation.DropConstraint c && name.equalsIgnoreCase(c.name())
                    || op instanceof Operation.DropIndex x && name.equalsIgnoreCase(x.name().name())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the change deletes rows of the table before, or the migration itself rewrites some of them: the usual
     * removal of duplicates. An UPDATE of every row is a backfill, which removes none; an UPDATE of some rows in an
     * earlier migration is more often a fill of NULLs than a merge.
     */
    private static boolean cleaned(Reviewing.Before before, QualifiedName table) {
        for (Operation op : before.operations()) {
            if (op instanceof Operation.DataChange d && d.table().key().equals(table.key())
                    && (d.kind() == Operation.DataKind.DELETE
                    || d.kind() == Operation.DataKind.UPDATE && d.hasWhere()
                    && before.own().stream().anyMatch(o -> o == op))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the keys cannot hold duplicates because the change made some of them new and filled each of those only
     * by copying another column of the same row, so that the keys hold what a set of columns already unique holds:
     * hawkbit's {@code type_key}, added and set to {@code name} before {@code UNIQUE (type_key, tenant)} where
     * {@code (name, tenant)} was unique. The columns known unique are those of the schema before (on the CI gate and in
     * lint) and the keys the change adds before.
     */
    private static boolean filledUniquely(Reviewed r, Reviewing.Before before, QualifiedName table, List<String> keys) {
        Set<String> held = new HashSet<>();
        boolean copied = false;
        for (String key : keys) {
            String source = before.added(table, key) == null ? null : copiedFrom(before, table, key);
            if (source != null) copied = true;
            held.add(lower(source != null ? source : key));
        }
        if (!copied) return false;
        for (List<String> unique : uniqueKeys(r, before, table)) {
            if (!unique.isEmpty() && held.containsAll(unique.stream().map(UniqueOnExistingData::lower).toList())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The column of the same row that every write of {@code column} in the change copies (an UPDATE of every row that
     * sets it to that column), or null when some write does anything else, or none does.
     */
    private static String copiedFrom(Reviewing.Before before, QualifiedName table, String column) {
        String source = null;
        for (Operation op : before.operations()) {
            if (!(op instanceof Operation.DataChange d) || !d.table().key().equals(table.key())) continue;
            boolean writes = d.kind() != Operation.DataKind.UPDATE || d.columns().isEmpty()
                    || d.columns().stream().anyMatch(c -> c.equalsIgnoreCase(column));
            if (!writes) continue;
            String value = d.values().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column))
                    .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
            if (d.kind() != Operation.DataKind.UPDATE || d.hasWhere() || !d.reads().isEmpty() || value == null
                    || !value.matches("[A-Za-z_][A-Za-z0-9_$]*") || value.equalsIgnoreCase(column)) {
                return null;
            }
            source = value;
        }
        return source;
    }

    /** The sets of columns of {@code table} known to be unique: in the schema before, or made so earlier in the change. */
    private static List<List<String>> uniqueKeys(Reviewed r, Reviewing.Before before, QualifiedName table) {
        List<List<String>> out = new ArrayList<>();
        Table t = r.schemaBefore().map(s -> {
            Table found = s.table(table.schema(), Identifiers.stored(s.dialect(), table.name(), table.quoted()));
            return found != null ? found : s.table(table.schema(), table.name());
        }).orElse(null);
        if (t != null) {
            if (t.primaryKey() != null) out.add(t.primaryKey().columns());
            for (UniqueConstraint u : t.uniques()) out.add(u.columns());
            for (Index i : t.indexes()) if (i.isUniqueness()) out.add(i.columns());
            for (Column c : t.columns()) if (Boolean.TRUE.equals(c.unique())) out.add(List.of(c.name()));
        }
        for (Operation op : before.operations()) {
            if (op instanceof Operation.AddConstraint a && a.table().key().equals(table.key())) {
                if (a.constraint() instanceof Constraint.Unique u) out.add(u.columns());
                if (a.constraint() instanceof Constraint.PrimaryKey p) out.add(p.columns());
            } else if (op instanceof Operation.CreateIndex c && c.unique() && c.where() == null
                    && c.table().key().equals(table.key()) && c.keys().stream().allMatch(k -> k.column() != null)) {
                out.add(c.keys().stream().map(Operation.IndexKey::column).toList());
            }
        }
        return out;
    }

    private static String lower(String s) {
        return s.toLowerCase(java.util.Locale.ROOT);
    }
}
