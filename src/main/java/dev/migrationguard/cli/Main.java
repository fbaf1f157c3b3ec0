package dev.migrationguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** The command line. {@link #run} returns the exit code so that tests never exit the JVM. */
@Command(name = "migration-guard", mixinStandardHelpOptions = true, version = "migration-guard 0.1.0",
        description = "Stops database-migration accidents before they reach production.",
        subcommands = {CheckCommand.class, LintCommand.class, BaselineCommand.class, LockCommand.class,
                InstallCommand.class, UninstallCommand.class, RulesCommand.class, ExplainCommand.class},
        exitCodeOnInvalidInput = ExitCodes.CANNOT_JUDGE, exitCodeOnExecutionException = ExitCodes.BUG)
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The environment the run sees (credentials, trusted hosts); a test hands in its own. */
    final Map<String, String> env;

    Main() {
        this(System.getenv());
    }

    private Main(Map<String, String> env) {
        this.env = env;
    }

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
        return run(args, out, err, System.getenv());
    }

    /** {@link #run(String[], PrintStream, PrintStream)} with {@code env} in place of the process's environment. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        CommandLine cli = new CommandLine(new Main(Map.copyOf(env)));
        FastStart.started();
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            err.println("migration-guard: internal error (a bug): " + ex + ". Please report it with the output of "
                    + "the same command run with --debug.");
            return ExitCodes.BUG;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // An Error passes every handler above (and picocli's): uncaught, the JVM would print a stack trace and
            // exit 1, the code that means "findings". Once unwound, the failed allocation is garbage: printing works.
            err.println(outOfMemory(e.getMessage()));
            if (Arrays.asList(args).contains("--debug")) e.printStackTrace(err);
            err.flush();
            return ExitCodes.BUG;
        }
    }

    /** The one line for running out of memory, in this JVM or in the tuned one {@link FastStart} supervises. */
    static String outOfMemory(String kind) {
        return "migration-guard: out of memory (" + kind + "); give Java a larger heap (JAVA_TOOL_OPTIONS=-Xmx2g) or "
                + "exclude the largest files, and if the inputs are small, report it as a bug with the output of the "
                + "same command run with --debug.";
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: check --staged, check --base <ref>, lint, baseline, lock, install, uninstall, rules "
                        + "or explain <rule>.");
    }
}
