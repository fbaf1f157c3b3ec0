package dev.migrationguard.javasrc;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.Text;

import java.util.List;

/**
 * The one place that configures and runs JavaParser, for every reader of Java sources (JPA entities, Flyway Java
 * migrations), so that they all accept the same language and report a failure the same way.
 */
public final class JavaSources {
    /** Said when the parser (or a walk over its tree) runs out of stack: the syntax may well be fine. */
    public static final String TOO_DEEP = "the file is nested too deeply for the Java parser (it ran out of stack)";
    public static final String TOO_DEEP_HINT = "Nothing says the syntax is wrong; flatten the deepest nesting (a very "
            + "long chain of + or of nested calls or blocks), or this file is not checked.";

    private JavaSources() {
    }

    /**
     * The newest language level this JavaParser knows: a project may use any feature its compiler has (Java 22's
     * unnamed variable {@code _}), and an older level would call that a syntax error.
     */
    public static JavaParser newParser() {
        return new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.BLEEDING_EDGE)
                .setAttributeComments(false));
    }

    /** A parsed file: its tree, or the problem that stopped the parser. */
    public record Parsed(CompilationUnit unit, ParseProblem problem) {
        public boolean ok() {
            return unit != null;
        }
    }

    public static Parsed parse(JavaParser parser, String path, String text) {
        try {
            ParseResult<CompilationUnit> result = parser.parse(text);
            if (result.isSuccessful() && result.getResult().isPresent()) {
                return new Parsed(withoutTokens(result.getResult().get()), null);
            }
            return new Parsed(null, syntaxError(path, text, result.getProblems()));
        } catch (StackOverflowError e) {
            return new Parsed(null, tooDeep(path));
        } catch (RuntimeException e) {
            // JavaParser reports syntax errors as problems; anything thrown is its own failure on odd input.
            return new Parsed(null, new ParseProblem(Location.at(path, 1, 1),
                    "Java parser failed: " + e.getClass().getSimpleName()));
        }
    }

    /**
     * The tree with each node's place kept and its tokens let go. Every node links into the list of all the file's
     * tokens, which only reprinting a file as written needs (nothing here does); kept, it doubles what a tree holds,
     * and readers keep trees (an entity's superclass, a target entity) for a while.
     */
    private static CompilationUnit withoutTokens(CompilationUnit unit) {
        unit.walk(node -> {
            Range range = node.getRange().orElse(null);
            node.setTokenRange(null);
            node.setRange(range);
        });
        return unit;
    }

    /** For a walk over a parsed tree that ran out of stack. */
    public static ParseProblem tooDeep(String path) {
        return new ParseProblem(Location.file(path), TOO_DEEP, TOO_DEEP_HINT);
    }

    private static ParseProblem syntaxError(String path, String text, List<Problem> problems) {
        if (problems.isEmpty()) return new ParseProblem(Location.at(path, 1, 1), "Java syntax error");
        var place = JavaSyntaxErrors.describe(problems.get(0));
        String[] lines = Text.lines(text);
        int line = Math.min(Math.max(place.line(), 1), lines.length);
        int column = Math.min(Math.max(place.column(), 1), lines[line - 1].length() + 1);
        return new ParseProblem(Location.at(path, line, column), "Java syntax error: " + place.message());
    }
}
