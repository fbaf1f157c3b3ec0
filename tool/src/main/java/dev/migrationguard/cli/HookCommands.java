package dev.migrationguard.cli;

import dev.migrationguard.git.GitRepo;
import dev.migrationguard.install.HookInstaller;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Function;

/** What install and uninstall share: find the hooks folder of the repository, act on it, map the outcome to a code. */
final class HookCommands {
    private HookCommands() {
    }

    static int run(CommandLine.Model.CommandSpec spec, RepositoryOption repository,
                   Function<Path, HookInstaller.Outcome> action) {
        PrintWriter out = spec.commandLine().getOut();
        Path folder;
        try (GitRepo repo = GitRepo.open(repository.folder())) {
            folder = repo.hooksFolder();
        }
        out.println("migration-guard: " + action.apply(folder).message());
        out.flush();
        return ExitCodes.OK;
    }
}
