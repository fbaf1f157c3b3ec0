package dev.migrationguard.typescript;

/**
 * Parses TypeScript into {@link TsNode}s. The native parser is loaded on the first call only, so a run that meets no
 * TypeScript file never loads it; this class itself names no swc4j type.
 */
public final class TypeScript {
    private TypeScript() {
    }

    /** A parsed file, or why it could not be parsed (its first syntax error, 1-based line and column). */
    public record Parsed(TsNode.Module module, SyntaxError error) {
    }

    /** Where and why a file could not be parsed; a parse-error finding shows the message after the file's name. */
    public record SyntaxError(int line, int column, String message) {
    }

    /**
     * Parses one file; {@code .tsx} files with JSX enabled. Never throws for bad input, and never hands SWC a file it
     * is known to crash on: nesting deeper than its stack allows, a spread apart from its operand (rewritten).
     *
     * @throws TypeScriptUnavailable when the native parser cannot run on this machine
     */
    public static Parsed parse(String path, String source) {
        boolean tsx = path != null && path.endsWith(".tsx");
        SwcNative.libraryFile();
        SourceScan.Result scan = SourceScan.of(source == null ? "" : source);
        int limit = ParserThread.maxDepth();
        if (scan.depth() > limit) {
            return new Parsed(null, new SyntaxError(scan.line(), scan.column(), "it nests " + scan.depth()
                    + " levels deep here (brackets and chained operators), more than the " + limit + " the "
                    + "TypeScript parser is safe with, so it was not checked; split the expression."));
        }
        try {
            return ParserThread.run(() -> SwcParser.parse(scan.text(), tsx));
        } catch (ExceptionInInitializerError e) {
            if (e.getCause() instanceof TypeScriptUnavailable u) throw u;
            throw new TypeScriptUnavailable("the TypeScript parser could not start: " + e.getCause(), e);
        } catch (NoClassDefFoundError e) {
            throw new TypeScriptUnavailable("the TypeScript parser could not start (an earlier attempt failed): "
                    + e.getMessage(), e);
        }
    }
}
