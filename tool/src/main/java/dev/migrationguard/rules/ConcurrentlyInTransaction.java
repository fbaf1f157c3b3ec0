package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Reviewed;
import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.RunnerFacts;
import dev.migrationguard.model.Severity;
import dev.migrationguard.model.Text;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.schema.Dialect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * PostgreSQL refuses {@code CREATE INDEX CONCURRENTLY} and {@code DROP INDEX CONCURRENTLY} inside a transaction block,
 * so a migration whose runner wraps it in one fails at deploy. Each runner decides differently (DOMAIN.md, "How
 * runners treat files and transactions"); the rule follows what the migration and its settings say, and stays silent
 * where a command line it cannot see may decide.
 */
@RuleMeta(id = "concurrently-in-transaction", severity = Severity.ERROR,
        summary = "CREATE or DROP INDEX CONCURRENTLY in a migration its runner wraps in a transaction")
public final class ConcurrentlyInTransaction implements Rule {
    /** Statements Flyway's PostgreSQL parser also runs outside a transaction; an unread one may be such too. */
    private static final Pattern NON_TRANSACTIONAL = Pattern.compile("(?i)^\\s*(VACUUM|REINDEX|DISCARD|ALTER\\s+SYSTEM"
            + "|(CREATE|DROP)\\s+(DATABASE|TABLESPACE|SUBSCRIPTION)|ALTER\\s+TYPE|REFRESH)\\b.*", Pattern.DOTALL);

    @Override
    public List<Finding> check(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (Reviewed r : analysis.review().migrations()) {
            if (r.dialect() != Dialect.POSTGRES) continue;
            Migration m = r.migration();
            List<Operation> concurrent = new ArrayList<>();
            for (Operation op : Reviewing.up(m)) if (concurrently(op)) concurrent.add(op);
            if (concurrent.isEmpty()) continue;
            String why = switch (m.stack()) {
                case "typeorm" -> typeorm(m);
                case "flyway" -> flyway(m);
                case "liquibase" -> liquibase(m);
                default -> null;
            };
            if (why == null) continue;
            for (Operation op : concurrent) {
                findings.add(finding(op.origin().location(), statement(op) + " in " + Reviewing.name(m)
                        + " fails at deploy: " + why + ", and PostgreSQL refuses it inside a transaction block.",
                        hint(m)));
            }
        }
        return findings;
    }

    private static boolean concurrently(Operation op) {
        return op instanceof Operation.CreateIndex c && c.concurrently()
                || op instanceof Operation.DropIndex d && d.concurrently();
    }

    private static String statement(Operation op) {
        if (op instanceof Operation.CreateIndex c) {
            return "CREATE " + (c.unique() ? "UNIQUE " : "") + "INDEX CONCURRENTLY"
                    + (c.name() == null ? "" : " \"" + c.name() + "\"")
                    + (c.table() == null ? "" : " on " + Reviewing.table(c.table()));
        }
        Operation.DropIndex d = (Operation.DropIndex) op;
        return "DROP INDEX CONCURRENTLY" + (d.name() == null ? "" : " \"" + d.name().name() + "\"");
    }

    /**
     * Why TypeORM runs {@code up()} in a transaction, or null when it does not or a command line may decide. Its
     * executor wraps everything under mode {@code all} (and refuses a class that overrides it), wraps each migration
     * under {@code each} unless the class says {@code transaction = false}, and wraps under {@code none} only a class
     * saying {@code transaction = true}.
     */
    private static String typeorm(Migration m) {
        RunnerFacts f = m.runner();
        String mode = f.transactionMode();
        Boolean own = f.transaction();
        if (mode == null) {
            if (Boolean.FALSE.equals(own)) return null;
            if (Boolean.TRUE.equals(own)) return "the class sets transaction = true";
            return "TypeORM runs migrations in one transaction (migrationsTransactionMode 'all', its default, as "
                    + "neither the data source nor a package.json script running migration:run says otherwise)";
        }
        return switch (mode) {
            case "all" -> own != null ? "its data source runs migrations with migrationsTransactionMode 'all', under "
                    + "which TypeORM refuses a class that sets transaction (ForbiddenTransactionModeOverrideError) "
                    + "and runs every migration in one transaction"
                    : "TypeORM runs every migration in one transaction (migrationsTransactionMode 'all')";
            case "each" -> Boolean.FALSE.equals(own) ? null
                    : "TypeORM runs each migration in its own transaction (migrationsTransactionMode 'each') unless "
                    + "the class sets transaction = false";
            case "none" -> Boolean.TRUE.equals(own) ? "the class sets transaction = true" : null;
            default -> null;
        };
    }

    /**
     * Why Flyway fails the script, or null when it runs it without a transaction. On PostgreSQL Flyway runs a script of
     * non-transactional statements alone outside a transaction, and refuses one mixing both kinds unless {@code mixed}
     * is true; a script config file's {@code executeInTransaction} decides over both. Java migrations decide in code.
     */
    private static String flyway(Migration m) {
        if (m.path().endsWith(".java") || m.path().endsWith(".kt")) return null;
        RunnerFacts f = m.runner();
        if (Boolean.FALSE.equals(f.transaction())) return null;
        if (Boolean.TRUE.equals(f.transaction())) {
            return f.transactionLocation() != null ? Text.fileName(f.transactionLocation().path())
                    + " sets executeInTransaction=true" : "the Flyway settings set executeInTransaction=true";
        }
        Map<Location, Boolean> statements = new LinkedHashMap<>();
        for (Operation op : Reviewing.up(m)) {
            if (op instanceof Operation.Opaque o && (o.kind() == Operation.OpaqueKind.UNREAD
                    || o.summary() != null && NON_TRANSACTIONAL.matcher(o.summary()).matches())) {
                return null;
            }
            statements.merge(op.origin().location(), concurrently(op), Boolean::logicalOr);
        }
        if (!statements.containsValue(false)) return null;
        if (Boolean.TRUE.equals(f.mixed())) return null;
        return "the script mixes it with transactional statements, which Flyway refuses on PostgreSQL unless mixed "
                + "is true (\"Detected both transactional and non-transactional statements within the same "
                + "migration\")";
    }

    private static String liquibase(Migration m) {
        if (Boolean.FALSE.equals(m.runner().transaction())) return null;
        return "Liquibase runs each changeSet in a transaction unless it sets runInTransaction=\"false\"";
    }

    private static String hint(Migration m) {
        return switch (m.stack()) {
            case "typeorm" -> "Set `transaction = false` on the migration class (an instance property: TypeORM "
                    + "reads no static one) and run migrations with migrationsTransactionMode: 'each' on the data "
                    + "source (or `migration:run -t each`).";
            case "flyway" -> "Move the CONCURRENTLY statement into a migration of its own (Flyway then runs it "
                    + "without a transaction), or add " + Text.fileName(m.path()) + ".conf beside it with "
                    + "executeInTransaction=false.";
            default -> "Put the statement in a changeSet of its own with runInTransaction=\"false\" (formatted SQL: "
                    + "`--changeset author:id runInTransaction:false`).";
        };
    }
}
