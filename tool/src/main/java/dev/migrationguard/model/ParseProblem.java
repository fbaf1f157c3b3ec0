package dev.migrationguard.model;

/**
 * A file, or a part of one, that could not be read; reported as a {@code parse-error} finding.
 *
 * @param hint the next step, when it is not to fix the syntax (a file nested too deeply, a git-lfs pointer, a file too large to read); or null
 */
public record ParseProblem(Location location, String message, String hint) {

    /** A syntax error: the hint is to fix it. */
    public ParseProblem(Location location, String message) {
        this(location, message, null);
    }
}
