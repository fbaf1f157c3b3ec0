package dev.migrationguard.cli;

/** The exit codes of SPEC.md. */
final class ExitCodes {
    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int CANNOT_JUDGE = 2;
    static final int BUG = 3;

    private ExitCodes() {
    }
}
