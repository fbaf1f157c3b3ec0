package dev.migrationguard.git;

/**
 * The repository cannot be judged as asked (not a work tree, unknown ref, shallow clone missing history): exit code 2
 * with a message that says how to fix it.
 */
public final class CannotJudge extends RuntimeException {
    public CannotJudge(String message) {
        super(message);
    }

    public CannotJudge(String message, Throwable cause) {
        super(message, cause);
    }
}
