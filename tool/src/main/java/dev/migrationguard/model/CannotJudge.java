package dev.migrationguard.model;

/**
 * The run cannot judge what it was asked to (bad usage or configuration, not a git work tree, an unknown ref, a
 * database that does not answer, a TypeScript parser that cannot run here): exit code 2, with this message, which
 * names the problem and says how to fix it. The one exception that means so; the command line maps it once.
 */
public final class CannotJudge extends RuntimeException {
    public CannotJudge(String message) {
        super(message);
    }

    public CannotJudge(String message, Throwable cause) {
        super(message, cause);
    }
}
