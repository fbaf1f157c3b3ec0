package dev.migrationguard.replay;

import dev.migrationguard.model.ops.ColumnDef;
import dev.migrationguard.model.ops.Constraint;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.schema.Dialect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Column names as the database stores them, where it folds case. The operations keep a column's name without saying
 * whether it was quoted, so the fold follows the spelling: PostgreSQL folds an unquoted name to lower case, so a name
 * all in upper case ({@code ID}) was surely unquoted and is {@code id}, while a mixed-case one ({@code createdAt}) is
 * kept, as generators quote them; Oracle and H2 fold to upper case, so a name all in lower case is folded there.
 */
final class ColumnCase {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private ColumnCase() {
    }

    /** The operation with its column names as stored; the same operation where the database ignores case. */
    static Operation fold(Operation op, Dialect d) {
        if (d != Dialect.POSTGRES && d != Dialect.ORACLE && d != Dialect.H2) return op;
        if (op instanceof Operation.CreateTable o) return table(o, d);
        if (op instanceof Operation.RebuildTable o) {
            Map<String, String> copied = new LinkedHashMap<>();
            o.copiedFrom().forEach((to, from) -> copied.put(name(to, d),
                    IDENTIFIER.matcher(from).matches() ? name(from, d) : from));
            return new Operation.RebuildTable(o.origin(), o.table(), table(o.definition(), d), copied);
        }
        if (op instanceof Operation.AddColumn o) {
            return new Operation.AddColumn(o.origin(), o.table(), column(o.column(), d), o.ifNotExists());
        }
        if (op instanceof Operation.DropColumn o) {
            return new Operation.DropColumn(o.origin(), o.table(), name(o.column(), d), o.ifExists(), o.cascade());
        }
        if (op instanceof Operation.RenameColumn o) {
            return new Operation.RenameColumn(o.origin(), o.table(), name(o.from(), d), name(o.to(), d));
        }
        if (op instanceof Operation.AlterColumnType o) {
            return new Operation.AlterColumnType(o.origin(), o.table(), name(o.column(), d), o.type(), o.typeText(),
                    o.using());
        }
        if (op instanceof Operation.AlterColumnNullability o) {
            return new Operation.AlterColumnNullability(o.origin(), o.table(), name(o.column(), d), o.nullable());
        }
        if (op instanceof Operation.AlterColumnDefault o) {
            return new Operation.AlterColumnDefault(o.origin(), o.table(), name(o.column(), d), o.defaultValue(),
                    o.constraint());
        }
        if (op instanceof Operation.RedefineColumn o) {
            return new Operation.RedefineColumn(o.origin(), o.table(), name(o.column(), d), column(o.definition(), d));
        }
        if (op instanceof Operation.CreateIndex o) {
            List<Operation.IndexKey> keys = o.keys().stream().map(k -> k.column() == null ? k
                    : Operation.IndexKey.column(name(k.column(), d))).toList();
            return new Operation.CreateIndex(o.origin(), o.name(), o.table(), keys, o.unique(), o.concurrently(),
                    o.ifNotExists(), o.method(), o.where());
        }
        if (op instanceof Operation.AddConstraint o) {
            return new Operation.AddConstraint(o.origin(), o.table(), constraint(o.constraint(), d), o.notValid());
        }
        return op;
    }

    static String name(String written, Dialect d) {
        boolean upper = !written.equals(written.toLowerCase(Locale.ROOT));
        boolean lower = !written.equals(written.toUpperCase(Locale.ROOT));
        if (d == Dialect.POSTGRES && upper && !lower) return written.toLowerCase(Locale.ROOT);
        if ((d == Dialect.ORACLE || d == Dialect.H2) && lower && !upper) return written.toUpperCase(Locale.ROOT);
        return written;
    }

    private static List<String> names(List<String> written, Dialect d) {
        return written.stream().map(n -> name(n, d)).toList();
    }

    private static Operation.CreateTable table(Operation.CreateTable o, Dialect d) {
        return new Operation.CreateTable(o.origin(), o.table(), o.columns().stream().map(c -> column(c, d)).toList(),
                o.constraints().stream().map(c -> constraint(c, d)).toList(), o.ifNotExists(), o.temporary(),
                o.fromQuery());
    }

    private static ColumnDef column(ColumnDef c, Dialect d) {
        return new ColumnDef(name(c.name(), d), c.type(), c.typeText(), c.notNull(), c.defaultValue(), c.generated(),
                c.primaryKey(), c.unique(), c.references() == null ? null : reference(c.references(), d),
                c.defaultConstraint());
    }

    private static ColumnDef.Reference reference(ColumnDef.Reference r, Dialect d) {
        return new ColumnDef.Reference(r.table(), names(r.columns(), d), r.onDelete(), r.onUpdate());
    }

    private static Constraint constraint(Constraint c, Dialect d) {
        if (c instanceof Constraint.PrimaryKey p) return new Constraint.PrimaryKey(p.name(), names(p.columns(), d));
        if (c instanceof Constraint.ForeignKey f) {
            return new Constraint.ForeignKey(f.name(), names(f.columns(), d), reference(f.references(), d));
        }
        if (c instanceof Constraint.Unique u) return new Constraint.Unique(u.name(), names(u.columns(), d), u.usingIndex());
        return c;
    }
}
