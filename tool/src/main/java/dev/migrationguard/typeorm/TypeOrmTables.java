package dev.migrationguard.typeorm;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.schema.CheckConstraint;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.ColumnDefault;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.ForeignKey;
import dev.migrationguard.model.schema.Generated;
import dev.migrationguard.model.schema.Identifiers;
import dev.migrationguard.model.schema.Index;
import dev.migrationguard.model.schema.PrimaryKey;
import dev.migrationguard.model.schema.SqlType;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.model.schema.UniqueConstraint;
import dev.migrationguard.typeorm.TsScope.Found;
import dev.migrationguard.typeorm.TypeOrmColumnTypes.DefaultValue;
import dev.migrationguard.typeorm.TypeOrmColumnTypes.DesignType;
import dev.migrationguard.typeorm.TypeOrmColumnTypes.Kind;
import dev.migrationguard.typeorm.TypeOrmColumnTypes.ValueKind;
import dev.migrationguard.typeorm.TypeOrmDecorators.Role;
import dev.migrationguard.typescript.TsNode;
import dev.migrationguard.typescript.TsNode.ClassDecl;
import dev.migrationguard.typescript.TsNode.Decorator;
import dev.migrationguard.typescript.TsType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables TypeORM builds from the entity classes of one snapshot, on one dialect, as its metadata builders do
 * ({@code EntityMetadataBuilder}, {@code RelationJoinColumnBuilder}, {@code JunctionEntityMetadataBuilder},
 * {@code ClosureJunctionEntityMetadataBuilder}): names by the naming strategy, column types by
 * {@link TypeOrmColumnTypes}, join columns typed like the key they reference. A fact the source does not fix (a value
 * computed at run time, a class that cannot be found) is left unknown, which the diff takes as the same as anything.
 */
final class TypeOrmTables {
    private static final int MAX_DEPTH = 8;
    private static final Set<String> INTRINSIC_STRINGS = Set.of("Lowercase", "Uppercase", "Capitalize", "Uncapitalize");
    private static final Map<String, DesignType> GLOBALS = Map.of("String", DesignType.STRING, "Number",
            DesignType.NUMBER, "Boolean", DesignType.BOOLEAN, "Date", DesignType.DATE, "Buffer", DesignType.BUFFER,
            "Uint8Array", DesignType.BUFFER, "Array", DesignType.ARRAY, "ReadonlyArray", DesignType.ARRAY);

    private final TsScope scope;
    private final TypeOrmNaming naming;
    private final Dialect dialect;
    /** Shapes by file and class: a relation's target is read once however many relations point at it. */
    private final Map<String, Optional<Shape>> shapes = new HashMap<>();

    TypeOrmTables(TsScope scope, TypeOrmNaming naming, Dialect dialect) {
        this.scope = scope;
        this.naming = naming;
        this.dialect = dialect;
    }

    /**
     * A column with the property that declares it, whether it is part of the primary key, and the key's name when its
     * decorator gives one ({@code primaryKeyConstraintName}).
     */
    private record Col(String property, Column column, boolean primary, String keyName) {
        Col(String property, Column column, boolean primary) {
            this(property, column, primary, null);
        }
    }

    /**
     * An entity's table and its plain columns (no relations yet): what another entity needs to reference it.
     *
     * @param inheritance whether the table holds a single-table hierarchy, whose embedded columns are nullable
     */
    private record Shape(ClassDecl cls, TsNode.Module module, String path, Decorator entity, String schema, String table,
                         boolean view, List<Col> columns, boolean inheritance) {
        List<Col> primary() {
            return columns.stream().filter(Col::primary).toList();
        }

        Optional<Col> byProperty(String property) {
            return columns.stream().filter(c -> property.equals(c.property())).findFirst();
        }
    }

    /** The tables (with junction and closure tables) of the entity classes of one file. */
    List<Table> tables(TsNode.Module module, String path) {
        List<Table> out = new ArrayList<>();
        for (ClassDecl c : module.classes()) {
            Optional<Shape> shape = shape(c, module, path, 0);
            if (shape.isPresent()) out.addAll(new Builder(shape.get()).build());
        }
        return out;
    }

    // ---- shapes

    private Optional<Shape> shape(ClassDecl c, TsNode.Module module, String path, int depth) {
        if (c.name() == null || depth > MAX_DEPTH) return Optional.empty();
        String key = path + "#" + c.name() + "@" + c.line();
        Optional<Shape> known = shapes.get(key);
        if (known != null) return known;
        shapes.put(key, Optional.empty());
        Optional<Shape> made = makeShape(c, module, path, depth);
        shapes.put(key, made);
        return made;
    }

    private Optional<Shape> makeShape(ClassDecl c, TsNode.Module module, String path, int depth) {
        Decorator entity = null;
        String kind = null;
        for (Decorator d : c.decorators()) {
            Optional<String> n = TypeOrmEntityReader.typeormName(module, d);
            if (n.isPresent() && TypeOrmDecorators.role(n.get()) == Role.ENTITY) {
                entity = d;
                kind = n.get();
            }
        }
        if (entity == null) return Optional.empty();
        TsNode.Obj options = TypeOrmEntityReader.optionsOf(entity.args());
        if (bool(options, "synchronize", module, path).orElse(true).equals(false)) return Optional.empty();
        List<Member> members = new ArrayList<>();
        collectMembers(c, module, path, members, 0);
        if (members.stream().anyMatch(m -> hasRole(m, Role.MONGO))) return Optional.empty();
        if (kind.equals("ChildEntity")) return childShape(c, module, path, entity, depth);
        String name = naming.tableName(c.name(), string(firstStringOrName(entity.args()), module, path).orElse(null));
        String schema = options == null ? null : string(options.prop("schema").map(TsNode.Prop::value).orElse(null),
                module, path).or(() -> string(options.prop("database").map(TsNode.Prop::value).orElse(null),
                module, path)).orElse(null);
        if (kind.equals("ViewEntity")) {
            return Optional.of(new Shape(c, module, path, entity, schema, name, true, List.of(), false));
        }
        boolean inheritance = c.decorators().stream().anyMatch(d -> TypeOrmEntityReader.typeormName(module, d)
                .map(n -> n.equals("TableInheritance")).orElse(false));
        List<Col> columns = new ArrayList<>();
        Shape shape = new Shape(c, module, path, entity, schema, name, false, columns, inheritance);
        for (Member m : members) memberColumns(shape, m, "", false, columns, 0);
        treeColumns(shape, columns);
        discriminator(shape, columns);
        return Optional.of(shape);
    }

