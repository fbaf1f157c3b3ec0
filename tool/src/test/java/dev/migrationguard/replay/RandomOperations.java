package dev.migrationguard.replay;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.ops.ColumnDef;
import dev.migrationguard.model.ops.Constraint;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Operation.IndexKey;
import dev.migrationguard.model.ops.Origin;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Operations of every kind over a few names, so that random sequences keep hitting the same tables, columns, indexes
 * and constraints: created, renamed, dropped, and acted on when missing.
 */
final class RandomOperations {
    private static final String[] TABLES = {"t1", "t2", "T1", "temporary_t1"};
    private static final String[] COLUMNS = {"a", "b", "c", "A"};
    private static final String[] NAMES = {"i1", "i2", "t1_pkey", "t1_a_key", "t2_a_fkey", "c1"};
    private static final int KINDS = 33;

    private RandomOperations() {
    }

    static List<Operation> history(Random r, String path, int size) {
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < size; i++) ops.add(one(r, new Origin(Location.at(path, i + 1, 1), Side.UP)));
        return ops;
    }

    static Operation one(Random r, Origin o) {
        return switch (r.nextInt(KINDS)) {
            case 0, 1 -> new Operation.CreateTable(o, table(r), columns(r), constraints(r), r.nextBoolean(), false,
                    r.nextInt(8) == 0);
            case 2 -> new Operation.DropTable(o, table(r), r.nextBoolean(), r.nextBoolean());
            case 3 -> new Operation.RenameTable(o, table(r), table(r));
            case 4 -> new Operation.RebuildTable(o, table(r), new Operation.CreateTable(o, table(r), columns(r),
                    constraints(r), false, false, false), Map.of(column(r), column(r)));
            case 5, 6 -> new Operation.AddColumn(o, table(r), column(r, column(r)), r.nextBoolean());
            case 7 -> new Operation.DropColumn(o, table(r), column(r), r.nextBoolean(), r.nextBoolean());
            case 8 -> new Operation.RenameColumn(o, table(r), column(r), column(r));
            case 9 -> new Operation.AlterColumnType(o, table(r), column(r), r.nextBoolean() ? type(r) : null,
                    r.nextBoolean() ? "mood" : "varchar(9)", null);
            case 10 -> new Operation.AlterColumnNullability(o, table(r), column(r), r.nextBoolean());
            case 11 -> new Operation.AlterColumnDefault(o, table(r), column(r), r.nextBoolean() ? "now()" : null);
            case 12 -> new Operation.RedefineColumn(o, table(r), column(r), column(r, column(r)));
            case 13, 14 -> new Operation.CreateIndex(o, r.nextInt(4) == 0 ? null : name(r), table(r),
                    List.of(r.nextBoolean() ? IndexKey.column(column(r)) : IndexKey.expression("lower(a)")),
                    r.nextBoolean(), r.nextBoolean(), r.nextBoolean(), r.nextBoolean() ? "gin" : null,
                    r.nextBoolean() ? "a > 0" : null);
            case 15 -> new Operation.DropIndex(o, QualifiedName.of(name(r)), r.nextBoolean() ? table(r) : null,
                    r.nextBoolean(), r.nextBoolean());
            case 16 -> new Operation.RenameIndex(o, QualifiedName.of(name(r)), name(r));
            case 17, 18 -> new Operation.AddConstraint(o, table(r), constraint(r), r.nextBoolean());
            case 19 -> new Operation.DropConstraint(o, table(r), r.nextInt(5) == 0 ? null : name(r),
                    Operation.ConstraintKind.values()[r.nextInt(5)], r.nextBoolean());
            case 20 -> new Operation.RenameConstraint(o, table(r), name(r), name(r));
            case 21 -> new Operation.ValidateConstraint(o, table(r), name(r));
            case 22 -> new Operation.CreateView(o, table(r), r.nextBoolean(), r.nextBoolean(), List.of(table(r)));
            case 23 -> new Operation.DropView(o, table(r), r.nextBoolean(), r.nextBoolean());
            case 24 -> new Operation.CreateSequence(o, QualifiedName.of(name(r)), r.nextBoolean(),
                    r.nextBoolean() ? "INCREMENT BY 3" : "");
            case 25 -> new Operation.AlterSequence(o, QualifiedName.of(name(r)), r.nextBoolean() ? "INCREMENT 7" : "CACHE 2");
            case 26 -> new Operation.DropSequence(o, QualifiedName.of(name(r)), r.nextBoolean());
            case 27 -> new Operation.CreateEnumType(o, QualifiedName.of("mood"), List.of("x", "y"));
            case 28 -> new Operation.AddEnumValue(o, QualifiedName.of(r.nextBoolean() ? "mood" : "other"), "z",
                    r.nextBoolean() ? "x" : null, r.nextBoolean() ? "q" : null, r.nextBoolean());
            case 29 -> new Operation.RenameType(o, QualifiedName.of(r.nextBoolean() ? "mood" : "feeling"),
                    r.nextBoolean() ? "mood" : "feeling");
            case 30 -> new Operation.DropType(o, QualifiedName.of("mood"), r.nextBoolean(), r.nextBoolean());
            case 31 -> r.nextBoolean()
                    ? new Operation.DataChange(o, Operation.DataKind.values()[r.nextInt(5)], table(r), List.of(),
                    r.nextBoolean(), null)
                    : r.nextBoolean() ? new Operation.LockOptions(o, table(r), "COPY", null)
                    : new Operation.TableOptions(o, table(r), "ENGINE=InnoDB");
            default -> new Operation.Opaque(o, Operation.OpaqueKind.values()[r.nextInt(7)],
                    r.nextBoolean() ? "DO" : "CREATE FUNCTION", r.nextBoolean() ? List.of() : List.of(table(r)));
        };
    }

    private static QualifiedName table(Random r) {
        String name = TABLES[r.nextInt(TABLES.length)];
        return r.nextInt(6) == 0 ? new QualifiedName("audit", name, r.nextBoolean())
                : new QualifiedName(null, name, r.nextBoolean());
    }

    private static String column(Random r) {
        return COLUMNS[r.nextInt(COLUMNS.length)];
    }

    private static String name(Random r) {
        return NAMES[r.nextInt(NAMES.length)];
    }

    private static SqlType type(Random r) {
        return r.nextBoolean() ? SqlType.of("integer") : SqlType.of("varchar").withLength(r.nextInt(300));
    }

    private static List<ColumnDef> columns(Random r) {
        List<ColumnDef> cs = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) cs.add(column(r, column(r)));
        return cs;
    }

    private static ColumnDef column(Random r, String name) {
        ColumnDef.Generated g = r.nextInt(4) == 0
                ? new ColumnDef.Generated(ColumnDef.Generated.Kind.values()[r.nextInt(6)], "a + 1") : null;
        String text = switch (r.nextInt(4)) {
            case 0 -> "enum('p','q')";
            case 1 -> "mood";
            case 2 -> null;
            default -> "integer";
        };
        return new ColumnDef(name, r.nextBoolean() ? type(r) : null, text, r.nextBoolean(),
                r.nextBoolean() ? "nextval('s')" : r.nextBoolean() ? "0" : null, g, r.nextInt(4) == 0,
                r.nextInt(4) == 0, r.nextInt(4) == 0 ? reference(r) : null);
    }

    private static ColumnDef.Reference reference(Random r) {
        return new ColumnDef.Reference(table(r), r.nextBoolean() ? List.of() : List.of(column(r)),
                r.nextBoolean() ? "cascade" : null, null);
    }

    private static List<Constraint> constraints(Random r) {
        List<Constraint> cs = new ArrayList<>();
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) cs.add(constraint(r));
        return cs;
    }

    private static Constraint constraint(Random r) {
        String name = r.nextInt(3) == 0 ? null : name(r);
        return switch (r.nextInt(5)) {
            case 0 -> new Constraint.PrimaryKey(name, List.of(column(r)));
            case 1 -> new Constraint.ForeignKey(name, List.of(column(r)), reference(r));
            case 2 -> new Constraint.Unique(name, r.nextBoolean() ? List.of(column(r)) : List.of(),
                    r.nextBoolean() ? name(r) : null);
            case 3 -> new Constraint.Check(name, column(r) + " > 0");
            default -> new Constraint.Exclusion(name, "USING gist (a WITH &&)");
        };
    }
}
