package dev.migrationguard.typeorm;

import dev.migrationguard.typescript.TsNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Literal values of TypeScript expressions. */
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
}
