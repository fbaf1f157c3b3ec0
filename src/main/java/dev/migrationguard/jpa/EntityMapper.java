package dev.migrationguard.jpa;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.migrationguard.jpa.SnapshotSources.TypeRef;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.SchemaFact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one {@code @Entity} class into schema facts: its table, columns (own, embedded, inherited), join and
 * collection tables, indexes and unique constraints. Types it needs (embeddables, superclasses, relation targets,
 * constants) come from the snapshot.
 */
final class EntityMapper {
    private static final int MAX_DEPTH = 6;
    private static final Set<String> MAPPING = Set.of("Id", "EmbeddedId", "Column", "Basic", "ManyToOne", "OneToOne",
            "OneToMany", "ManyToMany", "ElementCollection", "Embedded", "Version", "JoinColumn", "Lob", "Enumerated",
            "Temporal", "GeneratedValue");
    private static final Set<String> COLLECTIONS = Set.of("List", "Set", "Collection", "Map", "SortedSet",
            "SortedMap", "Iterable", "ArrayList", "HashSet", "LinkedHashSet", "TreeSet", "HashMap", "LinkedHashMap",
            "TreeMap");
    private static final Set<String> BASIC_TYPES = Set.of("String", "Long", "Integer", "Short", "Byte", "Double",
            "Float", "Boolean", "Character", "BigDecimal", "BigInteger", "UUID", "Date", "Calendar", "Instant",
            "LocalDate", "LocalDateTime", "LocalTime", "OffsetDateTime", "OffsetTime", "ZonedDateTime", "Duration",
            "Timestamp", "Time", "Blob", "Clob", "URL", "Locale", "Currency", "TimeZone", "ZoneId", "Year",
            "YearMonth", "Object", "Class");

    private final JpaNaming naming;
    private final SnapshotSources sources;
    private final Constants constants;
    private final List<SchemaFact> facts = new ArrayList<>();

    EntityMapper(JpaNaming naming, SnapshotSources sources, Constants constants) {
        this.naming = naming;
        this.sources = sources;
        this.constants = constants;
    }

    List<SchemaFact> facts() {
        return facts;
    }

    void map(ParsedSource source, ClassOrInterfaceDeclaration entityClass) {
        TypeRef self = new TypeRef(source, entityClass);
        List<TypeRef> supers = superclasses(self);
        List<TypeRef> entityAncestors = supers.stream().filter(r -> has(r, "Entity")).toList();
        TypeRef root = entityAncestors.isEmpty() ? self : entityAncestors.get(entityAncestors.size() - 1);
        String strategy = inheritance(root);
        String entity = entityClass.getNameAsString();
        String entityName = entityName(self);

        List<TypeRef> contributing = new ArrayList<>();
        contributing.add(self);
        String table;
        if (entityAncestors.isEmpty() || strategy.equals("TABLE_PER_CLASS")) {
            table = tableName(self);
            contributing.addAll(supers);
        } else {
            table = strategy.equals("JOINED") ? tableName(self) : tableName(root);
            for (TypeRef s : supers) {
                if (has(s, "Entity")) break;
                contributing.add(s);
            }
        }
        Optional<AnnotationExpr> entityAnnotation = find(self, "Entity");
        Location at = entityAnnotation.map(source::locate).orElseGet(() -> source.locate(entityClass));
        if (entityAncestors.isEmpty() || !strategy.equals("SINGLE_TABLE")) {
            Values v = tableValue(self);
            if (!entityAncestors.isEmpty()) {
                v.put("inheritance", strategy);
                if (strategy.equals("JOINED")) v.put("parent", tableName(entityAncestors.get(0)));
            }
            emit(table, "table", v, "Table", entity, null, at);
        }
        boolean declaresDiscriminator = has(self, "DiscriminatorColumn")
                || has(self, "Inheritance") && strategy.equals("SINGLE_TABLE");
        if (entityAncestors.isEmpty() ? declaresDiscriminator : strategy.equals("SINGLE_TABLE")) {
            discriminatorColumn(root, table);
        }
        tableConstraints(self, table, entity);

        Owner owner = new Owner(entity, entityName, table);
        for (int i = contributing.size() - 1; i >= 0; i--) {
            for (Attribute a : attributes(contributing.get(i))) attribute(owner, a, "", Map.of(), false, 0);
        }
    }

    // ---- table level ----

