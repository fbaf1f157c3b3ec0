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

import java.util.ArrayList;
import java.util.List;

/**
 * Uniqueness imposed on rows that already exist: a unique index or constraint, or a column made unique, on a table that
 * had rows before. The migration fails if two rows share a value, so the duplicates are worth a look first.
 */
@RuleMeta(id = "unique-on-existing-data", severity = Severity.INFO,
        summary = "A unique constraint or index added to existing columns: it fails if duplicates exist")
public final class UniqueOnExistingData implements Rule {

    @Override
    public List<Finding> check(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (Reviewed r : analysis.review().migrations()) {
            List<Operation> up = Reviewing.forward(r);
            for (int i = 0; i < up.size(); i++) {
                Finding f = judge(r, up, i);
                if (f != null) findings.add(f);
            }
        }
        return findings;
    }

    private Finding judge(Reviewed r, List<Operation> up, int i) {
        Operation op = up.get(i);
        if (op instanceof Operation.CreateIndex c && c.unique() && Reviewing.existing(r, c.table(), op)
                && !cleanedBefore(up, i, c.table()) && !droppedBefore(up, i, c.name())) {
            List<String> keys = c.keys().stream().map(k -> k.column() != null ? k.column() : k.expression()).toList();
            String what = c.name() == null ? "a unique index" : "unique index \"" + c.name() + "\"";
            return unique(r, op, what, c.table(), keys, c.where());
        }
        if (op instanceof Operation.AddConstraint a && a.constraint() instanceof Constraint.Unique u
                && u.usingIndex() == null && !u.columns().isEmpty() && Reviewing.existing(r, a.table(), op)
                && !cleanedBefore(up, i, a.table()) && !droppedBefore(up, i, u.name())) {
            String what = u.name() == null ? "a unique constraint" : "unique constraint \"" + u.name() + "\"";
            return unique(r, op, what, a.table(), u.columns(), null);
        }
        if (op instanceof Operation.RedefineColumn rc && rc.definition().unique()
                && Reviewing.existing(r, rc.table(), op) && !cleanedBefore(up, i, rc.table())) {
            // Only a column known not to be unique already: a redefinition may repeat what it had.
            Column before = Reviewing.columnBefore(r, rc.table(), rc.column(), op);
            if (before == null || !Boolean.FALSE.equals(before.unique())) return null;
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
     * Whether the migration dropped an index or constraint of that name before: it is put back (Liquibase's generated
     * drop and add of the same unique constraint), and the rows met it until then.
     */
    private static boolean droppedBefore(List<Operation> up, int i, String name) {
        if (name == null) return false;
        for (Operation op : up.subList(0, i)) {
            if (op instanceof Operation.DropConstraint c && name.equalsIgnoreCase(c.name())
                    || op instanceof Operation.DropIndex x && name.equalsIgnoreCase(x.name().name())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the migration deletes rows of the table before, or rewrites some of them: the usual removal of
     * duplicates. An UPDATE of every row is a backfill (hawkbit's {@code SET type_key = name} before a unique key on
     * it), which removes none.
     */
    private static boolean cleanedBefore(List<Operation> up, int i, QualifiedName table) {
        for (Operation op : up.subList(0, i)) {
            if (op instanceof Operation.DataChange d && d.table().key().equals(table.key())
                    && (d.kind() == Operation.DataKind.DELETE || d.kind() == Operation.DataKind.UPDATE && d.hasWhere())) {
                return true;
            }
        }
        return false;
    }
}
