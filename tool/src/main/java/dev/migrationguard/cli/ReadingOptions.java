package dev.migrationguard.cli;

import dev.migrationguard.model.CannotJudge;
import dev.migrationguard.model.FileTooLarge;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** How a command that reads the repository's sources reads them: the configuration, the size limit, diagnostics. */
final class ReadingOptions {
    @Option(names = "--config", paramLabel = "<file>", description = "Configuration file (default: .migration-guard.yml at the work tree's root, if present).")
    Path config;

    @Option(names = "--max-file-size", paramLabel = "<MiB>", description = "The largest file read, in MiB (default "
            + "MIGRATION_GUARD_MAX_FILE_SIZE, else 20). A migration, entity or settings file over it is a parse-error "
            + "finding, and is never loaded.")
    Integer maxFileSize;

    /**
     * Read from the parse result by Main's exception handler, the one place that prints a stack trace; a run prints its
     * debug lines itself.
     */
    @Option(names = "--debug", description = "Print stack traces of internal failures, and on stderr why the run "
            + "judged as it did: which database it read the entities for, and what it left uncompared.")
    boolean debug;

    /**
     * The largest file a run reads, in bytes: --max-file-size, else MIGRATION_GUARD_MAX_FILE_SIZE (which reaches the
     * pre-commit hook), else {@link FileTooLarge#DEFAULT_LIMIT}; in MiB from 1 to 1024 (a Java array holds 2 GiB).
     */
    static long maxFileSize(Integer option, String env) {
        String from = option != null ? "--max-file-size" : "MIGRATION_GUARD_MAX_FILE_SIZE";
        String value = option != null ? option.toString() : env;
        if (value == null || value.isBlank()) return FileTooLarge.DEFAULT_LIMIT;
        int mib;
        try {
            mib = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            mib = -1;
        }
        if (mib < 1 || mib > 1024) {
            throw new CannotJudge(from + " must be a whole number of MiB from 1 to 1024, not '" + value + "'");
        }
        return mib * 1024L * 1024L;
    }
}
