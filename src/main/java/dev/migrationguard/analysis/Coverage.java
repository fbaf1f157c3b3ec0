package dev.migrationguard.analysis;

import dev.migrationguard.model.Migration;
import dev.migrationguard.model.SchemaChange;

import java.util.Optional;

/**
 * What the migrations say of an entity change beyond touching its table: the operations of a new migration, column by
 * column, and the schema the runners' migrations build. Every answer errs towards silence: what cannot be told is
 * neither a shortfall nor "already built".
 */
public interface Coverage {
    /** Knows nothing: every migration that touches the table covers the change, and nothing is already built. */
    Coverage NONE = new Coverage() {
        @Override
        public Optional<String> shortfall(SchemaChange change, Migration migration) {
            return Optional.empty();
        }

        @Override
        public boolean alreadyBuilt(SchemaChange change) {
            return false;
        }
    };

    /**
     * Why {@code migration}, which touches the change's table, still does not make the change: it leaves the changed
     * column alone, or gives it another type or nullability than the entity. Empty when it makes it, or when its
     * operations cannot tell (none read, or a statement on the table that could not be read).
     */
    Optional<String> shortfall(SchemaChange change, Migration migration);

    /**
     * Whether the migrations the runner applies on the side the change produces already build what the entity now
     * maps (a catch-up edit, which needs no migration). False when they cannot tell.
     */
    boolean alreadyBuilt(SchemaChange change);
}
