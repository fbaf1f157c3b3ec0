package archfixture.flyway;

import com.github.javaparser.ast.CompilationUnit;

/** Flyway's Java migrations walking JavaParser's tree, with a parser built by the JPA reader. */
public final class JavaMigrationSql {
    public static int strings(CompilationUnit unit) {
        return unit.getTypes().size() + archfixture.jpa.Reader.parser().hashCode();
    }
}
