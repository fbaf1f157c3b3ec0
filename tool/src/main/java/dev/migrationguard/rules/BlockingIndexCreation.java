package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Reviewed;
import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.Severity;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.Index;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An index built or dropped on a table that holds rows, in a way that stops the application writing to it: PostgreSQL
 * without {@code CONCURRENTLY}; MySQL and MariaDB with {@code ALGORITHM=COPY}, {@code LOCK=SHARED|EXCLUSIVE}, or a
 * FULLTEXT or SPATIAL index (built without concurrent writes). A plain MySQL {@code CREATE INDEX} is online.
 */
@RuleMeta(id = "blocking-index-creation", severity = Severity.WARNING,
        summary = "An index created or dropped on an existing table without CONCURRENTLY (PostgreSQL) or an online "
                + "algorithm (MySQL)")
public final class BlockingIndexCreation implements Rule {

    @Override
    public List<Finding> check(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        List<Reviewed> all = analysis.review().migrations();
        for (Reviewed r : all) {
            Dialect d = r.dialect();
            if (!Locks.judged(r)) continue;
            for (Operation op : Reviewing.up(r.migration())) {
                if (op instanceof Operation.CreateIndex c && Locks.judgeable(r, c.table(), op)
                        && !(c.ifNotExists() && existsBefore(r, c))) {
                    created(r, c).ifPresent(findings::add);
                } else if (op instanceof Operation.DropIndex x) {
                    dropped(r, x, all).ifPresent(findings::add);
                }
            }
        }
        return findings;
    }

    private Optional<Finding> created(Reviewed r, Operation.CreateIndex c) {
        Migration m = r.migration();
        String index = Locks.index(c);
        String table = Reviewing.table(c.table());
        if (r.dialect() == Dialect.POSTGRES) {
            if (c.concurrently()) return Optional.empty();
            return Optional.of(finding(c.origin().location(), "Index " + index + " is created on existing table "
                            + table + " without CONCURRENTLY in " + Reviewing.name(m) + ": PostgreSQL blocks every write "
                            + "to " + table + " until the index is built.",
                    Locks.concurrentlyHint(m, "CREATE " + (c.unique() ? "UNIQUE " : "") + "INDEX CONCURRENTLY")));
        }
        Optional<String> blocking = mysqlBlocking(m, c);
        if (blocking.isEmpty() && c.method() != null && Locks.lockOptions(m, c).map(l -> l.lock() == null
                || !l.lock().equalsIgnoreCase("NONE")).orElse(true)) {
            String method = c.method().toUpperCase(Locale.ROOT);
            if (method.equals("FULLTEXT") || method.equals("SPATIAL")) {
                return Optional.of(finding(c.origin().location(), "A " + method + " index " + index + " is added to "
                                + "existing table " + table + " in " + Reviewing.name(m) + ": " + Locks.product(r.dialect())
                                + " builds it without letting writes to " + table + " through"
                                + (method.equals("FULLTEXT") ? " (the table's first one also rebuilds the table)." : "."),
                        "Build it when " + table + " sees few writes, or with an online schema change tool "
                                + "(gh-ost, pt-online-schema-change)."));
            }
        }
        return blocking.map(how -> finding(c.origin().location(), "Index " + index + " is created on existing table "
                        + table + " with " + how + " in " + Reviewing.name(m) + ".",
                "Leave out ALGORITHM=COPY and LOCK=SHARED/EXCLUSIVE: " + Locks.product(r.dialect()) + " builds an index in "
                        + "place while writes go on (ALGORITHM=INPLACE, LOCK=NONE)."));
    }

    /**
     * Whether the index a {@code CREATE INDEX IF NOT EXISTS} names is already there, as the replayed schema before the
     * migration shows and no earlier statement of it dropped: the statement then does nothing (genie re-creates
     * {@code jobs_created_index} so). PostgreSQL's index names are unique in a schema, so any table's counts.
     */
    private static boolean existsBefore(Reviewed r, Operation.CreateIndex c) {
        Optional<PhysicalSchema> before = r.schemaBefore();
        if (c.name() == null || before.isEmpty()) return false;
        Table on = null;
        for (Table t : before.get().tableList()) {
            for (Index i : t.indexes()) {
                if (t.complete() && i.name() != null && i.name().equalsIgnoreCase(c.name())) on = t;
            }
        }
        if (on == null) return false;
        for (Operation op : Reviewing.up(r.migration())) {
            if (op == c) break;
            if (op instanceof Operation.DropIndex x && x.name().name().equalsIgnoreCase(c.name())
                    || op instanceof Operation.DropTable d && d.table().name().equalsIgnoreCase(on.name())
                    || op instanceof Operation.Opaque o
                    && o.mentions().stream().anyMatch(m -> m.name().equalsIgnoreCase(c.table().name()))) {
                return false;
            }
        }
        return true;
    }

