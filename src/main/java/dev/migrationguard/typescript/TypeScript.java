package dev.migrationguard.typescript;

/**
 * Parses TypeScript into {@link TsNode}s. The native parser is loaded on the first call only, so a run that meets no
 * TypeScript file never loads it; this class itself names no swc4j type.
 */
public final class TypeScript {
    private TypeScript() {
    }

    /** A parsed file, or the first syntax error in it (1-based line and column). */
    public record Parsed(TsNode.Module module, SyntaxError error) {
    }

    public record SyntaxError(int line, int column, String message) {
    }

    /**
     * Parses one file; {@code .tsx} files with JSX enabled. Never throws for bad input.
     *
     * @throws TypeScriptUnavailable when the native parser cannot run on this machine
     */
    public static Parsed parse(String path, String source) {
        boolean tsx = path != null && path.endsWith(".tsx");
        SwcNative.libraryFile();
        try {
            return SwcParser.parse(source == null ? "" : source, tsx);
        } catch (ExceptionInInitializerError e) {
            if (e.getCause() instanceof TypeScriptUnavailable u) throw u;
            throw new TypeScriptUnavailable("the TypeScript parser could not start: " + e.getCause(), e);
        } catch (NoClassDefFoundError e) {
            throw new TypeScriptUnavailable("the TypeScript parser could not start (an earlier attempt failed): "
                    + e.getMessage(), e);
        }
    }
}
