package dev.migrationguard.jpa;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import dev.migrationguard.jpa.HibernateColumnTypes.EnumMapping;
import dev.migrationguard.jpa.HibernateColumnTypes.Field;
import dev.migrationguard.jpa.HibernateColumnTypes.Generation;
import dev.migrationguard.jpa.HibernateColumnTypes.Resolved;
import dev.migrationguard.jpa.HibernateColumnTypes.Version;
import dev.migrationguard.jpa.JpaClasses.Attribute;
import dev.migrationguard.jpa.SnapshotSources.TypeRef;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.ColumnDefault;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.ForeignKey;
import dev.migrationguard.model.schema.Generated;
import dev.migrationguard.model.schema.Identifiers;
import dev.migrationguard.model.schema.Index;
import dev.migrationguard.model.schema.SqlType;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.model.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.migrationguard.jpa.JpaClasses.BASIC;
import static dev.migrationguard.jpa.JpaClasses.CONVERTED;
import static dev.migrationguard.jpa.JpaClasses.MAPPING;
import static dev.migrationguard.jpa.JpaClasses.attributes;
import static dev.migrationguard.jpa.JpaClasses.basicAnnotated;
import static dev.migrationguard.jpa.JpaClasses.elementType;
import static dev.migrationguard.jpa.JpaClasses.find;
import static dev.migrationguard.jpa.JpaClasses.has;
import static dev.migrationguard.jpa.JpaClasses.hibernate;
import static dev.migrationguard.jpa.JpaClasses.isCollection;
import static dev.migrationguard.jpa.JpaClasses.isMap;
import static dev.migrationguard.jpa.JpaClasses.isRelation;
import static dev.migrationguard.jpa.JpaClasses.isSet;
import static dev.migrationguard.jpa.JpaClasses.simpleName;
import static dev.migrationguard.jpa.JpaClasses.typeArgument;

/**
 * Turns {@code @Entity} classes into the tables Hibernate's schema export would create on one dialect: resolved names,
 * SQL types from {@link HibernateColumnTypes}, keys, foreign keys to the target's table and id columns, indexes, join,
 * collection and secondary tables. A fact the source does not settle (a converter, a constant from a library) is left
 * unknown, so that it can never make a change. Types it needs come from the snapshot.
 */
final class TableMapper {
    private static final int MAX_DEPTH = 6;
    private static final List<String> VALIDATION = List.of("jakarta.validation.constraints",
            "javax.validation.constraints", "org.hibernate.validator.constraints");

    private final JpaNaming naming;
    private final SnapshotSources sources;
    private final Constants constants;
    private final Dialect dialect;
    private final boolean validationDdl;
    private final Version version;
    private final Map<String, TableBuilder> tables = new LinkedHashMap<>();
    /** By {@link TypeRef#key}: keyed by the node, it would keep every target's tree for the whole mapping. */
    private final Map<String, List<IdColumn>> ids = new HashMap<>();

    /** @param version the Hibernate that maps every file; null when each file's imports say */
    TableMapper(JpaNaming naming, SnapshotSources sources, Constants constants, Dialect dialect, boolean validationDdl,
                Version version) {
        this.naming = naming;
        this.sources = sources;
        this.constants = constants;
        this.dialect = dialect;
        this.validationDdl = validationDdl;
        this.version = version;
    }

    private Version version(ParsedSource source) {
        return version != null ? version : source.imports().version();
    }

    List<Table> tables() {
        return tables.values().stream().map(TableBuilder::build).toList();
    }

    void map(ParsedSource source, ClassOrInterfaceDeclaration entityClass) {
        TypeRef self = new TypeRef(source, entityClass);
        // A @Subselect entity reads a query Hibernate inlines into its SQL: the database holds nothing for it.
        if (hibernate(self, "Subselect").isPresent()) return;
        List<TypeRef> supers = superclasses(self);
        List<TypeRef> entityAncestors = supers.stream().filter(r -> has(r, "Entity")).toList();
        TypeRef root = entityAncestors.isEmpty() ? self : entityAncestors.get(entityAncestors.size() - 1);
        String strategy = inheritance(root);
        Location at = find(self, "Entity").map(source::locate).orElseGet(() -> source.locate(entityClass));

        boolean singleTableSubclass = !entityAncestors.isEmpty() && strategy.equals("SINGLE_TABLE");
        List<TypeRef> contributing = new ArrayList<>();
        contributing.add(self);
        if (entityAncestors.isEmpty() || strategy.equals("TABLE_PER_CLASS")) {
            contributing.addAll(supers);
        } else {
            for (TypeRef s : supers) {
                if (has(s, "Entity")) break;
                contributing.add(s);
            }
        }
        TableName name = singleTableSubclass ? tableName(root) : tableName(self);
        Optional<AnnotationExpr> view = hibernate(self, "View");
        if (view.isPresent()) {
            String query = constants.literal(source, view.get(), "query").map(String::valueOf).orElse(null);
            TableBuilder b = builder(name, at);
            b.view = true;
            b.viewDefinition = query;
            return;
        }
        TableBuilder table = builder(name, at);
        Version version = version(source);
        Owner owner = new Owner(self, entityName(self), table, version, singleTableSubclass,
                secondaryTables(self, table));

        if (!entityAncestors.isEmpty() && strategy.equals("JOINED")) joinedKey(self, entityAncestors.get(0), root, table);
        boolean declaresDiscriminator = find(self, "DiscriminatorColumn").isPresent()
                || find(self, "Inheritance").isPresent() && strategy.equals("SINGLE_TABLE");
        if (entityAncestors.isEmpty() ? declaresDiscriminator : strategy.equals("SINGLE_TABLE")) {
            discriminator(root, table);
        }
        find(self, "Table").ifPresent(t -> tableConstraints(source, t, table));

        Map<String, ColumnOverride> overrides = overrides(self.source(), self.type());
        for (Attribute a : attributesOf(contributing)) attribute(owner, a, "", overrides, false, false, 0);
    }

    // ---- tables

    /** A table's resolved schema and stored name, and the key two names of one table share. */
    private record TableName(String schema, String name, String key) {
    }

    private TableName tableName(TypeRef entity) {
        Optional<AnnotationExpr> t = find(entity, "Table");
        String logical = t.flatMap(a -> named(entity.source(), a, "name")).orElseGet(() -> entityName(entity));
        String schema = t.flatMap(a -> named(entity.source(), a, "schema")).orElse(null);
        return tableName(schema, naming.physical(logical));
    }

    private TableName tableName(String schema, String physical) {
        String s = schema == null ? null : stored(naming.physical(schema));
        String n = stored(physical);
        return new TableName(s, n, Identifiers.qualifiedKey(dialect, s, n));
    }