    private Values tableValue(TypeRef entity) {
        Values v = new Values();
        find(entity, "Table").ifPresent(t -> {
            value(entity.source(), t, "schema").filter(s -> !s.isEmpty()).ifPresent(s -> v.put("schema", s));
            value(entity.source(), t, "catalog").filter(s -> !s.isEmpty()).ifPresent(s -> v.put("catalog", s));
        });
        find(entity, "Inheritance").ifPresent(i -> v.put("inheritance", inheritance(entity)));
        return v;
    }

    /**
     * The discriminator column in the root's table: declared by the root, and implied by any single-table subclass
     * even without {@code @Inheritance}. Both give the same fact, placed at the root.
     */
    private void discriminatorColumn(TypeRef root, String table) {
        Location at = find(root, "Entity").map(e -> root.source().locate(e))
                .orElseGet(() -> root.source().locate(root.type()));
        Optional<AnnotationExpr> d = find(root, "DiscriminatorColumn");
        String name = d.flatMap(c -> named(root.source(), c)).orElse("DTYPE");
        String type = d.flatMap(c -> Constants.attribute(c, "discriminatorType")).map(Constants::enumName)
                .orElse("STRING");
        String length = d.flatMap(c -> value(root.source(), c, "length")).orElse("31");
        Values v = new Values().put("discriminator", type).putIf(type.equals("STRING"), "length", length)
                .put("nullable", "false");
        emit(table, "column:" + naming.physical(name), v,
                "Discriminator column", root.type().getNameAsString(), null, at);
    }

    private void tableConstraints(TypeRef entity, String table, String entityClass) {
        Optional<AnnotationExpr> tableAnnotation = find(entity, "Table");
        if (tableAnnotation.isEmpty()) return;
        ParsedSource source = entity.source();
        for (Expression e : list(tableAnnotation.get(), "indexes")) {
            if (!(e instanceof AnnotationExpr index)) continue;
            String columns = columnList(value(source, index, "columnList").orElse(""));
            String name = value(source, index, "name").filter(s -> !s.isEmpty()).orElse(null);
            Values v = new Values().put("columns", columns)
                    .put("unique", value(source, index, "unique").orElse("false"));
            emit(table, "index:" + (name != null ? name : columns), v, "Index", entityClass, null, source.locate(index));
        }
        for (Expression e : list(tableAnnotation.get(), "uniqueConstraints")) {
            if (!(e instanceof AnnotationExpr unique)) continue;
            List<String> names = new ArrayList<>();
            for (Expression c : list(unique, "columnNames")) names.add(columnList(constants.resolve(source, c)));
            String columns = String.join(",", names);
            String name = value(source, unique, "name").filter(s -> !s.isEmpty()).orElse(null);
            emit(table, "unique:" + (name != null ? name : columns), new Values().put("columns", columns),
                    "Unique constraint", entityClass, null, source.locate(unique));
        }
    }

    /** {@code "lastName, firstName desc"} as {@code last_name,first_name DESC}: physical names, canonical spacing. */
    private String columnList(String list) {
        List<String> parts = new ArrayList<>();
        for (String part : list.split(",")) {
            String[] words = part.trim().split("\\s+");
            if (words[0].isEmpty()) continue;
            StringBuilder b = new StringBuilder(naming.physical(words[0]));
            for (int i = 1; i < words.length; i++) b.append(' ').append(words[i].toUpperCase(Locale.ROOT));
            parts.add(b.toString());
        }
        return String.join(",", parts);
    }

    // ---- attributes ----