    /** A single-table child: its parent's table, with the child's own columns made nullable (other rows lack them). */
    private Optional<Shape> childShape(ClassDecl c, TsNode.Module module, String path, Decorator entity, int depth) {
        if (!(c.superClass() instanceof TsNode.Ident parent)) return Optional.empty();
        Optional<Found<ClassDecl>> p = scope.classNamed(parent.name(), module, path);
        if (p.isEmpty()) return Optional.empty();
        Optional<Shape> parentShape = shape(p.get().node(), p.get().module(), p.get().path(), depth + 1);
        if (parentShape.isEmpty() || parentShape.get().view()) return Optional.empty();
        Shape ps = parentShape.get();
        List<Col> columns = new ArrayList<>(ps.columns());
        Shape shape = new Shape(c, module, path, entity, ps.schema(), ps.table(), false, columns, true);
        for (TsNode n : c.members()) memberColumns(shape, new Member(n, module, path), "", true, columns, 0);
        return Optional.of(shape);
    }

    /** The columns one member makes: a column, or the columns of an embedded class under its prefix. */
    private void memberColumns(Shape shape, Member m, String prefix, boolean forceNullable, List<Col> into, int depth) {
        if (!(m.node() instanceof TsNode.Field f) || f.isStatic() || f.name() == null || depth > MAX_DEPTH) return;
        Map<String, Decorator> byName = decorators(f, m.module());
        for (var e : byName.entrySet()) {
            if (TypeOrmDecorators.role(e.getKey()) != Role.COLUMN || e.getKey().equals("ViewColumn")) continue;
            Decorator d = e.getValue();
            if (e.getKey().equals("Column") && !d.args().isEmpty() && d.args().get(0) instanceof TsNode.Function fn) {
                embedded(shape, m, f, d, fn, prefix, forceNullable, into, depth);
                continue;
            }
            Col col = column(shape, m, f, e.getKey(), d, byName.get("Generated"), prefix);
            if (forceNullable) col = new Col(col.property(), col.column().withNullable(true), col.primary(), col.keyName());
            put(into, col);
        }
    }

    private void embedded(Shape shape, Member m, TsNode.Field f, Decorator d, TsNode.Function fn, String outerPrefix,
                          boolean forceNullable, List<Col> into, int depth) {
        String target = returnedName(fn);
        TsNode.Obj options = TypeOrmEntityReader.optionsOf(d.args().subList(1, d.args().size()));
        String prefix = f.name();
        if (options != null && options.prop("prefix").isPresent()) {
            Object p = scope.value(options.prop("prefix").get().value(), m.module(), m.path()).orElse(null);
            if (Boolean.FALSE.equals(p)) prefix = "";
            else if (p instanceof String s) prefix = s;
        }
        String fullPrefix = naming.embeddedPrefix(outerPrefix, prefix);
        Optional<Found<ClassDecl>> cls = scope.classNamed(target, m.module(), m.path());
        if (cls.isEmpty()) return;
        List<Member> inner = new ArrayList<>();
        collectMembers(cls.get().node(), cls.get().module(), cls.get().path(), inner, 0);
        for (Member im : inner) {
            // TypeORM makes every embedded column of a single-table hierarchy nullable.
            memberColumns(shape, im, fullPrefix, forceNullable || shape.inheritance(), into, depth + 1);
        }
    }

