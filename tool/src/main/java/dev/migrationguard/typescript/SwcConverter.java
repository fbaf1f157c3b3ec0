package dev.migrationguard.typescript;

import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstClass;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstClassMethod;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstClassProp;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstComputedPropName;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstDecorator;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstFunction;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstKeyValueProp;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstParam;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstArrowExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstAwaitExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstBinExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstCallExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstClassExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstCondExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstExprOrSpread;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstFnExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdent;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdentName;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstMemberExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstNewExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstParenExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTpl;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTsAsExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTsConstAssertion;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTsNonNullExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTsSatisfiesExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstUnaryExpr;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstArrayLit;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstBool;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstNull;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstNumber;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstObjectLit;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstStr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAst;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstTsEntityName;
import com.caoccao.javet.swc4j.ast.miscs.Swc4jAstTplElement;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDefaultDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDefaultExpr;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportDefaultSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportNamedSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportStarAsSpecifier;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstBindingIdent;
import com.caoccao.javet.swc4j.ast.program.Swc4jAstModule;
import com.caoccao.javet.swc4j.ast.program.Swc4jAstScript;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstBlockStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstClassDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstExprStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstReturnStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstThrowStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstVarDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstVarDeclarator;
import com.caoccao.javet.swc4j.ast.ts.Swc4jAstTsParamProp;
import com.caoccao.javet.swc4j.ast.ts.Swc4jAstTsQualifiedName;
import com.caoccao.javet.swc4j.ast.ts.Swc4jAstTsTypeAnn;
import com.caoccao.javet.swc4j.ast.ts.Swc4jAstTsTypeRef;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstConstructor;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstBigInt;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstTsType;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstTsEnumDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstTsTypeAliasDecl;
import com.caoccao.javet.swc4j.ast.ts.Swc4jAstTsArrayType;
import com.caoccao.javet.swc4j.ast.ts.Swc4jAstTsEnumMember;
import com.caoccao.javet.swc4j.ast.ts.Swc4jAstTsIntersectionType;
import com.caoccao.javet.swc4j.ast.ts.Swc4jAstTsKeywordType;
import com.caoccao.javet.swc4j.ast.ts.Swc4jAstTsLitType;
import com.caoccao.javet.swc4j.ast.ts.Swc4jAstTsParenthesizedType;
import com.caoccao.javet.swc4j.ast.ts.Swc4jAstTsTplLitType;
import com.caoccao.javet.swc4j.ast.ts.Swc4jAstTsTupleType;
import com.caoccao.javet.swc4j.ast.ts.Swc4jAstTsTypeOperator;
import com.caoccao.javet.swc4j.ast.ts.Swc4jAstTsUnionType;
import dev.migrationguard.typescript.TsNode.Decorator;

import java.util.ArrayList;
import java.util.List;

/** Turns SWC's syntax tree into {@link TsNode}s. The only class besides {@link SwcParser} that knows swc4j's AST. */
final class SwcConverter {
    private SwcConverter() {
    }

    static TsNode.Module module(ISwc4jAst program) {
        List<TsNode.Import> imports = new ArrayList<>();
        List<TsNode> body = new ArrayList<>();
        List<? extends ISwc4jAst> items = program instanceof Swc4jAstModule m ? m.getBody()
                : program instanceof Swc4jAstScript s ? s.getBody() : program.getChildNodes();
        for (ISwc4jAst item : items) {
            if (item instanceof Swc4jAstImportDecl i) imports.add(importDecl(i));
            else body.addAll(statement(item));
        }
        return new TsNode.Module(1, 1, imports, body);
    }

    private static TsNode.Import importDecl(Swc4jAstImportDecl i) {
        List<TsNode.Binding> names = new ArrayList<>();
        for (ISwc4jAst s : i.getSpecifiers()) {
            if (s instanceof Swc4jAstImportNamedSpecifier n) {
                String local = n.getLocal().getSym();
                String imported = n.getImported().map(SwcConverter::nameOf).orElse(local);
                names.add(new TsNode.Binding(local, imported));
            } else if (s instanceof Swc4jAstImportDefaultSpecifier d) {
                names.add(new TsNode.Binding(d.getLocal().getSym(), "default"));
            } else if (s instanceof Swc4jAstImportStarAsSpecifier st) {
                names.add(new TsNode.Binding(st.getLocal().getSym(), "*"));
            }
        }
        return new TsNode.Import(line(i), col(i), i.getSrc().getValue(), names);
    }

