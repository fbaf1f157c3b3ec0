package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Reviewed;
import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Severity;
import dev.migrationguard.model.ops.ColumnDef;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.schema.Column;

import java.util.List;

/**
 * A NOT NULL that the rows already in a table cannot meet: a column added NOT NULL with nothing to fill them with, or
 * an existing column made NOT NULL with no backfill of its NULLs before it in the change. Both fail on a table that
 * has rows.
 */
@RuleMeta(id = "not-null-without-default", severity = Severity.WARNING,
        summary = "A NOT NULL column added to an existing table without a default, or SET NOT NULL without a backfill")
public final class NotNullWithoutDefault implements Rule {

    @Override
    public List<Finding> check(Analysis analysis) {
        return Reviewing.eachForward(analysis, this::judge);
    }

    private Finding judge(Reviewed r, Operation op, Reviewing.Before before) {
        if (op instanceof Operation.AddColumn a && Reviewing.existing(r, a.table(), op)) return added(r, a);
        if (op instanceof Operation.AlterColumnNullability n && !n.nullable() && Reviewing.existing(r, n.table(), op)) {
            ColumnDef added = before.added(n.table(), n.column());
            if (added != null && (added.defaultValue() != null || added.generated() != null)) return null;
            Column was = added != null ? null : Reviewing.columnBefore(r, n.table(), n.column(), op);
            if (was != null && Boolean.FALSE.equals(was.nullable())) return null;
            return madeNotNull(r, op, n.table(), n.column(), before);
        }
        if (op instanceof Operation.RedefineColumn rc && rc.definition().notNull()
                && Reviewing.existing(r, rc.table(), op)) {
            // Only a column known to allow NULL before: a redefinition repeats NOT NULL whenever it changes anything.
            Column was = Reviewing.columnBefore(r, rc.table(), rc.column(), op);
            if (was == null || !Boolean.TRUE.equals(was.nullable()) || rc.definition().generated() != null) {
                return null;
            }
            return madeNotNull(r, op, rc.table(), rc.column(), before);
        }
        return null;
    }

    private Finding added(Reviewed r, Operation.AddColumn a) {
        ColumnDef c = a.column();
        if (!c.notNull() || c.defaultValue() != null || c.generated() != null) return null;
        // MySQL and MariaDB fill the rows already there with the type's implicit default (0, '') instead of failing.
        if (r.dialect().isMysqlFamily()) return null;
        return finding(a.origin().location(), "Migration " + Reviewing.name(r.migration()) + " adds column \""
                        + c.name() + "\" to table " + Reviewing.table(a.table()) + " as NOT NULL without a default: "
                        + "it fails on a table that has rows, which get no value.",
                "Give it a DEFAULT, or add it nullable, fill it (UPDATE " + a.table() + " SET " + c.name()
                        + " = ...), then set NOT NULL.");
    }

    private Finding madeNotNull(Reviewed r, Operation op, QualifiedName table, String column, Reviewing.Before before) {
        if (before.backfilled(table, column)) return null;
        return finding(op.origin().location(), "Migration " + Reviewing.name(r.migration()) + " makes column \""
                        + column + "\" of table " + Reviewing.table(table) + " NOT NULL with no backfill before it: "
                        + "it fails if any row holds NULL there.",
                "Fill the NULLs first in the same migration (UPDATE " + table + " SET " + column + " = ... WHERE "
                        + column + " IS NULL), or check that there are none.");
    }
}
