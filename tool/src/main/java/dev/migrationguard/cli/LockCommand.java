package dev.migrationguard.cli;

import dev.migrationguard.git.GitRepo;
import dev.migrationguard.ledger.LockFile;
import dev.migrationguard.model.Migration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code lock}: writes the lock file of every migration in the work tree, for the deploy pipeline to commit. */
@Command(name = "lock", mixinStandardHelpOptions = true, description = "Write migrations.lock: every migration of the work tree with the SHA-256 of "
        + "its checksum-relevant content (run it where the deploy pipeline has just deployed).")
final class LockCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Mixin
    ReadingOptions reading = new ReadingOptions();

    @Option(names = "--lock-file", paramLabel = "<file>",
            description = "Where to write it (default: deployed.lock-file of the configuration, else migrations.lock at the work tree's root).")
    Path lockFile;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try (Run run = Run.open(spec, repository.start(), reading)) {
            List<Migration> all = run.migrations(run.repo.lint(List.of(), null));
            Path target = lockFile != null ? lockFile : run.repo.workTree().resolve(run.settings.deployed().lockFile());
            Run.writeFile(target, "lock file", out -> out.append(LockFile.write(all)));
            err.println("migration-guard: wrote " + target + " (" + all.size() + " migrations)");
            List<String> skipped = run.repo.outsideSparseCheckout(List.of());
            if (!skipped.isEmpty()) {
                err.println("migration-guard: "
                        + GitRepo.sparseNote(skipped, ", so the lock has no migration from them"));
            }
            err.flush();
            return ExitCodes.OK;
        }
    }
}
