package dev.migrationguard.rules;

import dev.migrationguard.analysis.Reviewed;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ops.ColumnDef;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.SqlType;
import dev.migrationguard.model.schema.Table;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the lock rules ({@code blocking-index-creation}, {@code blocking-constraint-validation}, {@code table-rewrite})
 * share: which databases they judge, whether a table may hold rows that nothing unreadable touched, the MySQL lock
 * options of a statement, a column's type before a statement, and how each runner runs a statement outside a
 * transaction.
 */
final class Locks {
    /** The ids of the stacks whose runners the messages speak of (rules know stacks only by their ids). */
    static final String TYPEORM = "typeorm";
    static final String FLYWAY = "flyway";
    static final String LIQUIBASE = "liquibase";

    private Locks() {
    }

    /**
     * Whether the lock rules judge {@code r}, by the database it is written for. SQLite locks the whole database for any
     * write, so there is no online way to prefer; SQL Server, Oracle and H2 lock differently (online index builds are
     * an edition feature), and their facts are not modelled: silent.
     * Nor do they judge a database the tool only assumes because nothing names it: their claims hold on one
     * database alone.
     */
    static boolean judged(Reviewed r) {
        Dialect dialect = r.dialect();
        return (dialect == Dialect.POSTGRES || dialect.isMysqlFamily()) && !r.dialectAssumed();
    }

    /**
     * Whether {@code table} may hold rows when {@code op} runs and no statement before it in the migration that could
     * not be read mentions it (it might have made, emptied or changed the table): only then is a lock worth a word.
     */
    static boolean judgeable(Reviewed r, QualifiedName table, Operation op) {
        return Reviewing.existing(r, table, op) && !touchedByOpaque(r.migration(), table, op);
    }

