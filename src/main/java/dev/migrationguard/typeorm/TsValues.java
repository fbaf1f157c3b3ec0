package dev.migrationguard.typeorm;

import dev.migrationguard.typescript.TsNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Literal values of TypeScript expressions, and a canonical text of any expression for comparing two versions. */
final class TsValues {
    private TsValues() {
    }

    /**
     * The string an expression certainly evaluates to: string and template literals, concatenations of them, and
     * constants in {@code scope}. Unknown template parts become {@code placeholder}; empty when not a string at all.
     */
    static Optional<String> string(TsNode n, Map<String, TsNode> scope, String placeholder) {
        return string(n, scope, placeholder, 0);
    }

    private static Optional<String> string(TsNode n, Map<String, TsNode> scope, String placeholder, int depth) {
        if (n == null || depth > 20) return Optional.empty();
        if (n instanceof TsNode.Str s) return Optional.of(s.value());
        if (n instanceof TsNode.Num num) return Optional.of(num.text());
        if (n instanceof TsNode.Template t) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < t.quasis().size(); i++) {
                b.append(t.quasis().get(i));
                if (i < t.exprs().size()) {
                    b.append(string(t.exprs().get(i), scope, placeholder, depth + 1).orElse(placeholder));
                }
            }
            return Optional.of(b.toString());
        }
        if (n instanceof TsNode.Binary bin && bin.op().equals("+")) {
            Optional<String> l = string(bin.left(), scope, placeholder, depth + 1);
            Optional<String> r = string(bin.right(), scope, placeholder, depth + 1);
            if (l.isPresent() || r.isPresent()) return Optional.of(l.orElse(placeholder) + r.orElse(placeholder));
            return Optional.empty();
        }
        if (n instanceof TsNode.Ident id && scope.containsKey(id.name())) {
            return string(scope.get(id.name()), scope, placeholder, depth + 1);
        }
        if (n instanceof TsNode.Call c && c.callee() instanceof TsNode.Member m && "join".equals(m.property())
                && m.object() instanceof TsNode.Arr arr) {
            String sep = c.args().isEmpty() ? "," : string(c.args().get(0), scope, "", depth + 1).orElse(",");
            List<String> parts = new ArrayList<>();
            for (TsNode item : arr.items()) parts.add(string(item, scope, placeholder, depth + 1).orElse(placeholder));
            return Optional.of(String.join(sep, parts));
        }
        return Optional.empty();
    }

    /** A plain string literal (or a template without expressions). */
    static Optional<String> literalString(TsNode n) {
        if (n instanceof TsNode.Str s) return Optional.of(s.value());
        if (n instanceof TsNode.Template t && t.exprs().isEmpty()) return Optional.of(String.join("", t.quasis()));
        return Optional.empty();
    }

    /** Constants declared with a literal value in these statements: {@code const TABLE = 'team'}. */
    static Map<String, TsNode> constants(List<TsNode> statements) {
        Map<String, TsNode> scope = new TreeMap<>();
        for (TsNode s : statements) {
            if (s instanceof TsNode.Var v && v.init() != null) scope.put(v.name(), v.init());
        }
        return scope;
    }

    /**
     * Canonical text of an expression: literals as values, object keys sorted, functions by their returned value, so
     * that formatting, quotes and key order never make two versions differ.
     */
    static String canonical(TsNode n) {
        StringBuilder b = new StringBuilder();
        write(n, b, 0);
        return b.toString();
    }

    private static void write(TsNode n, StringBuilder b, int depth) {
        if (depth > 40) {
            b.append('…');
            return;
        }
        if (n == null) {
            b.append("undefined");
            return;
        }
        if (n instanceof TsNode.Str s) {
            b.append('\'').append(s.value()).append('\'');
            return;
        }
        if (n instanceof TsNode.Template t) {
            b.append('`');
            for (int i = 0; i < t.quasis().size(); i++) {
                b.append(t.quasis().get(i));
                if (i < t.exprs().size()) {
                    b.append("${");
                    write(t.exprs().get(i), b, depth + 1);
                    b.append('}');
                }
            }
            b.append('`');
            return;
        }
        if (n instanceof TsNode.Num num) {
            b.append(num.text());
            return;
        }
        if (n instanceof TsNode.Bool bool) {
            b.append(bool.value());
            return;
        }
        if (n instanceof TsNode.Null ignored) {
            b.append("null");
            return;
        }
        if (n instanceof TsNode.Ident id) {
            b.append(id.name());
            return;
        }
        if (n instanceof TsNode.Member m) {
            write(m.object(), b, depth + 1);
            b.append('.').append(m.property());
            return;
        }
        if (n instanceof TsNode.Call c) {
            write(c.callee(), b, depth + 1);
            list(c.args(), b, depth, "(", ")");
            return;
        }
        if (n instanceof TsNode.New c) {
            b.append("new ");
            write(c.callee(), b, depth + 1);
            list(c.args(), b, depth, "(", ")");
            return;
        }
        if (n instanceof TsNode.Arr a) {
            list(a.items(), b, depth, "[", "]");
            return;
        }
        if (n instanceof TsNode.Obj o) {
            TreeMap<String, TsNode> sorted = new TreeMap<>();
            int i = 0;
            for (TsNode.Prop p : o.props()) sorted.put(p.key() == null ? "…" + i++ : p.key(), p.value());
            b.append('{');
            boolean first = true;
            for (var e : sorted.entrySet()) {
                if (!first) b.append(',');
                first = false;
                b.append(e.getKey()).append(':');
                write(e.getValue(), b, depth + 1);
            }
            b.append('}');
            return;
        }
        if (n instanceof TsNode.Binary bin) {
            b.append('(');
            write(bin.left(), b, depth + 1);
            b.append(bin.op());
            write(bin.right(), b, depth + 1);
            b.append(')');
            return;
        }
        if (n instanceof TsNode.Unary u) {
            b.append(u.op()).append(' ');
            write(u.arg(), b, depth + 1);
            return;
        }
        if (n instanceof TsNode.Conditional c) {
            b.append('(');
            write(c.test(), b, depth + 1);
            b.append('?');
            write(c.then(), b, depth + 1);
            b.append(':');
            write(c.otherwise(), b, depth + 1);
            b.append(')');
            return;
        }
        if (n instanceof TsNode.Function f) {
            b.append("=>");
            list(f.body().statements(), b, depth, "{", "}");
            return;
        }
        if (n instanceof TsNode.Return r) {
            b.append("return ");
            write(r.value(), b, depth + 1);
            return;
        }
        if (n instanceof TsNode.Prop p) {
            b.append(p.key()).append(':');
            write(p.value(), b, depth + 1);
            return;
        }
        b.append(n.getClass().getSimpleName());
        if (n instanceof TsNode.Other o) b.append(':').append(o.kind());
        list(n.children(), b, depth, "(", ")");
    }

    private static void list(List<TsNode> items, StringBuilder b, int depth, String open, String close) {
        b.append(open);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) b.append(',');
            write(items.get(i), b, depth + 1);
        }
        b.append(close);
    }
}
