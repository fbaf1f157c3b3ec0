package dev.migrationguard.liquibase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Liquibase's expressions over names, as its {@code ExpressionMatcher} reads a changeSet's context expression and a
 * run's label filter: a comma is "or", and {@code and}, {@code or}, {@code not} / {@code !} and parentheses combine
 * names, compared without case.
 */
final class Expression {
    private Expression() {
    }

    /**
     * Whether the expression holds when {@code named} says which names are set (given in lower case); true for an
     * empty expression, empty when it cannot be read.
     */
    static Optional<Boolean> holds(String expression, Predicate<String> named) {
        List<String> tokens = tokens(expression);
        if (tokens.isEmpty()) return Optional.of(true);
        var parser = new Parser(tokens, named);
        try {
            boolean value = parser.anyOf();
            return parser.done() ? Optional.of(value) : Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** Whether Liquibase could read it: what cannot be read is never taken to leave anything out. */
    static boolean readable(String expression) {
        return holds(expression, name -> true).isPresent();
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
    private static final class Parser {
        private final List<String> tokens;
        private final Predicate<String> named;
        private int at;

        Parser(List<String> tokens, Predicate<String> named) {
            this.tokens = tokens;
            this.named = named;
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
                    return named.test(t);
                }
            }
        }
    }
}