    /** One column decorator on one property. */
    private Col column(Shape shape, Member m, TsNode.Field f, String decorator, Decorator d, Decorator generatedBy,
                       String prefix) {
        TsNode.Module module = m.module();
        String path = m.path();
        Location at = Location.at(path, d.line(), d.column());
        TsNode.Obj o = TypeOrmEntityReader.optionsOf(d.args());
        boolean unknownType = false;
        String spelled = null;
        Kind kind = switch (decorator) {
            case "PrimaryColumn" -> Kind.PRIMARY;
            case "PrimaryGeneratedColumn" -> Kind.INCREMENT;
            case "CreateDateColumn" -> Kind.CREATE_DATE;
            case "UpdateDateColumn" -> Kind.UPDATE_DATE;
            case "DeleteDateColumn" -> Kind.DELETE_DATE;
            case "VersionColumn" -> Kind.VERSION;
            default -> Kind.COLUMN;
        };
        // Options built at run time (a call, a condition) may say anything: the column is then unknown but for its name.
        boolean opaque = false;
        for (int i = 1; i < d.args().size(); i++) opaque |= !(d.args().get(i) instanceof TsNode.Obj);
        if (!d.args().isEmpty() && !(d.args().get(0) instanceof TsNode.Obj)) {
            TsNode first = d.args().get(0);
            if (kind == Kind.INCREMENT) {
                kind = strategy(scope.value(first, module, path).orElse(null)).orElse(null);
                if (kind == null) {
                    kind = Kind.INCREMENT;
                    opaque = true;
                }
            } else {
                Optional<String> t = typeArgument(first, module, path);
                if (t.isPresent()) spelled = t.get();
                else opaque = true;
            }
        }
        // A spread ({ ...shared(), nullable: true }) may set any option but those written after it.
        Set<String> afterSpread = null;
        if (o != null) {
            for (TsNode.Prop p : o.props()) {
                if (p.key() == null) afterSpread = new java.util.HashSet<>();
                else if (afterSpread != null) afterSpread.add(p.key());
            }
        }
        if (o != null && o.prop("type").isPresent()) {
            Optional<String> t = typeArgument(o.prop("type").get().value(), module, path);
            if (t.isPresent()) spelled = t.get();
            else unknownType = true;
        }
        if (kind == Kind.INCREMENT && o != null && o.prop("strategy").isPresent()) {
            kind = strategy(scope.value(o.prop("strategy").get().value(), module, path).orElse(null)).orElse(kind);
        }
        if (kind == Kind.COLUMN && bool(o, "primary", module, path).orElse(false)) kind = Kind.PRIMARY;
        Object generated = generatedBy != null && !generatedBy.args().isEmpty()
                ? scope.value(generatedBy.args().get(0), module, path).orElse(null)
                : generatedBy != null ? "increment" : o == null ? null
                : o.prop("generated").flatMap(p -> scope.value(p.value(), module, path)).orElse(null);
        if (Boolean.TRUE.equals(generated)) generated = "increment";
        // The key is what the decorator says; a generation strategy (@Generated('uuid')) fills a column, key or not.
        boolean primary = kind != Kind.COLUMN && kind != Kind.CREATE_DATE && kind != Kind.UPDATE_DATE
                && kind != Kind.DELETE_DATE && kind != Kind.VERSION;
        if ((kind == Kind.COLUMN || kind == Kind.PRIMARY) && generated instanceof String g) {
            kind = strategy(g).orElse(kind);
        }

        String given = o == null ? null : o.prop("name").flatMap(p -> string(p.value(), module, path)).orElse(null);
        String name = naming.columnName(f.name(), given, prefix);

        TypeOrmColumnTypes.Options options = TypeOrmColumnTypes.Options.none().withType(spelled);
        Integer length = integer(o, "length", module, path);
        Integer precision = integer(o, "precision", module, path);
        Integer scale = integer(o, "scale", module, path);
        Integer width = integer(o, "width", module, path);
        for (String key : List.of("length", "precision", "scale", "width")) {
            if (o != null && o.prop(key).isPresent() && integer(o, key, module, path) == null
                    && !isNullish(o.prop(key).get().value(), module, path)) {
                unknownType = true;
            }
        }
        options = options.withLength(length).withPrecision(precision, scale)
                .withWidth(width, bool(o, "unsigned", module, path).orElse(false))
                .withArray(bool(o, "array", module, path).orElse(false));
        Optional<Boolean> nullableOption = bool(o, "nullable", module, path);
        boolean nullableUnknown = o != null && o.prop("nullable").isPresent() && nullableOption.isEmpty();
        Optional<TsNode> defaultNode = o == null ? Optional.empty() : o.prop("default").map(TsNode.Prop::value);
        Optional<Object> defaultValue = defaultNode.flatMap(n -> scope.value(n, module, path));
        boolean defaultNull = defaultValue.map(v -> v == TsScope.NULL).orElse(false);
        options = options.withNullable(nullableOption.orElse(null), defaultNull);
        List<String> enumValues = null;
        boolean enumUnknown = false;
        if (o != null && o.prop("enum").isPresent()) {
            Optional<List<String>> values = enumOption(o.prop("enum").get().value(), module, path);
            enumValues = values.orElse(null);
            enumUnknown = values.isEmpty();
        }
        options = options.withEnum(enumValues, o == null ? null
                : o.prop("enumName").flatMap(p -> string(p.value(), module, path)).orElse(null));
        options = options.withGeneration(o == null ? null
                : o.prop("generatedIdentity").flatMap(p -> string(p.value(), module, path)).orElse(null), null);

        DesignType design = f.type() == null ? DesignType.NONE : design(f.type(), module, path, 0);
        if (design == null) {
            design = DesignType.NONE;
            if (spelled == null) unknownType = true;
        }
        var resolved = TypeOrmColumnTypes.resolve(dialect, kind, design, options, shape.table(), name);
        SqlType type = unknownType ? null : resolved.type();
        List<String> values = enumUnknown ? null : resolved.enumValues();
        ColumnDefault dflt = resolved.defaultValue();
        if (defaultNode.isPresent() && !defaultNull) {
            dflt = defaultValue.map(v -> columnDefault(v, scale)).orElse(ColumnDefault.UNKNOWN);
        }
        Generated gen = resolved.generated();
        if (o != null && o.prop("asExpression").isPresent()) {
            Optional<String> expression = o.prop("asExpression").flatMap(p -> string(p.value(), module, path));
            String stored = o.prop("generatedType").flatMap(p -> string(p.value(), module, path)).orElse("VIRTUAL");
            gen = expression.map(x -> Generated.computed(x, stored.equalsIgnoreCase("STORED"))).orElse(Generated.UNKNOWN);
        }
        Optional<Boolean> uniqueOption = bool(o, "unique", module, path);
        Boolean unique = o != null && o.prop("unique").isPresent() && uniqueOption.isEmpty() ? null
                : uniqueOption.orElse(false);
        Column column = new Column(name, type, nullableUnknown ? null : resolved.nullable(), dflt, gen, unique, values,
                at);
        String keyName = o == null ? null : o.prop("primaryKeyConstraintName")
                .flatMap(p -> string(p.value(), module, path)).orElse(null);
        if (opaque) return new Col(f.name(), Column.unknown(name, at), primary, keyName);
        if (afterSpread != null) {
            Set<String> written = afterSpread;
            column = new Column(name, null, written.contains("nullable") ? column.nullable() : null,
                    written.contains("default") ? dflt : ColumnDefault.UNKNOWN, Generated.UNKNOWN,
                    written.contains("unique") ? column.unique() : null, null, at);
        }
        return new Col(f.name(), column, primary, keyName);
    }

    private static Optional<Kind> strategy(Object value) {
        if (!(value instanceof String s)) return Optional.empty();
        return switch (s) {
            case "increment" -> Optional.of(Kind.INCREMENT);
            case "uuid" -> Optional.of(Kind.UUID);
            case "rowid" -> Optional.of(Kind.ROWID);
            case "identity" -> Optional.of(Kind.IDENTITY);
            default -> Optional.empty();
        };
    }

    /** A {@code type}: a spelling, or one of the constructors {@code String}, {@code Number}... by name. */
    private Optional<String> typeArgument(TsNode n, TsNode.Module module, String path) {
        if (n instanceof TsNode.Ident id && GLOBALS.containsKey(id.name()) && module.importOf(id.name()).isEmpty()
                && module.declared(TsNode.Var.class, id.name()).isEmpty()) {
            return Optional.of(id.name());
        }
        return string(n, module, path);
    }

    /** An {@code enum} option's values as text: an enum's member values, or an array of literals. */
    private Optional<List<String>> enumOption(TsNode n, TsNode.Module module, String path) {
        Optional<List<Object>> values = n instanceof TsNode.Ident id && scope.declared(TsNode.Enum.class, id.name(),
                module, path).isPresent() ? scope.enumValues(id.name(), module, path)
                : scope.value(n, module, path).flatMap(v -> {
                    if (v instanceof List<?> l) return Optional.of(new ArrayList<Object>(l));
                    if (v instanceof Map<?, ?> map) return Optional.of(new ArrayList<Object>(map.values()));
                    return Optional.empty();
                });
        return values.map(vs -> vs.stream().map(TsScope::text).toList());
    }

    /** {@code normalizeDefault}'s input: what kind of value the {@code default} option holds. */
    private ColumnDefault columnDefault(Object v, Integer scale) {
        DefaultValue value;
        if (v instanceof String s) value = new DefaultValue(ValueKind.STRING, s);
        else if (v instanceof BigDecimal) value = new DefaultValue(ValueKind.NUMBER, TsScope.text(v));
        else if (v instanceof Boolean b) value = new DefaultValue(ValueKind.BOOLEAN, b.toString());
        else if (v instanceof TsScope.Sql sql) value = new DefaultValue(ValueKind.SQL, sql.text());
        else value = TsScope.json(v).map(j -> new DefaultValue(ValueKind.JSON, j)).orElse(null);
        return value == null ? ColumnDefault.UNKNOWN : TypeOrmColumnTypes.defaultValue(dialect, value, scale);
    }

