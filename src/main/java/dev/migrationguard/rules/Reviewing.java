package dev.migrationguard.rules;

import dev.migrationguard.analysis.Reviewed;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.ops.Side;

import java.util.ArrayList;
import java.util.List;

/** What the reviewer rules share: the forward operations of a migration, and how a migration and a table are named. */
final class Reviewing {
    private Reviewing() {
    }

    /** The operations of {@code m}'s forward part (TypeORM {@code up()}, a Flyway {@code V} script, a changeSet). */
    static List<Operation> up(Migration m) {
        return side(m, Side.UP);
    }

    /** The operations of one side of {@code m}, in order. */
    static List<Operation> side(Migration m, Side side) {
        List<Operation> ops = new ArrayList<>();
        for (Operation op : m.operations()) if (op.origin().side() == side) ops.add(op);
        return ops;
    }

    /** The operations of the way back of {@code m}: its DOWN, ROLLBACK and UNDO sides, in order. */
    static List<Operation> wayBack(Migration m) {
        List<Operation> ops = new ArrayList<>();
        for (Operation op : m.operations()) if (op.origin().side() != Side.UP) ops.add(op);
        return ops;
    }

    /** How a message names the migration: its file, and the changeSet id for Liquibase. */
    static String name(Migration m) {
        if (m.kind() == Migration.Kind.CHANGESET) {
            String[] parts = m.id().split("::");
            return parts.length >= 3 ? "changeSet " + parts[1] + " (" + parts[2] + ") in " + m.path() : m.path();
        }
        return m.path();
    }

    /** A table as a message names it: {@code "users"}, or {@code "app"."users"} when qualified. */
    static String table(QualifiedName t) {
        return t.schema() == null ? "\"" + t.name() + "\"" : "\"" + t.schema() + "\".\"" + t.name() + "\"";
    }

    /** Whether {@code table} may hold rows when {@code op} of {@code r} runs (see {@link Reviewed#existedBefore}). */
    static boolean existing(Reviewed r, QualifiedName table, Operation op) {
        return table != null && r.existedBefore(table, op);
    }
}
