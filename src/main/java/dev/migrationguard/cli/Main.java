package dev.migrationguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The command line. {@link #run} returns the exit code so that tests never exit the JVM. */
@Command(name = "migration-guard", mixinStandardHelpOptions = true, version = "migration-guard 0.1.0",
        description = "Stops database-migration accidents before they reach production.",
        subcommands = {CheckCommand.class, LintCommand.class, BaselineCommand.class, LockCommand.class,
                InstallCommand.class, UninstallCommand.class, RulesCommand.class, ExplainCommand.class},
        exitCodeOnInvalidInput = ExitCodes.CANNOT_JUDGE, exitCodeOnExecutionException = ExitCodes.BUG)
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        var relaunched = FastStart.relaunch(args);
        if (relaunched.isPresent()) System.exit(relaunched.get());
        var streams = FastStart.Streams.current();
        int code;
        try {
            code = run(args, streams.out(), streams.err());
        } catch (Throwable e) {
            // Whatever escapes, the run ends with one line and a status, or a supervising JVM would retry it.
            streams.err().println("migration-guard: internal error (a bug): " + e + ". Please report it with the "
                    + "output of the same command run with --debug.");
            code = ExitCodes.BUG;
        }
        streams.finish(code);
        FastStart.completeArchive();
        System.exit(code);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            err.println("migration-guard: internal error (a bug): " + ex + ". Please report it with the output of "
                    + "the same command run with --debug.");
            return ExitCodes.BUG;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: check --staged, check --base <ref>, lint, baseline, lock, install, uninstall, rules "
                        + "or explain <rule>.");
    }
}