    private void attribute(Owner owner, Attribute a, String prefix, Map<String, ColumnOverride> overrides, boolean inId,
                           int depth) {
        String member = prefix + a.name();
        if (has(a, "ManyToOne")) {
            toOne(owner, a, member, find(a, "ManyToOne").get(), "ManyToOne");
        } else if (has(a, "OneToOne")) {
            toOne(owner, a, member, find(a, "OneToOne").get(), "OneToOne");
        } else if (has(a, "OneToMany")) {
            AnnotationExpr rel = find(a, "OneToMany").get();
            if (mappedBy(a, rel)) return;
            if (has(a, "JoinColumn") || has(a, "JoinColumns")) {
                foreignKeyInTarget(owner, a, member, rel);
            } else {
                joinTable(owner, a, member, rel, "OneToMany");
            }
        } else if (has(a, "ManyToMany")) {
            AnnotationExpr rel = find(a, "ManyToMany").get();
            if (!mappedBy(a, rel)) joinTable(owner, a, member, rel, "ManyToMany");
        } else if (has(a, "ElementCollection")) {
            elementCollection(owner, a, member, depth);
        } else if (isCollection(a.type())) {
            return;
        } else {
            Optional<TypeRef> embeddable = embeddable(a);
            if (embeddable.isPresent() && depth < MAX_DEPTH) {
                embed(owner, a, member, embeddable.get(), overrides, inId || has(a, "EmbeddedId"), depth);
            } else if (has(a, "Embedded") || has(a, "EmbeddedId")) {
                emit(owner.table(), "embedded:" + member, new Values().put("type", typeName(a.type())), "Embedded",
                        owner.entity(), member, a.location());
            } else {
                basic(owner, a, member, overrides.get(a.name()), a.type(), inId);
            }
        }
    }

    private void basic(Owner owner, Attribute a, String member, ColumnOverride override, Type type, boolean inId) {
        AnnotationExpr column = override != null ? override.column() : find(a, "Column").orElse(null);
        ParsedSource columnSource = override != null ? override.source() : a.source();
        String name = naming.physical(named(columnSource, column).orElse(a.name()));
        String typeName = typeName(type);
        boolean id = inId || has(a, "Id");
        boolean optional = find(a, "Basic").flatMap(b -> value(a.source(), b, "optional")).orElse("true")
                .equals("true");
        Values v = new Values().put("type", typeName);
        Optional<String> length = value(columnSource, column, "length");
        if (length.isPresent()) v.put("length", length.get());
        else v.putIf(typeName.equals("String"), "length", "255");
        String nullable = value(columnSource, column, "nullable").orElse(optional ? "true" : "false");
        v.put("nullable", id ? "false" : nullable);
        v.put("unique", value(columnSource, column, "unique").orElse("false"));
        value(columnSource, column, "precision").filter(p -> !p.equals("0")).ifPresent(p -> v.put("precision", p));
        value(columnSource, column, "scale").filter(p -> !p.equals("0")).ifPresent(p -> v.put("scale", p));
        value(columnSource, column, "columnDefinition").filter(p -> !p.isBlank())
                .ifPresent(p -> v.put("columnDefinition", sql(p)));
        v.putIf(id, "id", "true");
        find(a, "GeneratedValue").ifPresent(g -> {
            String strategy = Constants.attribute(g, "strategy").map(Constants::enumName).orElse("AUTO");
            String generator = value(a.source(), g, "generator").filter(s -> !s.isEmpty()).orElse(null);
            v.put("generated", generator == null ? strategy : strategy + "/" + generator);
        });
        v.putIf(has(a, "Version"), "version", "true");
        find(a, "Enumerated").ifPresent(e -> v.putIf(Constants.attribute(e, "value").map(Constants::enumName)
                .orElse("ORDINAL").equals("STRING"), "enumerated", "STRING"));
        v.putIf(has(a, "Lob"), "lob", "true");
        find(a, "Temporal").flatMap(t -> Constants.attribute(t, "value"))
                .ifPresent(t -> v.put("temporal", Constants.enumName(t)));
        Location at = override != null ? override.source().locate(override.annotation()) : a.location();
        emit(owner.table(), "column:" + name, v, "Column", owner.entity(), member, at);
    }

    private void embed(Owner owner, Attribute a, String member, TypeRef embeddable, Map<String, ColumnOverride> outer,
                       boolean inId, int depth) {
        Map<String, ColumnOverride> overrides = new HashMap<>();
        String own = a.name() + ".";
        outer.forEach((path, o) -> {
            if (path.startsWith(own)) overrides.put(path.substring(own.length()), o);
        });
        for (AnnotationExpr o : overrideAnnotations(a)) {
            Optional<String> path = value(a.source(), o, "name");
            Optional<AnnotationExpr> column = Constants.attribute(o, "column")
                    .filter(AnnotationExpr.class::isInstance).map(AnnotationExpr.class::cast);
            if (path.isPresent() && column.isPresent()) {
                overrides.putIfAbsent(path.get(), new ColumnOverride(a.source(), o, column.get()));
            }
        }
        List<TypeRef> levels = new ArrayList<>(superclasses(embeddable));
        Collections.reverse(levels);
        levels.add(embeddable);
        for (TypeRef level : levels) {
            for (Attribute sub : attributes(level)) {
                attribute(owner, sub, member + ".", overrides, inId, depth + 1);
            }
        }
    }