    /**
     * The {@code design:type} {@code tsc} records for a written type (its {@code serializeTypeNode}), with
     * {@code null} and {@code undefined} left out of unions as without {@code strictNullChecks}: under that flag
     * {@code string | null} records {@code Object}, which TypeORM refuses, so a project that runs has it as
     * {@code string}. Null when the type cannot be told (a name that cannot be resolved).
     */
    private DesignType design(TsType t, TsNode.Module module, String path, int depth) {
        if (depth > MAX_DEPTH) return null;
        if (t instanceof TsType.Keyword k) {
            return switch (k.name()) {
                case "string" -> DesignType.STRING;
                case "number" -> DesignType.NUMBER;
                case "boolean" -> DesignType.BOOLEAN;
                case "null", "undefined", "void", "never" -> DesignType.NONE;
                case "bigint", "symbol" -> DesignType.NONE;
                default -> DesignType.OBJECT;
            };
        }
        if (t instanceof TsType.Literal l) {
            return switch (l.kind()) {
                case "string" -> DesignType.STRING;
                case "number" -> DesignType.NUMBER;
                case "boolean" -> DesignType.BOOLEAN;
                default -> DesignType.NONE;
            };
        }
        if (t instanceof TsType.ArrayOf) return DesignType.ARRAY;
        if (t instanceof TsType.Union u) return union(u, module, path, depth);
        if (t instanceof TsType.Ref r) return reference(r, module, path, depth);
        return DesignType.OBJECT;
    }

    private DesignType union(TsType.Union u, TsNode.Module module, String path, int depth) {
        DesignType common = null;
        for (TsType m : u.members()) {
            if (m instanceof TsType.Keyword k) {
                String n = k.name();
                if (n.equals("never")) {
                    if (u.intersection()) return DesignType.NONE;
                    continue;
                }
                if (n.equals("unknown")) {
                    if (!u.intersection()) return DesignType.OBJECT;
                    continue;
                }
                if (n.equals("any")) return DesignType.OBJECT;
                if (n.equals("null") || n.equals("undefined")) continue;
            }
            DesignType d = design(m, module, path, depth + 1);
            if (d == null) return null;
            if (d == DesignType.OBJECT) return DesignType.OBJECT;
            if (common != null && common != d) return DesignType.OBJECT;
            common = d;
        }
        return common == null ? DesignType.NONE : common;
    }

    /** A named type: a global constructor, a string intrinsic, or what a local or imported declaration makes it. */
    private DesignType reference(TsType.Ref r, TsNode.Module module, String path, int depth) {
        if (r.qualifier() != null) return null;
        String name = r.name();
        Optional<Found<TsNode.TypeAlias>> alias = scope.declared(TsNode.TypeAlias.class, name, module, path);
        if (alias.isPresent()) return design(alias.get().node().type(), alias.get().module(), alias.get().path(), depth + 1);
        Optional<Found<TsNode.Enum>> e = scope.declared(TsNode.Enum.class, name, module, path);
        if (e.isPresent()) {
            boolean strings = false;
            boolean numbers = false;
            Map<String, Object> members = scope.enumMembers(e.get());
            if (members.size() != e.get().node().members().size()) return null;
            for (Object v : members.values()) {
                if (v instanceof String) strings = true;
                else numbers = true;
            }
            return strings && numbers ? DesignType.OBJECT : strings ? DesignType.STRING : DesignType.NUMBER;
        }
        if (scope.classNamed(name, module, path).isPresent()) return DesignType.OBJECT;
        if (module.importOf(name).isPresent()) {
            // An interface or a type from a package: neither is a value tsc can name, except a class, which is Object.
            return null;
        }
        if (INTRINSIC_STRINGS.contains(name)) return DesignType.STRING;
        if (name.equals("NonNullable") && r.args().size() == 1) return design(r.args().get(0), module, path, depth + 1);
        if (GLOBALS.containsKey(name)) return GLOBALS.get(name);
        if (name.equals("Promise") || name.equals("Record") || name.equals("Partial") || name.equals("Readonly")
                || name.equals("Pick") || name.equals("Omit") || name.equals("Map") || name.equals("Set")
                || name.equals("Object") || name.equals("Function")) {
            return DesignType.OBJECT;
        }
        // An interface declared in this file is Object; anything else cannot be told.
        return module.body().stream().anyMatch(n -> n instanceof TsNode.Other o && o.kind().equals("TsInterfaceDecl")
                && o.children().stream().anyMatch(c -> c instanceof TsNode.Ident id && id.name().equals(name)))
                ? DesignType.OBJECT : null;
    }

    /** The discriminator column of {@code @TableInheritance({ column })}: named {@code type} unless given. */
    private void discriminator(Shape shape, List<Col> columns) {
        for (Decorator d : shape.cls().decorators()) {
            if (!TypeOrmEntityReader.typeormName(shape.module(), d).map(n -> n.equals("TableInheritance")).orElse(false)) {
                continue;
            }
            TsNode.Obj o = TypeOrmEntityReader.optionsOf(d.args());
            if (o == null || o.prop("column").isEmpty()) continue;
            TsNode c = o.prop("column").get().value();
            Location at = Location.at(shape.path(), d.line(), d.column());
            if (c instanceof TsNode.Obj co) {
                String name = string(co.prop("name").map(TsNode.Prop::value).orElse(null), shape.module(), shape.path())
                        .orElse("type");
                if (columns.stream().anyMatch(x -> x.column().name().equals(name))) continue;
                Decorator synthetic = new Decorator(d.line(), d.column(), "Column", null, List.of(co));
                TsNode.Field field = new TsNode.Field(d.line(), d.column(), name, List.of(), null, null, false, false);
                Col col = column(shape, new Member(field, shape.module(), shape.path()), field, "Column", synthetic,
                        null, "");
                put(columns, new Col(name, col.column().withLocation(at), false));
            } else {
                // A bare name gives the column no type: TypeORM takes it from elsewhere, which cannot be told here.
                String n = string(c, shape.module(), shape.path()).orElse("type");
                if (columns.stream().noneMatch(x -> x.column().name().equals(n))) {
                    put(columns, new Col(n, Column.unknown(n, at), false));
                }
            }
        }
    }

