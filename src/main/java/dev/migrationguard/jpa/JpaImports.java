package dev.migrationguard.jpa;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides from a file's imports whether an annotation written by simple name is the JPA one. An annotation imported
 * from another package (a document store's {@code @Entity}) is not.
 */
final class JpaImports {
    private static final String JAKARTA = "jakarta.persistence.";
    private static final String JAVAX = "javax.persistence.";

    private final Map<String, String> single = new HashMap<>();
    private final Map<String, String> staticMembers = new HashMap<>();
    private final String packageName;
    private boolean persistenceWildcard;

    JpaImports(CompilationUnit unit) {
        packageName = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        for (ImportDeclaration i : unit.getImports()) {
            String name = i.getNameAsString();
            if (i.isStatic()) {
                if (!i.isAsterisk()) staticMembers.put(simpleName(name), name);
            } else if (i.isAsterisk()) {
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

    /** The qualified name a simple type name was imported as, or null. */
    String importedType(String simple) {
        return single.get(simple);
    }

    /** The qualified {@code Type.MEMBER} a statically imported member came from, or null. */
    String staticImport(String member) {
        return staticMembers.get(member);
    }

    String packageName() {
        return packageName;
    }

    static String simpleName(String qualified) {
        int dot = qualified.lastIndexOf('.');
        return dot < 0 ? qualified : qualified.substring(dot + 1);
    }
}
