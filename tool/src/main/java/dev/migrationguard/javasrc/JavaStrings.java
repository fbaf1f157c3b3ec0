package dev.migrationguard.javasrc;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import dev.migrationguard.model.ParseProblem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The strings a Java file builds: its string literals and text blocks, and whole concatenations of them with the
 * string constants of the same file substituted. What a Flyway Java migration hands its JDBC template, read without
 * the reader ever seeing JavaParser's tree.
 */
public final class JavaStrings {
    /** Stands for a part of a concatenation that cannot be evaluated (a call, a variable of another file). */
    public static final String UNKNOWN = "mg_unknown_expr";

    /** What was read: the strings, in the order found, or the problem that stopped the parser. */
    public record Result(List<String> strings, ParseProblem problem) {
    }

    private JavaStrings() {
    }

    public static Result of(String path, String source) {
        JavaSources.Parsed parsed = JavaSources.parse(JavaSources.newParser(), path, source);
        if (!parsed.ok()) return new Result(List.of(), parsed.problem());
        CompilationUnit unit = parsed.unit();
        Map<String, String> constants = constants(unit);
        Set<Node> consumed = Collections.newSetFromMap(new IdentityHashMap<>());
        List<String> strings = new ArrayList<>();
        for (BinaryExpr plus : unit.findAll(BinaryExpr.class, b -> b.getOperator() == BinaryExpr.Operator.PLUS
                && !(b.getParentNode().orElse(null) instanceof BinaryExpr parent
                && parent.getOperator() == BinaryExpr.Operator.PLUS))) {
            List<Expression> leaves = new ArrayList<>();
            flatten(plus, leaves);
            if (leaves.stream().noneMatch(JavaStrings::isText)) continue;
            StringBuilder text = new StringBuilder();
            for (Expression leaf : leaves) {
                if (isText(leaf)) consumed.add(leaf);
                text.append(valueOf(leaf, constants));
            }
            strings.add(text.toString());
        }
        for (Expression literal : unit.findAll(Expression.class, JavaStrings::isText)) {
            if (!consumed.contains(literal)) strings.add(valueOf(literal, constants));
        }
        return new Result(strings, null);
    }

    private static Map<String, String> constants(CompilationUnit unit) {
        Map<String, String> constants = new HashMap<>();
        for (FieldDeclaration field : unit.findAll(FieldDeclaration.class)) {
            for (var v : field.getVariables()) {
                v.getInitializer().filter(JavaStrings::isText)
                        .ifPresent(init -> constants.put(v.getNameAsString(), textOf(init)));
            }
        }
        return constants;
    }

    private static void flatten(Expression e, List<Expression> leaves) {
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            flatten(b.getLeft(), leaves);
            flatten(b.getRight(), leaves);
        } else if (e.isEnclosedExpr()) {
            flatten(e.asEnclosedExpr().getInner(), leaves);
        } else {
            leaves.add(e);
        }
    }

    private static boolean isText(Node e) {
        return e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr;
    }

    private static String textOf(Expression e) {
        try {
            if (e instanceof TextBlockLiteralExpr tb) return tb.asString();
            return ((StringLiteralExpr) e).asString();
        } catch (RuntimeException bad) {
            return e instanceof StringLiteralExpr s ? s.getValue() : "";
        }
    }

    private static String valueOf(Expression e, Map<String, String> constants) {
        if (isText(e)) return textOf(e);
        if (e instanceof NameExpr n && constants.containsKey(n.getNameAsString())) {
            return constants.get(n.getNameAsString());
        }
        if (e.isIntegerLiteralExpr() || e.isLongLiteralExpr()) return e.toString();
        return UNKNOWN;
    }
}
