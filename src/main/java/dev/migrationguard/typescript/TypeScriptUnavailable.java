package dev.migrationguard.typescript;

/**
 * TypeScript files are in play but the parser's native library cannot run on this machine: the tool cannot judge
 * them, which is exit code 2 with this message, never a parse-error finding per file.
 */
public final class TypeScriptUnavailable extends RuntimeException {
    public TypeScriptUnavailable(String message) {
        super(message);
    }

    public TypeScriptUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
