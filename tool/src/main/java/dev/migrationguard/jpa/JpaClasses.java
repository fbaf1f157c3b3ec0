package dev.migrationguard.jpa;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.migrationguard.jpa.SnapshotSources.TypeRef;
import dev.migrationguard.model.Location;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What JPA sees in a class: its persistent attributes (fields, or getters under property access, Lombok's included),
 * the mapped classes it extends, and its annotations, JPA's and Hibernate's.
 */
final class JpaClasses {
    private static final int MAX_DEPTH = 6;

    private JpaClasses() {
    }

    static final List<String> HIBERNATE = List.of("org.hibernate.annotations");

    static final Set<String> MAPPING = Set.of("Id", "EmbeddedId", "Column", "Basic", "ManyToOne", "OneToOne",
            "OneToMany", "ManyToMany", "ElementCollection", "Embedded", "Version", "JoinColumn", "Lob", "Enumerated",
            "Temporal", "GeneratedValue");

    static final Set<String> COLLECTIONS = Set.of("List", "Set", "Collection", "Map", "SortedSet",
            "SortedMap", "Iterable", "ArrayList", "HashSet", "LinkedHashSet", "TreeSet", "HashMap", "LinkedHashMap",
            "TreeMap");

    static final Set<String> SETS = Set.of("Set", "SortedSet", "HashSet", "LinkedHashSet", "TreeSet");

    /** Annotations that hand the column's type to code the tool does not run: the type is unknown. */
    static final List<String> CONVERTED = List.of("Type", "JdbcType", "JavaType", "Columns", "Formula");

    static final Set<String> BASIC = Set.of("String", "Long", "Integer", "Short", "Byte", "Double", "Float",
            "Boolean", "Character", "BigDecimal", "BigInteger", "UUID", "Date", "Calendar", "Instant", "LocalDate",
            "LocalDateTime", "LocalTime", "OffsetDateTime", "OffsetTime", "ZonedDateTime", "Duration", "Timestamp",
            "Time", "Blob", "Clob", "URL", "Locale", "Currency", "TimeZone", "ZoneId", "Year", "YearMonth", "Object",
            "Class");

    static String simpleName(Type type) {
        return type instanceof ClassOrInterfaceType c ? c.getNameAsString() : type.asString();
    }

    /**
     * The classes a type extends that JPA maps (entities, mapped superclasses, embeddables), nearest first. A class
     * between them that JPA does not map (an abstract base without annotations) adds nothing but does not end the
     * hierarchy: its own superclass may still be the root entity.
     */
    static List<TypeRef> superclasses(SnapshotSources sources, TypeRef start) {
        List<TypeRef> chain = new ArrayList<>();
        List<String> seen = new ArrayList<>(List.of(start.key()));
        TypeRef current = start;
        while (seen.size() <= MAX_DEPTH * 2 && current.type() instanceof ClassOrInterfaceDeclaration c
                && !c.getExtendedTypes().isEmpty()) {
            String name = c.getExtendedTypes().get(0).getNameAsString();
            Optional<TypeRef> parent = sources.findType(current.source(), name);
            if (parent.isEmpty() || seen.contains(parent.get().key())) break;
            current = parent.get();
            seen.add(current.key());
            if (has(current, "Entity") || has(current, "MappedSuperclass") || has(current, "Embeddable")) {
                chain.add(current);
            }
        }
        return chain;
    }

    /** The entity at the top of an entity's hierarchy, when it has one above it. */
    static Optional<TypeRef> entityRoot(SnapshotSources sources, TypeRef entity) {
        TypeRef root = null;
        for (TypeRef r : superclasses(sources, entity)) if (has(r, "Entity")) root = r;
        return Optional.ofNullable(root);
    }

    /**
     * The entities whose tables this entity's own attributes put columns in: the targets of a unidirectional
     * {@code @OneToMany} with {@code @JoinColumn}, whose foreign key lives in the target's table.
     */
    static List<TypeRef> tablesWrittenInto(SnapshotSources sources, TypeRef entity) {
        List<TypeRef> result = new ArrayList<>();
        for (Attribute a : attributes(entity)) {
            Optional<AnnotationExpr> rel = find(a, "OneToMany");
            if (rel.isEmpty() || Constants.attribute(rel.get(), "mappedBy").isPresent()
                    || !has(a, "JoinColumn") && !has(a, "JoinColumns")) {
                continue;
            }
            sources.findType(a.source(), simpleName(elementType(a.type()))).filter(r -> has(r, "Entity"))
                    .ifPresent(result::add);
        }
        return result;
    }

    /** A collection-typed attribute stored in one column: a JSON or array column, a converted value. */
    static boolean basicAnnotated(Attribute a) {
        return has(a, "Column") || has(a, "Basic") || has(a, "Convert") || has(a, "Lob")
                || hibernate(a, "JdbcTypeCode").isPresent() || CONVERTED.stream().anyMatch(n -> hibernate(a, n).isPresent());
    }

    static boolean isRelation(Attribute a) {
        return has(a, "ManyToOne") || has(a, "OneToOne") || has(a, "OneToMany") || has(a, "ManyToMany")
                || has(a, "ElementCollection");
    }

    static boolean isCollection(Type type) {
        return type instanceof ClassOrInterfaceType c && COLLECTIONS.contains(c.getNameAsString());
    }

    static boolean isSet(Type type) {
        return type instanceof ClassOrInterfaceType c && SETS.contains(c.getNameAsString());
    }

    static boolean isMap(Type type) {
        return type instanceof ClassOrInterfaceType c && c.getNameAsString().endsWith("Map");
    }

    /** The element of a collection type: the last type argument ({@code Map<K, V>} gives V). */
    static Type elementType(Type type) {
        if (type instanceof ClassOrInterfaceType c && c.getTypeArguments().isPresent()
                && !c.getTypeArguments().get().isEmpty()) {
            var args = c.getTypeArguments().get();
            return args.get(args.size() - 1);
        }
        return type;
    }

    static Type typeArgument(Type type, int index) {
        if (type instanceof ClassOrInterfaceType c && c.getTypeArguments().isPresent()
                && c.getTypeArguments().get().size() > index) {
            return c.getTypeArguments().get().get(index);
        }
        return type;
    }

    /** A persistent field or getter. */
    record Attribute(ParsedSource source, NodeWithAnnotations<?> annotated, String name, Type type, Node at) {
        Location location() {
            return source.locate(at);
        }
    }

    static List<Attribute> attributes(TypeRef ref) {
        List<Attribute> result = new ArrayList<>();
        TypeDeclaration<?> type = ref.type();
        if (type instanceof EnumDeclaration) return result;
        if (usesPropertyAccess(ref)) {
            for (MethodDeclaration m : type.getMethods()) {
                String property = propertyOf(m);
                if (property == null || m.isStatic() || ref.source().imports().has(m, "Transient")) continue;
                boolean annotated = MAPPING.stream().anyMatch(s -> ref.source().imports().has(m, s));
                String setter = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
                if (annotated || !type.getMethodsByName(setter).isEmpty() || lombokSetter(ref, property)) {
                    result.add(new Attribute(ref.source(), m, property, m.getType(), m));
                }
            }
            // Getters Lombok writes carry no annotations: the field stands for them.
            for (FieldDeclaration f : type.getFields()) {
                if (f.isStatic() || f.isTransient() || ref.source().imports().has(f, "Transient")) continue;
                for (VariableDeclarator v : f.getVariables()) {
                    String property = v.getNameAsString();
                    boolean listed = result.stream().anyMatch(a -> a.name().equals(property));
                    String setter = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
                    boolean settable = !type.getMethodsByName(setter).isEmpty() || lombokSetter(ref, property);
                    if (!listed && settable && lombok(ref, f, "Getter")) {
                        result.add(new Attribute(ref.source(), f, property, v.getType(), f));
                    }
                }
            }
            return result;
        }
        // Under field access, a getter marked @Access(PROPERTY) is the attribute of its name, in place of the field.
        Map<String, MethodDeclaration> properties = new LinkedHashMap<>();
        for (MethodDeclaration m : type.getMethods()) {
            String property = propertyOf(m);
            if (property != null && !m.isStatic() && propertyAccess(ref, m)) properties.put(property, m);
        }
        for (FieldDeclaration f : type.getFields()) {
            if (f.isStatic()) continue;
            for (VariableDeclarator v : f.getVariables()) {
                MethodDeclaration getter = properties.remove(v.getNameAsString());
                if (getter != null) {
                    result.add(new Attribute(ref.source(), getter, v.getNameAsString(), getter.getType(), getter));
                } else if (!f.isTransient() && !ref.source().imports().has(f, "Transient")) {
                    result.add(new Attribute(ref.source(), f, v.getNameAsString(), v.getType(), f));
                }
            }
        }
        properties.forEach((name, m) -> result.add(new Attribute(ref.source(), m, name, m.getType(), m)));
        return result;
    }

    private static boolean propertyAccess(TypeRef ref, MethodDeclaration m) {
        return ref.source().imports().find(m, "Access").flatMap(a -> Constants.attribute(a, "value"))
                .map(Constants::enumName).orElse("").equals("PROPERTY");
    }

    /** A setter Lombok writes: {@code @Setter} or {@code @Data} on the class, or {@code @Setter} on the field. */
    static boolean lombokSetter(TypeRef ref, String property) {
        return ref.type().getFieldByName(property).map(f -> lombok(ref, f, "Setter")).orElse(false);
    }

    /** Whether Lombok writes the field's accessor of that kind ({@code Getter}, {@code Setter}), or {@code @Data} both. */
    static boolean lombok(TypeRef ref, FieldDeclaration field, String accessor) {
        List<String> lombok = List.of("lombok");
        var imports = ref.source().imports();
        return imports.findFrom(ref.type(), accessor, lombok).isPresent()
                || imports.findFrom(ref.type(), "Data", lombok).isPresent()
                || imports.findFrom(field, accessor, lombok).isPresent();
    }

    /** Annotations on getters and none on fields mean property access (JPA decides by where {@code @Id} sits). */
    static boolean usesPropertyAccess(TypeRef ref) {
        Optional<AnnotationExpr> access = find(ref, "Access");
        if (access.isPresent()) {
            return Constants.attribute(access.get(), "value").map(Constants::enumName).orElse("").equals("PROPERTY");
        }
        ParsedSource s = ref.source();
        for (FieldDeclaration f : ref.type().getFields()) {
            for (String m : MAPPING) if (s.imports().has(f, m)) return false;
        }
        for (MethodDeclaration m : ref.type().getMethods()) {
            if (propertyOf(m) == null) continue;
            for (String name : MAPPING) if (s.imports().has(m, name)) return true;
        }
        return false;
    }

    static String propertyOf(MethodDeclaration m) {
        if (!m.getParameters().isEmpty() || m.getType().isVoidType()) return null;
        String name = m.getNameAsString();
        String rest = name.startsWith("get") ? name.substring(3) : name.startsWith("is") ? name.substring(2) : "";
        if (rest.isEmpty() || !Character.isUpperCase(rest.charAt(0))) return null;
        if (rest.length() > 1 && Character.isUpperCase(rest.charAt(1))) return rest;
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }

    static Optional<AnnotationExpr> find(TypeRef ref, String simple) {
        return ref.source().imports().find(ref.type(), simple);
    }

    static boolean has(TypeRef ref, String simple) {
        return find(ref, simple).isPresent();
    }

    static Optional<AnnotationExpr> find(Attribute a, String simple) {
        return a.source().imports().find(a.annotated(), simple);
    }

    static boolean has(Attribute a, String simple) {
        return find(a, simple).isPresent();
    }

    static Optional<AnnotationExpr> hibernate(TypeRef ref, String simple) {
        return ref.source().imports().findFrom(ref.type(), simple, HIBERNATE);
    }

    static Optional<AnnotationExpr> hibernate(Attribute a, String simple) {
        return a.source().imports().findFrom(a.annotated(), simple, HIBERNATE);
    }
}
