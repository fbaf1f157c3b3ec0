package dev.migrationguard.analysis;

import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.PhysicalSchema;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** One migration under review, with what is known around it; what it costs to know is computed on first ask. */
public final class Reviewed {
    private final Migration migration;
    private final Dialect dialect;
    private final BooleanSupplier dialectAssumed;
    private final Set<String> createdEarlier;
    private final BooleanSupplier first;
    private final Supplier<Optional<PhysicalSchema>> before;
    private final Supplier<List<Migration>> earlier;
    private Facts facts;

    /**
     * @param migration      the migration, with its operations of every side
     * @param dialect        the database it is written for: its set's, else the run's
     * @param createdEarlier the {@linkplain QualifiedName#key() keys} of the tables that migrations under review running
     *                       before it create: not deployed yet, so they hold no rows in production
     * @param first          whether it is its project's first migration (an initial schema), or its set's first; may
     *                       read the repository
     * @param before         the schema its set builds before it, on the side the change produces; empty when it is not
     *                       computed (the pre-commit path does not replay the history) or the migration is in no set.
     *                       Replayed on first ask
     */
    public Reviewed(Migration migration, Dialect dialect, Set<String> createdEarlier, BooleanSupplier first,
                    Supplier<Optional<PhysicalSchema>> before) {
        this(migration, dialect, () -> false, createdEarlier, first, before);
    }

    /** @param dialectAssumed whether {@code dialect} is only assumed: no configuration, runner or setting names it */
    public Reviewed(Migration migration, Dialect dialect, BooleanSupplier dialectAssumed, Set<String> createdEarlier,
                    BooleanSupplier first, Supplier<Optional<PhysicalSchema>> before) {
        this(migration, dialect, dialectAssumed, createdEarlier, first, before, List::of);
    }

    /**
     * @param earlier the migrations under review of its own set that its runner applies before it, in that order:
     *                the rest of the same change, which may prepare its rows (a backfill in the changeSet before).
     *                Read on first ask
     */
    public Reviewed(Migration migration, Dialect dialect, BooleanSupplier dialectAssumed, Set<String> createdEarlier,
                    BooleanSupplier first, Supplier<Optional<PhysicalSchema>> before,
                    Supplier<List<Migration>> earlier) {
        this.migration = migration;
        this.dialect = dialect;
        this.dialectAssumed = dialectAssumed;
        this.createdEarlier = Set.copyOf(createdEarlier);
        this.first = first;
        this.before = before;
        this.earlier = earlier;
    }

    public Migration migration() {
        return migration;
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Whether {@link #dialect()} is only the default the tool assumes because nothing names the database: a rule whose
     * claim holds on one database alone (a lock PostgreSQL takes) stays silent then.
     */
    public boolean dialectAssumed() {
        return dialectAssumed.getAsBoolean();
    }

    public Set<String> createdEarlier() {
        return createdEarlier;
    }

    /**
     * Whether it is its project's first migration, or the first its runner applies in its own set: a project with one
     * set per database starts each with its initial schema.
     */
    public boolean isFirst() {
        return first.getAsBoolean();
    }

    /** The migrations under review of its own set that run before it, in run order (see the constructor). */
    public List<Migration> earlierInChange() {
        return earlier.get();
    }

    /** The schema its set builds before it, when known. */
    public Optional<PhysicalSchema> schemaBefore() {
        return before.get();
    }

    /**
     * Whether {@code table} may hold rows when {@code at} runs: false when a migration under review that runs earlier
     * creates it, or an operation of the same side of this migration before {@code at} does (it is empty then).
     * Linear in the migration's operations once per migration, so a rule may ask it of every operation.
     */
    public boolean existedBefore(QualifiedName table, Operation at) {
        String key = table.key();
        if (createdEarlier.contains(key)) return false;
        Integer position = positions().get(at);
        for (Created c : created()) {
            if (position != null && c.position() >= position) break;
            if (c.side() == at.origin().side() && c.table().equals(key)) return false;
        }
        return true;
    }

    /** A table that an operation of this migration creates (or renames to, from a table it created), in order. */
    private record Created(int position, Side side, String table) {
    }

    private java.util.IdentityHashMap<Operation, Integer> positions() {
        return facts().positions;
    }

    private List<Created> created() {
        return facts().created;
    }

    private synchronized Facts facts() {
        if (facts == null) facts = new Facts(this);
        return facts;
    }

    /** Where each operation stands, and the tables created on the way: computed once per migration. */
    private static final class Facts {
        final java.util.IdentityHashMap<Operation, Integer> positions = new java.util.IdentityHashMap<>();
        final List<Created> created = new java.util.ArrayList<>();

        Facts(Reviewed r) {
            java.util.Map<Side, java.util.Set<String>> empty = new java.util.EnumMap<>(Side.class);
            List<Operation> ops = r.migration().operations();
            for (int i = 0; i < ops.size(); i++) {
                Operation op = ops.get(i);
                positions.put(op, i);
                java.util.Set<String> made = empty.computeIfAbsent(op.origin().side(), s -> new java.util.HashSet<>());
                if (op instanceof Operation.CreateTable c) {
                    made.add(c.table().key());
                    created.add(new Created(i, op.origin().side(), c.table().key()));
                } else if (op instanceof Operation.RenameTable rt && (made.contains(rt.from().key())
                        || r.createdEarlier().contains(rt.from().key()))) {
                    made.add(rt.to().key());
                    created.add(new Created(i, op.origin().side(), rt.to().key()));
                }
            }
        }
    }
}
