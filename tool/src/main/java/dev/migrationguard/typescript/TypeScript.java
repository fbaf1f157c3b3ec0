package dev.migrationguard.typescript;

import dev.migrationguard.model.CannotJudge;

/**
 * Parses TypeScript into {@link TsNode}s. The native parser is loaded on the first call only, so a run that meets no
 * TypeScript file never loads it; this class itself names no swc4j type.
 */
public final class TypeScript {
    /**
     * System property for tests that must crash the native parser for real, to show that a run survives it: hands
     * SWC the text as it is, without the nesting bound or the spread rewrite.
     */
    static final String UNGUARDED_PROPERTY = "migration-guard.typescript.unguarded";
    private static final boolean UNGUARDED = Boolean.getBoolean(UNGUARDED_PROPERTY);

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
     * is known to crash on: nesting deeper than its stack allows, a spread apart from its operand (rewritten), a file
     * an earlier attempt of this run crashed on (see {@link NativeCrashes}).
     *
     * @throws CannotJudge when the native parser cannot run on this machine
     */
    public static Parsed parse(String path, String source) {
        boolean tsx = path != null && path.endsWith(".tsx");
        SwcNative.libraryFile();
        if (path != null && NativeCrashes.crashedOn(path)) return new Parsed(null, NativeCrashes.crashError());
        String text = source == null ? "" : source;
        if (!UNGUARDED) {
            SourceScan.Result scan = SourceScan.of(text);
            int limit = ParserThread.maxDepth();
            if (scan.depth() > limit) {
                return new Parsed(null, new SyntaxError(scan.line(), scan.column(), "it nests " + scan.depth()
                        + " levels deep here (brackets and chained operators), more than the " + limit + " the "
                        + "TypeScript parser is safe with, so it was not checked; split the expression."));
            }
            text = scan.text();
        }
        String parsed = text;
        try {
            return ParserThread.run(() -> {
                SwcParser.load();
                NativeCrashes.leave(path);
                try {
                    return SwcParser.parse(parsed, tsx);
                } finally {
                    NativeCrashes.leave(null);
                }
            });
        } catch (ExceptionInInitializerError e) {
            if (e.getCause() instanceof CannotJudge u) throw u;
            throw new CannotJudge("the TypeScript parser could not start: " + e.getCause(), e);
        } catch (NoClassDefFoundError e) {
            throw new CannotJudge("the TypeScript parser could not start (an earlier attempt failed): "
                    + e.getMessage(), e);
        }
    }
}