    private static String nameOf(ISwc4jAst n) {
        if (n instanceof Swc4jAstIdent id) return id.getSym();
        if (n instanceof Swc4jAstIdentName id) return id.getSym();
        if (n instanceof Swc4jAstStr s) return s.getValue();
        return null;
    }

    /** A statement; exports are unwrapped, a declaration of several variables becomes several {@link TsNode.Var}. */
    private static List<TsNode> statement(ISwc4jAst s) {
        if (s instanceof Swc4jAstExportDecl e) return statement(e.getDecl());
        if (s instanceof Swc4jAstExportDefaultDecl e) return List.of(node(e.getDecl()));
        if (s instanceof Swc4jAstExportDefaultExpr e) return List.of(node(e.getExpr()));
        if (s instanceof Swc4jAstVarDecl v) {
            List<TsNode> vars = new ArrayList<>();
            for (Swc4jAstVarDeclarator d : v.getDecls()) {
                String name = d.getName() instanceof Swc4jAstBindingIdent b ? b.getId().getSym() : null;
                TsNode init = d.getInit().map(SwcConverter::node).orElse(null);
                if (name != null) vars.add(new TsNode.Var(line(d), col(d), name, init));
                else vars.add(other(d));
            }
            return vars;
        }
        return List.of(node(s));
    }