    /** What the statement's lock options make the table wait for, when they block writes. */
    private static Optional<String> mysqlBlocking(Migration m, Operation op) {
        Optional<Operation.LockOptions> options = Locks.lockOptions(m, op);
        if (options.isEmpty()) return Optional.empty();
        String algorithm = options.get().algorithm();
        String lock = options.get().lock();
        if (algorithm != null && algorithm.equalsIgnoreCase("COPY")) {
            return Optional.of("ALGORITHM=COPY (the table is copied and writes wait until it is done)");
        }
        if (lock != null && lock.equalsIgnoreCase("SHARED")) return Optional.of("LOCK=SHARED (writes wait)");
        if (lock != null && lock.equalsIgnoreCase("EXCLUSIVE")) {
            return Optional.of("LOCK=EXCLUSIVE (reads and writes wait)");
        }
        return Optional.empty();
    }

    private Optional<Finding> dropped(Reviewed r, Operation.DropIndex x, List<Reviewed> all) {
        Migration m = r.migration();
        String index = "\"" + x.name().name() + "\"";
        if (r.dialect() != Dialect.POSTGRES) {
            if (x.table() == null || !Locks.judgeable(r, x.table(), x)) return Optional.empty();
            return mysqlBlocking(m, x).map(how -> finding(x.origin().location(), "Index " + index + " is dropped from "
                            + "existing table " + Reviewing.table(x.table()) + " with " + how + " in "
                            + Reviewing.name(m) + ".",
                    "Leave out ALGORITHM=COPY and LOCK=SHARED/EXCLUSIVE: " + Locks.product(r.dialect()) + " drops an index in "
                            + "place while writes go on."));
        }
        if (x.concurrently()) return Optional.empty();
        QualifiedName table = x.table() != null ? x.table() : indexTable(r, x, all);
        if (table != null && !Locks.judgeable(r, table, x)) return Optional.empty();
        // An index whose table cannot be found was made before the migrations under review (they are all read here),
        // so its table holds rows like any deployed table: a reviewer asks for CONCURRENTLY all the same.
        String on = table == null ? "its table" : Reviewing.table(table);
        return Optional.of(finding(x.origin().location(), "Index " + index + " is dropped without CONCURRENTLY in "
                        + Reviewing.name(m) + ": PostgreSQL locks " + on + " against reads and writes, and queues them "
                        + "behind every running query on it.",
                Locks.concurrentlyHint(m, "DROP INDEX CONCURRENTLY")));
    }

    /**
     * The table of the index a PostgreSQL {@code DROP INDEX} names (it names no table): the one an earlier statement
     * of the migration or an earlier migration under review created it on, else the one the schema before the
     * migration has it on; null when none is known.
     */
    private static QualifiedName indexTable(Reviewed r, Operation.DropIndex x, List<Reviewed> all) {
        String key = x.name().key();
        QualifiedName found = null;
        for (Operation op : Reviewing.side(r.migration(), x.origin().side())) {
            if (op == x) break;
            if (op instanceof Operation.CreateIndex c && c.name() != null && c.name().equalsIgnoreCase(key)) {
                found = c.table();
            }
        }
        if (found != null) return found;
        for (Reviewed earlier : all) {
            if (earlier == r) break;
            if (!earlier.migration().stack().equals(r.migration().stack())) continue;
            for (Operation op : Reviewing.up(earlier.migration())) {
                if (op instanceof Operation.CreateIndex c && c.name() != null && c.name().equalsIgnoreCase(key)) {
                    found = c.table();
                }
            }
        }
        if (found != null) return found;
        Optional<PhysicalSchema> before = r.schemaBefore();
        if (before.isEmpty()) return null;
        for (Table t : before.get().tableList()) {
            for (Index i : t.indexes()) {
                if (i.name() != null && i.name().equalsIgnoreCase(key)) {
                    return new QualifiedName(t.schema(), t.name(), false);
                }
            }
        }
        return null;
    }
}
