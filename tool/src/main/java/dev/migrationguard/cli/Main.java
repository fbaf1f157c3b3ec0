package dev.migrationguard.cli;

import dev.migrationguard.model.CannotJudge;
import dev.migrationguard.report.Report;
import dev.migrationguard.stack.Stack;
import dev.migrationguard.stacks.SupportedStacks;
import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The command line. {@link #run} returns the exit code so that tests never exit the JVM. */
@Command(name = "migration-guard", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Stops database-migration accidents before they reach production.",
        subcommands = {CheckCommand.class, LintCommand.class, BaselineCommand.class, LockCommand.class,
                InstallCommand.class, UninstallCommand.class, RulesCommand.class, ExplainCommand.class,
                SchemaCommand.class},
        exitCodeOnInvalidInput = ExitCodes.CANNOT_JUDGE, exitCodeOnExecutionException = ExitCodes.BUG)
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The environment the run sees (credentials, trusted hosts); a test hands in its own. */
    final Map<String, String> env;
    /** The stacks a run reads: every supported one, unless a test adds its own. */
    final List<Stack> stacks;
    /** Whether the caller's stdout is a terminal, when the resident checker runs for it; null: ask this JVM. */
    final Boolean terminal;

    Main() {
        this(System.getenv(), SupportedStacks.ALL, null);
    }

    private Main(Map<String, String> env, List<Stack> stacks, Boolean terminal) {
        this.env = env;
        this.stacks = stacks;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        var answered = Resident.ask(args);
        if (answered.isPresent()) System.exit(answered.get());
        var relaunched = FastStart.relaunch(args);
        if (relaunched.isPresent()) {
            Resident.startIfAsked();
            System.exit(relaunched.get());
        }
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
        Resident.startIfAsked();
        System.exit(code);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv());
    }

    /** {@link #run(String[], PrintStream, PrintStream)} with {@code env} in place of the process's environment. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, out, err, env, SupportedStacks.ALL);
    }

    /**
     * {@link #run(String[], PrintStream, PrintStream, Map)} with {@code stacks} in place of the supported ones: how a
     * stack written outside this code base is tried end to end.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env,
                          List<Stack> stacks) {
        return run(args, out, err, new Main(Map.copyOf(env), List.copyOf(stacks), null));
    }

    /** A run of the resident checker: the caller's environment, and whether its stdout is a terminal. */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, boolean terminal) {
        return run(args, out, err, new Main(Map.copyOf(env), SupportedStacks.ALL, terminal));
    }

    private static int run(String[] args, PrintStream out, PrintStream err, Main main) {
        CommandLine cli = new CommandLine(main);
        FastStart.started();
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler(Main::exitCode);
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

    /**
     * The one place an exception becomes an exit code: {@link CannotJudge} is exit 2 with its message, anything else a
     * bug, exit 3 with one line; the stack trace only with {@code --debug}.
     */
    private static int exitCode(Exception e, CommandLine line, CommandLine.ParseResult parsed) {
        PrintWriter err = line.getErr();
        boolean debug = false;
        for (var r = parsed; r != null; r = r.subcommand()) debug |= r.hasMatchedOption("--debug");
        if (e instanceof CannotJudge) {
            err.println("migration-guard: " + e.getMessage());
        } else {
            err.println("migration-guard: internal error (a bug): " + e + ". Please report it with the output of the "
                    + "same command run with --debug.");
        }
        if (debug) e.printStackTrace(err);
        err.flush();
        return e instanceof CannotJudge ? ExitCodes.CANNOT_JUDGE : ExitCodes.BUG;
    }

    /** The one line for running out of memory, in this JVM or in the tuned one {@link FastStart} supervises. */
    static String outOfMemory(String kind) {
        return "migration-guard: out of memory (" + kind + "); give Java a larger heap (JAVA_TOOL_OPTIONS=-Xmx2g) or "
                + "exclude the largest files, and if the inputs are small, report it as a bug with the output of the "
                + "same command run with --debug.";
    }

    /** The environment of the run {@code spec} belongs to. */
    static Map<String, String> env(CommandLine.Model.CommandSpec spec) {
        return spec.root().userObject() instanceof Main main ? main.env : System.getenv();
    }

    /** Whether the stdout of the run {@code spec} belongs to is a terminal. */
    static boolean stdoutIsTerminal(CommandLine.Model.CommandSpec spec) {
        return spec.root().userObject() instanceof Main main && main.terminal != null ? main.terminal
                : Colors.stdoutIsTerminal();
    }

    /** {@code --version}: the pom's version, as every report gives it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{Report.TOOL + " " + Report.VERSION};
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: check --staged, check --base <ref>, lint, baseline, lock, install, uninstall, rules, "
                        + "explain <rule> or schema.");
    }
}
