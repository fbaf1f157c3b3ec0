package dev.migrationguard.jpa;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides from a file's imports whether an annotation written by simple name is the JPA one. An annotation imported
 * from another package (a document store's {@code @Entity}) is not.
 */
final class JpaImports {
    private static final String JAKARTA = "jakarta.persistence.";
    private static final String JAVAX = "javax.persistence.";

    private final Map<String, String> single = new HashMap<>();
    private final Map<String, String> staticMembers = new HashMap<>();
    private final Set<String> wildcards = new HashSet<>();
    private boolean persistenceWildcard;

    JpaImports(CompilationUnit unit) {
        for (ImportDeclaration i : unit.getImports()) {
            String name = i.getNameAsString();
            if (i.isStatic()) {
                if (!i.isAsterisk()) staticMembers.put(simpleName(name), name);
            } else if (i.isAsterisk()) {
                wildcards.add(name);
                if (name.equals("jakarta.persistence") || name.equals("javax.persistence")) persistenceWildcard = true;
            } else {
                single.put(simpleName(name), name);
            }
        }
    }

    boolean isJpa(AnnotationExpr annotation, String simple) {
        String name = annotation.getNameAsString();
        if (name.indexOf('.') >= 0) return name.equals(JAKARTA + simple) || name.equals(JAVAX + simple);
        if (!name.equals(simple)) return false;
        String imported = single.get(simple);
        if (imported != null) return imported.equals(JAKARTA + simple) || imported.equals(JAVAX + simple);
        return persistenceWildcard;
    }

    Optional<AnnotationExpr> find(NodeWithAnnotations<?> node, String simple) {
        for (AnnotationExpr a : node.getAnnotations()) {
            if (isJpa(a, simple)) return Optional.of(a);
        }
        return Optional.empty();
    }

    boolean has(NodeWithAnnotations<?> node, String simple) {
        return find(node, simple).isPresent();
    }

    /**
     * The annotation {@code simple} from one of {@code packages} (Hibernate's {@code org.hibernate.annotations}, Bean
     * Validation's), written qualified, imported by name or through a wildcard import of its package.
     */
    Optional<AnnotationExpr> findFrom(NodeWithAnnotations<?> node, String simple, List<String> packages) {
        for (AnnotationExpr a : node.getAnnotations()) {
            String name = a.getNameAsString();
            boolean match;
            if (name.indexOf('.') >= 0) {
                match = packages.stream().anyMatch(p -> name.equals(p + "." + simple));
            } else if (name.equals(simple)) {
                String imported = single.get(simple);
                match = imported != null ? packages.stream().anyMatch(p -> imported.equals(p + "." + simple))
                        : packages.stream().anyMatch(wildcards::contains);
            } else {
                match = false;
            }
            if (match) return Optional.of(a);
        }
        return Optional.empty();
    }

    /** Hibernate 5 for a {@code javax.persistence} file, 6 and later otherwise. */
    HibernateColumnTypes.Version version() {
        boolean javax = single.values().stream().anyMatch(n -> n.startsWith(JAVAX))
                || wildcards.contains("javax.persistence");
        return javax ? HibernateColumnTypes.Version.V5 : HibernateColumnTypes.Version.V6;
    }

    /** The qualified name a simple type name was imported as, or null. */
    String importedType(String simple) {
        return single.get(simple);
    }

    /** The qualified {@code Type.MEMBER} a statically imported member came from, or null. */
    String staticImport(String member) {
        return staticMembers.get(member);
    }

    static String simpleName(String qualified) {
        int dot = qualified.lastIndexOf('.');
        return dot < 0 ? qualified : qualified.substring(dot + 1);
    }
}