    private TableBuilder builder(TableName name, Location at) {
        return tables.computeIfAbsent(name.key(), k -> new TableBuilder(dialect, name.schema(), name.name(), at));
    }

    /** A physical name as the database stores it: quoted as written, unquoted folded as the dialect folds. */
    private String stored(String physical) {
        boolean quoted = physical.length() > 1 && (physical.charAt(0) == '`' || physical.charAt(0) == '"')
                && physical.charAt(physical.length() - 1) == physical.charAt(0);
        return Identifiers.stored(dialect, quoted ? physical.substring(1, physical.length() - 1) : physical, quoted);
    }

    private String columnName(String logical) {
        return stored(naming.physical(logical));
    }

    /** A JOINED subclass's key: the parent's id columns (or its {@code @PrimaryKeyJoinColumn}s), referencing the parent. */
    private void joinedKey(TypeRef self, TypeRef parent, TypeRef root, TableBuilder table) {
        List<IdColumn> rootIds = idColumns(root, 0);
        List<AnnotationExpr> given = new ArrayList<>();
        find(self, "PrimaryKeyJoinColumns").ifPresent(p -> given.addAll(annotations(p, "value")));
        find(self, "PrimaryKeyJoinColumn").ifPresent(given::add);
        Location at = find(self, "Entity").map(e -> self.source().locate(e)).orElse(table.location);
        List<String> columns = new ArrayList<>();
        List<String> referenced = new ArrayList<>();
        for (int i = 0; i < rootIds.size(); i++) {
            IdColumn id = rootIds.get(i);
            AnnotationExpr pk = i < given.size() ? given.get(i) : null;
            String name = named(self.source(), pk, "name").map(this::columnName).orElse(id.column().name());
            table.column(new Column(name, id.column().type(), false, ColumnDefault.NONE, Generated.NONE,
                    false, null, pk != null ? self.source().locate(pk) : at));
            columns.add(name);
            referenced.add(id.column().name());
        }
        table.primaryKey(columns, at);
        if (!rootIds.isEmpty()) {
            TableName parentTable = tableName(parent);
            table.foreignKeys.add(new ForeignKey(null, columns, parentTable.schema(), parentTable.name(), referenced,
                    "NO ACTION", null, at));
        }
    }

    /** The discriminator column of single-table inheritance, placed at the root: {@code DTYPE varchar(31)} by default. */
    private void discriminator(TypeRef root, TableBuilder table) {
        Location at = find(root, "Entity").map(e -> root.source().locate(e))
                .orElseGet(() -> root.source().locate(root.type()));
        Optional<AnnotationExpr> d = find(root, "DiscriminatorColumn");
        String name = d.flatMap(c -> named(root.source(), c, "name")).orElse("DTYPE");
        String kind = d.flatMap(c -> Constants.attribute(c, "discriminatorType")).map(Constants::enumName)
                .orElse("STRING");
        Optional<String> definition = d.flatMap(c -> named(root.source(), c, "columnDefinition"));
        Integer length = d.flatMap(c -> integer(root.source(), c, "length")).orElse(31);
        Field f = switch (kind) {
            case "INTEGER" -> Field.of("Integer");
            case "CHAR" -> Field.of("char");
            default -> Field.of("String").withColumn(length, null, null, false, false, null);
        };
        Resolved r = HibernateColumnTypes.resolve(dialect, version(root.source()), f, false);
        SqlType type = definition.isPresent() ? definitionType(definition.get()) : r.type();
        table.column(new Column(columnName(name), type, false, ColumnDefault.NONE, Generated.NONE, false, null, at));
    }

    /**
     * The {@code indexes} and {@code uniqueConstraints} of a {@code @Table}, {@code @SecondaryTable},
     * {@code @JoinTable} or {@code @CollectionTable}.
     */
    private void tableConstraints(ParsedSource source, AnnotationExpr tableAnnotation, TableBuilder table) {
        for (AnnotationExpr index : annotations(tableAnnotation, "indexes")) {
            List<String> columns = columnList(constants.value(source, index, "columnList").orElse(""));
            boolean unique = constants.literal(source, index, "unique").map(Boolean.TRUE::equals).orElse(false);
            String name = named(source, index, "name").map(this::stored).orElse(null);
            table.indexes.add(new Index(name, columns, unique, null, null, source.locate(index)));
        }
        for (AnnotationExpr unique : annotations(tableAnnotation, "uniqueConstraints")) {
            List<String> columns = new ArrayList<>();
            for (Expression c : list(unique, "columnNames")) columns.addAll(columnList(constants.resolve(source, c)));
            String name = named(source, unique, "name").map(this::stored).orElse(null);
            table.uniques.add(new UniqueConstraint(name, columns, source.locate(unique)));
        }
    }

    /** {@code "lastName, firstName desc"} as the stored names {@code last_name, first_name DESC}. */
    private List<String> columnList(String list) {
        List<String> parts = new ArrayList<>();
        for (String part : list.split(",")) {
            String[] words = part.trim().split("\\s+");
            if (words[0].isEmpty()) continue;
            StringBuilder b = new StringBuilder(columnName(words[0]));
            for (int i = 1; i < words.length; i++) {
                String word = words[i].toUpperCase(Locale.ROOT);
                if (!word.equals("ASC")) b.append(' ').append(word);
            }
            parts.add(b.toString());
        }
        return parts;
    }

    /** {@code @SecondaryTable}s by logical name: each keyed by the primary table's id columns, referencing them. */
    private Map<String, TableBuilder> secondaryTables(TypeRef self, TableBuilder primary) {
        List<AnnotationExpr> declared = new ArrayList<>();
        find(self, "SecondaryTables").ifPresent(s -> declared.addAll(annotations(s, "value")));
        find(self, "SecondaryTable").ifPresent(declared::add);
        if (declared.isEmpty()) return Map.of();
        Map<String, TableBuilder> result = new HashMap<>();
        List<IdColumn> primaryIds = idColumns(self, 0);
        for (AnnotationExpr s : declared) {
            Optional<String> logical = named(self.source(), s, "name");
            if (logical.isEmpty()) continue;
            String schema = named(self.source(), s, "schema").orElse(null);
            Location at = self.source().locate(s);
            TableBuilder b = builder(tableName(schema, naming.physical(logical.get())), at);
            tableConstraints(self.source(), s, b);
            List<AnnotationExpr> given = annotations(s, "pkJoinColumns");
            List<String> columns = new ArrayList<>();
            List<String> referenced = new ArrayList<>();
            for (int i = 0; i < primaryIds.size(); i++) {
                Column id = primaryIds.get(i).column();
                AnnotationExpr pk = i < given.size() ? given.get(i) : null;
                String name = named(self.source(), pk, "name").map(this::columnName).orElse(id.name());
                b.column(new Column(name, id.type(), false, ColumnDefault.NONE, Generated.NONE, false, null, at));
                columns.add(name);
                referenced.add(id.name());
            }
            b.primaryKey(columns, at);
            if (!columns.isEmpty()) {
                b.foreignKeys.add(new ForeignKey(null, columns, primary.schema, primary.name, referenced, "NO ACTION",
                        null, at));
            }
            result.put(logical.get(), b);
        }
        return result;
    }