    private List<AnnotationExpr> overrideAnnotations(Attribute a) {
        List<AnnotationExpr> result = new ArrayList<>();
        find(a, "AttributeOverride").ifPresent(result::add);
        find(a, "AttributeOverrides").flatMap(o -> Constants.attribute(o, "value")).ifPresent(v -> {
            for (Expression e : Constants.elements(v)) if (e instanceof AnnotationExpr ann) result.add(ann);
        });
        return result;
    }

    private void toOne(Owner owner, Attribute a, String member, AnnotationExpr relation, String kind) {
        if (mappedBy(a, relation) || has(a, "PrimaryKeyJoinColumn")) return;
        String target = target(a, relation, a.type());
        boolean optional = value(a.source(), relation, "optional").orElse("true").equals("true");
        for (AnnotationExpr jc : joinColumns(a)) {
            String referenced = jc == null ? "id" : named(a.source(), jc, "referencedColumnName").orElse("id");
            String name = naming.physical(named(a.source(), jc).orElse(a.name() + "_" + referenced));
            boolean nullable = optional && value(a.source(), jc, "nullable").orElse("true").equals("true");
            boolean unique = kind.equals("OneToOne") || value(a.source(), jc, "unique").orElse("false").equals("true");
            Values v = new Values().put("relation", kind).put("target", target)
                    .put("references", naming.physical(referenced))
                    .put("nullable", String.valueOf(nullable)).put("unique", String.valueOf(unique));
            value(a.source(), jc, "columnDefinition").filter(s -> !s.isBlank())
                    .ifPresent(s -> v.put("columnDefinition", sql(s)));
            foreignKey(owner, a, member, jc, name, target, v);
            emit(owner.table(), "column:" + name, v, "Column", owner.entity(), member, a.location());
        }
    }

    /** {@code @JoinColumn(foreignKey = @ForeignKey(name = "fk_x"))}: its own fact when named. */
    private void foreignKey(Owner owner, Attribute a, String member, AnnotationExpr joinColumn, String column,
                            String target, Values columnValue) {
        Optional<AnnotationExpr> fk = Optional.ofNullable(joinColumn).flatMap(j -> Constants.attribute(j, "foreignKey"))
                .filter(AnnotationExpr.class::isInstance).map(AnnotationExpr.class::cast);
        if (fk.isEmpty()) return;
        Constants.attribute(fk.get(), "value").map(Constants::enumName)
                .ifPresent(mode -> columnValue.put("constraint", mode));
        named(a.source(), fk.get()).ifPresent(name -> emit(owner.table(), "fk:" + name,
                new Values().put("column", column).put("target", target), "Foreign key", owner.entity(), member,
                a.source().locate(fk.get())));
    }

    private void foreignKeyInTarget(Owner owner, Attribute a, String member, AnnotationExpr relation) {
        String target = target(a, relation, elementType(a.type()));
        String targetTable = tableOf(a.source(), target);
        for (AnnotationExpr jc : joinColumns(a)) {
            String referenced = jc == null ? "id" : named(a.source(), jc, "referencedColumnName").orElse("id");
            String name = naming.physical(named(a.source(), jc).orElse(a.name() + "_" + referenced));
            Values v = new Values().put("relation", "OneToMany").put("owner", owner.table())
                    .put("nullable", value(a.source(), jc, "nullable").orElse("true"))
                    .put("unique", value(a.source(), jc, "unique").orElse("false"));
            emit(targetTable, "column:" + name, v, "Column", owner.entity(), member, a.location());
        }
    }

    private void joinTable(Owner owner, Attribute a, String member, AnnotationExpr relation, String kind) {
        String target = target(a, relation, elementType(a.type()));
        String targetTable = tableOf(a.source(), target);
        Optional<AnnotationExpr> joinTable = find(a, "JoinTable");
        String table = joinTable.flatMap(j -> named(a.source(), j)).map(naming::physical)
                .orElseGet(() -> naming.implicitJoinTable(owner.table(), a.name(), targetTable));
        emit(table, "table", new Values().put("relation", kind).put("owner", owner.table()).put("target", targetTable),
                "Join table", owner.entity(), member, a.location());
        List<AnnotationExpr> own = joinTable.map(j -> annotations(j, "joinColumns")).orElse(List.of());
        List<AnnotationExpr> inverse = joinTable.map(j -> annotations(j, "inverseJoinColumns")).orElse(List.of());
        joinTableColumns(owner, a, member, table, own, owner.entityName(), owner.table(), false);
        joinTableColumns(owner, a, member, table, inverse, a.name(), targetTable, kind.equals("OneToMany"));
        orderColumn(owner, a, member, table);
    }

