package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Reviewed;
import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.Severity;
import dev.migrationguard.model.ops.Constraint;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.schema.CheckConstraint;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A constraint checked against every row of a table that holds rows, under a lock that stops the application: on
 * PostgreSQL a foreign key or check added without {@code NOT VALID}, a unique or primary key constraint that builds its
 * own index, {@code SET NOT NULL} without a validated {@code CHECK (c IS NOT NULL)} to rely on; on MySQL and MariaDB a
 * foreign key added while {@code foreign_key_checks} is on (only the copying algorithm can do that).
 */
@RuleMeta(id = "blocking-constraint-validation", severity = Severity.WARNING,
        summary = "A constraint added to an existing table and checked against every row under a lock that blocks "
                + "writes")
public final class BlockingConstraintValidation implements Rule {

    @Override
    public List<Finding> check(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (Reviewed r : analysis.review().migrations()) {
            if (!Locks.judged(r)) continue;
            for (Operation op : Reviewing.up(r.migration())) {
                Optional<Finding> f = r.dialect() == Dialect.POSTGRES ? postgres(r, op) : mysql(r, op);
                f.ifPresent(findings::add);
            }
        }
        return findings;
    }

    private Optional<Finding> postgres(Reviewed r, Operation op) {
        Migration m = r.migration();
        if (op instanceof Operation.AddConstraint a && !a.notValid() && Locks.judgeable(r, a.table(), op)) {
            String table = Reviewing.table(a.table());
            Constraint c = a.constraint();
            if (c instanceof Constraint.ForeignKey fk) {
                return Optional.of(foreignKey(op, m, named("Foreign key", fk.name()), table,
                        Reviewing.table(fk.references().table())));
            }
            if (c instanceof Constraint.Check) {
                return Optional.of(finding(op.origin().location(), named("Check constraint", c.name()) + " is added to "
                                + "existing table " + table + " in " + Reviewing.name(m) + " and checked at once: "
                                + "PostgreSQL reads every row of " + table + " while it blocks reads and writes.",
                        notValidHint(m, c.name())));
            }
            boolean builtFromIndex = c instanceof Constraint.Unique u && u.usingIndex() != null
                    // PRIMARY KEY USING INDEX leaves the columns unsaid: built from an index too
                    || c instanceof Constraint.PrimaryKey pk && pk.columns().isEmpty();
            if ((c instanceof Constraint.Unique || c instanceof Constraint.PrimaryKey) && !builtFromIndex) {
                String kind = c instanceof Constraint.Unique ? "Unique constraint" : "Primary key";
                String keyword = c instanceof Constraint.Unique ? "UNIQUE" : "PRIMARY KEY";
                return Optional.of(finding(op.origin().location(), named(kind, c.name()) + " is added to existing "
                                + "table " + table + " in " + Reviewing.name(m) + ": PostgreSQL builds its index while it "
                                + "blocks reads and writes of " + table + ".",
                        "Build the index first with CREATE UNIQUE INDEX CONCURRENTLY (outside a transaction), then "
                                + "ADD CONSTRAINT ... " + keyword + " USING INDEX it: a quick change."));
            }
        }
        if (op instanceof Operation.AddColumn a && a.column().references() != null
                && Locks.judgeable(r, a.table(), op)) {
            // The rows are checked even when the new column holds only NULLs: one full scan of the table, under the
            // ACCESS EXCLUSIVE lock ADD COLUMN holds for the whole statement.
            return Optional.of(foreignKey(op, m, "The foreign key of new column \"" + a.column().name() + "\"",
                    Reviewing.table(a.table()), Reviewing.table(a.column().references().table())));
        }
        if (op instanceof Operation.AlterColumnNullability n && !n.nullable() && Locks.judgeable(r, n.table(), op)
                && !provenNotNull(r, n)) {
            String column = Reviewing.table(n.table()) + ".\"" + n.column() + "\"";
            return Optional.of(finding(op.origin().location(), "SET NOT NULL on " + column + " in " + Reviewing.name(m)
                            + " reads every row of existing table " + Reviewing.table(n.table()) + " while it blocks "
                            + "reads and writes, unless a validated CHECK (\"" + n.column() + "\" IS NOT NULL) "
                            + "already proves it.",
                    "Add CONSTRAINT ... CHECK (\"" + n.column() + "\" IS NOT NULL) NOT VALID, VALIDATE it in a later "
                            + "migration, then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the check."));
        }
        return Optional.empty();
    }

