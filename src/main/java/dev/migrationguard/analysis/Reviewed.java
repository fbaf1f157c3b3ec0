package dev.migrationguard.analysis;

import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.PhysicalSchema;

import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One migration under review, with what is known around it.
 *
 * @param migration      the migration, with its operations of every side
 * @param dialect        the database it is written for: its set's, else the run's
 * @param createdEarlier the {@linkplain QualifiedName#key() keys} of the tables that migrations under review running
 *                       before it create: not deployed yet, so they hold no rows in production
 * @param first          whether it is its project's first migration (an initial schema); may read the repository
 * @param before         the schema its set builds before it, on the side the change produces; empty when it is not
 *                       computed (the pre-commit path does not replay the history) or the migration is in no set.
 *                       Replayed on first ask
 */
public record Reviewed(Migration migration, Dialect dialect, Set<String> createdEarlier, BooleanSupplier first,
                       Supplier<Optional<PhysicalSchema>> before) {

    public Reviewed {
        createdEarlier = Set.copyOf(createdEarlier);
    }

    /** Whether it is its project's first migration. */
    public boolean isFirst() {
        return first.getAsBoolean();
    }

    /** The schema its set builds before it, when known. */
    public Optional<PhysicalSchema> schemaBefore() {
        return before.get();
    }

    /**
     * Whether {@code table} may hold rows when {@code at} runs: false when a migration under review that runs earlier
     * creates it, or an operation of the same side of this migration before {@code at} does (it is empty then).
     */
    public boolean existedBefore(QualifiedName table, Operation at) {
        String key = table.key();
        if (createdEarlier.contains(key)) return false;
        Side side = at.origin().side();
        for (Operation op : migration.operations()) {
            if (op == at) break;
            if (op.origin().side() != side) continue;
            if (op instanceof Operation.CreateTable c && c.table().key().equals(key)) return false;
            if (op instanceof Operation.RenameTable r && r.to().key().equals(key)
                    && !existedBefore(r.from(), op)) return false;
        }
        return true;
    }
}
