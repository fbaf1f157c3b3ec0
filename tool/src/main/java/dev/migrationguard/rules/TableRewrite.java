package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Reviewed;
import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.Severity;
import dev.migrationguard.model.ops.ColumnDef;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Origin;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.SqlType;
import dev.migrationguard.model.schema.TypeRewrites;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A statement that writes a whole new copy of a table that holds rows while the application waits: on PostgreSQL a
 * column type change that is not binary-coercible, an added column whose value is computed per row (a volatile
 * default, an identity or serial, a stored generated column); on MySQL and MariaDB {@code ALGORITHM=COPY}, a column
 * type change, a {@code VARCHAR} shrunk or grown across 255 bytes, a stored generated or auto-increment column added,
 * {@code CONVERT TO CHARACTER SET}, a change of engine.
 */
@RuleMeta(id = "table-rewrite", severity = Severity.WARNING,
        summary = "A statement that rewrites or copies an existing table under a lock")
public final class TableRewrite implements Rule {

    private static final String EXPAND = "Add a new column of the new type, backfill it in batches, switch the "
            + "application to it, then drop the old one (expand / contract).";

    @Override
    public List<Finding> check(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (Reviewed r : analysis.review().migrations()) {
            if (!Locks.judged(r)) continue;
            // One finding per statement: an ALTER TABLE with several rewriting actions rewrites the table once.
            Set<Origin> reported = new HashSet<>();
            for (Operation op : Reviewing.up(r.migration())) {
                if (reported.contains(op.origin())) continue;
                Optional<Finding> f = r.dialect() == Dialect.POSTGRES ? postgres(r, op) : mysql(r, op);
                f.ifPresent(x -> {
                    findings.add(x);
                    reported.add(op.origin());
                });
            }
        }
        return findings;
    }

    private Optional<Finding> postgres(Reviewed r, Operation op) {
        Migration m = r.migration();
        // PostgreSQL has no MODIFY: a RedefineColumn there is TypeORM's changeColumn, which drops and re-adds a column
        // whose type or length changes (its data is lost, no row is rewritten).
        if (op instanceof Operation.AlterColumnType a) {
            return typeChange(r, op, a.table(), a.column(), Reviewing.typeAsRun(r, a.type(), a.typeText()));
        }
        if (!(op instanceof Operation.AddColumn a) || !Locks.judgeable(r, a.table(), op)) return Optional.empty();
        ColumnDef c = a.column();
        String why = null;
        if (c.generated() != null) {
            why = switch (c.generated().kind()) {
                case STORED -> "a stored generated column is computed for every row";
                case IDENTITY_ALWAYS, IDENTITY_BY_DEFAULT, SERIAL -> "every row gets its number from the sequence";
                default -> null;
            };
        }
        if (why == null && TypeRewrites.volatileDefault(c.defaultValue())) {
            why = "its default " + c.defaultValue() + " is volatile, so it is computed for every row";
        }
        if (why == null) return Optional.empty();
        String table = Reviewing.table(a.table());
        return Optional.of(finding(op.origin().location(), "Column \"" + c.name() + "\" is added to existing table "
                        + table + " in " + Reviewing.name(m) + " and " + why + ": PostgreSQL rewrites " + table
                        + " while it blocks reads and writes.",
                "Add the column without the default (a quick change), SET DEFAULT for new rows, and fill the "
                        + "existing rows in batches."));
    }

    private Optional<Finding> typeChange(Reviewed r, Operation op, QualifiedName t, String column, SqlType to) {
        if (to == null || !Locks.judgeable(r, t, op)) return Optional.empty();
        if (r.dialect().isMysqlFamily() && Locks.refusesCopy(r.migration(), op)) return Optional.empty();
        SqlType from = Locks.typeBefore(r, t, column, op);
        Optional<String> why = TypeRewrites.rewrite(r.dialect(), from, to);
        if (why.isEmpty()) return Optional.empty();
        String table = Reviewing.table(t);
        String verb = r.dialect() == Dialect.POSTGRES ? "rewrites" : "copies";
        return Optional.of(finding(op.origin().location(), "Changing " + table + ".\"" + column + "\" from "
                        + why.get() + " (" + Reviewing.name(r.migration()) + "): " + Locks.product(r.dialect()) + " "
                        + verb + " " + table + " while it blocks " + (r.dialect() == Dialect.POSTGRES
                        ? "reads and writes." : "writes."),
                EXPAND));
    }

