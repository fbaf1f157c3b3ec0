package dev.migrationguard.model;

/**
 * A file, or a part of one, that could not be read; reported as a {@code parse-error} finding.
 *
 * @param hint the next step when it is not "fix the syntax" (a file too large to read), else null
 */
public record ParseProblem(Location location, String message, String hint) {
    public ParseProblem(Location location, String message) {
        this(location, message, null);
    }
}
