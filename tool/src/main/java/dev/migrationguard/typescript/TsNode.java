package dev.migrationguard.typescript;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A TypeScript syntax tree reduced to what the TypeORM readers need, free of any parser's types: declarations,
 * decorators, statements and the expressions that carry literal values. Anything else is an {@link Other} that keeps
 * its children, so a walk still sees every call inside it. Every node knows its 1-based line and column.
 */
public sealed interface TsNode {
    int line();

    int column();

    /** The direct children, in source order where the parser keeps it. */
    List<TsNode> children();

    /**
     * Visits this node and every node below it, depth first, in source order. Iterative: a tree as deep as the parser
     * accepts (thousands of chained operators) must not overflow the caller's stack.
     */
    default void walk(Consumer<TsNode> visitor) {
        Deque<TsNode> pending = new ArrayDeque<>();
        pending.push(this);
        while (!pending.isEmpty()) {
            TsNode n = pending.pop();
            visitor.accept(n);
            List<TsNode> children = n.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                if (children.get(i) != null) pending.push(children.get(i));
            }
        }
    }

    /** A whole file: its imports and its top-level statements (exports unwrapped into what they declare). */
    record Module(int line, int column, List<Import> imports, List<TsNode> body) implements TsNode {
        public List<TsNode> children() {
            List<TsNode> all = new ArrayList<>(imports);
            all.addAll(body);
            return all;
        }

        /** Every class declared at any depth, including class expressions. */
        public List<ClassDecl> classes() {
            List<ClassDecl> out = new ArrayList<>();
            walk(n -> {
                if (n instanceof ClassDecl c) out.add(c);
            });
            return out;
        }

        /** A top-level declaration of that name and kind ({@link Enum}, {@link TypeAlias}, {@link Var}), if any. */
        public <T extends TsNode> Optional<T> declared(Class<T> kind, String name) {
            for (TsNode n : body) {
                if (kind.isInstance(n) && name.equals(declaredName(n))) return Optional.of(kind.cast(n));
            }
            return Optional.empty();
        }

        private static String declaredName(TsNode n) {
            if (n instanceof Enum e) return e.name();
            if (n instanceof TypeAlias a) return a.name();
            if (n instanceof Var v) return v.name();
            if (n instanceof ClassDecl c) return c.name();
            return null;
        }

        /** The module a local name was imported from, and the name it has there. */
        public Optional<ImportedName> importOf(String localName) {
            for (Import i : imports) {
                for (var e : i.names()) {
                    if (e.local().equals(localName)) return Optional.of(new ImportedName(i.source(), e.imported()));
                }
            }
            return Optional.empty();
        }
    }

    record ImportedName(String source, String name) {
    }

    /** {@code import { a as b } from 'x'}: local names mapped to imported names ({@code *} and {@code default}). */
    record Import(int line, int column, String source, List<Binding> names) implements TsNode {
        public List<TsNode> children() {
            return List.of();
        }
    }

    record Binding(String local, String imported) {
    }

    record ClassDecl(int line, int column, String name, List<Decorator> decorators, List<String> implementsNames,
                     TsNode superClass, List<TsNode> members) implements TsNode {
        public List<TsNode> children() {
            List<TsNode> all = new ArrayList<>(decorators);
            if (superClass != null) all.add(superClass);
            all.addAll(members);
            return all;
        }
    }

    /** {@code @Name}, {@code @Name(args)} or {@code @ns.Name(args)}: {@code name} is the last identifier. */
    record Decorator(int line, int column, String name, String qualifier, List<TsNode> args) implements TsNode {
        public List<TsNode> children() {
            return args;
        }
    }

    /**
     * A class property (or constructor parameter property) with its decorators and declared type: {@code typeName} is
     * the written type's name ({@code Team} for {@code Team[]}), {@code type} the whole type (null when none is written),
     * {@code optional} whether it is declared with {@code ?:}, {@code value} its initialiser (null when none): a
     * migration's {@code name = 'AddUser1700000000000'} and {@code transaction = false}. The initialiser is no child:
     * walks over declarations do not descend into it.
     */
    record Field(int line, int column, String name, List<Decorator> decorators, String typeName, TsType type,
                 boolean optional, boolean isStatic, TsNode value) implements TsNode {
        /** A property without an initialiser. */
        public Field(int line, int column, String name, List<Decorator> decorators, String typeName, TsType type,
                     boolean optional, boolean isStatic) {
            this(line, column, name, decorators, typeName, type, optional, isStatic, null);
        }

        public List<TsNode> children() {
            return List.copyOf(decorators);
        }
    }

    /** A method, getter or setter; {@code body} is null for an abstract or overload signature. */
    record Method(int line, int column, String name, List<Decorator> decorators, Block body, boolean isStatic)
            implements TsNode {
        public List<TsNode> children() {
            List<TsNode> all = new ArrayList<>(decorators);
            if (body != null) all.add(body);
            return all;
        }
    }

    /** A function or arrow: its body statements, or for an expression-bodied arrow, one return of it. */
    record Function(int line, int column, List<String> params, Block body) implements TsNode {
        public List<TsNode> children() {
            return List.of(body);
        }
    }

    record Block(int line, int column, List<TsNode> statements) implements TsNode {
        public List<TsNode> children() {
            return statements;
        }
    }

    record Return(int line, int column, TsNode value) implements TsNode {
        public List<TsNode> children() {
            return value == null ? List.of() : List.of(value);
        }
    }

    record Throw(int line, int column, TsNode value) implements TsNode {
        public List<TsNode> children() {
            return List.of(value);
        }
    }

    record ExprStmt(int line, int column, TsNode expr) implements TsNode {
        public List<TsNode> children() {
            return List.of(expr);
        }
    }

    /** {@code const name = init} (one declarator; a declaration of several becomes several). */
    record Var(int line, int column, String name, TsNode init) implements TsNode {
        public List<TsNode> children() {
            return init == null ? List.of() : List.of(init);
        }
    }

    record Str(int line, int column, String value) implements TsNode {
        public List<TsNode> children() {
            return List.of();
        }
    }

    /** A template literal: {@code quasis} has one more entry than {@code exprs}. */
    record Template(int line, int column, List<String> quasis, List<TsNode> exprs) implements TsNode {
        public List<TsNode> children() {
            return exprs;
        }
    }

    record Num(int line, int column, String text) implements TsNode {
        public List<TsNode> children() {
            return List.of();
        }
    }

    record Bool(int line, int column, boolean value) implements TsNode {
        public List<TsNode> children() {
            return List.of();
        }
    }

    record Null(int line, int column) implements TsNode {
        public List<TsNode> children() {
            return List.of();
        }
    }

    record Ident(int line, int column, String name) implements TsNode {
        public List<TsNode> children() {
            return List.of();
        }
    }

    /** {@code object.property} or {@code object['property']}; {@code property} is null when computed otherwise. */
    record Member(int line, int column, TsNode object, String property) implements TsNode {
        public List<TsNode> children() {
            return List.of(object);
        }
    }

    record Call(int line, int column, TsNode callee, List<TsNode> args) implements TsNode {
        public List<TsNode> children() {
            List<TsNode> all = new ArrayList<>();
            all.add(callee);
            all.addAll(args);
            return all;
        }
    }

    record New(int line, int column, TsNode callee, List<TsNode> args) implements TsNode {
        public List<TsNode> children() {
            List<TsNode> all = new ArrayList<>();
            all.add(callee);
            all.addAll(args);
            return all;
        }
    }

    /** An object literal; spreads and computed keys are props with a null key. */
    record Obj(int line, int column, List<Prop> props) implements TsNode {
        public List<TsNode> children() {
            return List.copyOf(props);
        }

        public Optional<Prop> prop(String key) {
            return props.stream().filter(p -> key.equals(p.key())).reduce((a, b) -> b);
        }
    }

    /** One property of an object literal; a shorthand {@code { a }} has an {@link Ident} value. */
    record Prop(int line, int column, String key, TsNode value) implements TsNode {
        public List<TsNode> children() {
            return value == null ? List.of() : List.of(value);
        }
    }

    record Arr(int line, int column, List<TsNode> items) implements TsNode {
        public List<TsNode> children() {
            return items;
        }
    }

    record Binary(int line, int column, String op, TsNode left, TsNode right) implements TsNode {
        public List<TsNode> children() {
            return List.of(left, right);
        }
    }

    record Unary(int line, int column, String op, TsNode arg) implements TsNode {
        public List<TsNode> children() {
            return List.of(arg);
        }
    }

    record Conditional(int line, int column, TsNode test, TsNode then, TsNode otherwise) implements TsNode {
        public List<TsNode> children() {
            return List.of(test, then, otherwise);
        }
    }

    /** {@code enum Name { A, B = 'b' }} (also {@code const} and {@code declare} enums). */
    record Enum(int line, int column, String name, List<EnumMember> members) implements TsNode {
        public List<TsNode> children() {
            List<TsNode> all = new ArrayList<>();
            for (EnumMember m : members) if (m.init() != null) all.add(m.init());
            return all;
        }
    }

    /** One member of an enum; {@code init} is null when it has no initialiser. */
    record EnumMember(String name, TsNode init) {
    }

    /** {@code type Name = ...}. */
    record TypeAlias(int line, int column, String name, TsType type) implements TsNode {
        public List<TsNode> children() {
            return List.of();
        }
    }

    /** Any other syntax, by the parser's name for it, with its children. */
    record Other(int line, int column, String kind, List<TsNode> children) implements TsNode {
    }
}