    private void joinTableColumns(Owner owner, Attribute a, String member, String table, List<AnnotationExpr> given,
                                  String implicitPrefix, String references, boolean unique) {
        List<AnnotationExpr> columns = given.isEmpty() ? Collections.singletonList(null) : given;
        for (AnnotationExpr jc : columns) {
            String referenced = named(a.source(), jc, "referencedColumnName").orElse("id");
            String name = naming.physical(named(a.source(), jc).orElse(implicitPrefix + "_" + referenced));
            Values v = new Values().put("references", references + "." + naming.physical(referenced))
                    .put("nullable", "false").put("unique", String.valueOf(unique));
            emit(table, "column:" + name, v, "Column", owner.entity(), member,
                    jc != null ? a.source().locate(jc) : a.location());
        }
    }

    private void elementCollection(Owner owner, Attribute a, String member, int depth) {
        Optional<AnnotationExpr> collectionTable = find(a, "CollectionTable");
        String table = collectionTable.flatMap(c -> named(a.source(), c)).map(naming::physical)
                .orElseGet(() -> naming.physical(owner.entityName() + "_" + a.name()));
        emit(table, "table", new Values().put("owner", owner.table()), "Collection table", owner.entity(), member,
                a.location());
        List<AnnotationExpr> given = collectionTable.map(c -> annotations(c, "joinColumns")).orElse(List.of());
        joinTableColumns(owner, a, member, table, given, owner.entityName(), owner.table(), false);
        Owner inCollection = new Owner(owner.entity(), owner.entityName(), table);
        Type element = elementType(a.type());
        if (isMap(a.type())) {
            String key = find(a, "MapKeyColumn").flatMap(k -> named(a.source(), k)).orElse(a.name() + "_KEY");
            Type keyType = typeArgument(a.type(), 0);
            emit(table, "column:" + naming.physical(key), new Values().put("type", typeName(keyType))
                    .put("nullable", "false"), "Column", owner.entity(), member, a.location());
        }
        Optional<TypeRef> embeddable = element instanceof ClassOrInterfaceType c && depth < MAX_DEPTH
                ? sources.findType(a.source(), c.getNameAsString()).filter(r -> has(r, "Embeddable"))
                : Optional.empty();
        if (embeddable.isPresent()) {
            for (Attribute sub : attributes(embeddable.get())) {
                attribute(inCollection, sub, member + ".", Map.of(), false, depth + 1);
            }
        } else {
            basic(inCollection, a, member, null, element, false);
        }
        orderColumn(owner, a, member, table);
    }

    private void orderColumn(Owner owner, Attribute a, String member, String table) {
        find(a, "OrderColumn").ifPresent(o -> emit(table,
                "column:" + naming.physical(named(a.source(), o).orElse(a.name() + "_ORDER")),
                new Values().put("type", "int").put("order", "true"), "Column", owner.entity(), member,
                a.source().locate(o)));
    }

    /** SQL text with insignificant layout removed: {@code numeric(10,  2)} reads as {@code numeric(10,2)}. */
    private static String sql(String text) {
        return text.strip().replaceAll("\\s+", " ").replaceAll(" ?([(),]) ?", "$1");
    }

    // ---- types and names ----

    /** The classes a type extends that JPA maps (entities, mapped superclasses, embeddables), nearest first. */
    private List<TypeRef> superclasses(TypeRef start) {
        List<TypeRef> chain = new ArrayList<>();
        TypeRef current = start;
        while (chain.size() < MAX_DEPTH && current.type() instanceof ClassOrInterfaceDeclaration c
                && !c.getExtendedTypes().isEmpty()) {
            String name = c.getExtendedTypes().get(0).getNameAsString();
            Optional<TypeRef> parent = sources.findType(current.source(), name)
                    .filter(r -> r.type() != start.type())
                    .filter(r -> has(r, "Entity") || has(r, "MappedSuperclass") || has(r, "Embeddable"));
            if (parent.isEmpty()) break;
            current = parent.get();
            chain.add(current);
        }
        return chain;
    }

