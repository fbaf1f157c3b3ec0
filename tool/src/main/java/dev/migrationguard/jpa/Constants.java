package dev.migrationguard.jpa;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.printer.DefaultPrettyPrinter;
import com.github.javaparser.printer.configuration.DefaultConfigurationOption;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration.ConfigOption;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads annotation attributes as canonical text: literals by value, {@code static final} constants of the same file
 * or of another file of the snapshot followed to their value, anything else as its expression text without comments
 * or layout.
 */
final class Constants {
    private static final int MAX_DEPTH = 8;
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(
            new DefaultPrinterConfiguration().removeOption(new DefaultConfigurationOption(ConfigOption.PRINT_COMMENTS)));

    private final SnapshotSources sources;

    Constants(SnapshotSources sources) {
        this.sources = sources;
    }

    /** The expression given for {@code name}; {@code value} also matches {@code @A(x)}. */
    static Optional<Expression> attribute(AnnotationExpr annotation, String name) {
        if (annotation instanceof SingleMemberAnnotationExpr single) {
            return name.equals("value") ? Optional.of(single.getMemberValue()) : Optional.empty();
        }
        if (annotation instanceof NormalAnnotationExpr normal) {
            for (MemberValuePair pair : normal.getPairs()) {
                if (pair.getNameAsString().equals(name)) return Optional.of(pair.getValue());
            }
        }
        return Optional.empty();
    }

    /** The elements of an array attribute; a single value stands for an array of one. */
    static List<Expression> elements(Expression value) {
        if (value instanceof ArrayInitializerExpr array) return new ArrayList<>(array.getValues());
        return List.of(value);
    }

    /** Expression text with comments dropped and whitespace collapsed. */
    static String text(Node node) {
        return PRINTER.print(node).replaceAll("\\s+", " ").strip();
    }

    /** The last identifier of an enum-like value: {@code EnumType.STRING} and {@code STRING} read alike. */
    static String enumName(Expression value) {
        if (value instanceof FieldAccessExpr access) return access.getNameAsString();
        if (value instanceof NameExpr name) return name.getNameAsString();
        return text(value);
    }

    /** The attribute's value as canonical text, or empty when the annotation does not give it. */
    Optional<String> value(ParsedSource source, AnnotationExpr annotation, String name) {
        return attribute(annotation, name).map(e -> resolve(source, e));
    }

    /**
     * The attribute's value when it is a literal or a constant that resolves to one ({@code String}, {@code Long} or
     * {@code Boolean}); empty when absent or when it depends on something the snapshot does not show.
     */
    Optional<Object> literal(ParsedSource source, AnnotationExpr annotation, String name) {
        return attribute(annotation, name).map(e -> evaluate(source, e, 0)).filter(v -> !(v instanceof Unresolved));
    }

    String resolve(ParsedSource source, Expression expression) {
        Object value = evaluate(source, expression, 0);
        return value instanceof Unresolved u ? u.text() : String.valueOf(value);
    }

