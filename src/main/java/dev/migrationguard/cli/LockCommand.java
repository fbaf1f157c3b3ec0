package dev.migrationguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code lock}: writes the lock file of every migration in the work tree, for the deploy pipeline to commit. */
@Command(name = "lock", mixinStandardHelpOptions = true, description = "Write migrations.lock: every migration of the work tree with the SHA-256 of "
        + "its checksum-relevant content (run it where the deploy pipeline has just deployed).")
final class LockCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--lock-file", paramLabel = "<file>",
            description = "Where to write it (default: deployed.lock-file of the configuration, else migrations.lock at the work tree's root).")
    Path lockFile;

    @Override
    public Integer call() {
        return new Run(spec, common).writeLock(lockFile);
    }
}
