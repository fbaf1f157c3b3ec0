package dev.migrationguard.analysis;

import dev.migrationguard.model.MigrationSet;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the runners apply on each side of the change, read only when a rule asks and then once: reading a side's sets
 * reads its whole repository, which the pre-commit path must not pay for when no rule needs it.
 */
public final class RunnerView {
    private final Supplier<List<MigrationSet>> before;
    private final Supplier<List<MigrationSet>> after;
    private final Supplier<List<MigrationSet>> deployed;
    private final Supplier<Boolean> anyMigration;

    /**
     * @param before       the sets of the side before the change (in lint mode: none)
     * @param after        the sets of the side the change produces
     * @param deployed     the sets of the deploy ref, none when there is no deploy ref
     * @param anyMigration whether any stack recognises any migration on the after side
     */
    public RunnerView(Supplier<List<MigrationSet>> before, Supplier<List<MigrationSet>> after,
                      Supplier<List<MigrationSet>> deployed, BooleanSupplier anyMigration) {
        this.before = Once.of(before);
        this.after = Once.of(after);
        this.deployed = Once.of(deployed);
        this.anyMigration = Once.of(anyMigration::getAsBoolean);
    }

    /** The migration sets of the side before the change, each in its runner's order. */
    public List<MigrationSet> before() {
        return before.get();
    }

    /** The migration sets of the side the change produces, each in its runner's order. */
    public List<MigrationSet> after() {
        return after.get();
    }

    /** The migration sets of the deploy ref, each in its runner's order; none without a deploy ref. */
    public List<MigrationSet> deployed() {
        return deployed.get();
    }

    /**
     * Whether the repository the change produces holds no migration that any stack recognises: then its entities have
     * no migration history the tool knows of, and one finding says so rather than one per change.
     */
    public boolean noMigrations() {
        return !anyMigration.get();
    }
}