    /** The columns a materialized-path or nested-set tree adds to its table. */
    private void treeColumns(Shape shape, List<Col> columns) {
        for (Decorator d : shape.cls().decorators()) {
            if (!TypeOrmEntityReader.typeormName(shape.module(), d).map(n -> n.equals("Tree")).orElse(false)) continue;
            String strategy = d.args().isEmpty() ? "" : string(d.args().get(0), shape.module(), shape.path()).orElse("");
            Location at = Location.at(shape.path(), d.line(), d.column());
            var none = TypeOrmColumnTypes.Options.none();
            if (strategy.equals("materialized-path")) {
                var r = TypeOrmColumnTypes.resolve(dialect, Kind.COLUMN, DesignType.STRING, none.withNullable(true, false),
                        shape.table(), "mpath");
                put(columns, new Col("mpath", new Column("mpath", r.type(), true,
                        columnDefault("", null), Generated.NONE, false, null, at), false));
            } else if (strategy.equals("nested-set")) {
                var r = TypeOrmColumnTypes.resolve(dialect, Kind.COLUMN, DesignType.NUMBER, none, shape.table(), "nsleft");
                put(columns, new Col("nsleft", new Column("nsleft", r.type(), false,
                        columnDefault(BigDecimal.ONE, null), Generated.NONE, false, null, at), false));
                put(columns, new Col("nsright", new Column("nsright", r.type(), false,
                        columnDefault(BigDecimal.valueOf(2), null), Generated.NONE, false, null, at), false));
            }
        }
    }

    // ---- relations, keys and constraints

    /** Turns one shape into its table, adding relations, keys, indexes and constraints, and its junction tables. */
    private final class Builder {
        final Shape shape;
        final List<Col> columns;
        final List<Table> extra = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        /** Relation properties mapped to their join columns, for indexes and uniques that name a relation. */
        final Map<String, List<String>> relationColumns = new LinkedHashMap<>();

        Builder(Shape shape) {
            this.shape = shape;
            this.columns = new ArrayList<>(shape.columns());
        }

        List<Table> build() {
            Location at = Location.at(shape.path(), shape.entity().line(), shape.entity().column());
            if (shape.view()) return List.of(view(at));
            List<Member> members = new ArrayList<>();
            if (isChild()) {
                for (TsNode n : shape.cls().members()) members.add(new Member(n, shape.module(), shape.path()));
            } else {
                collectMembers(shape.cls(), shape.module(), shape.path(), members, 0);
            }
            for (Member m : members) relations(m);
            for (Member m : members) propertyConstraints(m);
            for (Decorator d : shape.cls().decorators()) classConstraint(d);
            for (Col c : columns) {
                if (Boolean.TRUE.equals(c.column().unique())) {
                    uniques.add(new UniqueConstraint(null, List.of(c.column().name()), c.column().location()));
                }
            }
            closure(at);
            Table t = Table.table(shape.schema(), shape.table(), at);
            for (Col c : columns) t = t.withColumn(dialect, c.column());
            List<Col> primary = columns.stream().filter(Col::primary).toList();
            if (!primary.isEmpty()) {
                String name = null;
                for (Col c : primary) name = name != null ? name : c.keyName();
                t = t.withPrimaryKey(new PrimaryKey(name, primary.stream().map(c -> c.column().name()).toList(),
                        primary.get(0).column().location()));
            }
            for (ForeignKey f : foreignKeys) t = t.withForeignKey(f);
            for (Index i : indexes) t = t.withIndex(i);
            for (UniqueConstraint u : uniques) t = t.withUnique(u);
            for (CheckConstraint c : checks) t = t.withCheck(c);
            List<Table> out = new ArrayList<>();
            out.add(t);
            out.addAll(extra);
            return out;
        }

        private boolean isChild() {
            return TypeOrmEntityReader.typeormName(shape.module(), shape.entity()).map(n -> n.equals("ChildEntity"))
                    .orElse(false);
        }

        private Table view(Location at) {
            TsNode.Obj o = TypeOrmEntityReader.optionsOf(shape.entity().args());
            String expression = o == null ? null : o.prop("expression")
                    .flatMap(p -> scope.value(p.value(), shape.module(), shape.path()))
                    .filter(v -> v instanceof String).map(v -> (String) v).orElse(null);
            return Table.view(shape.schema(), shape.table(), expression, at);
        }

        private void relations(Member m) {
            if (!(m.node() instanceof TsNode.Field f) || f.isStatic() || f.name() == null) return;
            Map<String, Decorator> byName = decorators(f, m.module());
            Decorator join = byName.get("JoinColumn");
            if (byName.containsKey("ManyToOne") || byName.containsKey("OneToOne") && join != null) {
                String kind = byName.containsKey("ManyToOne") ? "ManyToOne" : "OneToOne";
                toOne(m, f, byName.get(kind), join, kind.equals("OneToOne"));
            } else if (byName.containsKey("TreeParent")) {
                toOne(m, f, byName.get("TreeParent"), join, false);
            }
            if (byName.containsKey("ManyToMany") && byName.containsKey("JoinTable")) {
                junction(m, f, byName.get("ManyToMany"), byName.get("JoinTable"));
            }
        }

