package dev.migrationguard.cli;

import dev.migrationguard.install.HookInstaller;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code uninstall}: removes the pre-commit hook and puts back the one that was there before, byte for byte. */
@Command(name = "uninstall", mixinStandardHelpOptions = true, description = "Remove the pre-commit hook that install added and restore the one it chained.")
final class UninstallCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--repo", paramLabel = "<dir>", description = "A folder inside the git work tree (default: the current folder).")
    Path repo;

    @Override
    public Integer call() {
        return HookCommands.run(spec, repo, HookInstaller::uninstall);
    }
}
