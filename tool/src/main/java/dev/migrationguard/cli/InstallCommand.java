package dev.migrationguard.cli;

import dev.migrationguard.install.HookInstaller;
import dev.migrationguard.model.CannotJudge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code install}: puts the pre-commit hook in place, chaining any hook already there. */
@Command(name = "install", mixinStandardHelpOptions = true, description = "Install the pre-commit hook (runs 'check --staged'); a hook already there keeps running first.")
final class InstallCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Option(names = "--jar", paramLabel = "<file>", description = "The jar the hook runs (default: this jar).")
    Path jar;

    @Override
    public Integer call() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return HookCommands.run(spec, repository, folder -> HookInstaller.install(folder, jar(), java));
    }

    /** The hook records an absolute path, so that it works from any folder and any later shell. */
    private Path jar() {
        Path chosen = jar != null ? jar : FastStart.ownJar().orElseThrow(() -> new CannotJudge(
                "cannot tell which jar to install (not running from one); pass --jar <migration-guard.jar>"));
        if (!Files.isRegularFile(chosen)) throw new CannotJudge("--jar " + chosen + " is not a file");
        return chosen.toAbsolutePath().normalize();
    }
}
