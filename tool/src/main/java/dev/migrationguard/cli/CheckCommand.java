package dev.migrationguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code check --staged} (the pre-commit hook) and {@code check --base <ref>} (the pull-request gate). */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Check a staged change (--staged) or a branch against its base (--base).")
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Mixin
    ReadingOptions reading = new ReadingOptions();

    @Mixin
    DeploymentOptions deployment = new DeploymentOptions();

    @Mixin
    ReportOptions report = new ReportOptions();

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--staged", required = true, description = "HEAD against the index: what 'git commit' would record.")
        boolean staged;

        @Option(names = "--base", required = true, paramLabel = "<ref>", description = "Every change from the merge base of <ref> and --head to --head.")
        String base;
    }

    @Option(names = "--head", paramLabel = "<ref>", description = "The tip to check with --base (default HEAD).")
    String head = "HEAD";

    @Option(names = "--allow-deployed-edits", paramLabel = "<reason>", description = "Report every edit of a deployed "
            + "migration as suppressed (kind 'label') with this reason instead of failing: the pull-request gate's "
            + "opt-in label. The findings stay in every report.")
    String allowDeployedEdits;

    @Override
    public Integer call() {
        if (allowDeployedEdits != null && allowDeployedEdits.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--allow-deployed-edits needs a reason (who allowed the edit and why)");
        }
        return Run.report(spec, repository, reading, deployment, report, allowDeployedEdits,
                (repo, deployRef) -> what.staged ? repo.staged(deployRef) : repo.range(what.base, head, deployRef));
    }
}