    static TsNode node(ISwc4jAst n) {
        if (n instanceof Swc4jAstClassDecl c) return classDecl(c.getIdent().getSym(), c.getClazz(), c);
        if (n instanceof Swc4jAstClassExpr c) {
            return classDecl(c.getIdent().map(Swc4jAstIdent::getSym).orElse(null), c.getClazz(), c);
        }
        if (n instanceof Swc4jAstTsEnumDecl e) {
            List<TsNode.EnumMember> members = new ArrayList<>();
            for (Swc4jAstTsEnumMember m : e.getMembers()) {
                members.add(new TsNode.EnumMember(nameOf(m.getId()), m.getInit().map(SwcConverter::node).orElse(null)));
            }
            return new TsNode.Enum(line(e), col(e), e.getId().getSym(), members);
        }
        if (n instanceof Swc4jAstTsTypeAliasDecl a) {
            return new TsNode.TypeAlias(line(a), col(a), a.getId().getSym(), type(a.getTypeAnn()));
        }
        if (n instanceof Swc4jAstBlockStmt b) return block(b);
        if (n instanceof Swc4jAstExprStmt e) return new TsNode.ExprStmt(line(e), col(e), node(e.getExpr()));
        if (n instanceof Swc4jAstReturnStmt r) {
            return new TsNode.Return(line(r), col(r), r.getArg().map(SwcConverter::node).orElse(null));
        }
        if (n instanceof Swc4jAstThrowStmt t) return new TsNode.Throw(line(t), col(t), node(t.getArg()));
        if (n instanceof Swc4jAstVarDecl v) {
            List<TsNode> vars = statement(v);
            return vars.size() == 1 ? vars.get(0) : new TsNode.Other(line(v), col(v), "VarDecl", vars);
        }
        if (n instanceof Swc4jAstStr s) return new TsNode.Str(line(s), col(s), s.getValue());
        if (n instanceof Swc4jAstTpl t) {
            List<String> quasis = new ArrayList<>();
            for (Swc4jAstTplElement q : t.getQuasis()) quasis.add(q.getCooked().orElse(q.getRaw()));
            List<TsNode> exprs = new ArrayList<>();
            for (var e : t.getExprs()) exprs.add(node(e));
            return new TsNode.Template(line(t), col(t), quasis, exprs);
        }
        if (n instanceof Swc4jAstNumber num) {
            return new TsNode.Num(line(num), col(num), num.getRaw().orElse(Double.toString(num.getValue())));
        }
        if (n instanceof Swc4jAstBool b) return new TsNode.Bool(line(b), col(b), b.isValue());
        if (n instanceof Swc4jAstNull nul) return new TsNode.Null(line(nul), col(nul));
        if (n instanceof Swc4jAstIdent id) return new TsNode.Ident(line(id), col(id), id.getSym());
        if (n instanceof Swc4jAstIdentName id) return new TsNode.Ident(line(id), col(id), id.getSym());
        if (n instanceof Swc4jAstMemberExpr m) {
            String prop = m.getProp() instanceof Swc4jAstComputedPropName c
                    ? (c.getExpr() instanceof Swc4jAstStr s ? s.getValue() : null) : nameOf(m.getProp());
            return new TsNode.Member(line(m), col(m), node(m.getObj()), prop);
        }
        if (n instanceof Swc4jAstCallExpr c) {
            return new TsNode.Call(line(c), col(c), node(c.getCallee()), args(c.getArgs()));
        }
        if (n instanceof Swc4jAstNewExpr c) {
            return new TsNode.New(line(c), col(c), node(c.getCallee()), args(c.getArgs().orElse(List.of())));
        }
        if (n instanceof Swc4jAstObjectLit o) {
            List<TsNode.Prop> props = new ArrayList<>();
            for (ISwc4jAst p : o.getProps()) {
                if (p instanceof Swc4jAstKeyValueProp kv) {
                    props.add(new TsNode.Prop(line(kv), col(kv), propName(kv.getKey()), node(kv.getValue())));
                } else if (p instanceof Swc4jAstIdent id) {
                    props.add(new TsNode.Prop(line(id), col(id), id.getSym(), node(id)));
                } else {
                    props.add(new TsNode.Prop(line(p), col(p), null, node(p)));
                }
            }
            return new TsNode.Obj(line(o), col(o), props);
        }
        if (n instanceof Swc4jAstArrayLit a) {
            List<TsNode> items = new ArrayList<>();
            for (var e : a.getElems()) e.ifPresent(x -> items.add(node(x.getExpr())));
            return new TsNode.Arr(line(a), col(a), items);
        }
        if (n instanceof Swc4jAstBinExpr b) {
            return new TsNode.Binary(line(b), col(b), b.getOp().getName(), node(b.getLeft()), node(b.getRight()));
        }
        if (n instanceof Swc4jAstUnaryExpr u) {
            return new TsNode.Unary(line(u), col(u), u.getOp().getName(), node(u.getArg()));
        }
        if (n instanceof Swc4jAstCondExpr c) {
            return new TsNode.Conditional(line(c), col(c), node(c.getTest()), node(c.getCons()), node(c.getAlt()));
        }
        if (n instanceof Swc4jAstArrowExpr a) {
            List<String> params = new ArrayList<>();
            for (var p : a.getParams()) if (p instanceof Swc4jAstBindingIdent b) params.add(b.getId().getSym());
            TsNode.Block body = a.getBody() instanceof Swc4jAstBlockStmt b ? block(b)
                    : new TsNode.Block(line(a.getBody()), col(a.getBody()),
                    List.of(new TsNode.Return(line(a.getBody()), col(a.getBody()), node(a.getBody()))));
            return new TsNode.Function(line(a), col(a), params, body);
        }
        if (n instanceof Swc4jAstFnExpr f) return function(f.getFunction(), f);
        if (n instanceof Swc4jAstFunction f) return function(f, f);
        // Wrappers that change nothing a reader judges: (x), await x, x as T, x!, x satisfies T, x as const.
        if (n instanceof Swc4jAstParenExpr p) return node(p.getExpr());
        if (n instanceof Swc4jAstAwaitExpr a) return node(a.getArg());
        if (n instanceof Swc4jAstTsAsExpr a) return node(a.getExpr());
        if (n instanceof Swc4jAstTsNonNullExpr a) return node(a.getExpr());
        if (n instanceof Swc4jAstTsSatisfiesExpr a) return node(a.getExpr());
        if (n instanceof Swc4jAstTsConstAssertion a) return node(a.getExpr());
        if (n instanceof Swc4jAstExprOrSpread e) return node(e.getExpr());
        return other(n);
    }