    // ---- attributes

    /** Where an attribute's columns go, and what decides their nullability and types. */
    private record Owner(TypeRef entity, String entityName, TableBuilder table, Version version,
                         boolean singleTableSubclass, Map<String, TableBuilder> secondary) {
        Owner in(TableBuilder other) {
            return new Owner(entity, entityName, other, version, singleTableSubclass, Map.of());
        }
    }

    private void attribute(Owner owner, Attribute a, String prefix, Map<String, ColumnOverride> overrides, boolean inId,
                           boolean inEmbeddable, int depth) {
        if (hibernate(a, "Formula").isPresent() || hibernate(a, "JoinFormula").isPresent()) return;
        String member = prefix + a.name();
        boolean id = inId || has(a, "Id");
        if (has(a, "ManyToOne")) {
            toOne(owner, a, find(a, "ManyToOne").get(), false, id);
        } else if (has(a, "OneToOne")) {
            toOne(owner, a, find(a, "OneToOne").get(), true, id);
        } else if (has(a, "OneToMany")) {
            AnnotationExpr rel = find(a, "OneToMany").get();
            if (mappedBy(a, rel)) return;
            if (has(a, "JoinColumn") || has(a, "JoinColumns")) foreignKeyInTarget(owner, a, rel);
            else joinTable(owner, a, rel, true);
        } else if (has(a, "ManyToMany")) {
            AnnotationExpr rel = find(a, "ManyToMany").get();
            if (!mappedBy(a, rel)) joinTable(owner, a, rel, false);
        } else if (has(a, "ElementCollection")) {
            elementCollection(owner, a, depth);
        } else if (isCollection(a.type()) && !basicAnnotated(a)) {
            return;
        } else {
            Optional<TypeRef> embeddable = embeddable(a);
            if (embeddable.isPresent() && depth < MAX_DEPTH) {
                for (Attribute sub : embeddedAttributes(embeddable.get())) {
                    attribute(owner, sub, member + ".", nested(a, overrides), id || has(a, "EmbeddedId"), true,
                            depth + 1);
                }
            } else if (has(a, "Embedded") || has(a, "EmbeddedId")) {
                // An embeddable the snapshot does not show: its columns cannot be told, and so cannot change.
                return;
            } else {
                ColumnOverride override = overrides.get(a.name());
                TableBuilder target = secondaryOf(owner, a, override);
                Column c = basic(owner, a, override, a.type(), id, inEmbeddable);
                AnnotationExpr column = override != null ? override.column() : find(a, "Column").orElse(null);
                target.column(c, readOnly(override != null ? override.source() : a.source(), column));
                if (id && target == owner.table()) owner.table().idColumn(c.name(), member, c.location());
            }
        }
    }

    /** The secondary table a {@code @Column(table = ...)} puts the column in, else the owner's table. */
    private TableBuilder secondaryOf(Owner owner, Attribute a, ColumnOverride override) {
        AnnotationExpr column = override != null ? override.column() : find(a, "Column").orElse(null);
        ParsedSource s = override != null ? override.source() : a.source();
        return named(s, column, "table").map(owner.secondary()::get).orElse(owner.table());
    }

