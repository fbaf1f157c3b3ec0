package dev.migrationguard.javasrc;

import com.github.javaparser.JavaToken;
import com.github.javaparser.Problem;
import com.github.javaparser.Range;

import java.util.Optional;

/** Turns JavaParser's problems into what a person reads from a compiler: the place of the error and a short message. */
public final class JavaSyntaxErrors {
    private JavaSyntaxErrors() {
    }

    /** A 1-based line and column. */
    public record Place(int line, int column, String message) {
    }

    /**
     * JavaParser's range for a syntax error starts at the last token it accepted; like javac, point just after it, at
     * the token it could not accept.
     */
    public static Place describe(Problem problem) {
        int line = 1;
        int column = 1;
        var range = problem.getLocation();
        if (range.isPresent()) {
            JavaToken begin = range.get().getBegin();
            JavaToken end = range.get().getEnd();
            Optional<Range> b = begin.getRange();
            if (b.isPresent()) {
                line = b.get().begin.line;
                column = b.get().begin.column;
                if (begin != end && b.get().end.line == b.get().begin.line) {
                    line = b.get().end.line;
                    column = b.get().end.column + 1;
                }
            }
        }
        return new Place(line, column, shortMessage(problem.getMessage()));
    }

    static String shortMessage(String raw) {
        String first = raw == null ? "" : raw.lines().findFirst().orElse("").strip();
        int expected = first.indexOf(", expected one of");
        if (expected >= 0) {
            String options = first.substring(expected + ", expected one of".length()).strip();
            String found = first.substring(0, expected).replace("Parse error. ", "");
            String[] parts = options.split("\\s+");
            first = parts.length <= 4 ? found + ", expected " + String.join(" or ", parts) : found;
        }
        if (first.length() > 200) first = first.substring(0, 200) + "...";
        return first;
    }
}
