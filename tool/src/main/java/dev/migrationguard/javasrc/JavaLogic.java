package dev.migrationguard.javasrc;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.migrationguard.model.ParseProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * What a Java class does, apart from how it is written: its method, constructor and initializer bodies and its field
 * initializers, printed by one printer without comments, imports, annotations or parameter lists, in a fixed order.
 * A formatting pass, a comment, an import or a parameter nobody reads leaves it unchanged; a changed, added, removed
 * or reordered statement does not.
 */
public final class JavaLogic {
    /**
     * @param logic            the canonical text, null when the file could not be parsed
     * @param declaredChecksum the literal an overridden {@code getChecksum()} returns, or null when it is not a literal
     *                         (or not overridden)
     */
    public record Result(String logic, String declaredChecksum, ParseProblem problem) {
    }

    private JavaLogic() {
    }

    public static Result of(String path, String source) {
        JavaSources.Parsed parsed = JavaSources.parse(JavaSources.newParser(), path, source);
        if (!parsed.ok()) return new Result(null, null, parsed.problem());
        try {
            return read(parsed.unit());
        } catch (StackOverflowError e) {
            return new Result(null, null, JavaSources.tooDeep(path));
        }
    }

    private static Result read(CompilationUnit unit) {
        List<String> members = new ArrayList<>();
        String declared = null;
        for (MethodDeclaration m : unit.findAll(MethodDeclaration.class)) {
            members.add(callable(m) + m.getBody().map(Object::toString).orElse(";"));
            if (m.getNameAsString().equals("getChecksum") && m.getParameters().isEmpty()) declared = literal(m);
        }
        for (ConstructorDeclaration c : unit.findAll(ConstructorDeclaration.class)) {
            members.add(callable(c) + c.getBody());
        }
        for (InitializerDeclaration i : unit.findAll(InitializerDeclaration.class)) {
            members.add((i.isStatic() ? "static " : "") + i.getBody());
        }
        for (FieldDeclaration f : unit.findAll(FieldDeclaration.class)) {
            for (var v : f.getVariables()) {
                members.add(v.getNameAsString() + v.getInitializer().map(e -> " = " + e).orElse(""));
            }
        }
        // the order of members does not change what the class does; the order of statements within one does
        members.sort(null);
        return new Result(String.join("\n", members), declared, null);
    }

    private static String callable(CallableDeclaration<?> c) {
        return c.getNameAsString() + " ";
    }

    /** The integer a {@code getChecksum()} made of one {@code return} of a literal gives, as Flyway would store it. */
    private static String literal(MethodDeclaration m) {
        var body = m.getBody().orElse(null);
        if (body == null || body.getStatements().size() != 1 || !(body.getStatement(0) instanceof ReturnStmt r)) {
            return null;
        }
        Expression e = r.getExpression().orElse(null);
        boolean negative = false;
        if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
            negative = true;
            e = u.getExpression();
        }
        Number n;
        if (e instanceof IntegerLiteralExpr i) n = i.asNumber();
        else if (e instanceof LongLiteralExpr l) n = l.asNumber();
        else return null;
        long value = n.longValue();
        return Long.toString(negative ? -value : value);
    }
}
