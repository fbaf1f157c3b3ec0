package dev.migrationguard.analysis;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.SchemaChange;

import java.util.List;
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

        @Override
        public List<Drift> drift() {
            return List.of();
        }
    };

    /**
     * Why {@code migration}, which touches the change's table, still does not make the change: it leaves the changed
     * column alone. Empty when it acts on the column, or when its operations cannot tell (none read, or a statement on
     * the table that could not be read).
     */
    Optional<String> shortfall(SchemaChange change, Migration migration);

    /**
     * Whether the migrations the runner applies on the side the change produces already build what the entity now
     * maps (a catch-up edit, which needs no migration). False when they cannot tell.
     */
    boolean alreadyBuilt(SchemaChange change);

    /**
     * In lint: where the entities and the schema the migrations build differ, for every entity of a project whose
     * migrations the tool reads; read on first ask. Unknown facts, and tables an unread statement touched, are left out.
     */
    List<Drift> drift();

    /**
     * One difference between what an entity maps and what the migrations build.
     *
     * @param location the entity, or its column, that maps it
     * @param message  the difference in SQL terms, naming the migration set when there are several
     */
    record Drift(Kind kind, Location location, String message) {
        public enum Kind {
            /** Mapped by an entity, made by no migration. */
            MISSING,
            /** Made with another type or nullability than the entity maps. */
            DIFFERENT,
            /** Made by the migrations, mapped by no entity. */
            UNMAPPED
        }
    }
}
