package dev.migrationguard.maven;

import dev.migrationguard.cli.Main;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code check} and {@code lint} share: the CLI's reading, deployment and report options, and how a run of the
 * tool, in this JVM through {@link Main#run}, becomes the build's outcome (exit 1 fails it, 2 and 3 are errors).
 */
abstract class GuardMojo extends AbstractMojo {
    private static final int FINDINGS = 1;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    /** The folder the run starts in (the CLI's {@code --repo}): any folder inside the git work tree. */
    @Parameter(property = "migration-guard.repo", defaultValue = "${project.basedir}", required = true)
    File repo;

    /** Skips the goal. */
    @Parameter(property = "migration-guard.skip", defaultValue = "false")
    boolean skip;

    /** The configuration file ({@code --config}); by default {@code .migration-guard.yml} at the work tree's root. */
    @Parameter(property = "migration-guard.config")
    File config;

    /** Report formats ({@code --format}): text, json, sarif, github, junit, checkstyle or gitlab; comma-separated. */
    @Parameter(property = "migration-guard.format")
    List<String> formats = new ArrayList<>();

    /** The file of each format, in order ({@code --output}); relative paths are under the project's folder. */
    @Parameter(property = "migration-guard.output")
    List<String> outputs = new ArrayList<>();

    /** The lowest severity that fails the build ({@code --fail-on}): error (the default), warning or never. */
    @Parameter(property = "migration-guard.failOn")
    String failOn;

    /** Findings this baseline file holds count as suppressed ({@code --baseline}). */
    @Parameter(property = "migration-guard.baseline")
    File baseline;

    /** The ref whose migrations count as deployed ({@code --deploy-ref}). */
    @Parameter(property = "migration-guard.deployRef")
    String deployRef;

    /** Also count as deployed what this database's migrations table lists ({@code --deployed-from}, a JDBC URL). */
    @Parameter(property = "migration-guard.deployedFrom")
    String deployedFrom;

    /** The largest file read, in MiB ({@code --max-file-size}). */
    @Parameter(property = "migration-guard.maxFileSize")
    Integer maxFileSize;

    /** Stack traces of internal failures, and why the run read what it read ({@code --debug}). */
    @Parameter(property = "migration-guard.debug", defaultValue = "false")
    boolean debug;

    /** The goal's own arguments: the subcommand and its options, after which the shared ones follow. */
    abstract List<String> commandArguments();

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("migration-guard: skipped (migration-guard.skip)");
            return;
        }
        List<String> args = new ArrayList<>(commandArguments());
        args.addAll(options());
        // A multi-module build reaches the same work tree once per module (the folder and the report files differ
        // with the module); one run judges all of it, and the first module to get there writes the reports.
        String once = "migration-guard " + workTree() + " " + args;
        if (!session.getRepositorySession().getData().set(once, null, Boolean.TRUE)) {
            getLog().info("migration-guard: " + args.get(0) + " already ran on " + workTree() + " in this build");
            return;
        }
        args.addAll(List.of("--repo", repo.getAbsolutePath()));
        args.addAll(reports());
        createReportFolders();
        int code = run(args);
        if (code == FINDINGS) {
            throw new MojoFailureException("migration-guard " + args.get(0) + " found what fails the build (--fail-on "
                    + (failOn == null ? "error" : failOn) + "); the report is above.");
        }
    }

    /** The options every run shares but {@code --repo} and the reports. */
    private List<String> options() {
        List<String> args = new ArrayList<>(List.of("--no-color"));
        if (config != null) args.addAll(List.of("--config", config.getAbsolutePath()));
        if (baseline != null) args.addAll(List.of("--baseline", baseline.getAbsolutePath()));
        if (deployRef != null) args.addAll(List.of("--deploy-ref", deployRef));
        if (deployedFrom != null) args.addAll(List.of("--deployed-from", deployedFrom));
        if (maxFileSize != null) args.addAll(List.of("--max-file-size", maxFileSize.toString()));
        if (failOn != null) args.addAll(List.of("--fail-on", failOn));
        if (debug) args.add("--debug");
        return args;
    }

    /** {@code --format} and {@code --output}, in pairs. */
    private List<String> reports() {
        List<String> args = new ArrayList<>();
        for (String format : formats) args.addAll(List.of("--format", format.strip()));
        for (String output : outputs) args.addAll(List.of("--output", underProject(output).toString()));
        // Every report written to a file: the build's log still gets the text one, so a failure says why. (More
        // outputs than formats stays the CLI's usage error.)
        if (!formats.isEmpty() && outputs.size() == formats.size()) args.addAll(List.of("--format", "text"));
        return args;
    }

    /** A report goes under target/ by habit, and before the build has written anything there is no target/. */
    private void createReportFolders() throws MojoExecutionException {
        for (String output : outputs) {
            Path parent = underProject(output).getParent();
            try {
                if (parent != null) Files.createDirectories(parent);
            } catch (IOException e) {
                throw new MojoExecutionException("migration-guard: cannot create the folder of --output " + output
                        + ": " + e.getMessage(), e);
            }
        }
    }

    /** Runs the tool; its report goes to the build's log, and exits 2 and 3 become errors with the CLI's message. */
    private int run(List<String> args) throws MojoExecutionException {
        getLog().debug("migration-guard " + String.join(" ", args));
        var out = new LogLines(getLog()::info);
        var err = new LogLines(getLog()::warn);
        int code;
        try (var outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             var errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args.toArray(String[]::new), outStream, errStream, System.getenv());
        }
        if (code > FINDINGS) {
            throw new MojoExecutionException(err.message().orElse("migration-guard " + args.get(0) + " exited " + code)
                    + (code == 2 ? "" : " (exit " + code + ")"));
        }
        return code;
    }

    /** The git work tree that holds {@link #repo}, or the folder itself when none does (the tool then says so). */
    private Path workTree() {
        Path start = repo.toPath().toAbsolutePath().normalize();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) return p;
        }
        return start;
    }

    /** A path the user gave: relative ones are under the project's folder, as Maven's own paths are. */
    Path underProject(String path) {
        return session.getCurrentProject().getBasedir().toPath().resolve(path.strip()).normalize();
    }
}