    private String inheritance(TypeRef entity) {
        return find(entity, "Inheritance").flatMap(i -> Constants.attribute(i, "strategy"))
                .map(Constants::enumName).orElse("SINGLE_TABLE");
    }

    private String entityName(TypeRef entity) {
        return find(entity, "Entity").flatMap(e -> named(entity.source(), e)).orElse(entity.type().getNameAsString());
    }

    private String tableName(TypeRef entity) {
        String logical = find(entity, "Table").flatMap(t -> named(entity.source(), t))
                .orElseGet(() -> entityName(entity));
        return naming.physical(logical);
    }

    /** The table of a relation's target: its own mapping when the snapshot has it, else the class name. */
    private String tableOf(ParsedSource from, String target) {
        return sources.findType(from, target).filter(r -> has(r, "Entity")).map(this::tableName)
                .orElseGet(() -> naming.physical(target));
    }

    private String target(Attribute a, AnnotationExpr relation, Type declared) {
        return Constants.attribute(relation, "targetEntity")
                .filter(ClassExpr.class::isInstance)
                .map(e -> typeName(((ClassExpr) e).getType()))
                .orElseGet(() -> typeName(declared));
    }

    private Optional<TypeRef> embeddable(Attribute a) {
        if (!(a.type() instanceof ClassOrInterfaceType c)) return Optional.empty();
        boolean declared = has(a, "Embedded") || has(a, "EmbeddedId");
        if (!declared && (BASIC_TYPES.contains(c.getNameAsString()) || hasAny(a, MAPPING))) return Optional.empty();
        return sources.findType(a.source(), c.getNameAsString()).filter(r -> has(r, "Embeddable"));
    }

    private static boolean isCollection(Type type) {
        return type instanceof ClassOrInterfaceType c && COLLECTIONS.contains(c.getNameAsString());
    }

    private static boolean isMap(Type type) {
        return type instanceof ClassOrInterfaceType c && c.getNameAsString().endsWith("Map");
    }

