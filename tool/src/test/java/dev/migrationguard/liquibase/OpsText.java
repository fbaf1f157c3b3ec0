package dev.migrationguard.liquibase;

import dev.migrationguard.model.ops.ColumnDef;
import dev.migrationguard.model.ops.Constraint;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Operation.*;

import java.util.Locale;
import java.util.stream.Collectors;

/** One line per operation, for fixtures: the side, then what it does in a short fixed form. */
final class OpsText {
    private OpsText() {
    }

    static String of(Operation op) {
        return op.origin().side().name().toLowerCase(Locale.ROOT) + " " + body(op);
    }

    private static String body(Operation op) {
        if (op instanceof CreateTable t) {
            String columns = t.columns().stream().map(OpsText::column).collect(Collectors.joining(", "));
            String constraints = t.constraints().stream().map(OpsText::constraint).collect(Collectors.joining(", "));
            return "create-table " + t.table() + "(" + columns + (constraints.isEmpty() ? "" : "; " + constraints) + ")";
        }
        if (op instanceof DropTable t) return "drop-table " + t.table() + (t.cascade() ? " cascade" : "");
        if (op instanceof RenameTable t) return "rename-table " + t.from() + " " + t.to();
        if (op instanceof AddColumn c) return "add-column " + c.table() + " " + column(c.column());
        if (op instanceof DropColumn c) return "drop-column " + c.table() + "." + c.column();
        if (op instanceof RenameColumn c) return "rename-column " + c.table() + "." + c.from() + " " + c.to();
        if (op instanceof AlterColumnType c) return "alter-type " + c.table() + "." + c.column() + " " + type(c.type(), c.typeText());
        if (op instanceof AlterColumnNullability c) return (c.nullable() ? "drop-not-null " : "set-not-null ") + c.table() + "." + c.column();
        if (op instanceof AlterColumnDefault c) return (c.defaultValue() == null ? "drop-default " : "set-default ") + c.table() + "." + c.column()
                + (c.defaultValue() == null ? "" : " " + c.defaultValue());
        if (op instanceof RedefineColumn c) return "redefine-column " + c.table() + "." + c.column() + " " + column(c.definition());
        if (op instanceof CreateIndex i) return "create-index " + i.name() + " on " + i.table() + "("
                + i.keys().stream().map(k -> k.column() != null ? k.column() : "[" + k.expression() + "]").collect(Collectors.joining(", "))
                + ")" + (i.unique() ? " unique" : "");
        if (op instanceof DropIndex i) return "drop-index " + i.name() + (i.table() == null ? "" : " on " + i.table());
        if (op instanceof AddConstraint c) return "add-constraint " + c.table() + " " + constraint(c.constraint())
                + (c.notValid() ? " not-valid" : "");
        if (op instanceof DropConstraint c) return "drop-constraint " + c.table() + " " + c.name()
                + (c.kind() == null ? "" : " " + c.kind().name().toLowerCase(Locale.ROOT));
        if (op instanceof CreateView v) return "create-view " + v.view() + " reads " + v.reads() + (v.orReplace() ? " or-replace" : "");
        if (op instanceof DropView v) return "drop-view " + v.view();
        if (op instanceof CreateSequence s) return "create-sequence " + s.sequence() + (s.options().isEmpty() ? "" : " " + s.options());
        if (op instanceof AlterSequence s) return "alter-sequence " + s.sequence() + " " + s.options();
        if (op instanceof DropSequence s) return "drop-sequence " + s.sequence();
        if (op instanceof DataChange d) return "data " + d.kind().name().toLowerCase(Locale.ROOT) + " " + d.table()
                + (d.columns().isEmpty() ? "" : " " + d.columns()) + (d.hasWhere() ? " where" : "");
        if (op instanceof Operation.Routine r) return (r.drop() ? "drop-" : "create-")
                + r.kind().name().toLowerCase(Locale.ROOT) + " " + r.name() + (r.drop() ? "" : " mentions " + r.mentions()
                + (r.body() == null ? "" : " runs " + r.body().stream().map(OpsText::body).toList()));
        if (op instanceof Opaque o) return "opaque " + o.kind().name().toLowerCase(Locale.ROOT) + " " + o.summary()
                + (o.mentions().isEmpty() ? "" : " " + o.mentions());
        return op.getClass().getSimpleName();
    }

    private static String column(ColumnDef c) {
        StringBuilder b = new StringBuilder(c.name()).append(' ').append(type(c.type(), c.typeText()));
        if (c.notNull()) b.append(" not-null");
        if (c.primaryKey()) b.append(" pk");
        if (c.unique()) b.append(" unique");
        if (c.defaultValue() != null) b.append(" default=").append(c.defaultValue());
        if (c.defaultConstraint() != null) b.append(" default-name=").append(c.defaultConstraint());
        if (c.generated() != null) b.append(' ').append(c.generated().kind().name().toLowerCase(Locale.ROOT));
        if (c.references() != null) b.append(" -> ").append(c.references().table()).append(c.references().columns());
        return b.toString();
    }

    private static String type(dev.migrationguard.model.schema.SqlType type, String written) {
        return type == null ? "?" + written : type.display();
    }

    private static String constraint(Constraint c) {
        String name = c.name() == null ? "" : c.name() + " ";
        if (c instanceof Constraint.PrimaryKey p) return name + "pk" + p.columns();
        if (c instanceof Constraint.Unique u) return name + "unique" + u.columns();
        if (c instanceof Constraint.ForeignKey f) return name + "fk" + f.columns() + " -> " + f.references().table()
                + f.references().columns() + (f.references().onDelete() == null ? "" : " on-delete " + f.references().onDelete());
        if (c instanceof Constraint.Check k) return name + "check(" + k.expression() + ")";
        return name + c.getClass().getSimpleName();
    }
}
