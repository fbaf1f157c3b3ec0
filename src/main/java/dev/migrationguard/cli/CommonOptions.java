package dev.migrationguard.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The options every checking command shares (SPEC.md, "Common options"). */
final class CommonOptions {
    @Option(names = "--repo", paramLabel = "<dir>", description = "A folder inside the git work tree (default: the current folder).")
    Path repo;

    @Option(names = "--config", paramLabel = "<file>", description = "Configuration file (default: .migration-guard.yml at the work tree's root, if present).")
    Path config;

    @Option(names = "--format", paramLabel = "<format>", description = "text, json, sarif (GitHub code scanning), github (annotations on the pull request), "
            + "junit (test results), checkstyle (reviewdog) or gitlab (code quality); default text. Repeat "
            + "--format/--output for several reports in one run.")
    List<String> formats = new ArrayList<>();

    @Option(names = "--output", paramLabel = "<file>", description = "Write the report to this file instead of stdout; pairs with --format in order.")
    List<Path> outputs = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "<file>", description = "Report the findings this baseline file holds "
            + "(written by the baseline command) as suppressed; only new ones count. Overrides the configuration's.")
    Path baseline;

    @Option(names = "--fail-on", paramLabel = "<level>", description = "error, warning or never (default error).")
    String failOn = "error";

    @Option(names = "--deploy-ref", paramLabel = "<ref>", description = "The ref whose migrations count as deployed.")
    String deployRef;

    @Option(names = "--deployed-from", paramLabel = "<jdbc-url>", description = "Also count as deployed what this "
            + "database's migrations tables (Flyway, Liquibase, TypeORM) record; read-only, SELECT only, 10 s per step. "
            + "Wins over MIGRATION_GUARD_DEPLOYED_FROM and deployed.from. Credentials: in the URL or "
            + "MIGRATION_GUARD_DB_USER / MIGRATION_GUARD_DB_PASSWORD (for a deployed.from of the repository, only to "
            + "hosts listed in MIGRATION_GUARD_DB_HOSTS).")
    String deployedFrom;

    @Option(names = "--max-file-size", paramLabel = "<MiB>", description = "The largest file read, in MiB (default "
            + "MIGRATION_GUARD_MAX_FILE_SIZE, else 20). A migration, entity or settings file over it is a parse-error "
            + "finding, and is never loaded.")
    Integer maxFileSize;

    @Option(names = "--no-color", description = "Never colour the text report.")
    boolean noColor;

    @Option(names = "--debug", description = "Print stack traces of internal failures.")
    boolean debug;
}