    /** The column Hibernate makes of a basic attribute of type {@code type}. */
    private Column basic(Owner owner, Attribute a, ColumnOverride override, Type type, boolean id, boolean inEmbeddable) {
        AnnotationExpr column = override != null ? override.column() : find(a, "Column").orElse(null);
        ParsedSource cs = override != null ? override.source() : a.source();
        ParsedSource s = a.source();
        String name = columnName(named(cs, column, "name").orElse(a.name()));
        Location at = override != null ? override.source().locate(override.annotation()) : a.location();
        boolean unknown = false;

        // A JPA converter stores what its AttributeConverter<X, Y> says: Y is the type Hibernate maps.
        Optional<StoredType> stored = find(a, "Convert").flatMap(c -> convertedType(s, c));
        Field f = Field.of(stored.map(t -> javaType(t.source(), t.type())).orElseGet(() -> javaType(s, type)));
        Optional<AnnotationExpr> enumerated = find(a, "Enumerated");
        List<String> enumConstants = stored.isPresent() ? null : enumConstants(s, type);
        boolean constantsKnown = enumConstants != null;
        if (enumConstants == null && enumerated.isPresent()) enumConstants = List.of();
        if (enumConstants != null) {
            boolean string = enumerated.flatMap(e -> Constants.attribute(e, "value")).map(Constants::enumName)
                    .orElse("ORDINAL").equals("STRING");
            f = f.withEnum(enumConstants, string ? EnumMapping.STRING : EnumMapping.ORDINAL);
        }
        f = f.withLob(has(a, "Lob"), hibernate(a, "Nationalized").isPresent());
        Optional<String> temporal = find(a, "Temporal").flatMap(t -> Constants.attribute(t, "value"))
                .map(Constants::enumName);
        if (temporal.isPresent()) {
            try {
                f = f.withTemporal(HibernateColumnTypes.Temporal.valueOf(temporal.get()));
            } catch (IllegalArgumentException e) {
                unknown = true;
            }
        }
        Optional<AnnotationExpr> typeCode = hibernate(a, "JdbcTypeCode");
        if (typeCode.isPresent()) {
            f = f.withJdbcTypeCode(Constants.attribute(typeCode.get(), "value").map(Constants::enumName).orElse(""));
        }
        String definition = null;
        if (column != null) {
            Integer length = null;
            Integer precision = null;
            Integer scale = null;
            if (Constants.attribute(column, "length").isPresent()) {
                length = integer(cs, column, "length").orElse(null);
                unknown |= length == null;
            }
            if (Constants.attribute(column, "precision").isPresent()) {
                precision = integer(cs, column, "precision").filter(p -> p != 0).orElse(null);
                unknown |= integer(cs, column, "precision").isEmpty();
            }
            if (Constants.attribute(column, "scale").isPresent()) {
                scale = integer(cs, column, "scale").orElse(null);
                unknown |= scale == null;
            }
            Boolean nullable = bool(cs, column, "nullable").orElse(null);
            boolean unique = bool(cs, column, "unique").orElse(false);
            if (Constants.attribute(column, "columnDefinition").isPresent()) {
                Optional<Object> d = constants.literal(cs, column, "columnDefinition");
                if (d.isEmpty()) unknown = true;
                definition = d.map(String::valueOf).filter(v -> !v.isBlank()).orElse(null);
            }
            f = f.withColumn(length, precision, scale, nullable, unique, definition);
        }
        Optional<AnnotationExpr> columnDefault = hibernate(a, "ColumnDefault");
        if (columnDefault.isPresent()) {
            Optional<Object> v = constants.literal(s, columnDefault.get(), "value");
            f = f.withColumnDefault(v.map(String::valueOf).orElse(null));
        }
        if (id) f = f.withId(generation(a));
        Boolean optional = find(a, "Basic").flatMap(b -> bool(s, b, "optional")).orElse(null);
        f = f.withPlace(optional, inEmbeddable, owner.singleTableSubclass());
        boolean notNull = validation(a, "NotNull") || validation(a, "NotEmpty") || validation(a, "NotBlank");
        Integer sizeMax = validation(a, "Size", "max").or(() -> validation(a, "Length", "max")).orElse(null);
        f = f.withValidation(notNull, sizeMax);

        Resolved r = HibernateColumnTypes.resolve(dialect, owner.version(), f, validationDdl);
        boolean converted = has(a, "Convert") && stored.isEmpty()
                || CONVERTED.stream().anyMatch(n -> hibernate(a, n).isPresent());
        SqlType sqlType = unknown || converted && definition == null && typeCode.isEmpty() ? null : r.type();
        Boolean nullable = r.nullable();
        // Hibernate makes a version column NOT NULL whatever its Java type.
        if (has(a, "Version") && !owner.singleTableSubclass()) nullable = false;
        ColumnDefault dflt = columnDefault.isPresent() && constants.literal(s, columnDefault.get(), "value").isEmpty()
                ? ColumnDefault.UNKNOWN : r.defaultValue();
        List<String> enumValues = constantsKnown ? r.enumValues() : null;
        Set<Column.Leeway> leeway = EnumSet.noneOf(Column.Leeway.class);
        if (sqlType != null && sqlType.length() != null && f.length() == null && f.columnDefinition() == null
                && !(validationDdl && f.sizeMax() != null)) {
            leeway.add(Column.Leeway.DEFAULT_LENGTH);
        }
        if (Boolean.TRUE.equals(nullable) && (PRIMITIVES.contains(f.javaType()) || initialised(a))) {
            leeway.add(Column.Leeway.NEVER_NULL);
        }
        return new Column(name, sqlType, nullable, dflt, r.generated(), r.unique(), enumValues, at, r.fromValidation(),
                leeway);
    }

    private static final Set<String> PRIMITIVES = Set.of("boolean", "byte", "short", "int", "long", "float", "double",
            "char");

    /**
     * A field given a value where it is declared ({@code = Instant.now()}): every entity the application makes has
     * one, though a setter could still clear it.
     */
    private static boolean initialised(Attribute a) {
        if (a.annotated() instanceof FieldDeclaration field) return initialised(field, a.name());
        // Under property access the getter is the attribute: it stands for the field it returns as it is.
        if (!(a.annotated() instanceof MethodDeclaration getter)) return false;
        Optional<String> returned = returnedField(getter);
        if (returned.isEmpty()) return false;
        Optional<TypeDeclaration<?>> type = getter.findAncestor(TypeDeclaration.class).map(t -> (TypeDeclaration<?>) t);
        Optional<FieldDeclaration> field = type.flatMap(t -> t.getFieldByName(returned.get()));
        return field.isPresent() && initialised(field.get(), returned.get());
    }

    private static boolean initialised(FieldDeclaration field, String name) {
        return field.getVariables().stream().filter(v -> v.getNameAsString().equals(name)).findFirst()
                .flatMap(VariableDeclarator::getInitializer)
                .filter(e -> !e.isNullLiteralExpr())
                .isPresent();
    }

    /** The field a getter whose body is only {@code return field;} (or {@code this.field}) returns. */
    private static Optional<String> returnedField(MethodDeclaration getter) {
        var statements = getter.getBody().map(b -> b.getStatements()).orElse(null);
        if (statements == null || statements.size() != 1 || !(statements.get(0) instanceof ReturnStmt r)) {
            return Optional.empty();
        }
        Expression e = r.getExpression().orElse(null);
        if (e instanceof NameExpr n) return Optional.of(n.getNameAsString());
        if (e instanceof FieldAccessExpr f && f.getScope().isThisExpr()) return Optional.of(f.getNameAsString());
        return Optional.empty();
    }

    /** A type as written in a file, to be read with that file's imports. */
    private record StoredType(ParsedSource source, Type type) {
    }

    /**
     * The database-side type of {@code @Convert(converter = X.class)}: the second type argument of the
     * {@code AttributeConverter} that {@code X}, found in the snapshot, implements. Empty when it cannot be told.
     */
    private Optional<StoredType> convertedType(ParsedSource source, AnnotationExpr convert) {
        Optional<String> converter = Constants.attribute(convert, "converter").filter(ClassExpr.class::isInstance)
                .map(e -> simpleName(((ClassExpr) e).getType()));
        Optional<TypeRef> ref = converter.flatMap(n -> sources.findType(source, n));
        if (ref.isEmpty() || !(ref.get().type() instanceof ClassOrInterfaceDeclaration c)) return Optional.empty();
        for (ClassOrInterfaceType t : c.getImplementedTypes()) {
            var args = t.getTypeArguments();
            if (t.getNameAsString().equals("AttributeConverter") && args.isPresent() && args.get().size() == 2) {
                return Optional.of(new StoredType(ref.get().source(), args.get().get(1)));
            }
        }
        return Optional.empty();
    }

    /** Only {@code @GeneratedValue(strategy = IDENTITY)} changes the column; a generator's name or kind does not. */
    private Generation generation(Attribute a) {
        Optional<AnnotationExpr> g = find(a, "GeneratedValue");
        if (g.isEmpty()) return null;
        String strategy = Constants.attribute(g.get(), "strategy").map(Constants::enumName).orElse("AUTO");
        return strategy.equals("IDENTITY") ? Generation.IDENTITY : Generation.AUTO;
    }

    private boolean validation(Attribute a, String simple) {
        return a.source().imports().findFrom(a.annotated(), simple, VALIDATION).isPresent();
    }

