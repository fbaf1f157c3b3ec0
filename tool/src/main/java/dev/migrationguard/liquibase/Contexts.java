package dev.migrationguard.liquibase;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The contexts production runs Liquibase with, and whether a changeSet's context expressions let it run there.
 * Liquibase runs a changeSet when its expression ({@link Expression}) holds for the run's contexts. A run given no
 * context at all runs every changeSet.
 *
 * @param active whether production runs with a context of that name (lower case)
 * @param said   whether the configuration names production's contexts ({@code liquibase.production-contexts});
 *               otherwise production is taken to run with every context but the development and test ones
 */
record Contexts(Predicate<String> active, boolean said) {
    /** Contexts teams give data and changes meant for development and test databases only (JHipster's faker). */
    static final Set<String> DEVELOPMENT = Set.of("faker", "dev", "development", "test", "testing", "local", "e2e");

    /** Production runs with every context except {@link #DEVELOPMENT}'s. */
    static final Contexts ASSUMED = new Contexts(name -> !DEVELOPMENT.contains(name), false);

    /** The contexts the configuration names; none means production runs Liquibase without contexts. */
    static Contexts of(List<String> production) {
        if (production.isEmpty()) return new Contexts(name -> true, true);
        Set<String> names = Set.copyOf(production.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList());
        return new Contexts(names::contains, true);
    }

    /**
     * Whether production runs a changeSet whose context expressions (all must hold) are these: empty when an
     * expression cannot be read, which counts as running.
     */
    Optional<Boolean> runs(List<String> expressions) {
        for (String e : expressions) {
            Optional<Boolean> holds = Expression.holds(e, active);
            if (holds.isEmpty()) return Optional.empty();
            if (!holds.get()) return Optional.of(false);
        }
        return Optional.of(true);
    }
}
