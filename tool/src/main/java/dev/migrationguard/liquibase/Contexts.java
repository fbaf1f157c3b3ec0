package dev.migrationguard.liquibase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The contexts production runs Liquibase with, and whether a changeSet's context expressions let it run there.
 * Liquibase runs a changeSet when its expression holds for the run's contexts: a comma is "or", and {@code and},
 * {@code or}, {@code not} / {@code !} and parentheses combine names. A run given no context at all runs every
 * changeSet.
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
            Optional<Boolean> holds = holds(e);
            if (holds.isEmpty()) return Optional.empty();
            if (!holds.get()) return Optional.of(false);
        }
        return Optional.of(true);
    }

    private Optional<Boolean> holds(String expression) {
        List<String> tokens = tokens(expression);
        if (tokens.isEmpty()) return Optional.of(true);
        var parser = new Parser(tokens);
        try {
            boolean value = parser.anyOf();
            return parser.done() ? Optional.of(value) : Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static List<String> tokens(String expression) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char c : expression.toCharArray()) {
            if (c == '(' || c == ')' || c == '!' || c == ',' || Character.isWhitespace(c)) {
                if (!word.isEmpty()) out.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
                if (!Character.isWhitespace(c)) out.add(String.valueOf(c));
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) out.add(word.toString().toLowerCase(Locale.ROOT));
        return out;
    }

    /** Comma and {@code or} bind loosest, then {@code and}, then {@code not}. */
    private final class Parser {
        private final List<String> tokens;
        private int at;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        boolean done() {
            return at == tokens.size();
        }

        boolean anyOf() {
            boolean value = allOf();
            while (!done() && (tokens.get(at).equals(",") || tokens.get(at).equals("or"))) {
                at++;
                value |= allOf();
            }
            return value;
        }

        private boolean allOf() {
            boolean value = single();
            while (!done() && tokens.get(at).equals("and")) {
                at++;
                value &= single();
            }
            return value;
        }

        private boolean single() {
            if (done()) throw new IllegalStateException("expression ends early");
            String t = tokens.get(at++);
            switch (t) {
                case "!", "not" -> {
                    return !single();
                }
                case "(" -> {
                    boolean value = anyOf();
                    if (done() || !tokens.get(at).equals(")")) throw new IllegalStateException("unclosed");
                    at++;
                    return value;
                }
                case ")", ",", "and", "or" -> throw new IllegalStateException("unexpected " + t);
                default -> {
                    return active.test(t);
                }
            }
        }
    }
}
