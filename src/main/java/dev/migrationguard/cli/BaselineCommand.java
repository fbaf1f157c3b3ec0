package dev.migrationguard.cli;

import dev.migrationguard.report.Baseline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code baseline}: lints the whole work tree (what a legacy repository already has) and writes the fingerprints of
 * its findings, so that {@code --baseline} reports those as suppressed and only new ones count. Any baseline already
 * configured is ignored here, or a new baseline would lose what the old one held.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true, description = "Write the fingerprints of the work tree's current findings (as lint finds "
        + "them) to a baseline file, for check and lint --baseline.")
final class BaselineCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--repo", paramLabel = "<dir>", description = "A folder inside the git work tree (default: the current folder).")
    Path repo;

    @Option(names = "--config", paramLabel = "<file>", description = "Configuration file (default: .migration-guard.yml at the work tree's root, if present).")
    Path config;

    @Option(names = "--output", paramLabel = "<file>", description = "The baseline file to write (default: "
            + Baseline.DEFAULT_FILE + " at the work tree's root).")
    Path output;

    @Option(names = "--deploy-ref", paramLabel = "<ref>", description = "The ref whose migrations count as deployed.")
    String deployRef;

    @Option(names = "--max-file-size", paramLabel = "<MiB>", description = "The largest file read, in MiB (default "
            + "MIGRATION_GUARD_MAX_FILE_SIZE, else 20).")
    Integer maxFileSize;

    @Option(names = "--debug", description = "Print stack traces of internal failures.")
    boolean debug;

    @Override
    public Integer call() {
        var common = new CommonOptions();
        common.repo = repo;
        common.config = config;
        common.deployRef = deployRef;
        common.debug = debug;
        common.maxFileSize = maxFileSize;
        return new Run(spec, common).execute((git, ref) -> git.lint(List.of(), ref), false, (report, cs, root) -> {
            Path file = output != null ? output : root.resolve(Baseline.DEFAULT_FILE);
            Run.writeFile(file, "--output", out -> Baseline.write(report, out));
            long written = report.findings().stream().filter(f -> !f.suppressed()).count();
            spec.commandLine().getErr().println("migration-guard: wrote " + written + " finding"
                    + (written == 1 ? "" : "s") + " to baseline " + file);
            spec.commandLine().getErr().flush();
            return ExitCodes.OK;
        });
    }
}
