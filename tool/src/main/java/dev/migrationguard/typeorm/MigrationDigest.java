package dev.migrationguard.typeorm;

import dev.migrationguard.model.Digests;
import dev.migrationguard.typescript.TsNode;

/**
 * The checksum of a TypeORM migration: neither runner keeps one, so it stands for what TypeORM runs. It is taken over
 * the syntax trees of {@code up()} and {@code down()} and the {@code transaction} property, never over the text: a
 * formatting pass (quotes, semicolons, line breaks, trailing commas, parentheses), comments, the imports and the name of
 * an unused parameter leave it unchanged; a changed, added, removed or reordered statement changes it.
 */
final class MigrationDigest {
    private MigrationDigest() {
    }

    static String of(MigrationClass migration) {
        StringBuilder b = new StringBuilder("typeorm-migration:1\n");
        for (String side : new String[]{"up", "down"}) {
            TsNode.Method m = migration.method(side);
            b.append(side).append(':');
            if (m != null && m.body() != null) canonical(m.body(), b);
            b.append('\n');
        }
        TsNode.Field transaction = MigrationClass.field(migration.decl(), "transaction");
        b.append("transaction:");
        if (transaction != null) canonical(transaction.value(), b);
        return Digests.sha256(b.toString());
    }

    /**
     * Each node in walk order with its kind, what it holds besides its children and the number of its children: that
     * pre-order, with the counts, gives back the tree, and holds no position.
     */
    static void canonical(TsNode root, StringBuilder b) {
        root.walk(n -> {
            b.append('(').append(n.getClass().getSimpleName());
            b.append(' ').append(scalars(n));
            long children = n.children().stream().filter(c -> c != null).count();
            b.append(' ').append(children).append(')');
        });
    }

    /** What a node holds besides its children, each value prefixed by its length so that no two lists collide. */
    private static String scalars(TsNode n) {
        StringBuilder b = new StringBuilder();
        if (n instanceof TsNode.Str s) quoted(s.value(), b);
        else if (n instanceof TsNode.Template t) t.quasis().forEach(q -> quoted(q, b));
        else if (n instanceof TsNode.Num num) quoted(num.text(), b);
        else if (n instanceof TsNode.Bool bool) quoted(String.valueOf(bool.value()), b);
        else if (n instanceof TsNode.Ident id) quoted(id.name(), b);
        else if (n instanceof TsNode.Member m) quoted(String.valueOf(m.property()), b);
        else if (n instanceof TsNode.Binary bin) quoted(bin.op(), b);
        else if (n instanceof TsNode.Unary u) quoted(u.op(), b);
        else if (n instanceof TsNode.Other o) quoted(o.kind(), b);
        else if (n instanceof TsNode.Var v) quoted(v.name(), b);
        else if (n instanceof TsNode.Prop p) quoted(String.valueOf(p.key()), b);
        else if (n instanceof TsNode.Function f) f.params().forEach(p -> quoted(p, b));
        else if (n instanceof TsNode.Method m) quoted(m.name(), b);
        else if (n instanceof TsNode.Decorator d) quoted(d.name(), b);
        else if (n instanceof TsNode.ClassDecl c) quoted(String.valueOf(c.name()), b);
        else if (n instanceof TsNode.Field f) quoted(f.name(), b);
        return b.toString();
    }

    private static void quoted(String s, StringBuilder b) {
        b.append(s.length()).append(':').append(s).append(' ');
    }
}