    private Object evaluate(ParsedSource source, Expression e, int depth) {
        if (depth > MAX_DEPTH) return new Unresolved(text(e));
        if (e instanceof StringLiteralExpr s) return s.asString();
        if (e instanceof IntegerLiteralExpr i) return number(i.asNumber(), e);
        if (e instanceof LongLiteralExpr l) return number(l.asNumber(), e);
        if (e instanceof BooleanLiteralExpr b) return b.getValue();
        if (e instanceof EnclosedExpr en) return evaluate(source, en.getInner(), depth + 1);
        if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS
                && evaluate(source, u.getExpression(), depth + 1) instanceof Long n) {
            return -n;
        }
        if (e instanceof BinaryExpr bin) return binary(source, bin, depth);
        if (e instanceof NameExpr n) return constant(source, n, null, n.getNameAsString(), depth);
        if (e instanceof FieldAccessExpr f) return constant(source, f, f.getScope(), f.getNameAsString(), depth);
        return new Unresolved(text(e));
    }

    private static Object number(Number n, Expression e) {
        return n instanceof Long || n instanceof Integer ? Long.valueOf(n.longValue()) : new Unresolved(text(e));
    }

    private Object binary(ParsedSource source, BinaryExpr bin, int depth) {
        Object left = evaluate(source, bin.getLeft(), depth + 1);
        Object right = evaluate(source, bin.getRight(), depth + 1);
        if (left instanceof Long a && right instanceof Long b) {
            switch (bin.getOperator()) {
                case PLUS: return a + b;
                case MINUS: return a - b;
                case MULTIPLY: return a * b;
                case DIVIDE: return b == 0 ? new Unresolved(text(bin)) : a / b;
                default: return new Unresolved(text(bin));
            }
        }
        if (bin.getOperator() == BinaryExpr.Operator.PLUS && (left instanceof String || right instanceof String)
                && !(left instanceof Unresolved) && !(right instanceof Unresolved)) {
            return String.valueOf(left) + right;
        }
        return new Unresolved(text(bin));
    }

    /** A named constant: {@code NAME}, {@code Limits.NAME} or {@code pkg.Limits.NAME}. */
    private Object constant(ParsedSource source, Expression whole, Expression scope, String name, int depth) {
        Optional<Target> target = scope == null ? unqualified(source, whole, name) : qualified(source, scope, name);
        if (target.isEmpty()) return new Unresolved(text(whole));
        Target t = target.get();
        return evaluate(t.source(), t.initializer(), depth + 1);
    }

    private Optional<Target> unqualified(ParsedSource source, Node at, String name) {
        for (Node n = at.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration<?> type) {
                Optional<Target> found = inherited(source, type, name, 0);
                if (found.isPresent()) return found;
            }
        }
        String imported = source.imports().staticImport(name);
        if (imported == null) return Optional.empty();
        String owner = JpaImports.simpleName(imported.substring(0, imported.lastIndexOf('.')));
        return sources.findType(source, owner).flatMap(r -> field(r.source(), r.type(), name));
    }

    /** A field of the type or, as Java resolves a simple name, of a class it extends or an interface it implements. */
    private Optional<Target> inherited(ParsedSource source, TypeDeclaration<?> type, String name, int depth) {
        Optional<Target> own = field(source, type, name);
        if (own.isPresent() || depth >= MAX_DEPTH || !(type instanceof ClassOrInterfaceDeclaration c)) return own;
        List<ClassOrInterfaceType> supers = new ArrayList<>(c.getExtendedTypes());
        supers.addAll(c.getImplementedTypes());
        for (ClassOrInterfaceType s : supers) {
            Optional<SnapshotSources.TypeRef> parent = sources.findType(source, s.getNameAsString())
                    .filter(r -> r.type() != type);
            if (parent.isEmpty()) continue;
            Optional<Target> found = inherited(parent.get().source(), parent.get().type(), name, depth + 1);
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    private Optional<Target> qualified(ParsedSource source, Expression scope, String name) {
        List<String> parts = new ArrayList<>();
        for (Expression s = scope; s != null; ) {
            if (s instanceof FieldAccessExpr f) {
                parts.add(0, f.getNameAsString());
                s = f.getScope();
            } else if (s instanceof NameExpr n) {
                parts.add(0, n.getNameAsString());
                s = null;
            } else {
                return Optional.empty();
            }
        }
        // Package segments are lower case by convention; the first capitalised one names a type.
        int first = 0;
        while (first < parts.size() && !Character.isUpperCase(parts.get(first).charAt(0))) first++;
        if (first == parts.size()) return Optional.empty();
        Optional<SnapshotSources.TypeRef> type = sources.findType(source, parts.get(first));
        for (int i = first + 1; i < parts.size() && type.isPresent(); i++) {
            String nested = parts.get(i);
            SnapshotSources.TypeRef outer = type.get();
            type = outer.type().getMembers().stream()
                    .filter(m -> m instanceof TypeDeclaration<?> t && t.getNameAsString().equals(nested))
                    .findFirst()
                    .map(m -> new SnapshotSources.TypeRef(outer.source(), (TypeDeclaration<?>) m));
        }
        return type.flatMap(r -> field(r.source(), r.type(), name));
    }

    private static Optional<Target> field(ParsedSource source, TypeDeclaration<?> type, String name) {
        for (FieldDeclaration f : type.getFields()) {
            boolean constant = f.isFinal() || type.isClassOrInterfaceDeclaration()
                    && type.asClassOrInterfaceDeclaration().isInterface();
            if (!constant) continue;
            for (VariableDeclarator v : f.getVariables()) {
                if (v.getNameAsString().equals(name) && v.getInitializer().isPresent()) {
                    return Optional.of(new Target(source, v.getInitializer().get()));
                }
            }
        }
        return Optional.empty();
    }

    private record Target(ParsedSource source, Expression initializer) {
    }

    private record Unresolved(String text) {
    }
}
