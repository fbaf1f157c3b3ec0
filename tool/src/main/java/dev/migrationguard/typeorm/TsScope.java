package dev.migrationguard.typeorm;

import dev.migrationguard.model.Snapshot;
import dev.migrationguard.typescript.TsNode;
import dev.migrationguard.typescript.TypeScript;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What names mean in the files of one snapshot, found lazily: a class, enum, type alias or constant declared in the file
 * or imported from a relative path (each other file parsed only when a name leads there, and once per run through
 * {@link TsSources}); and the value an expression certainly has (literals, constants, enum members), as
 * {@code String}, {@link BigDecimal}, {@code Boolean}, {@link #NULL}, {@code List}, {@code Map} or {@link Sql}.
 */
final class TsScope {
    private static final int MAX_DEPTH = 8;
    /** JavaScript's {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A function that returns SQL text ({@code default: () => 'now()'}). */
    record Sql(String text) {
    }

    /** A declaration with the file it lives in. */
    record Found<T>(T node, TsNode.Module module, String path) {
    }

    private final TsSources sources;
    private final Snapshot side;

    TsScope(TsSources sources, Snapshot side) {
        this.sources = sources;
        this.side = side;
    }

    Optional<Found<TsNode.ClassDecl>> classNamed(String name, TsNode.Module module, String path) {
        return find(name, module, path, 0, (m, n) -> TsSources.classNamed(m, n));
    }

    <T extends TsNode> Optional<Found<T>> declared(Class<T> kind, String name, TsNode.Module module, String path) {
        return find(name, module, path, 0, (m, n) -> m.declared(kind, n));
    }

    private interface Lookup<T> {
        Optional<T> in(TsNode.Module module, String name);
    }

    /** Declared in the file, else imported from a relative path (following re-imports a few files deep). */
    private <T> Optional<Found<T>> find(String name, TsNode.Module module, String path, int depth, Lookup<T> lookup) {
        if (name == null || module == null || depth > MAX_DEPTH) return Optional.empty();
        Optional<T> local = lookup.in(module, name);
        if (local.isPresent()) return Optional.of(new Found<>(local.get(), module, path));
        Optional<TsNode.ImportedName> imported = module.importOf(name);
        if (imported.isEmpty()) return reexported(name, module, path, depth, lookup);
        Optional<String> file = sources.resolveImport(side, path, imported.get().source());
        if (file.isEmpty()) return Optional.empty();
        Optional<TypeScript.Parsed> parsed = sources.parse(side, file.get());
        if (parsed.isEmpty() || parsed.get().module() == null) return Optional.empty();
        String exported = imported.get().name().equals("default") || imported.get().name().equals("*")
                ? name : imported.get().name();
        return find(exported, parsed.get().module(), file.get(), depth + 1, lookup);
    }

    /**
     * A name a barrel file passes on ({@code export * from './user'}, {@code export { User } from './user'}): looked for
     * in each file it re-exports from, in order.
     */
    private <T> Optional<Found<T>> reexported(String name, TsNode.Module module, String path, int depth,
                                              Lookup<T> lookup) {
        for (TsNode n : module.body()) {
            if (!(n instanceof TsNode.Other o) || !o.kind().equals("ExportAll") && !o.kind().equals("NamedExport")) {
                continue;
            }
            for (TsNode c : o.children()) {
                if (!(c instanceof TsNode.Str source)) continue;
                Optional<String> file = sources.resolveImport(side, path, source.value());
                Optional<TypeScript.Parsed> parsed = file.flatMap(f -> sources.parse(side, f));
                if (parsed.isEmpty() || parsed.get().module() == null) continue;
                Optional<Found<T>> found = find(name, parsed.get().module(), file.get(), depth + 1, lookup);
                if (found.isPresent()) return found;
            }
        }
        return Optional.empty();
    }

    /** The value {@code n} certainly has in {@code module}, or empty when it cannot be told without running code. */
    Optional<Object> value(TsNode n, TsNode.Module module, String path) {
        return value(n, module, path, 0);
    }

    private Optional<Object> value(TsNode n, TsNode.Module module, String path, int depth) {
        if (n == null || depth > 20) return Optional.empty();
        if (n instanceof TsNode.Str s) return Optional.of(s.value());
        if (n instanceof TsNode.Num num) return number(num.text()).map(v -> v);
        if (n instanceof TsNode.Bool b) return Optional.of(b.value());
        if (n instanceof TsNode.Null) return Optional.of(NULL);
        if (n instanceof TsNode.Template t) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < t.quasis().size(); i++) {
                b.append(t.quasis().get(i));
                if (i < t.exprs().size()) {
                    Optional<Object> part = value(t.exprs().get(i), module, path, depth + 1);
                    if (part.isEmpty() || !(part.get() instanceof String || part.get() instanceof BigDecimal)) {
                        return Optional.empty();
                    }
                    b.append(text(part.get()));
                }
            }
            return Optional.of(b.toString());
        }
        if (n instanceof TsNode.Unary u && u.op().equals("-")) {
            return value(u.arg(), module, path, depth + 1).filter(v -> v instanceof BigDecimal)
                    .map(v -> ((BigDecimal) v).negate());
        }
        if (n instanceof TsNode.Binary b && b.op().equals("+")) {
            Optional<Object> l = value(b.left(), module, path, depth + 1);
            Optional<Object> r = value(b.right(), module, path, depth + 1);
            if (l.isEmpty() || r.isEmpty()) return Optional.empty();
            if (l.get() instanceof BigDecimal x && r.get() instanceof BigDecimal y) return Optional.of(x.add(y));
            if (l.get() instanceof String || r.get() instanceof String) return Optional.of(text(l.get()) + text(r.get()));
            return Optional.empty();
        }
        if (n instanceof TsNode.Ident id) return constant(id.name(), module, path, depth);
        if (n instanceof TsNode.Member m && m.property() != null && m.object() instanceof TsNode.Ident owner) {
            Optional<Found<TsNode.Enum>> e = declared(TsNode.Enum.class, owner.name(), module, path);
            if (e.isPresent()) {
                Map<String, Object> members = enumMembers(e.get());
                return Optional.ofNullable(members.get(m.property()));
            }
            return constant(owner.name(), module, path, depth).filter(v -> v instanceof Map<?, ?>)
                    .map(v -> ((Map<?, ?>) v).get(m.property()));
        }
        if (n instanceof TsNode.Arr a) {
            List<Object> items = new ArrayList<>();
            for (TsNode item : a.items()) {
                Optional<Object> v = value(item, module, path, depth + 1);
                if (v.isEmpty()) return Optional.empty();
                items.add(v.get());
            }
            return Optional.of(items);
        }
        if (n instanceof TsNode.Obj o) {
            Map<String, Object> props = new LinkedHashMap<>();
            for (TsNode.Prop p : o.props()) {
                Optional<Object> v = value(p.value(), module, path, depth + 1);
                if (p.key() == null || v.isEmpty()) return Optional.empty();
                props.put(p.key(), v.get());
            }
            return Optional.of(props);
        }
        if (n instanceof TsNode.Function f && f.body().statements().size() == 1
                && f.body().statements().get(0) instanceof TsNode.Return r) {
            return value(r.value(), module, path, depth + 1).filter(v -> v instanceof String).map(v -> new Sql((String) v));
        }
        if (n instanceof TsNode.Call c && c.callee() instanceof TsNode.Member m && "values".equals(m.property())
                && m.object() instanceof TsNode.Ident o && o.name().equals("Object") && c.args().size() == 1
                && c.args().get(0) instanceof TsNode.Ident e) {
            // Object.values of a string enum is its values; a numeric one adds its reverse mapping, left unknown.
            return enumValues(e.name(), module, path).filter(vs -> vs.stream().allMatch(v -> v instanceof String))
                    .map(vs -> vs);
        }
        return Optional.empty();
    }

    private Optional<Object> constant(String name, TsNode.Module module, String path, int depth) {
        return declared(TsNode.Var.class, name, module, path)
                .flatMap(f -> value(f.node().init(), f.module(), f.path(), depth + 1));
    }

    /** The values of the enum of that name, in declaration order (as TypeORM lists an {@code enum} option's values). */
    Optional<List<Object>> enumValues(String name, TsNode.Module module, String path) {
        Optional<Found<TsNode.Enum>> e = declared(TsNode.Enum.class, name, module, path);
        if (e.isEmpty()) return Optional.empty();
        Map<String, Object> members = enumMembers(e.get());
        if (members.size() != e.get().node().members().size()) return Optional.empty();
        return Optional.of(new ArrayList<>(members.values()));
    }

    /**
     * Each member's value: its initialiser's, or the previous number plus one (0 first). A member whose value cannot be
     * told is left out, and so is every member numbered after it.
     */
    Map<String, Object> enumMembers(Found<TsNode.Enum> e) {
        Map<String, Object> out = new LinkedHashMap<>();
        BigDecimal next = BigDecimal.ZERO;
        for (TsNode.EnumMember m : e.node().members()) {
            Object v;
            if (m.init() == null) {
                if (next == null) continue;
                v = next;
            } else {
                v = value(m.init(), e.module(), e.path()).orElse(null);
            }
            if (v instanceof BigDecimal d) next = d.add(BigDecimal.ONE);
            else next = null;
            if (v instanceof BigDecimal || v instanceof String) out.put(m.name(), v);
        }
        return out;
    }

    /** A numeric literal's value, as JavaScript reads it ({@code 0x10}, {@code 1_000}, {@code 1e3}). */
    static Optional<BigDecimal> number(String raw) {
        String t = raw.replace("_", "").strip();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) return Optional.of(new BigDecimal(new java.math.BigInteger(t.substring(2), 16)));
            if (t.startsWith("0b") || t.startsWith("0B")) return Optional.of(new BigDecimal(new java.math.BigInteger(t.substring(2), 2)));
            if (t.startsWith("0o") || t.startsWith("0O")) return Optional.of(new BigDecimal(new java.math.BigInteger(t.substring(2), 8)));
            return Optional.of(new BigDecimal(t));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A value as JavaScript's {@code String(v)} writes it: numbers without trailing zeros. */
    static String text(Object v) {
        if (v instanceof BigDecimal d) {
            BigDecimal s = d.stripTrailingZeros();
            return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
        }
        return String.valueOf(v);
    }

    /** A value as {@code JSON.stringify} writes it; empty for an SQL function. */
    static Optional<String> json(Object v) {
        if (v instanceof String s) return Optional.of('"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        if (v instanceof BigDecimal || v instanceof Boolean || v == NULL) return Optional.of(text(v));
        if (v instanceof List<?> items) {
            List<String> parts = new ArrayList<>();
            for (Object i : items) {
                Optional<String> p = json(i);
                if (p.isEmpty()) return Optional.empty();
                parts.add(p.get());
            }
            return Optional.of("[" + String.join(",", parts) + "]");
        }
        if (v instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            for (var e : map.entrySet()) {
                Optional<String> p = json(e.getValue());
                if (p.isEmpty()) return Optional.empty();
                parts.add(json(e.getKey()).orElseThrow() + ":" + p.get());
            }
            return Optional.of("{" + String.join(",", parts) + "}");
        }
        return Optional.empty();
    }
}
