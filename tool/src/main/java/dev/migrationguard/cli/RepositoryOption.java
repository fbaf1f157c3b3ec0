package dev.migrationguard.cli;

import dev.migrationguard.model.CannotJudge;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --repo}: which repository a command works in. */
final class RepositoryOption {
    @Option(names = "--repo", paramLabel = "<dir>", description = "A folder inside the git work tree (default: the current folder).")
    Path repo;

    /** Where to look for the repository: --repo, else the current folder. */
    Path start() {
        return repo != null ? repo : Path.of(System.getProperty("user.dir"));
    }

    /** {@link #start()}, which must be a folder. */
    Path folder() {
        Path start = start();
        if (!Files.isDirectory(start)) throw new CannotJudge("--repo " + start + " is not a folder");
        return start;
    }
}
