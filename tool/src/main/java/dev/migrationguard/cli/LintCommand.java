package dev.migrationguard.cli;

import dev.migrationguard.git.GitRepo;
import dev.migrationguard.model.CannotJudge;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code lint [paths]}: every migration, entity and configuration file of the work tree, with the rules that need no change. */
@Command(name = "lint", mixinStandardHelpOptions = true, description = "Check the migrations, entities and configuration files of the work tree.")
final class LintCommand implements Callable<Integer> {
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

    @Parameters(paramLabel = "<path>", arity = "0..*", description = "Files or folders to lint (default: the whole work tree).")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        return Run.report(spec, repository, reading, deployment, report, null, (repo, deployRef) -> {
            List<String> relative = new ArrayList<>();
            Path root = repo.workTree().toAbsolutePath().normalize();
            for (Path p : paths) {
                Path abs = p.toAbsolutePath().normalize();
                if (!Files.exists(abs)) throw new CannotJudge(p + " does not exist: nothing to lint there");
                if (!abs.startsWith(root)) throw new CannotJudge(p + " is outside the work tree " + root);
                relative.add(root.relativize(abs).toString().replace('\\', '/'));
            }
            List<String> skipped = repo.outsideSparseCheckout(relative);
            if (!skipped.isEmpty()) {
                spec.commandLine().getErr().println("migration-guard: " + GitRepo.sparseNote(skipped, ""));
                spec.commandLine().getErr().flush();
            }
            return repo.lint(relative, deployRef);
        });
    }
}
