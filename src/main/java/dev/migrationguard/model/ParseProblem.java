package dev.migrationguard.model;

/** A file, or a part of one, that could not be read; reported as a {@code parse-error} finding. */
public record ParseProblem(Location location, String message) {
}
