package dev.migrationguard.liquibase;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The label filter production runs Liquibase with, and whether it lets a changeSet run there. Liquibase's labels go
 * the other way round from its contexts: a changeSet carries a list of labels, and the run an expression over them
 * ({@link Expression}: {@code !faker and prod}). A changeSet that carries no label runs whatever the filter, and a run
 * with no filter runs every changeSet; the labels of each include on the way to a changeSet must pass the filter on
 * their own, as the changeSet's own do.
 *
 * @param expression the filter as written; blank for none
 * @param said       whether the configuration says it ({@code liquibase.production-labels}); otherwise Spring
 *                   Boot's production settings may
 */
record LabelFilter(String expression, boolean said) {
    /** Nothing says the filter: production is taken to run every changeSet, whatever its labels. */
    static final LabelFilter UNSAID = new LabelFilter("", false);

    LabelFilter {
        expression = expression == null ? "" : expression.strip();
    }

    /**
     * The filter the configuration writes: each entry an expression, any of which lets a changeSet run (Liquibase
     * reads a comma between them as "or"); none means production runs Liquibase without a filter.
     */
    static LabelFilter of(List<String> production) {
        return new LabelFilter(String.join(", ", production.stream().map(String::strip)
                .filter(e -> !e.isEmpty()).toList()), true);
    }

    /** Spring Boot's {@code spring.liquibase.label-filter} of production, as written. */
    static LabelFilter spring(String expression) {
        return new LabelFilter(expression, false);
    }

    /** Whether Liquibase could read the filter: one it cannot is never taken to leave a changeSet out. */
    boolean readable() {
        return Expression.readable(expression);
    }

    /**
     * The first of these label lists (comma-separated, as written on the includes that reach a changeSet, outermost
     * first, then on the changeSet) that the filter leaves out; empty when it lets every one run, or cannot be read.
     */
    Optional<String> leavesOut(List<String> labelLists) {
        if (expression.isEmpty()) return Optional.empty();
        for (String written : labelLists) {
            Set<String> labels = labels(written);
            if (labels.isEmpty()) continue;
            Optional<Boolean> passes = Expression.holds(expression, labels::contains);
            if (passes.isEmpty()) return Optional.empty();
            if (!passes.get()) return Optional.of(written.strip());
        }
        return Optional.empty();
    }

    /** A label list's names, in lower case; {@code @}, which marks a label as required, is no part of the name. */
    private static Set<String> labels(String written) {
        Set<String> out = new HashSet<>();
        for (String raw : written.split(",")) {
            String label = raw.strip().toLowerCase(Locale.ROOT);
            if (label.startsWith("@")) label = label.substring(1).strip();
            if (!label.isEmpty()) out.add(label);
        }
        return out;
    }
}
