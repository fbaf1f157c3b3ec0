package dev.migrationguard.cli;

import dev.migrationguard.model.ChangeSet;
import dev.migrationguard.report.Baseline;
import dev.migrationguard.report.Report;
import dev.migrationguard.settings.DeployedSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Mixin
    ReadingOptions reading = new ReadingOptions();

    @Mixin
    DeploymentOptions deployment = new DeploymentOptions();

    @Option(names = "--output", paramLabel = "<file>", description = "The baseline file to write (default: "
            + Baseline.DEFAULT_FILE + " at the work tree's root).")
    Path output;

    @Override
    public Integer call() {
        try (Run run = Run.open(spec, repository.folder(), reading)) {
            DeployedSettings deployed = run.deployed(deployment);
            ChangeSet cs = run.repo.lint(List.of(), deployed.ref());
            Report report = run.judge(cs, deployed, Baseline.NONE, null);
            Path file = output != null ? output : run.repo.workTree().resolve(Baseline.DEFAULT_FILE);
            Run.writeFile(file, "--output", out -> Baseline.write(report, out));
            long written = report.findings().stream().filter(f -> !f.suppressed()).count();
            spec.commandLine().getErr().println("migration-guard: wrote " + written + " finding"
                    + (written == 1 ? "" : "s") + " to baseline " + file);
            spec.commandLine().getErr().flush();
            return ExitCodes.OK;
        }
    }
}