    private static TsNode other(ISwc4jAst n) {
        List<TsNode> children = new ArrayList<>();
        for (ISwc4jAst c : n.getChildNodes()) {
            if (c != null) children.add(node(c));
        }
        return new TsNode.Other(line(n), col(n), n.getType().name(), children);
    }

    private static TsNode.Function function(Swc4jAstFunction f, ISwc4jAst at) {
        List<String> params = new ArrayList<>();
        for (Swc4jAstParam p : f.getParams()) if (p.getPat() instanceof Swc4jAstBindingIdent b) params.add(b.getId().getSym());
        TsNode.Block body = f.getBody().map(SwcConverter::block).orElse(new TsNode.Block(line(at), col(at), List.of()));
        return new TsNode.Function(line(at), col(at), params, body);
    }

    private static TsNode.Block block(Swc4jAstBlockStmt b) {
        List<TsNode> stmts = new ArrayList<>();
        for (var s : b.getStmts()) stmts.addAll(statement(s));
        return new TsNode.Block(line(b), col(b), stmts);
    }

    private static List<TsNode> args(List<Swc4jAstExprOrSpread> args) {
        List<TsNode> out = new ArrayList<>();
        for (Swc4jAstExprOrSpread a : args) out.add(node(a.getExpr()));
        return out;
    }

    private static String propName(ISwc4jAst key) {
        if (key instanceof Swc4jAstComputedPropName c) return c.getExpr() instanceof Swc4jAstStr s ? s.getValue() : null;
        if (key instanceof Swc4jAstNumber num) return num.getRaw().orElse(null);
        return nameOf(key);
    }

    private static TsNode.ClassDecl classDecl(String name, Swc4jAstClass c, ISwc4jAst at) {
        List<String> implementsNames = new ArrayList<>();
        for (var i : c.getImplements()) {
            TsNode e = node(i.getExpr());
            if (e instanceof TsNode.Ident id) implementsNames.add(id.name());
            else if (e instanceof TsNode.Member m && m.property() != null) implementsNames.add(m.property());
        }
        List<TsNode> members = new ArrayList<>();
        for (ISwc4jAst m : c.getBody()) {
            if (m instanceof Swc4jAstClassProp p) {
                members.add(new TsNode.Field(line(p), col(p), propName(p.getKey()), decorators(p.getDecorators()),
                        p.getTypeAnn().map(SwcConverter::typeName).orElse(null),
                        p.getTypeAnn().map(t -> type(t.getTypeAnn())).orElse(null), p.isOptional(), p.isStatic(),
                        p.getValue().map(SwcConverter::node).orElse(null)));
            } else if (m instanceof Swc4jAstClassMethod cm) {
                Swc4jAstFunction f = cm.getFunction();
                members.add(new TsNode.Method(line(cm), col(cm), propName(cm.getKey()), decorators(f.getDecorators()),
                        f.getBody().map(SwcConverter::block).orElse(null), cm.isStatic()));
            } else if (m instanceof Swc4jAstConstructor ctor) {
                for (var p : ctor.getParams()) {
                    if (p instanceof Swc4jAstTsParamProp pp && pp.getParam() instanceof Swc4jAstBindingIdent b) {
                        members.add(new TsNode.Field(line(pp), col(pp), b.getId().getSym(),
                                decorators(pp.getDecorators()), b.getTypeAnn().map(SwcConverter::typeName)
                                .orElse(null), b.getTypeAnn().map(t -> type(t.getTypeAnn())).orElse(null),
                                b.getId().isOptional(), false));
                    }
                }
                members.add(new TsNode.Method(line(ctor), col(ctor), "constructor", List.of(),
                        ctor.getBody().map(SwcConverter::block).orElse(null), false));
            } else {
                members.add(other(m));
            }
        }
        TsNode superClass = c.getSuperClass().map(SwcConverter::node).orElse(null);
        return new TsNode.ClassDecl(line(at), col(at), name, decorators(c.getDecorators()), implementsNames,
                superClass, members);
    }

