package dev.migrationguard.sql;

import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Operation.CreateTable;
import dev.migrationguard.model.ops.Operation.DataChange;
import dev.migrationguard.model.ops.Operation.DataKind;
import dev.migrationguard.model.ops.Operation.DropTable;
import dev.migrationguard.model.ops.Operation.RebuildTable;
import dev.migrationguard.model.ops.Operation.RenameTable;
import dev.migrationguard.model.ops.QualifiedName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the table rebuild SQLite needs for most column changes (TypeORM's {@code temporary_x} pattern, and the
 * {@code new_x} one of SQLite's own documentation): {@code CREATE TABLE t2}, {@code INSERT INTO t2 (...) SELECT ...
 * FROM t1} (optional), {@code DROP TABLE t1}, {@code ALTER TABLE t2 RENAME TO t1}, with only index operations between.
 * They become one {@link RebuildTable}, at the CREATE, so that a replay sees changed columns, not a dropped table.
 * Applied over one script by {@link SqlOperations}; a reader that gets the statements one call at a time (TypeORM's
 * {@code queryRunner.query}) applies it over the whole list.
 */
public final class TableRebuilds {
    private TableRebuilds() {
    }

    /** {@code operations} with each rebuild pattern replaced by one {@link RebuildTable}; the rest unchanged. */
    public static List<Operation> fold(List<Operation> operations) {
        List<Operation> out = new ArrayList<>(operations.size());
        int i = 0;
        while (i < operations.size()) {
            Operation op = operations.get(i);
            if (op instanceof CreateTable create && !create.fromQuery()) {
                int end = rebuildEnd(operations, i, create, out);
                if (end > 0) {
                    i = end;
                    continue;
                }
            }
            out.add(op);
            i++;
        }
        return out;
    }

    /** When a rebuild starts at {@code start}: adds it (and the index operations inside it) and returns the next index. */
    private static int rebuildEnd(List<Operation> ops, int start, CreateTable create, List<Operation> out) {
        QualifiedName copy = create.table();
        Operation.Copy copied = null;
        QualifiedName original = null;
        List<Operation> between = new ArrayList<>();
        for (int j = start + 1; j < ops.size(); j++) {
            Operation op = ops.get(j);
            if (op instanceof Operation.CreateIndex || op instanceof Operation.DropIndex) {
                between.add(op);
            } else if (op instanceof DataChange d && d.kind() == DataKind.INSERT && same(d.table(), copy)
                    && copied == null && original == null && d.copy() != null) {
                copied = d.copy();
            } else if (op instanceof DropTable drop && original == null && !same(drop.table(), copy)
                    && (copied == null || same(copied.from(), drop.table()))) {
                original = drop.table();
            } else if (op instanceof RenameTable rename && original != null && same(rename.from(), copy)
                    && same(rename.to(), original)) {
                CreateTable definition = new CreateTable(create.origin(), rename.to(), create.columns(),
                        create.constraints(), false, create.temporary(), false);
                out.add(new RebuildTable(create.origin(), rename.to(), definition,
                        copied == null ? Map.of() : copied.columns()));
                out.addAll(between);
                return j + 1;
            } else {
                return -1;
            }
        }
        return -1;
    }

    private static boolean same(QualifiedName a, QualifiedName b) {
        return a.key().equals(b.key());
    }
}