    private Optional<Finding> mysql(Reviewed r, Operation op) {
        Migration m = r.migration();
        String product = Locks.product(r.dialect());
        if (op instanceof Operation.LockOptions l && l.algorithm() != null && l.algorithm().equalsIgnoreCase("COPY")
                && l.table() != null && Locks.judgeable(r, l.table(), op) && !indexOnly(m, op.origin())) {
            return Optional.of(finding(op.origin().location(), "ALGORITHM=COPY in " + Reviewing.name(m) + " makes "
                            + product + " copy existing table " + Reviewing.table(l.table()) + " while it blocks writes.",
                    "Leave out ALGORITHM=COPY: " + product + " then picks INSTANT or INPLACE where it can, and "
                            + "ALGORITHM=INPLACE, LOCK=NONE makes it refuse rather than block."));
        }
        // TypeORM's changeColumn drops and re-adds a column whose type or length changes rather than MODIFY it, and a
        // MODIFY written in a TypeORM migration's SQL is not told apart from that call here: neither is judged.
        if (op instanceof Operation.RedefineColumn d && !m.stack().equals(Locks.TYPEORM)) {
            return typeChange(r, op, d.table(), d.column(),
                    Reviewing.typeAsRun(r, d.definition().type(), d.definition().typeText()));
        }
        if (op instanceof Operation.AlterColumnType a) {
            return typeChange(r, op, a.table(), a.column(), Reviewing.typeAsRun(r, a.type(), a.typeText()));
        }
        if (op instanceof Operation.AddColumn a && a.column().generated() != null && Locks.judgeable(r, a.table(), op)
                && !Locks.refusesCopy(m, op)) {
            String why = switch (a.column().generated().kind()) {
                case STORED -> "a stored generated column can only be added by copying the table";
                case AUTO_INCREMENT -> "an auto-increment column is added by rebuilding the table without letting "
                        + "writes through";
                default -> null;
            };
            if (why == null) return Optional.empty();
            String table = Reviewing.table(a.table());
            return Optional.of(finding(op.origin().location(), "Column \"" + a.column().name() + "\" is added to "
                            + "existing table " + table + " in " + Reviewing.name(m) + ": " + why + " (" + product
                            + "), so writes to " + table + " wait until it is done.",
                    "Add it when " + table + " sees few writes, or with an online schema change tool (gh-ost, "
                            + "pt-online-schema-change)."));
        }
        if (op instanceof Operation.TableOptions o && Locks.judgeable(r, o.table(), op)) {
            String options = o.options().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            String why = null;
            if (options.startsWith("CONVERT TO")) why = "converting every text column to another character set";
            // ENGINE=InnoDB on an InnoDB table is a rebuild in place that lets writes through; the engine a table
            // had is not known, so only a move to another engine is judged.
            if (options.matches("ENGINE ?=? ?\\S+.*") && !options.matches("ENGINE ?=? ?INNODB\\b.*")) {
                why = "changing its storage engine";
            }
            if (why == null) return Optional.empty();
            String table = Reviewing.table(o.table());
            return Optional.of(finding(op.origin().location(), o.options() + " in " + Reviewing.name(m) + " copies "
                            + "existing table " + table + " (" + why + ") while " + product + " blocks writes to it.",
                    "Run it when " + table + " sees few writes, or with an online schema change tool (gh-ost, "
                            + "pt-online-schema-change)."));
        }
        return Optional.empty();
    }

    /** Whether the statement at {@code origin} only creates or drops indexes: blocking-index-creation judges those. */
    private static boolean indexOnly(Migration m, Origin origin) {
        boolean any = false;
        for (Operation op : m.operations()) {
            if (!op.origin().equals(origin) || op instanceof Operation.LockOptions) continue;
            if (!(op instanceof Operation.CreateIndex || op instanceof Operation.DropIndex)) return false;
            any = true;
        }
        return any;
    }
}