        private void toOne(Member m, TsNode.Field f, Decorator relation, Decorator join, boolean oneToOne) {
            Location at = Location.at(m.path(), relation.line(), relation.column());
            TsNode.Obj o = relation.name().equals("TreeParent") ? TypeOrmEntityReader.optionsOf(relation.args())
                    : TypeOrmEntityReader.optionsOf(relation.args().subList(Math.min(1, relation.args().size()),
                    relation.args().size()));
            Optional<Shape> target = relation.name().equals("TreeParent") ? Optional.of(shape)
                    : target(relation, m);
            boolean primary = bool(o, "primary", m.module(), m.path()).orElse(false);
            Optional<Boolean> nullableOption = bool(o, "nullable", m.module(), m.path());
            // Options built at run time, or spread from elsewhere, leave what they may set unknown.
            boolean opaque = relation.args().stream().skip(1).anyMatch(a -> !(a instanceof TsNode.Obj
                    || a instanceof TsNode.Function || a instanceof TsNode.Str));
            Boolean nullable = primary ? Boolean.FALSE : opaque || !readable(o, "nullable")
                    || o != null && o.prop("nullable").isPresent() && nullableOption.isEmpty() ? null
                    : !nullableOption.orElse(true).equals(false);
            List<Map<String, Object>> joins = joinColumns(join, m);
            List<Col> referenced = referenced(target, joins);
            List<String> names = new ArrayList<>();
            List<String> referencedNames = new ArrayList<>();
            String constraintName = null;
            for (Col ref : referenced) {
                Map<String, Object> jc = joins.stream().filter(j -> (j.get("referencedColumnName") == null
                        || j.get("referencedColumnName").equals(ref.property())) && j.get("name") instanceof String)
                        .findFirst().orElse(Map.of());
                if (constraintName == null && jc.get("foreignKeyConstraintName") instanceof String s) constraintName = s;
                String name = jc.get("name") instanceof String s ? s : naming.joinColumnName(f.name(), ref.property());
                names.add(name);
                referencedNames.add(ref.column().name());
                Column refColumn = ref.column();
                Optional<Col> existing = columns.stream().filter(c -> c.column().name().equals(name)).findFirst();
                if (existing.isPresent()) {
                    // A column declared for the join column keeps its options; its type is the referenced one.
                    Col e = existing.get();
                    put(columns, new Col(e.property(), e.column().withType(refColumn.type())
                            .withEnumValues(refColumn.enumValues()), e.primary() || primary));
                } else {
                    put(columns, new Col(f.name(), new Column(name, refColumn.type(), nullable, ColumnDefault.NONE,
                            Generated.NONE, false, refColumn.enumValues(), at), primary));
                }
            }
            relationColumns.put(f.name(), names);
            if (names.isEmpty()) return;
            if (bool(o, "createForeignKeyConstraints", m.module(), m.path()).orElse(true)) {
                // ForeignKeyMetadata: NO ACTION unless the relation says otherwise (Oracle has no ON UPDATE).
                String onDelete = opaque ? null : action(o, "onDelete", m, "NO ACTION");
                String onUpdate = dialect == Dialect.ORACLE ? "NO ACTION" : opaque ? null
                        : action(o, "onUpdate", m, "NO ACTION");
                boolean knownTarget = target.isPresent();
                foreignKeys.add(new ForeignKey(constraintName, names, knownTarget ? target.get().schema() : null,
                        knownTarget ? target.get().table() : null, knownTarget ? referencedNames : null, onDelete,
                        onUpdate, at));
            }
            if (oneToOne && !primary) uniques.add(new UniqueConstraint(null, names, at));
        }

        /** The key columns a relation references: those {@code referencedColumnName} names, else the target's key. */
        private List<Col> referenced(Optional<Shape> target, List<Map<String, Object>> joins) {
            List<String> byName = joins.stream().map(j -> j.get("referencedColumnName"))
                    .filter(v -> v instanceof String).map(v -> (String) v).toList();
            if (target.isEmpty()) {
                // The key cannot be read: assume TypeORM's usual `id`, its type unknown.
                List<String> props = byName.isEmpty() ? List.of("id") : byName;
                return props.stream().map(p -> new Col(p, Column.unknown(p, null), true)).toList();
            }
            if (byName.isEmpty()) return target.get().primary();
            List<Col> out = new ArrayList<>();
            for (String p : byName) {
                out.add(target.get().byProperty(p).orElse(new Col(p, Column.unknown(p, null), false)));
            }
            return out;
        }

        private List<Map<String, Object>> joinColumns(Decorator join, Member m) {
            if (join == null || join.args().isEmpty()) return List.of();
            Object v = scope.value(join.args().get(0), m.module(), m.path()).orElse(null);
            List<Map<String, Object>> out = new ArrayList<>();
            if (v instanceof Map<?, ?> one) out.add(stringKeys(one));
            else if (v instanceof List<?> many) {
                for (Object item : many) if (item instanceof Map<?, ?> map) out.add(stringKeys(map));
            }
            return out;
        }

        private void junction(Member m, TsNode.Field f, Decorator relation, Decorator joinTable) {
            Location at = Location.at(m.path(), joinTable.line(), joinTable.column());
            Optional<Shape> target = target(relation, m);
            TsNode.Obj ro = TypeOrmEntityReader.optionsOf(relation.args().subList(Math.min(1, relation.args().size()),
                    relation.args().size()));
            Map<String, Object> jt = joinTable.args().isEmpty() ? Map.of()
                    : scope.value(joinTable.args().get(0), m.module(), m.path()).filter(v -> v instanceof Map<?, ?>)
                    .map(v -> stringKeys((Map<?, ?>) v)).orElse(Map.of());
            if (Boolean.FALSE.equals(jt.get("synchronize"))) return;
            String targetTable = target.map(Shape::table).orElse(null);
            String name = jt.get("name") instanceof String s ? s : targetTable == null ? null
                    : naming.joinTableName(shape.table(), f.name(), targetTable);
            if (name == null) return;
            String schema = jt.get("schema") instanceof String s ? s : jt.get("database") instanceof String s2 ? s2
                    : shape.schema();
            Table t = Table.table(schema, name, at);
            List<String> all = new ArrayList<>();
            // JunctionEntityMetadataBuilder: CASCADE unless the relation says otherwise (Oracle has no ON UPDATE).
            String onDelete = action(ro, "onDelete", m, "CASCADE");
            String onUpdate = dialect == Dialect.ORACLE ? "NO ACTION" : action(ro, "onUpdate", m, "CASCADE");
            Shape owner = shape;
            for (int side = 0; side < 2; side++) {
                Optional<Shape> s = side == 0 ? Optional.of(owner) : target;
                Object spec = jt.get(side == 0 ? "joinColumn" : "inverseJoinColumn");
                Object specs = jt.get(side == 0 ? "joinColumns" : "inverseJoinColumns");
                List<Map<String, Object>> joins = new ArrayList<>();
                if (spec instanceof Map<?, ?> one) joins.add(stringKeys(one));
                if (specs instanceof List<?> many) {
                    for (Object i : many) if (i instanceof Map<?, ?> map) joins.add(stringKeys(map));
                }
                List<Col> refs = referenced(s, joins);
                String table = s.map(Shape::table).orElse(null);
                List<String> names = new ArrayList<>();
                List<String> refNames = new ArrayList<>();
                String constraintName = null;
                for (Col ref : refs) {
                    Map<String, Object> jc = joins.stream().filter(j -> (j.get("referencedColumnName") == null
                            || j.get("referencedColumnName").equals(ref.property())) && j.get("name") instanceof String)
                            .findFirst().orElse(Map.of());
                    if (constraintName == null && jc.get("foreignKeyConstraintName") instanceof String c) {
                        constraintName = c;
                    }
                    String column = jc.get("name") instanceof String n ? n : table == null ? null
                            : naming.joinTableColumnName(table, ref.column().name());
                    if (column == null) return;
                    names.add(column);
                    refNames.add(ref.column().name());
                    t = t.withColumn(dialect, new Column(column, ref.column().type(), false, ColumnDefault.NONE,
                            Generated.NONE, false, ref.column().enumValues(), at));
                }
                all.addAll(names);
                t = t.withIndex(new Index(null, names, false, null, null, at));
                t = t.withForeignKey(new ForeignKey(constraintName, names, s.map(Shape::schema).orElse(null), table,
                        s.isPresent() ? refNames : null, side == 0 ? onDelete : "CASCADE",
                        side == 0 ? onUpdate : dialect == Dialect.ORACLE ? "NO ACTION" : "CASCADE", at));
            }
            extra.add(t.withPrimaryKey(new PrimaryKey(null, all, at)));
        }

