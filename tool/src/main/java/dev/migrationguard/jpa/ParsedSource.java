package dev.migrationguard.jpa;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.ParseProblem;

/** One Java file of a snapshot after parsing: its tree and imports, or the problem that stopped the parser. */
record ParsedSource(String path, String text, CompilationUnit unit, JpaImports imports, ParseProblem problem) {

    boolean ok() {
        return unit != null;
    }

    /** Where a node starts in this file, or the whole file when the parser kept no position. */
    Location locate(Node node) {
        return node.getBegin()
                .map(p -> Location.at(path, p.line, p.column))
                .orElseGet(() -> Location.file(path));
    }
}