    /** The element of a collection type: the last type argument ({@code Map<K, V>} gives V). */
    private static Type elementType(Type type) {
        if (type instanceof ClassOrInterfaceType c && c.getTypeArguments().isPresent()
                && !c.getTypeArguments().get().isEmpty()) {
            var args = c.getTypeArguments().get();
            return args.get(args.size() - 1);
        }
        return type;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ClassOrInterfaceType c && c.getTypeArguments().isPresent()
                && c.getTypeArguments().get().size() > index) {
            return c.getTypeArguments().get().get(index);
        }
        return type;
    }

    /** The type as written, without packages, annotations or spaces: {@code java.util.List<a.B>} is {@code List<B>}. */
    static String typeName(Type type) {
        String text = Constants.text(type.clone().removeComment());
        text = text.replaceAll("@[\\w.]+(\\([^)]*\\))?\\s*", "");
        text = text.replaceAll("\\b(?:[a-z_$][\\w$]*\\.)+(?=[A-Za-z_$])", "");
        return text.replaceAll("\\s+", "");
    }

    // ---- attributes of a class ----

    private List<Attribute> attributes(TypeRef ref) {
        List<Attribute> result = new ArrayList<>();
        TypeDeclaration<?> type = ref.type();
        if (usesPropertyAccess(ref)) {
            for (MethodDeclaration m : type.getMethods()) {
                String property = propertyOf(m);
                if (property == null || m.isStatic() || hasJpa(ref.source(), m, "Transient")) continue;
                boolean annotated = MAPPING.stream().anyMatch(s -> hasJpa(ref.source(), m, s));
                String setter = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
                if (annotated || !type.getMethodsByName(setter).isEmpty()) {
                    result.add(new Attribute(ref.source(), m, property, m.getType(), m));
                }
            }
            return result;
        }
        for (FieldDeclaration f : type.getFields()) {
            if (f.isStatic() || f.isTransient() || hasJpa(ref.source(), f, "Transient")) continue;
            for (VariableDeclarator v : f.getVariables()) {
                result.add(new Attribute(ref.source(), f, v.getNameAsString(), v.getType(), f));
            }
        }
        return result;
    }

    /** Annotations on getters and none on fields mean property access (JPA decides by where {@code @Id} sits). */
    private boolean usesPropertyAccess(TypeRef ref) {
        Optional<AnnotationExpr> access = find(ref, "Access");
        if (access.isPresent()) {
            return Constants.attribute(access.get(), "value").map(Constants::enumName).orElse("")
                    .equals("PROPERTY");
        }
        ParsedSource s = ref.source();
        for (FieldDeclaration f : ref.type().getFields()) {
            for (String m : MAPPING) if (hasJpa(s, f, m)) return false;
        }
        for (MethodDeclaration m : ref.type().getMethods()) {
            if (propertyOf(m) == null) continue;
            for (String name : MAPPING) if (hasJpa(s, m, name)) return true;
        }
        return false;
    }

    private static String propertyOf(MethodDeclaration m) {
        if (!m.getParameters().isEmpty() || m.getType().isVoidType()) return null;
        String name = m.getNameAsString();
        String rest = name.startsWith("get") ? name.substring(3) : name.startsWith("is") ? name.substring(2) : "";
        if (rest.isEmpty() || !Character.isUpperCase(rest.charAt(0))) return null;
        if (rest.length() > 1 && Character.isUpperCase(rest.charAt(1))) return rest;
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }

    // ---- annotation helpers ----

    private static boolean hasJpa(ParsedSource s, NodeWithAnnotations<?> node, String simple) {
        return s.imports().has(node, simple);
    }

    private static Optional<AnnotationExpr> find(TypeRef ref, String simple) {
        return ref.source().imports().find(ref.type(), simple);
    }

    private static boolean has(TypeRef ref, String simple) {
        return find(ref, simple).isPresent();
    }

    private static Optional<AnnotationExpr> find(Attribute a, String simple) {
        return a.source().imports().find(a.annotated(), simple);
    }

    private static boolean has(Attribute a, String simple) {
        return find(a, simple).isPresent();
    }

    private static boolean hasAny(Attribute a, Set<String> simple) {
        for (String s : simple) if (has(a, s)) return true;
        return false;
    }

    private boolean mappedBy(Attribute a, AnnotationExpr relation) {
        return value(a.source(), relation, "mappedBy").filter(s -> !s.isEmpty()).isPresent();
    }

    private Optional<String> value(ParsedSource source, AnnotationExpr annotation, String name) {
        return annotation == null ? Optional.empty() : constants.value(source, annotation, name);
    }

    private Optional<String> named(ParsedSource source, AnnotationExpr annotation) {
        return named(source, annotation, "name");
    }

    private Optional<String> named(ParsedSource source, AnnotationExpr annotation, String attribute) {
        return value(source, annotation, attribute).filter(s -> !s.isEmpty());
    }

    /** The join columns an attribute declares, or one null standing for the implicit join column. */
    private List<AnnotationExpr> joinColumns(Attribute a) {
        List<AnnotationExpr> result = new ArrayList<>();
        find(a, "JoinColumns").ifPresent(j -> result.addAll(annotations(j, "value")));
        find(a, "JoinColumn").ifPresent(result::add);
        if (result.isEmpty()) result.add(null);
        return result;
    }

    private static List<AnnotationExpr> annotations(AnnotationExpr annotation, String attribute) {
        List<AnnotationExpr> result = new ArrayList<>();
        for (Expression e : list(annotation, attribute)) if (e instanceof AnnotationExpr a) result.add(a);
        return result;
    }

    private static List<Expression> list(AnnotationExpr annotation, String attribute) {
        return Constants.attribute(annotation, attribute).map(Constants::elements).orElse(List.of());
    }

    private void emit(String table, String key, Values value, String kind, String entity, String member,
                      Location location) {
        facts.add(new SchemaFact(table, key, value.toString(), kind, entity, member, location));
    }

    /** The entity whose table receives the columns being mapped. */
    private record Owner(String entity, String entityName, String table) {
    }

    /** A persistent field or getter. */
    private record Attribute(ParsedSource source, NodeWithAnnotations<?> annotated, String name, Type type, Node at) {
        Location location() {
            return source.locate(at);
        }
    }

    /** An {@code @AttributeOverride} and the column it gives. */
    private record ColumnOverride(ParsedSource source, AnnotationExpr annotation, AnnotationExpr column) {
    }
}