        /** An {@code onDelete}/{@code onUpdate} option, {@code absent} when not given; null (unknown) when not a literal. */
        private String action(TsNode.Obj o, String key, Member m, String absent) {
            if (!readable(o, key)) return null;
            if (o == null || o.prop(key).isEmpty()) return absent;
            return string(o.prop(key).get().value(), m.module(), m.path()).orElse(null);
        }

        /** A relation's target entity: {@code () => Team}, {@code type => Team} or {@code 'Team'}. */
        private Optional<Shape> target(Decorator relation, Member m) {
            if (relation.args().isEmpty()) return Optional.empty();
            TsNode first = relation.args().get(0);
            String name = first instanceof TsNode.Function fn ? returnedName(fn)
                    : TsValues.literalString(first).orElse(null);
            if (name == null) return Optional.empty();
            if (name.equals(shape.cls().name())) return Optional.of(shape);
            return scope.classNamed(name, m.module(), m.path())
                    .flatMap(c -> shape(c.node(), c.module(), c.path(), 1));
        }

        private void propertyConstraints(Member m) {
            if (!(m.node() instanceof TsNode.Field f) || f.isStatic() || f.name() == null) return;
            for (Decorator d : f.decorators()) {
                Optional<String> n = TypeOrmEntityReader.typeormName(m.module(), d);
                if (n.isEmpty()) continue;
                Location at = Location.at(m.path(), d.line(), d.column());
                if (n.get().equals("Index")) {
                    String name = d.args().isEmpty() ? null : string(d.args().get(0), m.module(), m.path()).orElse(null);
                    index(name, List.of(f.name()), TypeOrmEntityReader.optionsOf(d.args()), m, at);
                } else if (n.get().equals("Unique")) {
                    String name = d.args().isEmpty() ? null : string(d.args().get(0), m.module(), m.path()).orElse(null);
                    uniques.add(new UniqueConstraint(name, columnsOf(List.of(f.name())), at));
                } else if (n.get().equals("ForeignKey")) {
                    columnForeignKey(f, d, m, at);
                }
            }
        }

        /**
         * {@code @ForeignKey(() => Team, 'id', { onDelete })} on a column (TypeORM 0.3.18+): a foreign key without a
         * relation. The referenced column is the one named, else the target's key; an unreadable target leaves it
         * unknown, and the key is still there.
         */
        private void columnForeignKey(TsNode.Field f, Decorator d, Member m, Location at) {
            Optional<Shape> target = target(d, m);
            String column = d.args().size() > 1 ? string(d.args().get(1), m.module(), m.path()).orElse(null) : null;
            TsNode.Obj o = d.args().size() > 1 && d.args().get(d.args().size() - 1) instanceof TsNode.Obj obj ? obj
                    : null;
            List<String> referencedColumns = null;
            if (target.isPresent()) {
                List<Col> keys = column == null ? target.get().primary()
                        : target.get().byProperty(column).map(List::of).orElse(List.of());
                if (!keys.isEmpty()) referencedColumns = keys.stream().map(k -> k.column().name()).toList();
            }
            String onUpdate = dialect == Dialect.ORACLE ? "NO ACTION" : action(o, "onUpdate", m, "NO ACTION");
            String name = o == null ? null : o.prop("name").flatMap(p -> string(p.value(), m.module(), m.path()))
                    .orElse(null);
            foreignKeys.add(new ForeignKey(name, columnsOf(List.of(f.name())), target.map(Shape::schema).orElse(null),
                    target.map(Shape::table).orElse(null), referencedColumns, action(o, "onDelete", m, "NO ACTION"),
                    onUpdate, at));
        }

        private void classConstraint(Decorator d) {
            Optional<String> n = TypeOrmEntityReader.typeormName(shape.module(), d);
            if (n.isEmpty()) return;
            Location at = Location.at(shape.path(), d.line(), d.column());
            Member self = new Member(shape.cls(), shape.module(), shape.path());
            List<TsNode> args = d.args();
            String name = !args.isEmpty() && args.size() > 1 && !(args.get(0) instanceof TsNode.Arr)
                    ? string(args.get(0), shape.module(), shape.path()).orElse(null) : null;
            switch (n.get()) {
                // Columns that cannot be read leave the index out: told wrong, it would be a change of every commit.
                case "Index" -> properties(args).ifPresent(props -> index(name, props,
                        TypeOrmEntityReader.optionsOf(args), self, at));
                case "Unique" -> properties(args).ifPresent(props -> uniques.add(new UniqueConstraint(name,
                        columnsOf(props), at)));
                // An exclusion constraint (PostgreSQL) is kept as a constraint with its whole EXCLUDE clause.
                case "Exclusion" -> {
                    String expression = args.isEmpty() ? null
                            : string(args.get(args.size() - 1), shape.module(), shape.path()).orElse(null);
                    checks.add(CheckConstraint.of(name, expression == null ? null : "EXCLUDE " + expression, at));
                }
                case "Check" -> {
                    String expression = args.isEmpty() ? null
                            : string(args.get(args.size() - 1), shape.module(), shape.path()).orElse(null);
                    checks.add(CheckConstraint.of(name, expression, at));
                }
                default -> {
                }
            }
        }

        private void index(String name, List<String> properties, TsNode.Obj o, Member m, Location at) {
            boolean unique = bool(o, "unique", m.module(), m.path()).orElse(false);
            String where = o == null ? null : o.prop("where").flatMap(p -> string(p.value(), m.module(), m.path()))
                    .orElse(null);
            String method = bool(o, "spatial", m.module(), m.path()).orElse(false) && dialect == Dialect.POSTGRES
                    ? "gist" : null;
            indexes.add(new Index(name, columnsOf(properties), unique,
                    where == null ? null : dev.migrationguard.model.schema.SqlText.normalise(where), method, at));
        }

