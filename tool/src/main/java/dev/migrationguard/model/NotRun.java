package dev.migrationguard.model;

import java.util.Objects;

/**
 * A file that looks like a migration but that the runner of its project will not run (outside the data source's
 * globs, misnamed so that Flyway skips it, unreachable from the master changelog). It covers nothing.
 *
 * @param location where to point: the file, or the line whose fix makes it run
 * @param stack    the id of the stack whose runner skips it
 * @param reason   why the runner skips it, as a clause ("its name has one underscore after the version, so Flyway
 *                 skips it")
 * @param fix      what makes it run (rename it, move it, include it), or delete it
 */
public record NotRun(Location location, String stack, String reason, String fix) {
    public NotRun {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(fix, "fix");
    }

    public String path() {
        return location.path();
    }
}
