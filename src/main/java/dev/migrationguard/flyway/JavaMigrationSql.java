package dev.migrationguard.flyway;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import dev.migrationguard.javasrc.JavaSources;
import dev.migrationguard.model.Migration.Touch;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.sql.SqlTouchReader;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SQL a Java migration runs, found in its string literals, text blocks and concatenations (constants of the same
 * file substituted), and the tables that SQL touches.
 */
final class JavaMigrationSql {
    /** Stands for a part of a concatenation we cannot evaluate; touches naming it are dropped. */
    private static final String UNKNOWN = "mg_unknown_expr";
    private static final Pattern LOOKS_LIKE_SQL = Pattern.compile(
            "^\\s*(?:INSERT|UPDATE|DELETE|MERGE|UPSERT|REPLACE|TRUNCATE|RENAME|COMMENT|CREATE|ALTER|DROP|WITH)\\s",
            Pattern.CASE_INSENSITIVE);

    /** What was read: the touches, or the problem that stopped the parser. */
    record Result(List<Touch> touches, ParseProblem problem) {
    }

    private JavaMigrationSql() {
    }

    static Result read(String path, String source) {
        JavaSources.Parsed parsed = JavaSources.parse(JavaSources.newParser(), path, source);
        if (!parsed.ok()) return new Result(List.of(), parsed.problem());
        CompilationUnit unit = parsed.unit();
        Map<String, String> constants = constants(unit);
        Set<Node> consumed = Collections.newSetFromMap(new IdentityHashMap<>());
        List<String> candidates = new ArrayList<>();
        for (BinaryExpr plus : unit.findAll(BinaryExpr.class, b -> b.getOperator() == BinaryExpr.Operator.PLUS
                && !(b.getParentNode().orElse(null) instanceof BinaryExpr parent
                && parent.getOperator() == BinaryExpr.Operator.PLUS))) {
            List<Expression> leaves = new ArrayList<>();
            flatten(plus, leaves);
            if (leaves.stream().noneMatch(JavaMigrationSql::isText)) continue;
            StringBuilder sql = new StringBuilder();
            for (Expression leaf : leaves) {
                if (isText(leaf)) consumed.add(leaf);
                sql.append(valueOf(leaf, constants));
            }
            candidates.add(sql.toString());
        }
        for (Expression literal : unit.findAll(Expression.class, JavaMigrationSql::isText)) {
            if (!consumed.contains(literal)) candidates.add(valueOf(literal, constants));
        }
        Set<Touch> touches = new LinkedHashSet<>();
        for (String candidate : candidates) {
            if (!LOOKS_LIKE_SQL.matcher(candidate).find()) continue;
            for (Touch t : SqlTouchReader.touches(candidate)) {
                if (!t.table().contains(UNKNOWN) && (t.column() == null || !t.column().contains(UNKNOWN))) {
                    touches.add(t);
                }
            }
        }
        return new Result(new ArrayList<>(touches), null);
    }

    private static Map<String, String> constants(CompilationUnit unit) {
        Map<String, String> constants = new HashMap<>();
        for (FieldDeclaration field : unit.findAll(FieldDeclaration.class)) {
            for (var v : field.getVariables()) {
                v.getInitializer().filter(JavaMigrationSql::isText)
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
