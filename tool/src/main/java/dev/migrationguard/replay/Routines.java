package dev.migrationguard.replay;

import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Operation.Opaque;
import dev.migrationguard.model.ops.Operation.Routine;
import dev.migrationguard.model.ops.Side;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The procedures a set's migrations have defined so far, in the runner's order, and what a {@code CALL} of one does:
 * the operations of its body when they were read, else an opaque statement naming the tables the body names. A call
 * of a routine not defined before (or dropped since) stays as it was read: opaque, naming nothing.
 */
final class Routines {
    private final Map<String, Routine> defined = new HashMap<>();

    /**
     * The operations of {@code migration} on {@code side}, each call of a known routine replaced by what it runs; the
     * routines it defines and drops are remembered for the migrations after it.
     */
    List<Operation> expand(Migration migration, Side side) {
        List<Operation> out = new ArrayList<>();
        for (Operation op : migration.operations()) {
            if (op.origin().side() != side) continue;
            if (op instanceof Routine r && r.kind() == Operation.RoutineKind.PROCEDURE) {
                if (r.drop()) defined.remove(key(r)); else defined.put(key(r), r);
            }
            if (op instanceof Opaque o && o.calls() != null && defined.containsKey(key(o.calls().name()))) {
                Routine r = defined.get(key(o.calls().name()));
                if (r.body() != null) out.addAll(r.body());
                else out.add(new Opaque(o.origin(), o.kind(), o.summary(), r.mentions()));
                continue;
            }
            out.add(op);
        }
        return out;
    }

    private static String key(Routine r) {
        return key(r.name().name());
    }

    /** Routine names are looked up without their schema and case, as MySQL and unquoted PostgreSQL names are. */
    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
