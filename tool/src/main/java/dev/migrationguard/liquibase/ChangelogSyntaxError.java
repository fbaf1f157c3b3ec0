package dev.migrationguard.liquibase;

/** A changelog that is not well-formed XML, YAML or JSON, or whose structure Liquibase would refuse. */
final class ChangelogSyntaxError extends RuntimeException {
    final int line;
    final int column;

    ChangelogSyntaxError(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }
}