    private Optional<Integer> validation(Attribute a, String simple, String attribute) {
        return a.source().imports().findFrom(a.annotated(), simple, VALIDATION)
                .flatMap(v -> integer(a.source(), v, attribute));
    }

    /** The Java type as {@link HibernateColumnTypes} names it: simple names, but {@code java.sql} types qualified. */
    private static String javaType(ParsedSource source, Type type) {
        if (type instanceof PrimitiveType p) return p.asString();
        if (type instanceof ArrayType array) return javaType(source, array.getComponentType()) + "[]";
        if (type instanceof ClassOrInterfaceType c) {
            String written = c.getNameWithScope();
            if (written.startsWith("java.sql.")) return written;
            String imported = source.ok() ? source.imports().importedType(c.getNameAsString()) : null;
            if (imported != null && imported.startsWith("java.sql.")) return imported;
            return c.getNameAsString();
        }
        return type.asString();
    }

    /** The constants of an enum the snapshot declares, in order; null when the type is no enum it shows. */
    private List<String> enumConstants(ParsedSource source, Type type) {
        if (!(type instanceof ClassOrInterfaceType c) || BASIC.contains(c.getNameAsString())) return null;
        Optional<TypeRef> ref = sources.findType(source, c.getNameAsString());
        if (ref.isEmpty() || !(ref.get().type() instanceof EnumDeclaration e)) return null;
        return e.getEntries().stream().map(EnumConstantDeclaration::getNameAsString).toList();
    }


    // ---- relations

