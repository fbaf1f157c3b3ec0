package dev.migrationguard.typeorm;

import dev.migrationguard.stack.EntityReader;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.SchemaFact;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.Text;
import dev.migrationguard.typeorm.TypeOrmDecorators.Role;
import dev.migrationguard.typescript.TsNode;
import dev.migrationguard.typescript.TsNode.ClassDecl;
import dev.migrationguard.typescript.TsNode.Decorator;
import dev.migrationguard.typescript.TypeScript;

import dev.migrationguard.model.schema.CheckConstraint;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.ForeignKey;
import dev.migrationguard.model.schema.Identifiers;
import dev.migrationguard.model.schema.Index;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.model.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads TypeORM entities ({@code @Entity}, {@code @ViewEntity}, {@code @ChildEntity} imported from {@code typeorm})
 * into schema facts named as TypeORM's default naming strategy names them: columns inherited from base classes,
 * embedded columns with their prefix, join columns and junction tables of owning relations, indexes and constraints.
 * Entities with {@code synchronize: false} and MongoDB entities are left out: they need no SQL migration.
 * {@link #tables} gives the same entities as the tables TypeORM creates ({@link TypeOrmTables}).
 */
public final class TypeOrmEntityReader implements EntityReader {
    private static final int MAX_DEPTH = 8;
    /** The modules TypeORM's decorators are imported from. */
    private static final Set<String> TYPEORM = Set.of("typeorm", "typeorm/index", "typeorm/index.js",
            "typeorm/browser", "typeorm/browser/index.js");
    private static final Pattern EXPORTED_ENUM = Pattern.compile(
            "(?m)^\\s*export\\s+(?:declare\\s+)?(?:const\\s+)?enum\\s+([A-Za-z_$][\\w$]*)");
    private final TsSources sources;
    private final TypeOrmNaming naming;

    public TypeOrmEntityReader(TsSources sources, TypeOrmNaming naming) {
        this.sources = sources;
        this.naming = naming;
    }

    @Override
    public boolean accepts(String path) {
        return path.endsWith(".ts") && !path.endsWith(".d.ts");
    }

    /** Every entity imports from 'typeorm', at the top: a file too large to read shows it in its first bytes. */
    @Override
    public boolean recognizes(String path, String head) {
        return head.contains("typeorm");
    }

    @Override
    public ReadResult<SchemaFact> read(Snapshot side, Set<String> paths) {
        List<SchemaFact> facts = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        for (String path : paths) {
            Optional<String> text = side.readText(path);
            // Every entity and every base class with columns imports from 'typeorm': other files need no parse.
            if (text.isEmpty() || !text.get().contains("typeorm")) continue;
            TypeScript.Parsed parsed = sources.parse(side, path).orElseThrow();
            if (parsed.error() != null) {
                problems.add(TsSources.problem(path, parsed.error()));
                continue;
            }
            try {
                for (ClassDecl c : parsed.module().classes()) {
                    new EntityFacts(side, path, parsed.module(), c, facts).read();
                }
            } catch (RuntimeException | StackOverflowError e) {
                problems.add(new ParseProblem(Location.file(path), "Could not read this TypeORM entity: " + e));
            }
        }
        return new ReadResult<>(facts, problems);
    }

    /**
     * The tables TypeORM makes of the entities in {@code paths} ({@link TypeOrmTables}); two classes of the given files
     * that share a table (a single-table parent and its children) give it once, with the columns of both.
     */
    @Override
    public Optional<ReadResult<Table>> tables(Snapshot side, Set<String> paths, Dialect dialect) {
        TypeOrmTables builder = new TypeOrmTables(new TsScope(sources, side), naming, dialect);
        Map<String, Table> tables = new LinkedHashMap<>();
        List<ParseProblem> problems = new ArrayList<>();
        for (String path : paths) {
            Optional<String> text = side.readText(path);
            if (text.isEmpty() || !text.get().contains("typeorm")) continue;
            TypeScript.Parsed parsed = sources.parse(side, path).orElseThrow();
            if (parsed.error() != null) {
                problems.add(TsSources.problem(path, parsed.error()));
                continue;
            }
            try {
                for (Table t : builder.tables(parsed.module(), path)) {
                    tables.merge(Identifiers.qualifiedKey(dialect, t.schema(), t.name()), t, (a, b) -> merged(dialect, a, b));
                }
            } catch (RuntimeException | StackOverflowError e) {
                problems.add(new ParseProblem(Location.file(path), "Could not read this TypeORM entity: " + e));
            }
        }
        return Optional.of(new ReadResult<>(new ArrayList<>(tables.values()), problems));
    }

    /** One table from two classes mapped to it: the columns and constraints of both, the first's where both have one. */
    private static Table merged(Dialect dialect, Table first, Table second) {
        Table t = first;
        for (Column c : second.columns()) if (t.column(dialect, c.name()) == null) t = t.withColumn(dialect, c);
        if (t.primaryKey() == null && second.primaryKey() != null) t = t.withPrimaryKey(second.primaryKey());
        for (ForeignKey f : second.foreignKeys()) if (!t.foreignKeys().contains(f)) t = t.withForeignKey(f);
        for (Index i : second.indexes()) if (!t.indexes().contains(i)) t = t.withIndex(i);
        for (UniqueConstraint u : second.uniques()) if (!t.uniques().contains(u)) t = t.withUnique(u);
        for (CheckConstraint c : second.checks()) if (!t.checks().contains(c)) t = t.withCheck(c);
        return t;
    }

    @Override
    public Set<String> dependents(Snapshot side, Set<String> paths) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> parents = new LinkedHashSet<>();
        Set<String> stems = new LinkedHashSet<>();
        for (String path : paths) {
            if (!accepts(path)) continue;
            String file = Text.fileName(path);
            stems.add(file.substring(0, file.length() - 3));
            // Only a class with TypeORM decorators can change another entity's facts (a base class, an embedded one),
            // or an enum, whose values are a column's allowed values and defaults: any other TypeScript file of the
            // change (an Angular service) is never handed to the native parser.
            Optional<String> changed = side.readText(path);
            if (changed.isEmpty()) continue;
            if (!changed.get().contains("typeorm")) {
                Matcher m = EXPORTED_ENUM.matcher(changed.get());
                while (m.find()) names.add(m.group(1));
                continue;
            }
            sources.parse(side, path).filter(p -> p.module() != null).ifPresent(p -> {
                for (ClassDecl c : p.module().classes()) {
                    if (c.name() != null) names.add(c.name());
                    parentOfChild(side, path, p.module(), c).ifPresent(parents::add);
                }
            });
        }
        // A single-table child's columns live in its parent's table: with the parent read too, a child added or
        // deleted alone changes that table's columns instead of making or dropping a table of the parent's name.
        Set<String> out = new LinkedHashSet<>();
        for (String parent : parents) if (!paths.contains(parent)) out.add(parent);
        if (names.isEmpty()) return out;
        for (String p : side.paths()) {
            if (paths.contains(p) || !accepts(p)) continue;
            Optional<String> text = side.readableText(p);
            if (text.isEmpty() || !text.get().contains("typeorm")) continue;
            String t = text.get();
            if (stems.stream().noneMatch(t::contains) || names.stream().noneMatch(t::contains)) continue;
            out.add(p);
        }
        return out;
    }

    /** The file of the parent a {@code @ChildEntity} class extends, when it is imported from another file. */
    private Optional<String> parentOfChild(Snapshot side, String path, TsNode.Module module, ClassDecl c) {
        boolean child = c.decorators().stream().anyMatch(d -> typeormName(module, d).map("ChildEntity"::equals)
                .orElse(false));
        if (!child || !(c.superClass() instanceof TsNode.Ident parent)) return Optional.empty();
        return module.importOf(parent.name()).flatMap(i -> sources.resolveImport(side, path, i.source()));
    }

    /**
     * The TypeORM name of a decorator when it is imported from 'typeorm' (directly, renamed, or via a namespace), or
     * from the entry points an editor's auto-import also writes ('typeorm/index', 'typeorm/browser').
     */
    static Optional<String> typeormName(TsNode.Module module, Decorator d) {
        if (d.qualifier() != null) {
            return module.importOf(d.qualifier()).filter(i -> TYPEORM.contains(i.source()) && i.name().equals("*"))
                    .map(i -> d.name());
        }
        return module.importOf(d.name()).filter(i -> TYPEORM.contains(i.source())).map(TsNode.ImportedName::name);
    }


    /** The facts of one class of one file. */
    private final class EntityFacts {
        final Snapshot side;
        final String path;
        final TsNode.Module module;
        final ClassDecl cls;
        final List<SchemaFact> out;
        String table;

        EntityFacts(Snapshot side, String path, TsNode.Module module, ClassDecl cls, List<SchemaFact> out) {
            this.side = side;
            this.path = path;
            this.module = module;
            this.cls = cls;
            this.out = out;
        }

        void read() {
            Decorator entity = null;
            String kind = null;
            for (Decorator d : cls.decorators()) {
                Optional<String> name = typeormName(module, d);
                if (name.isPresent() && TypeOrmDecorators.role(name.get()) == Role.ENTITY) {
                    entity = d;
                    kind = name.get();
                }
            }
            if (entity == null || cls.name() == null) return;
            TsNode.Obj options = optionsOf(entity.args());
            if (options != null && options.prop("synchronize").map(p -> p.value() instanceof TsNode.Bool b
                    && !b.value()).orElse(false)) {
                return;
            }
            if (isMongo(cls, module, 0)) return;
            List<Member> members = new ArrayList<>();
            if (kind.equals("ChildEntity")) {
                table = parentTable(cls, module, path, 0).orElse(naming.tableName(cls.name(), null));
                add(table, "child:" + cls.name(), "ChildEntity" + args(entity.args()), "Child entity", null,
                        at(entity));
                for (TsNode m : cls.members()) members.add(new Member(m, module, path));
            } else {
                table = naming.tableName(cls.name(), explicitName(entity.args()));
                String value = kind + (kind.equals("ViewEntity") ? TsValues.canonical(options) : ddlOptions(options));
                add(table, "table", value, kind.equals("ViewEntity") ? "View" : "Table", null, at(entity));
                collectMembers(cls, module, path, members, 0);
            }
            for (Decorator d : cls.decorators()) classDecorator(d);
            for (Member m : members) member(m);
        }

        private void classDecorator(Decorator d) {
            Optional<String> name = typeormName(module, d);
            if (name.isEmpty()) return;
            Role role = TypeOrmDecorators.role(name.get());
            if (role == Role.CONSTRAINT) {
                add(table, constraintKey(name.get(), d.args(), null), name.get() + args(d.args()),
                        constraintKind(name.get()), null, at(d));
            } else if (role == Role.INHERITANCE) {
                TsNode.Obj o = optionsOf(d.args());
                String column = "type";
                if (o != null && o.prop("column").isPresent() && o.prop("column").get().value() instanceof TsNode.Obj c) {
                    column = c.prop("name").flatMap(p -> TsValues.literalString(p.value())).orElse(column);
                }
                add(table, "inheritance", name.get() + args(d.args()), "Inheritance", null, at(d));
                add(table, "column:" + column, "discriminator" + args(d.args()), "Column", column, at(d));
            } else if (role == Role.TREE) {
                String strategy = d.args().isEmpty() ? "" : TsValues.literalString(d.args().get(0)).orElse("");
                switch (strategy) {
                    case "closure-table" -> add(naming.closureTable(table), "table", "closure" + args(d.args()),
                            "Closure table", null, at(d));
                    case "materialized-path" -> add(table, "column:mpath", "tree" + args(d.args()), "Column",
                            "mpath", at(d));
                    case "nested-set" -> {
                        add(table, "column:nsleft", "tree" + args(d.args()), "Column", "nsleft", at(d));
                        add(table, "column:nsright", "tree" + args(d.args()), "Column", "nsright", at(d));
                    }
                    default -> add(table, "tree", "tree" + args(d.args()), "Tree", null, at(d));
                }
            }
        }

        private void member(Member m) {
            if (!(m.node() instanceof TsNode.Field f) || f.isStatic() || f.name() == null) return;
            TreeMap<String, Decorator> byName = new TreeMap<>();
            for (Decorator d : f.decorators()) typeormName(m.module(), d).ifPresent(n -> byName.put(n, d));
            for (var e : byName.entrySet()) {
                String name = e.getKey();
                Decorator d = e.getValue();
                Role role = TypeOrmDecorators.role(name);
                if (role == null) continue;
                switch (role) {
                    case COLUMN -> column(m, f, name, d, byName);
                    case CONSTRAINT -> add(table, constraintKey(name, d.args(), f.name()), name + args(d.args()),
                            constraintKind(name), f.name(), at(m.path(), d));
                    case TO_ONE -> {
                        if (name.equals("ManyToOne") || byName.containsKey("JoinColumn")) toOne(m, f, name, d, byName);
                    }
                    case TO_MANY -> {
                        if (byName.containsKey("JoinTable")) toMany(m, f, d, byName.get("JoinTable"));
                    }
                    case TREE_PARENT -> add(table, "column:" + naming.joinColumnName(f.name(), "id"),
                            "TreeParent" + args(d.args()), "Relation", f.name(), at(m.path(), d));
                    default -> {
                    }
                }
            }
        }

        private void column(Member m, TsNode.Field f, String name, Decorator d, TreeMap<String, Decorator> all) {
            if (name.equals("Column") && !d.args().isEmpty() && d.args().get(0) instanceof TsNode.Function fn) {
                embedded(m, f, d, fn, 0, "", f.name());
                return;
            }
            TsNode.Obj options = optionsOf(d.args());
            String columnName = options == null ? null
                    : options.prop("name").flatMap(p -> TsValues.literalString(p.value())).orElse(null);
            String column = columnName != null ? columnName : naming.columnName(f.name(), "");
            add(table, "column:" + column, columnValue(name, d, f, all), "Column", f.name(), at(m.path(), d));
        }

        private String columnValue(String name, Decorator d, TsNode.Field f, TreeMap<String, Decorator> all) {
            StringBuilder v = new StringBuilder(name);
            TsNode.Obj options = optionsOf(d.args());
            for (TsNode a : d.args()) if (!(a instanceof TsNode.Obj)) v.append(' ').append(TsValues.canonical(a));
            v.append(ddlOptions(options));
            boolean typed = options != null && options.prop("type").isPresent()
                    || d.args().stream().anyMatch(a -> !(a instanceof TsNode.Obj));
            if (!typed && f.typeName() != null) v.append(" :").append(f.typeName());
            Decorator generated = all.get("Generated");
            if (generated != null) v.append(" Generated").append(args(generated.args()));
            return v.toString();
        }

        private void embedded(Member m, TsNode.Field f, Decorator d, TsNode.Function fn, int depth, String outerPrefix,
                              String memberPath) {
            if (depth > MAX_DEPTH) return;
            String target = returnedName(fn);
            TsNode.Obj options = optionsOf(d.args().subList(1, d.args().size()));
            String prefix = f.name();
            if (options != null && options.prop("prefix").isPresent()) {
                TsNode p = options.prop("prefix").get().value();
                prefix = p instanceof TsNode.Bool b && !b.value() ? "" : TsValues.literalString(p).orElse(prefix);
            }
            String fullPrefix = naming.embeddedPrefix(outerPrefix, prefix);
            if (target == null) return;
            Optional<Resolved> resolved = resolveClass(target, m.module(), m.path(), 0);
            if (resolved.isEmpty()) {
                add(table, "embedded:" + memberPath, "Column" + args(d.args()), "Embedded", f.name(), at(m.path(), d));
                return;
            }
            List<Member> inner = new ArrayList<>();
            collectMembers(resolved.get().cls(), resolved.get().module(), resolved.get().path(), inner, 0);
            for (Member im : inner) {
                if (!(im.node() instanceof TsNode.Field innerField) || innerField.isStatic()) continue;
                TreeMap<String, Decorator> byName = new TreeMap<>();
                for (Decorator id : innerField.decorators()) {
                    typeormName(im.module(), id).ifPresent(n -> byName.put(n, id));
                }
                for (var e : byName.entrySet()) {
                    if (TypeOrmDecorators.role(e.getKey()) != Role.COLUMN) continue;
                    Decorator id = e.getValue();
                    if (e.getKey().equals("Column") && !id.args().isEmpty()
                            && id.args().get(0) instanceof TsNode.Function innerFn) {
                        embedded(im, innerField, id, innerFn, depth + 1, fullPrefix, memberPath + "." + innerField.name());
                        continue;
                    }
                    TsNode.Obj o = optionsOf(id.args());
                    String given = o == null ? null
                            : o.prop("name").flatMap(p -> TsValues.literalString(p.value())).orElse(null);
                    String column = naming.columnName(given != null ? given : innerField.name(), fullPrefix);
                    add(table, "column:" + column, columnValue(e.getKey(), id, innerField, byName), "Column",
                            memberPath + "." + innerField.name(), at(im.path(), id));
                }
            }
        }

        private void toOne(Member m, TsNode.Field f, String name, Decorator d, TreeMap<String, Decorator> all) {
            Decorator join = all.get("JoinColumn");
            TsNode.Obj joinOptions = join == null ? null : optionsOf(join.args());
            String referenced = joinOptions == null ? "id"
                    : joinOptions.prop("referencedColumnName").flatMap(p -> TsValues.literalString(p.value()))
                    .orElse("id");
            String column = joinOptions == null ? null
                    : joinOptions.prop("name").flatMap(p -> TsValues.literalString(p.value())).orElse(null);
            if (column == null) column = naming.joinColumnName(f.name(), referenced);
            String value = name + " " + targetOf(d) + ddlOptions(optionsOf(d.args()))
                    + (join == null ? "" : " JoinColumn" + args(join.args()));
            add(table, "column:" + column, value, "Relation", f.name(), at(m.path(), d));
        }

        private void toMany(Member m, TsNode.Field f, Decorator d, Decorator joinTable) {
            TsNode.Obj o = optionsOf(joinTable.args());
            String given = o == null ? null
                    : o.prop("name").flatMap(p -> TsValues.literalString(p.value())).orElse(null);
            String target = targetOf(d);
            String targetTable = resolveClass(target, m.module(), m.path(), 0)
                    .flatMap(r -> entityTable(r, 0)).orElse(naming.tableName(target, null));
            String joinTableName = given != null ? given : naming.joinTableName(table, f.name(), targetTable);
            add(joinTableName, "table", "ManyToMany " + target + " JoinTable" + args(joinTable.args()),
                    "Join table", f.name(), at(m.path(), joinTable));
        }

        private void add(String t, String key, String value, String kind, String member, Location at) {
            out.add(new SchemaFact(t, key, value, kind, cls.name(), member, at));
        }

        private Location at(Decorator d) {
            return at(path, d);
        }

        private Location at(String p, TsNode n) {
            return Location.at(p, n.line(), n.column());
        }

        /** The entity's own members after those of its base classes (TypeORM inherits columns from any ancestor). */
        private void collectMembers(ClassDecl c, TsNode.Module mod, String p, List<Member> into, int depth) {
            if (depth > MAX_DEPTH) return;
            if (c.superClass() instanceof TsNode.Ident parent) {
                resolveClass(parent.name(), mod, p, 0).ifPresent(r -> collectMembers(r.cls(), r.module(), r.path(),
                        into, depth + 1));
            }
            for (TsNode m : c.members()) into.add(new Member(m, mod, p));
        }

        private Optional<String> parentTable(ClassDecl c, TsNode.Module mod, String p, int depth) {
            if (depth > MAX_DEPTH || !(c.superClass() instanceof TsNode.Ident parent)) return Optional.empty();
            return resolveClass(parent.name(), mod, p, 0).flatMap(r -> entityTable(r, depth + 1));
        }

        /** The table of a resolved class: its own for an entity, its parent's for a child entity. */
        private Optional<String> entityTable(Resolved r, int depth) {
            for (Decorator d : r.cls().decorators()) {
                Optional<String> n = typeormName(r.module(), d);
                if (n.isEmpty()) continue;
                if (n.get().equals("ChildEntity")) return parentTable(r.cls(), r.module(), r.path(), depth + 1);
                if (TypeOrmDecorators.role(n.get()) == Role.ENTITY) {
                    return Optional.of(naming.tableName(r.cls().name(), explicitName(d.args())));
                }
            }
            return Optional.empty();
        }

        private boolean isMongo(ClassDecl c, TsNode.Module mod, int depth) {
            List<Member> members = new ArrayList<>();
            collectMembers(c, mod, path, members, depth);
            for (Member m : members) {
                if (!(m.node() instanceof TsNode.Field f)) continue;
                for (Decorator d : f.decorators()) {
                    if (typeormName(m.module(), d).map(n -> TypeOrmDecorators.role(n) == Role.MONGO).orElse(false)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private Optional<Resolved> resolveClass(String name, TsNode.Module mod, String p, int depth) {
            if (name == null || depth > MAX_DEPTH) return Optional.empty();
            Optional<ClassDecl> local = TsSources.classNamed(mod, name);
            if (local.isPresent()) return Optional.of(new Resolved(local.get(), mod, p));
            Optional<TsNode.ImportedName> imported = mod.importOf(name);
            if (imported.isEmpty()) return Optional.empty();
            Optional<String> file = TsSources.resolve(side, p, imported.get().source());
            if (file.isEmpty()) return Optional.empty();
            Optional<TypeScript.Parsed> parsed = sources.parse(side, file.get());
            if (parsed.isEmpty() || parsed.get().module() == null) return Optional.empty();
            String exported = imported.get().name().equals("default") || imported.get().name().equals("*")
                    ? name : imported.get().name();
            return TsSources.classNamed(parsed.get().module(), exported)
                    .map(c -> new Resolved(c, parsed.get().module(), file.get()));
        }
    }

    private record Member(TsNode node, TsNode.Module module, String path) {
    }

    private record Resolved(ClassDecl cls, TsNode.Module module, String path) {
    }

    /** The last object-literal argument: a decorator's options. */
    static TsNode.Obj optionsOf(List<TsNode> args) {
        for (int i = args.size() - 1; i >= 0; i--) if (args.get(i) instanceof TsNode.Obj o) return o;
        return null;
    }

    /** The name given to {@code @Entity('name')} or {@code @Entity({ name: 'name' })}. */
    private static String explicitName(List<TsNode> args) {
        if (!args.isEmpty()) {
            Optional<String> s = TsValues.literalString(args.get(0));
            if (s.isPresent()) return s.get();
        }
        TsNode.Obj o = optionsOf(args);
        return o == null ? null : o.prop("name").flatMap(p -> TsValues.literalString(p.value())).orElse(null);
    }

    /** The DDL-relevant options, sorted by key, as canonical text (runtime-only options left out). */
    private static String ddlOptions(TsNode.Obj options) {
        if (options == null) return "";
        TreeMap<String, String> sorted = new TreeMap<>();
        for (TsNode.Prop p : options.props()) {
            String key = p.key() == null ? "…" : p.key();
            if (TypeOrmDecorators.changesDdl(key)) sorted.put(key, TsValues.canonical(p.value()));
        }
        return sorted.isEmpty() ? "" : " " + sorted;
    }

    /** Arguments as canonical text, with the runtime-only options of an options object left out. */
    private static String args(List<TsNode> args) {
        StringBuilder b = new StringBuilder("(");
        for (TsNode a : args) {
            if (b.length() > 1) b.append(',');
            b.append(a instanceof TsNode.Obj o ? ddlOptions(o).strip() : TsValues.canonical(a));
        }
        return b.append(')').toString();
    }

    private static String constraintKey(String decorator, List<TsNode> args, String property) {
        String prefix = switch (decorator) {
            case "Index" -> "index:";
            case "Unique" -> "unique:";
            case "Check" -> "check:";
            case "Exclusion" -> "exclusion:";
            default -> "foreign-key:";
        };
        Optional<String> name = args.isEmpty() ? Optional.empty() : TsValues.literalString(args.get(0));
        boolean named = name.isPresent() && (args.size() > 1 && !(args.get(1) instanceof TsNode.Obj)
                || decorator.equals("Index") && property != null || decorator.equals("Unique") && property != null);
        if (decorator.equals("Check") || decorator.equals("Exclusion")) {
            return prefix + (args.size() > 1 ? name.orElse("") : TsValues.canonical(args.isEmpty() ? null : args.get(0)));
        }
        if (named) return prefix + name.get();
        if (property != null) return prefix + property;
        for (TsNode a : args) if (a instanceof TsNode.Arr || a instanceof TsNode.Function) return prefix + TsValues.canonical(a);
        return prefix + TsValues.canonical(args.isEmpty() ? null : args.get(0));
    }

    private static String constraintKind(String decorator) {
        return switch (decorator) {
            case "Index" -> "Index";
            case "Unique" -> "Unique constraint";
            case "Check" -> "Check constraint";
            case "Exclusion" -> "Exclusion constraint";
            default -> "Foreign key";
        };
    }

    /** The target entity of a relation: {@code () => Team}, {@code 'Team'} or {@code type => Team}. */
    private static String targetOf(Decorator d) {
        if (d.args().isEmpty()) return "?";
        TsNode first = d.args().get(0);
        if (first instanceof TsNode.Function f) {
            String n = returnedName(f);
            return n == null ? TsValues.canonical(f) : n;
        }
        return TsValues.literalString(first).orElse(TsValues.canonical(first));
    }

    private static String returnedName(TsNode.Function f) {
        for (TsNode s : f.body().statements()) {
            if (s instanceof TsNode.Return r && r.value() instanceof TsNode.Ident id) return id.name();
        }
        return null;
    }
}
