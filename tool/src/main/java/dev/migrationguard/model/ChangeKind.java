package dev.migrationguard.model;

/** What happened to a file between the two sides of a change set. */
public enum ChangeKind {
    ADDED, MODIFIED, DELETED, RENAMED
}
