package dev.migrationguard.replay;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.PhysicalSchema;

import java.util.List;
import java.util.Objects;

/**
 * The schema a replay has built so far, with the facts the physical model has no room for and a tally of what the
 * replay could not read. Immutable: each applied operation gives a new state.
 *
 * @param schema     the tables, views, sequences and enum types built so far
 * @param notValid   constraints added {@code NOT VALID} and not validated since: they hold for new rows only
 * @param operations how many operations were applied
 * @param opaque     how many of them were {@linkplain dev.migrationguard.model.ops.Operation.Opaque opaque}
 * @param unresolved how many acted on a table, column, index or constraint the replay did not have (created by an
 *                   opaque statement, or outside the migrations), so that what they left is recorded as unknown
 * @param unreadAnywhere the last statement not read that may have acted on any table (it names none, or one the replay
 *                   lacks): since it, tables may be missing and a column is certain only when a statement read defined
 *                   it again; null when there was none
 */
public record ReplayState(PhysicalSchema schema, List<NotValid> notValid, int operations, int opaque,
                          int unresolved, Location unreadAnywhere) {

    public ReplayState {
        Objects.requireNonNull(schema, "schema");
        notValid = List.copyOf(notValid);
    }

    /** Before the first migration: an empty, complete schema. */
    public static ReplayState start(Dialect dialect) {
        return new ReplayState(PhysicalSchema.empty(dialect), List.of(), 0, 0, 0, null);
    }

    /** A constraint added {@code NOT VALID} (PostgreSQL), by its table's stored schema and name and its own name. */
    public record NotValid(String schema, String table, String constraint, Location location) {
    }

    ReplayState with(PhysicalSchema s) {
        return new ReplayState(s, notValid, operations, opaque, unresolved, unreadAnywhere);
    }

    ReplayState withNotValid(List<NotValid> n) {
        return new ReplayState(schema, n, operations, opaque, unresolved, unreadAnywhere);
    }

    ReplayState counted(boolean isOpaque) {
        return new ReplayState(schema, notValid, operations + 1, opaque + (isOpaque ? 1 : 0), unresolved,
                unreadAnywhere);
    }

    ReplayState withUnreadAnywhere(Location at) {
        return new ReplayState(schema, notValid, operations, opaque, unresolved, at);
    }

    ReplayState unresolvedOne() {
        return new ReplayState(schema, notValid, operations, opaque, unresolved + 1, unreadAnywhere);
    }
}
