package dev.migrationguard.model;

/**
 * What the tool knows of a migration's way back.
 *
 * @param location where the way back is (or should be): the {@code down()} method, the changeSet; null for the file
 * @param projectUsesUndoScripts for Flyway: whether any {@code U} script exists in the project
 */
public record Rollback(Status status, Location location, boolean projectUsesUndoScripts) {

    public enum Status {
        /** A way back exists: a non-empty down(), a U script, a rollback block, or automatic rollback. */
        PRESENT,
        /** The stack has no notion of it for this migration (a repeatable or baseline script, an undo script). */
        NOT_APPLICABLE,
        /** No down(), no undo script, no rollback block where one is needed. */
        MISSING,
        /** down() exists but does nothing: empty, only comments, or a bare return. */
        EMPTY,
        /** down() only throws: a deliberate one-way migration, which must say so with a suppression. */
        THROWS
    }

    public static Rollback present() {
        return new Rollback(Status.PRESENT, null, false);
    }

    public static Rollback notApplicable() {
        return new Rollback(Status.NOT_APPLICABLE, null, false);
    }
}