    private static boolean touchedByOpaque(Migration m, QualifiedName table, Operation at) {
        for (Operation op : Reviewing.side(m, at.origin().side())) {
            if (op == at) return false;
            if (op instanceof Operation.Opaque o && mayChangeTables(o.kind())
                    && o.mentions().stream().anyMatch(t -> t.key().equals(table.key()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean mayChangeTables(Operation.OpaqueKind kind) {
        return switch (kind) {
            case COMMENT, PRIVILEGE, SESSION, QUERY -> false;
            case PROCEDURAL, OTHER_OBJECT, UNREAD -> true;
        };
    }

    /** MySQL's {@code ALGORITHM=}/{@code LOCK=} of {@code op}'s statement, when the statement says either. */
    static Optional<Operation.LockOptions> lockOptions(Migration m, Operation op) {
        for (Operation o : m.operations()) {
            if (o instanceof Operation.LockOptions l && l.origin().equals(op.origin())) return Optional.of(l);
        }
        return Optional.empty();
    }

    /** Whether the statement of {@code op} names an algorithm other than COPY: MySQL then refuses what would copy. */
    static boolean refusesCopy(Migration m, Operation op) {
        return lockOptions(m, op).map(Operation.LockOptions::algorithm)
                .map(a -> a.equalsIgnoreCase("INPLACE") || a.equalsIgnoreCase("INSTANT")).orElse(false);
    }

    /** Whether a statement before {@code at} in the same side sets a session variable (MySQL's foreign_key_checks). */
    static boolean setsSessionBefore(Migration m, Operation at) {
        for (Operation op : Reviewing.side(m, at.origin().side())) {
            if (op == at) return false;
            if (op instanceof Operation.Opaque o && o.kind() == Operation.OpaqueKind.SESSION
                    && o.summary().toUpperCase(Locale.ROOT).startsWith("SET")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The type column {@code column} of {@code table} has just before {@code at}: from the statements before it in
     * the same side of the migration, else from the schema its set builds before it. Null when unknown (no schema
     * before, as on the pre-commit path; an unknown column or type; an unreadable statement about the table).
     */
    static SqlType typeBefore(Reviewed r, QualifiedName table, String column, Operation at) {
        List<Operation> ops = Reviewing.side(r.migration(), at.origin().side());
        int position = -1;
        for (int i = 0; i < ops.size(); i++) if (ops.get(i) == at) position = i;
        QualifiedName t = table;
        String c = column;
        for (int i = position - 1; i >= 0; i--) {
            Operation op = ops.get(i);
            if (op instanceof Operation.Opaque o && mayChangeTables(o.kind())
                    && o.mentions().stream().anyMatch(x -> x.key().equals(table.key()))) {
                return null;
            }
            if (op instanceof Operation.RenameTable rt && rt.to().key().equals(t.key())) {
                t = rt.from();
                continue;
            }
            if (!sameTable(op, t)) continue;
            if (op instanceof Operation.AlterColumnType a && same(a.column(), c)) return a.type();
            if (op instanceof Operation.AddColumn a && same(a.column().name(), c)) return a.column().type();
            if (op instanceof Operation.RedefineColumn d && same(d.definition().name(), c)) return d.definition().type();
            if (op instanceof Operation.RenameColumn rc && same(rc.to(), c)) c = rc.from();
            if (op instanceof Operation.CreateTable ct) return columnType(ct.columns(), c);
            if (op instanceof Operation.RebuildTable rb) return columnType(rb.definition().columns(), c);
        }
        Optional<PhysicalSchema> before = r.schemaBefore();
        if (before.isEmpty()) return null;
        Table found = table(before.get(), t);
        if (found == null || !found.complete()) return null;
        for (Column col : found.columns()) if (same(col.name(), c)) return col.type();
        return null;
    }

    /** The table of that name in {@code schema}, compared as {@link QualifiedName#key()} does; null when absent. */
    static Table table(PhysicalSchema schema, QualifiedName name) {
        for (Table t : schema.tableList()) {
            if (t.view() || !t.name().equalsIgnoreCase(name.name())) continue;
            if (name.schema() == null || t.schema() == null || t.schema().equalsIgnoreCase(name.schema())) return t;
        }
        return null;
    }

    private static SqlType columnType(List<ColumnDef> columns, String column) {
        for (ColumnDef d : columns) if (same(d.name(), column)) return d.type();
        return null;
    }

    private static boolean sameTable(Operation op, QualifiedName t) {
        QualifiedName of = null;
        if (op instanceof Operation.AlterColumnType a) of = a.table();
        else if (op instanceof Operation.AddColumn a) of = a.table();
        else if (op instanceof Operation.RedefineColumn d) of = d.table();
        else if (op instanceof Operation.RenameColumn rc) of = rc.table();
        else if (op instanceof Operation.CreateTable ct) of = ct.table();
        else if (op instanceof Operation.RebuildTable rb) of = rb.table();
        return of != null && of.key().equals(t.key());
    }

    /** Column names compared as a reader writes them: without quotes, ignoring case. */
    static boolean same(String a, String b) {
        return a != null && a.equalsIgnoreCase(b);
    }

    /** How the migration's runner runs a statement outside a transaction, for a message about {@code CONCURRENTLY}. */
    static String concurrentlyHint(Migration m, String statement) {
        return switch (m.stack()) {
            case TYPEORM -> "Write " + statement + " in a migration of its own with `transaction = false` "
                    + "(TypeORM wraps every other migration in a transaction, where CONCURRENTLY fails).";
            case FLYWAY -> "Write " + statement + " in a script of its own: Flyway runs a script holding "
                    + "CONCURRENTLY outside a transaction, and fails a script that mixes it with other statements.";
            case LIQUIBASE -> "Write " + statement + " in an <sql> changeSet of its own with "
                    + "runInTransaction=\"false\".";
            default -> "Write " + statement + ", outside a transaction.";
        };
    }

    /** The database as a message names it. */
    static String product(Dialect dialect) {
        return switch (dialect) {
            case POSTGRES -> "PostgreSQL";
            case MYSQL -> "MySQL";
            case MARIADB -> "MariaDB";
            default -> dialect.id();
        };
    }

    /** How a message names an index: {@code "idx"}, or by its table and keys when the statement names none. */
    static String index(Operation.CreateIndex c) {
        if (c.name() != null) return "\"" + c.name() + "\"";
        List<String> keys = c.keys().stream().map(k -> k.column() != null ? k.column() : k.expression()).toList();
        return "on " + Reviewing.table(c.table()) + " (" + String.join(", ", keys) + ")";
    }
}
