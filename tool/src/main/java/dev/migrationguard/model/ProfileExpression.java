package dev.migrationguard.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Spring's profile expressions ({@code spring.config.activate.on-profile}, {@code @Profile}): names, {@code !},
 * {@code &}, {@code |}, parentheses; a comma between whole ones, any of which may hold. Names compare in lower case.
 */
public final class ProfileExpression {
    /** The names a project gives its production profile, one way or the other. */
    public static final Set<String> PRODUCTION = Set.of("prod", "production");
    /** Other profiles an expression may name for {@link #holdsInSome} to try each mix of them (2^10 evaluations). */
    private static final int MAX_FREE = 10;
    private final List<String> tokens;
    private final Set<String> active;
    private int at;

    private ProfileExpression(List<String> tokens, Set<String> active) {
        this.tokens = tokens;
        this.active = active;
    }

    public static boolean isOperator(String token) {
        return token.length() == 1 && "!&|(),".contains(token);
    }

    /** The tokens of the expression, names in lower case. */
    public static List<String> tokens(String expression) {
        List<String> out = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        for (char c : expression.toCharArray()) {
            if ("!&|(),".indexOf(c) >= 0 || Character.isWhitespace(c)) {
                if (!name.isEmpty()) out.add(name.toString().toLowerCase(Locale.ROOT));
                name.setLength(0);
                if (!Character.isWhitespace(c)) out.add(String.valueOf(c));
            } else {
                name.append(c);
            }
        }
        if (!name.isEmpty()) out.add(name.toString().toLowerCase(Locale.ROOT));
        return out;
    }

    /**
     * Whether the expressions hold in some run that has every profile of {@code required} active and none of
     * {@code excluded}, whatever the other profiles they name (each active or not); null when they cannot be read, or
     * name too many other profiles to try every mix. Names in lower case.
     */
    public static Boolean holdsInSome(String expression, Set<String> required, Set<String> excluded) {
        List<String> tokens = tokens(expression);
        List<String> free = tokens.stream()
                .filter(t -> !isOperator(t) && !required.contains(t) && !excluded.contains(t)).distinct().toList();
        if (free.size() > MAX_FREE) return null;
        for (int mix = 0; mix < 1 << free.size(); mix++) {
            Set<String> active = new HashSet<>(required);
            for (int i = 0; i < free.size(); i++) {
                if ((mix & 1 << i) != 0) active.add(free.get(i));
            }
            Boolean holds = matches(tokens, active);
            if (holds == null || holds) return holds;
        }
        return false;
    }

    /** Whether the expressions hold with these profiles active (lower case); null when they cannot be read. */
    public static Boolean matches(List<String> tokens, Set<String> active) {
        ProfileExpression e = new ProfileExpression(tokens, active);
        try {
            boolean any = false;
            do {
                any |= e.expression();
            } while (e.accept(","));
            return e.at == tokens.size() ? any : null;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** Operands joined by {@code &} or by {@code |}, which Spring does not let mix without parentheses. */
    private boolean expression() {
        boolean value = unary();
        String joiner = null;
        while (at < tokens.size() && (tokens.get(at).equals("&") || tokens.get(at).equals("|"))) {
            String op = tokens.get(at++);
            if (joiner != null && !joiner.equals(op)) throw new IllegalArgumentException("mixed & and |");
            joiner = op;
            boolean right = unary();
            value = op.equals("&") ? value && right : value || right;
        }
        return value;
    }

    private boolean unary() {
        if (at >= tokens.size()) throw new IllegalArgumentException("an operand is missing");
        String t = tokens.get(at++);
        if (t.equals("!")) return !unary();
        if (t.equals("(")) {
            boolean inner = expression();
            if (!accept(")")) throw new IllegalArgumentException("a parenthesis is not closed");
            return inner;
        }
        if (isOperator(t)) throw new IllegalArgumentException("an operand is missing before " + t);
        return active.contains(t);
    }

    private boolean accept(String token) {
        if (at < tokens.size() && tokens.get(at).equals(token)) {
            at++;
            return true;
        }
        return false;
    }
}