        /** Property names given to a class-level {@code @Index}/{@code @Unique}: an array, or a function returning one. */
        private Optional<List<String>> properties(List<TsNode> args) {
            for (TsNode a : args) {
                if (a instanceof TsNode.Arr arr) {
                    List<String> out = new ArrayList<>();
                    for (TsNode i : arr.items()) {
                        Optional<String> s = string(i, shape.module(), shape.path());
                        if (s.isEmpty()) return Optional.empty();
                        out.add(s.get());
                    }
                    return Optional.of(out);
                }
                if (a instanceof TsNode.Function fn && !fn.body().statements().isEmpty()
                        && fn.body().statements().get(fn.body().statements().size() - 1) instanceof TsNode.Return r) {
                    List<TsNode> items = r.value() instanceof TsNode.Arr arr ? arr.items()
                            : r.value() instanceof TsNode.Obj obj ? obj.props().stream().map(p -> (TsNode)
                            new TsNode.Ident(p.line(), p.column(), p.key() == null ? "?" : p.key())).toList()
                            : List.of();
                    List<String> out = new ArrayList<>();
                    for (TsNode i : items) {
                        if (i instanceof TsNode.Member mem && mem.property() != null) out.add(mem.property());
                        else if (i instanceof TsNode.Ident id) out.add(id.name());
                        else return Optional.empty();
                    }
                    return out.isEmpty() ? Optional.empty() : Optional.of(out);
                }
            }
            return Optional.empty();
        }

        /** Property names as stored column names: a relation's are its join columns. */
        private List<String> columnsOf(List<String> properties) {
            List<String> out = new ArrayList<>();
            for (String p : properties) {
                if (relationColumns.containsKey(p)) {
                    out.addAll(relationColumns.get(p));
                    continue;
                }
                Optional<Col> c = columns.stream().filter(x -> p.equals(x.property())).findFirst();
                out.add(c.map(x -> x.column().name()).orElse(p));
            }
            return out;
        }

        /** A closure-table tree's closure table: ancestor and descendant keys of every pair. */
        private void closure(Location entityAt) {
            for (Decorator d : shape.cls().decorators()) {
                if (!TypeOrmEntityReader.typeormName(shape.module(), d).map(n -> n.equals("Tree")).orElse(false)) {
                    continue;
                }
                if (d.args().isEmpty() || !string(d.args().get(0), shape.module(), shape.path())
                        .orElse("").equals("closure-table")) {
                    continue;
                }
                Location at = Location.at(shape.path(), d.line(), d.column());
                Table t = Table.table(shape.schema(), naming.closureTable(shape.table()), at);
                List<String> all = new ArrayList<>();
                for (String suffix : List.of("_ancestor", "_descendant")) {
                    List<String> names = new ArrayList<>();
                    for (Col key : shape.primary()) {
                        String name = key.property() + suffix;
                        names.add(name);
                        t = t.withColumn(dialect, new Column(name, key.column().type(), false, ColumnDefault.NONE,
                                Generated.NONE, false, null, at));
                    }
                    all.addAll(names);
                    t = t.withForeignKey(new ForeignKey(null, names, shape.schema(), shape.table(),
                            shape.primary().stream().map(c -> c.column().name()).toList(), null, null, at));
                }
                extra.add(t.withPrimaryKey(new PrimaryKey(null, all, at)));
            }
        }
    }

    // ---- helpers

    private record Member(TsNode node, TsNode.Module module, String path) {
    }

    /** A class's members after those of its base classes (TypeORM inherits columns from any ancestor). */
    private void collectMembers(ClassDecl c, TsNode.Module module, String path, List<Member> into, int depth) {
        if (depth > MAX_DEPTH) return;
        if (c.superClass() instanceof TsNode.Ident parent) {
            scope.classNamed(parent.name(), module, path).ifPresent(r -> collectMembers(r.node(), r.module(), r.path(),
                    into, depth + 1));
        }
        for (TsNode m : c.members()) into.add(new Member(m, module, path));
    }

    private static boolean hasRole(Member m, Role role) {
        if (!(m.node() instanceof TsNode.Field f)) return false;
        for (Decorator d : f.decorators()) {
            if (TypeOrmEntityReader.typeormName(m.module(), d).map(n -> TypeOrmDecorators.role(n) == role).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Decorator> decorators(TsNode.Field f, TsNode.Module module) {
        Map<String, Decorator> byName = new LinkedHashMap<>();
        for (Decorator d : f.decorators()) TypeOrmEntityReader.typeormName(module, d).ifPresent(n -> byName.put(n, d));
        return byName;
    }

    /** Adds the column, or puts it in the place of the one of the same name (a subclass redeclaring it). */
    private void put(List<Col> columns, Col col) {
        String key = Identifiers.key(dialect, col.column().name());
        for (int i = 0; i < columns.size(); i++) {
            if (Identifiers.key(dialect, columns.get(i).column().name()).equals(key)) {
                columns.set(i, col);
                return;
            }
        }
        columns.add(col);
    }

    /** Whether an option can be told: written after every spread of the object ({@code { ...base(), key }}), or none. */
    private static boolean readable(TsNode.Obj o, String key) {
        if (o == null) return true;
        boolean readable = true;
        for (TsNode.Prop p : o.props()) {
            if (p.key() == null) readable = false;
            else if (p.key().equals(key)) readable = true;
        }
        return readable;
    }

    private Optional<String> string(TsNode n, TsNode.Module module, String path) {
        if (n == null) return Optional.empty();
        return scope.value(n, module, path).filter(v -> v instanceof String).map(v -> (String) v);
    }

    private Optional<Boolean> bool(TsNode.Obj o, String key, TsNode.Module module, String path) {
        if (o == null) return Optional.empty();
        return o.prop(key).flatMap(p -> scope.value(p.value(), module, path)).filter(v -> v instanceof Boolean)
                .map(v -> (Boolean) v);
    }

    private Integer integer(TsNode.Obj o, String key, TsNode.Module module, String path) {
        if (o == null) return null;
        Object v = o.prop(key).flatMap(p -> scope.value(p.value(), module, path)).orElse(null);
        try {
            if (v instanceof BigDecimal d) return d.intValueExact();
            if (v instanceof String s) return Integer.valueOf(s.strip());
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private boolean isNullish(TsNode n, TsNode.Module module, String path) {
        return n instanceof TsNode.Ident id && id.name().equals("undefined")
                || scope.value(n, module, path).map(v -> v == TsScope.NULL).orElse(false);
    }

    private static TsNode firstStringOrName(List<TsNode> args) {
        if (args.isEmpty()) return null;
        if (!(args.get(0) instanceof TsNode.Obj o)) return args.get(0);
        return o.prop("name").map(TsNode.Prop::value).orElse(null);
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static String returnedName(TsNode.Function f) {
        for (TsNode s : f.body().statements()) {
            if (s instanceof TsNode.Return r && r.value() instanceof TsNode.Ident id) return id.name();
        }
        return null;
    }

}