    private static List<Decorator> decorators(List<Swc4jAstDecorator> list) {
        List<Decorator> out = new ArrayList<>();
        for (Swc4jAstDecorator d : list) {
            TsNode expr = node(d.getExpr());
            List<TsNode> args = List.of();
            if (expr instanceof TsNode.Call call) {
                args = call.args();
                expr = call.callee();
            }
            String name = null;
            String qualifier = null;
            if (expr instanceof TsNode.Ident id) {
                name = id.name();
            } else if (expr instanceof TsNode.Member m) {
                name = m.property();
                if (m.object() instanceof TsNode.Ident q) qualifier = q.name();
            }
            out.add(new Decorator(line(d), col(d), name == null ? "" : name, qualifier, args));
        }
        return out;
    }

    /** The written type's name: {@code Team} for {@code Team}, {@code Team[]}, {@code Promise<Team>} stays Promise. */
    private static String typeName(Swc4jAstTsTypeAnn ann) {
        ISwc4jAst t = ann.getTypeAnn();
        if (t instanceof Swc4jAstTsTypeRef ref) return entityName(ref.getTypeName());
        if (t instanceof com.caoccao.javet.swc4j.ast.ts.Swc4jAstTsKeywordType k) return k.getKind().getName();
        return t.getType().name();
    }

    /** The written type, unwrapped from parentheses; {@code readonly T[]} is {@code T[]}. */
    private static TsType type(ISwc4jAstTsType t) {
        if (t instanceof Swc4jAstTsParenthesizedType p) return type(p.getTypeAnn());
        if (t instanceof Swc4jAstTsKeywordType k) return new TsType.Keyword(k.getKind().getName());
        if (t instanceof Swc4jAstTsTypeRef ref) {
            List<TsType> args = new ArrayList<>();
            ref.getTypeParams().ifPresent(ps -> ps.getParams().forEach(a -> args.add(type(a))));
            String qualifier = ref.getTypeName() instanceof Swc4jAstTsQualifiedName q
                    ? entityName(q.getLeft()) : null;
            String name = entityName(ref.getTypeName());
            return name == null ? new TsType.Other(t.getType().name()) : new TsType.Ref(name, qualifier, args);
        }
        if (t instanceof Swc4jAstTsArrayType a) return new TsType.ArrayOf(type(a.getElemType()));
        if (t instanceof Swc4jAstTsTupleType) return new TsType.ArrayOf(new TsType.Keyword("any"));
        if (t instanceof Swc4jAstTsTypeOperator o) {
            TsType inner = type(o.getTypeAnn());
            return inner instanceof TsType.ArrayOf ? inner : new TsType.Other(t.getType().name());
        }
        if (t instanceof Swc4jAstTsUnionType u) return union(u.getTypes(), false);
        if (t instanceof Swc4jAstTsIntersectionType i) return union(i.getTypes(), true);
        if (t instanceof Swc4jAstTsLitType lit) {
            ISwc4jAst l = lit.getLit();
            if (l instanceof Swc4jAstStr || l instanceof Swc4jAstTsTplLitType) return new TsType.Literal("string");
            if (l instanceof Swc4jAstNumber) return new TsType.Literal("number");
            if (l instanceof Swc4jAstBool) return new TsType.Literal("boolean");
            if (l instanceof Swc4jAstBigInt) return new TsType.Literal("bigint");
        }
        return new TsType.Other(t.getType().name());
    }

    private static TsType union(List<ISwc4jAstTsType> types, boolean intersection) {
        List<TsType> members = new ArrayList<>();
        for (ISwc4jAstTsType m : types) members.add(type(m));
        return new TsType.Union(members, intersection);
    }

    private static String entityName(ISwc4jAstTsEntityName n) {
        if (n instanceof Swc4jAstIdent id) return id.getSym();
        if (n instanceof Swc4jAstTsQualifiedName q) return q.getRight().getSym();
        return null;
    }

    private static int line(ISwc4jAst n) {
        return n.getSpan() == null ? 1 : Math.max(1, n.getSpan().getLine());
    }

    private static int col(ISwc4jAst n) {
        return n.getSpan() == null ? 1 : Math.max(1, n.getSpan().getColumn());
    }
}