    private Finding foreignKey(Operation op, Migration m, String what, String table, String referenced) {
        return finding(op.origin().location(), what + " is added to existing table " + table + " in "
                        + Reviewing.name(m) + " and checked at once: PostgreSQL reads every row of " + table
                        + " while it blocks writes to " + table + " and " + referenced + ".",
                notValidHint(m, null));
    }

    private static String notValidHint(Migration m, String name) {
        String validate = "VALIDATE CONSTRAINT " + (name == null ? "it" : "\"" + name + "\"");
        if (m.stack().equals(Locks.LIQUIBASE)) {
            return "Add it NOT VALID (addForeignKeyConstraint validate=\"false\", or <sql>), then " + validate
                    + " in a later changeSet: that checks the rows while writes go on.";
        }
        return "Add it with NOT VALID, then " + validate + " in a later migration: that checks the rows while "
                + "writes go on.";
    }

    /**
     * Whether a validated {@code CHECK (c IS NOT NULL)} stands before the {@code SET NOT NULL}: added and validated
     * earlier in the migration, or present in the schema before it. A {@code VALIDATE CONSTRAINT} on the table earlier
     * in the migration of a constraint it does not add counts too: the constraint is unknown here, and that is the
     * safe pattern's second step.
     */
    private static boolean provenNotNull(Reviewed r, Operation.AlterColumnNullability n) {
        java.util.Set<String> added = new java.util.HashSet<>();
        java.util.Set<String> proving = new java.util.HashSet<>();
        for (Operation op : Reviewing.side(r.migration(), n.origin().side())) {
            if (op == n) break;
            if (op instanceof Operation.AddConstraint a && a.table().key().equals(n.table().key())) {
                String name = a.constraint().name() == null ? null : a.constraint().name().toLowerCase(Locale.ROOT);
                if (name != null) added.add(name);
                if (a.constraint() instanceof Constraint.Check c && isNotNull(c.expression(), n.column())) {
                    if (!a.notValid()) return true;
                    if (name != null) proving.add(name);
                }
            }
            if (op instanceof Operation.ValidateConstraint v && v.table().key().equals(n.table().key())) {
                String name = v.name().toLowerCase(Locale.ROOT);
                if (proving.contains(name) || !added.contains(name)) return true;
            }
        }
        Optional<PhysicalSchema> before = r.schemaBefore();
        if (before.isEmpty()) return false;
        Table t = Locks.table(before.get(), n.table());
        if (t == null) return false;
        for (CheckConstraint c : t.checks()) if (isNotNull(c.expression(), n.column())) return true;
        return false;
    }

    private static boolean isNotNull(String expression, String column) {
        if (expression == null) return false;
        String e = expression.toLowerCase(Locale.ROOT).replace("\"", "").replace("`", "").replaceAll("\\s+", " ")
                .strip();
        while (e.startsWith("(") && e.endsWith(")")) e = e.substring(1, e.length() - 1).strip();
        return e.equals(column.toLowerCase(Locale.ROOT) + " is not null");
    }

    private Optional<Finding> mysql(Reviewed r, Operation op) {
        Migration m = r.migration();
        if (!(op instanceof Operation.AddConstraint a) || !(a.constraint() instanceof Constraint.ForeignKey fk)
                || !Locks.judgeable(r, a.table(), op)) {
            return Optional.empty();
        }
        // SET foreign_key_checks = 0 earlier lets MySQL add it in place; a SET is not read further, so any SET silences.
        if (Locks.setsSessionBefore(m, op) || Locks.refusesCopy(m, op)) return Optional.empty();
        String table = Reviewing.table(a.table());
        String product = Locks.product(r.dialect());
        return Optional.of(finding(op.origin().location(), named("Foreign key", fk.name()) + " is added to existing "
                        + "table " + table + " in " + Reviewing.name(m) + " with foreign_key_checks on: " + product
                        + " can only copy " + table + " to add it, and blocks writes until the copy is done.",
                "Check the rows first, then add it after SET foreign_key_checks = 0 in the same session (" + product
                        + " then adds it in place), or use an online schema change tool (gh-ost, "
                        + "pt-online-schema-change)."));
    }

    private static String named(String kind, String name) {
        return name == null ? kind : kind + " \"" + name + "\"";
    }
}