    /** An owning to-one association: its join columns, typed as the target's id columns, and a foreign key to them. */
    private void toOne(Owner owner, Attribute a, AnnotationExpr relation, boolean oneToOne, boolean id) {
        if (mappedBy(a, relation) || has(a, "PrimaryKeyJoinColumn") || has(a, "MapsId")) return;
        Optional<TypeRef> target = targetEntity(a, relation, a.type());
        boolean optional = bool(a.source(), relation, "optional").orElse(true);
        List<AnnotationExpr> given = joinColumns(a);
        Join join = join(a, target, given, a.name());
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < join.columns().size(); i++) {
            AnnotationExpr jc = i < given.size() ? given.get(i) : null;
            boolean nullable = !id && optional && bool(a.source(), jc, "nullable").orElse(true);
            boolean unique = oneToOne || bool(a.source(), jc, "unique").orElse(false);
            Column c = join.columns().get(i).withNullable(nullable).withUnique(unique);
            owner.table().column(c, readOnly(a.source(), jc));
            columns.add(c.name());
            if (id) owner.table().idColumn(c.name(), a.name(), c.location());
        }
        if (!join.columns().isEmpty() && !noConstraint(given)) {
            owner.table().foreignKeys.add(new ForeignKey(foreignKeyName(a, given), columns, join.schema(),
                    join.table(), join.referenced(), onDelete(a), null, a.location()));
        }
    }

    /** {@code @OneToMany @JoinColumn}: the foreign key lives in the target's table and references the owner. */
    private void foreignKeyInTarget(Owner owner, Attribute a, AnnotationExpr relation) {
        Optional<TypeRef> target = targetEntity(a, relation, elementType(a.type()));
        if (target.isEmpty()) return;
        TableName targetName = tableName(target.get());
        TableBuilder targetTable = builder(targetName, a.location());
        List<AnnotationExpr> given = joinColumns(a);
        List<IdColumn> ownerIds = ownerIds(owner);
        List<String> columns = new ArrayList<>();
        List<String> referenced = new ArrayList<>();
        for (int i = 0; i < ownerIds.size(); i++) {
            AnnotationExpr jc = i < given.size() ? given.get(i) : null;
            IdColumn id = ownerIds.get(i);
            String ref = named(a.source(), jc, "referencedColumnName").orElse(id.logical());
            String name = named(a.source(), jc, "name").orElse(a.name() + "_" + ref);
            Column c = new Column(columnName(name), joinType(a.source(), jc, id), bool(a.source(), jc, "nullable")
                    .orElse(true), ColumnDefault.NONE, Generated.NONE, bool(a.source(), jc, "unique").orElse(false),
                    null, a.location());
            targetTable.column(c);
            columns.add(c.name());
            referenced.add(id.column().name());
        }
        if (!columns.isEmpty() && !noConstraint(given)) {
            targetTable.foreignKeys.add(new ForeignKey(foreignKeyName(a, given), columns, owner.table().schema,
                    owner.table().name, referenced, onDelete(a), null, a.location()));
        }
    }

    /**
     * A join table: the owner's key columns and the target's, each referencing its table; a set's rows are unique,
     * so both make its key, and a list with {@code @OrderColumn} is keyed by owner and position.
     */
    private void joinTable(Owner owner, Attribute a, AnnotationExpr relation, boolean oneToMany) {
        Optional<TypeRef> target = targetEntity(a, relation, elementType(a.type()));
        Optional<AnnotationExpr> joinTable = find(a, "JoinTable");
        String targetTable = target.map(t -> tableName(t).name()).orElse(null);
        Optional<String> explicit = joinTable.flatMap(j -> named(a.source(), j, "name"));
        // Hibernate names it after both tables: when the target is not in the snapshot, the table cannot be told.
        if (explicit.isEmpty() && target.isEmpty() && naming == JpaNaming.HIBERNATE) return;
        TableName name = explicit
                .map(n -> tableName(joinTable.flatMap(j -> named(a.source(), j, "schema")).orElse(null),
                        naming.physical(n)))
                .orElseGet(() -> tableName(null, implicitJoinTable(owner, a, target)));
        TableBuilder table = builder(name, a.location());
        joinTable.ifPresent(j -> tableConstraints(a.source(), j, table));
        List<AnnotationExpr> own = joinTable.map(j -> annotations(j, "joinColumns")).orElse(List.of());
        List<AnnotationExpr> inverse = joinTable.map(j -> annotations(j, "inverseJoinColumns")).orElse(List.of());
        List<String> ownColumns = keyColumns(table, a, own, owner.entityName(), ownerIds(owner), owner.table().schema,
                owner.table().name, false);
        List<String> targetColumns = keyColumns(table, a, inverse, a.name(),
                target.map(t -> idColumns(t, 0)).orElse(List.of()), target.map(t -> tableName(t).schema()).orElse(null),
                targetTable, oneToMany);
        Optional<String> order = orderColumn(table, a);
        List<String> key = new ArrayList<>(ownColumns);
        if (order.isPresent()) key.add(order.get());
        else if (isSet(a.type())) key.addAll(targetColumns);
        if (order.isPresent() || isSet(a.type())) table.primaryKey(key, a.location());
    }

    private String implicitJoinTable(Owner owner, Attribute a, Optional<TypeRef> target) {
        String targetTable = target.map(t -> naming.physical(find(t, "Table")
                .flatMap(x -> named(t.source(), x, "name")).orElseGet(() -> entityName(t)))).orElse("");
        return naming.implicitJoinTable(owner.table().name, a.name(), targetTable);
    }

    /** The columns of a join or collection table that reference {@code ids}, and their foreign key. */
    private List<String> keyColumns(TableBuilder table, Attribute a, List<AnnotationExpr> given, String implicitPrefix,
                                    List<IdColumn> ids, String referencedSchema, String referencedTable,
                                    boolean unique) {
        List<String> columns = new ArrayList<>();
        List<String> referenced = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            AnnotationExpr jc = i < given.size() ? given.get(i) : null;
            IdColumn id = ids.get(i);
            String ref = named(a.source(), jc, "referencedColumnName").orElse(id.logical());
            String name = columnName(named(a.source(), jc, "name").orElse(implicitPrefix + "_" + ref));
            table.column(new Column(name, joinType(a.source(), jc, id), false, ColumnDefault.NONE, Generated.NONE,
                    unique && ids.size() == 1, null, jc != null ? a.source().locate(jc) : a.location()));
            columns.add(name);
            referenced.add(id.column().name());
        }
        if (!columns.isEmpty() && referencedTable != null && !noConstraint(given)) {
            table.foreignKeys.add(new ForeignKey(null, columns, referencedSchema, referencedTable, referenced,
                    "NO ACTION", null, a.location()));
        }
        return columns;
    }

    private void elementCollection(Owner owner, Attribute a, int depth) {
        Optional<AnnotationExpr> collectionTable = find(a, "CollectionTable");
        TableName name = collectionTable.flatMap(c -> named(a.source(), c, "name"))
                .map(n -> tableName(collectionTable.flatMap(c -> named(a.source(), c, "schema")).orElse(null),
                        naming.physical(n)))
                .orElseGet(() -> tableName(null, naming.physical(owner.entityName() + "_" + a.name())));
        TableBuilder table = builder(name, a.location());
        collectionTable.ifPresent(c -> tableConstraints(a.source(), c, table));
        List<AnnotationExpr> given = collectionTable.map(c -> annotations(c, "joinColumns")).orElse(List.of());
        List<String> key = new ArrayList<>(keyColumns(table, a, given, owner.entityName(), ownerIds(owner),
                owner.table().schema, owner.table().name, false));
        Owner inCollection = owner.in(table);
        Type element = elementType(a.type());
        if (isMap(a.type())) {
            Optional<AnnotationExpr> mapKey = find(a, "MapKeyColumn");
            String keyName = mapKey.flatMap(k -> named(a.source(), k, "name")).orElse(a.name() + "_KEY");
            Field f = Field.of(javaType(a.source(), typeArgument(a.type(), 0)));
            AnnotationExpr sized = mapKey.filter(k -> Constants.attribute(k, "length").isPresent()).orElse(null);
            Integer length = sized == null ? null : integer(a.source(), sized, "length").orElse(null);
            if (length != null) f = f.withColumn(length, null, null, null, false, null);
            Resolved r = HibernateColumnTypes.resolve(dialect, owner.version(), f, false);
            // a length the source computes (a constant of another module) is unknown, not the default
            SqlType type = sized != null && length == null ? null : r.type();
            Set<Column.Leeway> leeway = sized == null && type != null && type.length() != null
                    ? Set.of(Column.Leeway.DEFAULT_LENGTH) : Set.of();
            Column c = new Column(columnName(keyName), type, false, ColumnDefault.NONE, Generated.NONE, false,
                    null, a.location(), List.of(), leeway);
            table.column(c);
            key.add(c.name());
        }
        Optional<TypeRef> embeddable = element instanceof ClassOrInterfaceType c && depth < MAX_DEPTH
                ? sources.findType(a.source(), c.getNameAsString()).filter(r -> has(r, "Embeddable"))
                : Optional.empty();
        if (embeddable.isPresent()) {
            for (Attribute sub : embeddedAttributes(embeddable.get())) {
                attribute(inCollection, sub, a.name() + ".", Map.of(), false, true, depth + 1);
            }
        } else {
            Column c = basic(inCollection, a, null, element, false, false);
            table.column(c);
            if (isSet(a.type())) key.add(c.name());
        }
        Optional<String> order = orderColumn(table, a);
        order.ifPresent(key::add);
        if (order.isPresent() || isMap(a.type()) || isSet(a.type()) && embeddable.isEmpty()) {
            table.primaryKey(key, a.location());
        }
    }

    /** {@code @OrderColumn}: the position column, {@code <attribute>_ORDER integer} by default. */
    private Optional<String> orderColumn(TableBuilder table, Attribute a) {
        Optional<AnnotationExpr> o = find(a, "OrderColumn");
        if (o.isEmpty()) return Optional.empty();
        String name = columnName(named(a.source(), o.get(), "name").orElse(a.name() + "_ORDER"));
        Resolved r = HibernateColumnTypes.resolve(dialect, version(a.source()), Field.of("Integer"), false);
        table.column(new Column(name, r.type(), false, ColumnDefault.NONE, Generated.NONE, false, null,
                a.source().locate(o.get())));
        return Optional.of(name);
    }

    /** The join columns of an association to {@code target}: names, types of the referenced ids, the target table. */
    private record Join(List<Column> columns, String schema, String table, List<String> referenced) {
    }

    private Join join(Attribute a, Optional<TypeRef> target, List<AnnotationExpr> given, String implicitPrefix) {
        List<IdColumn> targetIds = target.map(t -> idColumns(t, 0)).orElse(List.of());
        TableName targetTable = target.map(this::tableName).orElse(null);
        List<Column> columns = new ArrayList<>();
        List<String> referenced = new ArrayList<>();
        int count = Math.max(targetIds.size(), given.size());
        if (count == 0) count = 1;
        for (int i = 0; i < count; i++) {
            AnnotationExpr jc = i < given.size() ? given.get(i) : null;
            Optional<String> explicitRef = named(a.source(), jc, "referencedColumnName");
            IdColumn id = explicitRef.isPresent() ? referencedColumn(target, explicitRef.get(), targetIds)
                    : i < targetIds.size() ? targetIds.get(i) : null;
            String ref = explicitRef.orElse(id != null ? id.logical() : "id");
            String name = columnName(named(a.source(), jc, "name").orElse(implicitPrefix + "_" + ref));
            columns.add(new Column(name, joinType(a.source(), jc, id), true, ColumnDefault.NONE, Generated.NONE,
                    false, null, jc != null ? a.source().locate(jc) : a.location()));
            referenced.add(id != null ? id.column().name() : columnName(ref));
        }
        boolean known = targetTable != null && !targetIds.isEmpty();
        return new Join(columns, known ? targetTable.schema() : null, known ? targetTable.name() : null,
                known ? referenced : null);
    }

    /** A referenced column named explicitly: among the target's ids when it is one, else only its name is known. */
    private IdColumn referencedColumn(Optional<TypeRef> target, String logical, List<IdColumn> targetIds) {
        String stored = columnName(logical);
        for (IdColumn id : targetIds) if (id.column().name().equals(stored)) return id;
        Optional<Column> other = target.flatMap(t -> columnOf(t, stored));
        return new IdColumn(logical, other.orElse(Column.unknown(stored, null)));
    }

    /** A non-id column of an entity, found by stored name among its basic attributes (a natural key). */
    private Optional<Column> columnOf(TypeRef entity, String stored) {
        List<TypeRef> chain = new ArrayList<>(superclasses(entity));
        chain.add(0, entity);
        Owner scratch = new Owner(entity, entityName(entity), new TableBuilder(dialect, null, "", null),
                version(entity.source()), false, Map.of());
        for (TypeRef level : chain) {
            for (Attribute a : attributes(level)) {
                if (isRelation(a) || isCollection(a.type()) || embeddable(a).isPresent()) continue;
                Column c = basic(scratch, a, null, a.type(), false, false);
                if (c.name().equals(stored)) return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** A join column's type: its {@code columnDefinition}, else the referenced column's type. */
    private SqlType joinType(ParsedSource source, AnnotationExpr joinColumn, IdColumn referenced) {
        if (joinColumn != null && Constants.attribute(joinColumn, "columnDefinition").isPresent()) {
            return constants.literal(source, joinColumn, "columnDefinition").map(String::valueOf)
                    .map(this::definitionType).orElse(null);
        }
        return referenced == null ? null : referenced.column().type();
    }

    private SqlType definitionType(String definition) {
        return HibernateColumnTypes.Definition.parse(dialect, definition).type();
    }

    private List<IdColumn> ownerIds(Owner owner) {
        return idColumns(owner.entity(), 0);
    }

    // ---- ids

    /** An id column of an entity: the logical name a join column's implicit name is made of, and the column. */
    private record IdColumn(String logical, Column column) {
    }

    /**
     * The id columns of an entity's table: its {@code @Id} attributes (declared in it or a mapped superclass or
     * entity above it), the columns of its {@code @EmbeddedId}, a derived id's join columns.
     */
    private List<IdColumn> idColumns(TypeRef entity, int depth) {
        List<IdColumn> known = ids.get(entity.key());
        if (known != null) return known;
        ids.put(entity.key(), List.of());
        List<IdColumn> result = new ArrayList<>();
        if (depth < MAX_DEPTH) {
            List<TypeRef> chain = new ArrayList<>(superclasses(entity));
            Collections.reverse(chain);
            chain.add(entity);
            Version version = version(entity.source());
            Owner scratch = new Owner(entity, entityName(entity), new TableBuilder(dialect, null, "", null), version, false,
                    Map.of());
            Map<String, ColumnOverride> overrides = overrides(entity.source(), entity.type());
            for (TypeRef level : chain) {
                for (Attribute a : attributes(level)) idColumnsOf(a, overrides, scratch, result, depth);
            }
        }
        ids.put(entity.key(), result);
        return result;
    }

    private void idColumnsOf(Attribute a, Map<String, ColumnOverride> overrides, Owner scratch, List<IdColumn> out,
                             int depth) {
        if (has(a, "EmbeddedId")) {
            Optional<TypeRef> embeddable = embeddable(a);
            if (embeddable.isEmpty()) return;
            Map<String, ColumnOverride> nested = nested(a, overrides);
            for (Attribute sub : embeddedAttributes(embeddable.get())) {
                if (isRelation(sub) || isCollection(sub.type())) continue;
                ColumnOverride o = nested.get(sub.name());
                Column c = basic(scratch, sub, o, sub.type(), true, true);
                String logical = o != null ? named(o.source(), o.column(), "name").orElse(sub.name())
                        : find(sub, "Column").flatMap(col -> named(sub.source(), col, "name")).orElse(sub.name());
                out.add(new IdColumn(logical, c));
            }
        } else if (has(a, "Id") && (has(a, "ManyToOne") || has(a, "OneToOne"))) {
            AnnotationExpr rel = find(a, "ManyToOne").or(() -> find(a, "OneToOne")).get();
            Optional<TypeRef> target = targetEntity(a, rel, a.type()).filter(t -> depth + 1 < MAX_DEPTH);
            target.ifPresent(t -> idColumns(t, depth + 1));
            Join join = join(a, target, joinColumns(a), a.name());
            for (Column c : join.columns()) out.add(new IdColumn(c.name(), c.withNullable(false)));
        } else if (has(a, "Id")) {
            ColumnOverride o = overrides.get(a.name());
            Column c = basic(scratch, a, o, a.type(), true, false);
            AnnotationExpr column = o != null ? o.column() : find(a, "Column").orElse(null);
            ParsedSource s = o != null ? o.source() : a.source();
            out.add(new IdColumn(named(s, column, "name").orElse(a.name()), c));
        }
    }

    // ---- classes

    private Optional<TypeRef> targetEntity(Attribute a, AnnotationExpr relation, Type declared) {
        String name = Constants.attribute(relation, "targetEntity")
                .filter(ClassExpr.class::isInstance)
                .map(e -> simpleName(((ClassExpr) e).getType()))
                .orElseGet(() -> simpleName(declared));
        return sources.findType(a.source(), name).filter(r -> has(r, "Entity"));
    }


    private List<TypeRef> superclasses(TypeRef start) {
        return JpaClasses.superclasses(sources, start);
    }




    /** An embeddable's attributes, those of the embeddables it extends first. */
    private List<Attribute> embeddedAttributes(TypeRef embeddable) {
        List<TypeRef> levels = new ArrayList<>(superclasses(embeddable));
        levels.add(0, embeddable);
        return attributesOf(levels);
    }

    /**
     * The attributes of classes given nearest first, those of the farthest first, each property once: a nearer class
     * that declares a property again (a getter overriding its superclass's, with its own {@code @Column}) maps it in
     * place of the farther one, as JPA reads the overriding method.
     */
    private static List<Attribute> attributesOf(List<TypeRef> nearestFirst) {
        Set<String> declared = new HashSet<>();
        List<List<Attribute>> kept = new ArrayList<>();
        for (TypeRef level : nearestFirst) {
            List<Attribute> own = new ArrayList<>();
            for (Attribute a : attributes(level)) if (declared.add(a.name())) own.add(a);
            kept.add(own);
        }
        Collections.reverse(kept);
        List<Attribute> result = new ArrayList<>();
        for (List<Attribute> level : kept) result.addAll(level);
        return result;
    }

    private String inheritance(TypeRef entity) {
        return find(entity, "Inheritance").flatMap(i -> Constants.attribute(i, "strategy"))
                .map(Constants::enumName).orElse("SINGLE_TABLE");
    }

    private String entityName(TypeRef entity) {
        return find(entity, "Entity").flatMap(e -> named(entity.source(), e, "name"))
                .orElse(entity.type().getNameAsString());
    }

    private Optional<TypeRef> embeddable(Attribute a) {
        if (!(a.type() instanceof ClassOrInterfaceType c)) return Optional.empty();
        boolean declared = has(a, "Embedded") || has(a, "EmbeddedId");
        if (!declared && (BASIC.contains(c.getNameAsString()) || MAPPING.stream().anyMatch(m -> has(a, m)))) {
            return Optional.empty();
        }
        return sources.findType(a.source(), c.getNameAsString()).filter(r -> has(r, "Embeddable"));
    }














    // ---- overrides

    /** An {@code @AttributeOverride} and the column it gives. */
    private record ColumnOverride(ParsedSource source, AnnotationExpr annotation, AnnotationExpr column) {
    }

    /** The {@code @AttributeOverride}s on a class or attribute, by attribute path. */
    private Map<String, ColumnOverride> overrides(ParsedSource source, NodeWithAnnotations<?> node) {
        List<AnnotationExpr> found = new ArrayList<>();
        source.imports().find(node, "AttributeOverride").ifPresent(found::add);
        source.imports().find(node, "AttributeOverrides").flatMap(o -> Constants.attribute(o, "value"))
                .ifPresent(v -> {
                    for (Expression e : Constants.elements(v)) if (e instanceof AnnotationExpr ann) found.add(ann);
                });
        Map<String, ColumnOverride> result = new HashMap<>();
        for (AnnotationExpr o : found) {
            Optional<String> path = constants.value(source, o, "name");
            Optional<AnnotationExpr> column = Constants.attribute(o, "column")
                    .filter(AnnotationExpr.class::isInstance).map(AnnotationExpr.class::cast);
            if (path.isPresent() && column.isPresent()) result.putIfAbsent(path.get(), new ColumnOverride(source, o, column.get()));
        }
        return result;
    }

    /** The overrides that reach inside an embedded attribute: its own, then the outer ones under its name. */
    private Map<String, ColumnOverride> nested(Attribute a, Map<String, ColumnOverride> outer) {
        Map<String, ColumnOverride> result = new HashMap<>(overrides(a.source(), a.annotated()));
        String own = a.name() + ".";
        outer.forEach((path, o) -> {
            if (path.startsWith(own)) result.put(path.substring(own.length()), o);
        });
        return result;
    }

    // ---- annotation helpers







    /** {@code insertable = false, updatable = false}: a second, read-only mapping of a column mapped elsewhere. */
    private boolean readOnly(ParsedSource source, AnnotationExpr column) {
        return !bool(source, column, "insertable").orElse(true) && !bool(source, column, "updatable").orElse(true);
    }

    private boolean mappedBy(Attribute a, AnnotationExpr relation) {
        return named(a.source(), relation, "mappedBy").isPresent();
    }

    /** A non-empty string attribute, constants followed; empty when absent or not known. */
    private Optional<String> named(ParsedSource source, AnnotationExpr annotation, String attribute) {
        if (annotation == null) return Optional.empty();
        return constants.literal(source, annotation, attribute).map(String::valueOf).filter(s -> !s.isEmpty());
    }

    private Optional<Integer> integer(ParsedSource source, AnnotationExpr annotation, String attribute) {
        if (annotation == null) return Optional.empty();
        return constants.literal(source, annotation, attribute).filter(Long.class::isInstance)
                .map(v -> (Long) v).filter(v -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE).map(Long::intValue);
    }

    private Optional<Boolean> bool(ParsedSource source, AnnotationExpr annotation, String attribute) {
        if (annotation == null) return Optional.empty();
        return constants.literal(source, annotation, attribute).filter(Boolean.class::isInstance).map(Boolean.class::cast);
    }

    private List<AnnotationExpr> joinColumns(Attribute a) {
        List<AnnotationExpr> result = new ArrayList<>();
        find(a, "JoinColumns").ifPresent(j -> result.addAll(annotations(j, "value")));
        find(a, "JoinColumn").ifPresent(result::add);
        return result;
    }

    /** {@code @JoinColumn(foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))}: no foreign key in the database. */
    private static boolean noConstraint(List<AnnotationExpr> joinColumns) {
        for (AnnotationExpr jc : joinColumns) {
            Optional<String> mode = Constants.attribute(jc, "foreignKey").filter(AnnotationExpr.class::isInstance)
                    .flatMap(fk -> Constants.attribute((AnnotationExpr) fk, "value")).map(Constants::enumName);
            if (mode.isPresent() && mode.get().equals("NO_CONSTRAINT")) return true;
        }
        return false;
    }

    private String foreignKeyName(Attribute a, List<AnnotationExpr> joinColumns) {
        for (AnnotationExpr jc : joinColumns) {
            Optional<String> name = Constants.attribute(jc, "foreignKey").filter(AnnotationExpr.class::isInstance)
                    .flatMap(fk -> named(a.source(), (AnnotationExpr) fk, "name"));
            if (name.isPresent()) return stored(name.get());
        }
        return null;
    }

    /** Hibernate's {@code @OnDelete(action = CASCADE)}; without it the database's default, no action. */
    private String onDelete(Attribute a) {
        return hibernate(a, "OnDelete").flatMap(o -> Constants.attribute(o, "action")).map(Constants::enumName)
                .map(action -> action.replace('_', ' ')).orElse("NO ACTION");
    }

    private static List<AnnotationExpr> annotations(AnnotationExpr annotation, String attribute) {
        List<AnnotationExpr> result = new ArrayList<>();
        for (Expression e : list(annotation, attribute)) if (e instanceof AnnotationExpr a) result.add(a);
        return result;
    }

    private static List<Expression> list(AnnotationExpr annotation, String attribute) {
        return Constants.attribute(annotation, attribute).map(Constants::elements).orElse(List.of());
    }

    // ---- building


}
