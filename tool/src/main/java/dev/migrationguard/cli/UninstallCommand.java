package dev.migrationguard.cli;

import dev.migrationguard.install.HookInstaller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

import java.util.concurrent.Callable;

/** {@code uninstall}: removes the pre-commit hook and puts back the one that was there before, byte for byte. */
@Command(name = "uninstall", mixinStandardHelpOptions = true, description = "Remove the pre-commit hook that install added and restore the one it chained.")
final class UninstallCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Override
    public Integer call() {
        return HookCommands.run(spec, repository, HookInstaller::uninstall);
    }
}
