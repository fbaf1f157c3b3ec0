package dev.migrationguard.model;

import dev.migrationguard.model.schema.Dialect;

import java.util.List;

/**
 * What a migration's runner does with it besides running its statements, as its reader found it written: whether it
 * is wrapped in a transaction, whether the runner accepts it out of order, which database it is written for, under
 * which contexts and labels it runs, and whether production never runs it. Each fact is null when nothing says it
 * (the runner's default then holds) or it could not be read; rules decide what the default is per stack (see
 * DOMAIN.md, "How runners treat files and transactions").
 *
 * @param transaction         the migration's own choice: TypeORM's {@code transaction} property, Flyway's
 *                            {@code executeInTransaction} (script config file), Liquibase's {@code runInTransaction}
 * @param transactionLocation where that choice is written, null when it is not
 * @param transactionMode     TypeORM's {@code migrationsTransactionMode} of the data source ({@code all}, {@code each},
 *                            {@code none}), or the {@code --transaction}/{@code -t} of the {@code package.json} script
 *                            that runs the migrations
 * @param mixed               Flyway's {@code mixed}: transactional and non-transactional statements in one migration
 * @param outOfOrder          Flyway's {@code outOfOrder}
 * @param dialect             the database its set is written for, when its configuration says
 * @param contexts            Liquibase {@code context} expressions of the includes that reach the changeSet,
 *                            outermost first, then its own
 * @param labels              Liquibase {@code labels} of the includes that reach the changeSet, outermost first, then
 *                            its own: each a comma-separated list, as written
 * @param outsideProduction   why the runner never applies it in production, null when nothing says it does not
 */
public record RunnerFacts(Boolean transaction, Location transactionLocation, String transactionMode, Boolean mixed,
                          Boolean outOfOrder, Dialect dialect, List<String> contexts, List<String> labels,
                          OutsideProduction outsideProduction) {

    /** Nothing said: every runner default holds. */
    public static final RunnerFacts NONE = new RunnerFacts(null, null, null, null, null, null, List.of(), List.of(),
            null);

    public RunnerFacts {
        contexts = contexts == null ? List.of() : List.copyOf(contexts);
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /**
     * Why production never runs a migration: a filter production runs Liquibase with leaves it out.
     *
     * @param filter     which filter
     * @param written    what the migration carries that the filter leaves out: its context expressions (AND-ed), or
     *                   one list of its labels
     * @param production the filter production runs with, as written (a label filter); null where the message needs
     *                   none (contexts)
     */
    public record OutsideProduction(Filter filter, String written, String production) {
        public enum Filter { CONTEXT, LABEL }
    }

    public RunnerFacts withTransaction(Boolean value, Location where) {
        return new RunnerFacts(value, where, transactionMode, mixed, outOfOrder, dialect, contexts, labels,
                outsideProduction);
    }

    public RunnerFacts withTransactionMode(String value) {
        return new RunnerFacts(transaction, transactionLocation, value, mixed, outOfOrder, dialect, contexts, labels,
                outsideProduction);
    }

    public RunnerFacts withMixed(Boolean value) {
        return new RunnerFacts(transaction, transactionLocation, transactionMode, value, outOfOrder, dialect, contexts,
                labels, outsideProduction);
    }

    public RunnerFacts withOutOfOrder(Boolean value) {
        return new RunnerFacts(transaction, transactionLocation, transactionMode, mixed, value, dialect, contexts,
                labels, outsideProduction);
    }

    public RunnerFacts withDialect(Dialect value) {
        return new RunnerFacts(transaction, transactionLocation, transactionMode, mixed, outOfOrder, value, contexts,
                labels, outsideProduction);
    }

    public RunnerFacts withContexts(List<String> newContexts, List<String> newLabels) {
        return new RunnerFacts(transaction, transactionLocation, transactionMode, mixed, outOfOrder, dialect,
                newContexts, newLabels, outsideProduction);
    }

    public RunnerFacts withOutsideProduction(OutsideProduction value) {
        return new RunnerFacts(transaction, transactionLocation, transactionMode, mixed, outOfOrder, dialect, contexts,
                labels, value);
    }
}
