package dev.migrationguard.replay;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.Rollback;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.sql.SqlOperations;

import java.util.ArrayList;
import java.util.List;

/** Migration sets written in SQL for the tests, read into operations by {@link SqlOperations} as a stack would. */
final class Histories {
    private final String stack;
    private final Dialect dialect;
    private final List<Migration> migrations = new ArrayList<>();

    private Histories(String stack, Dialect dialect) {
        this.stack = stack;
        this.dialect = dialect;
    }

    static Histories of(String stack, Dialect dialect) {
        return new Histories(stack, dialect);
    }

    /** A migration at {@code path} whose forward part is {@code up}. */
    Histories up(String path, String up) {
        return migration(path, up, null);
    }

    /** A migration with its way back ({@code down()}, a U script). */
    Histories migration(String path, String up, String down) {
        List<Operation> ops = new ArrayList<>(SqlOperations.read(up, dialect, Location.file(path), Side.UP));
        if (down != null) ops.addAll(SqlOperations.read(down, dialect, Location.file(path), Side.DOWN));
        migrations.add(migration(path, ops));
        return this;
    }

    static Migration migration(String path, List<Operation> ops) {
        return new Migration(path, path, "flyway", Migration.Kind.VERSIONED, null, path, Location.file(path), List.of(),
                Rollback.notApplicable(), "sum:" + ops.hashCode(), null, null, null, ops);
    }

    MigrationSet set() {
        return new MigrationSet(stack, "", "test set", dialect, migrations);
    }
}
