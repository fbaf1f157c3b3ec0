package dev.migrationguard.cli;

import dev.migrationguard.daemon.Client;
import dev.migrationguard.daemon.Server;
import dev.migrationguard.daemon.SocketFolder;
import dev.migrationguard.report.Report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resident checker as the command line uses it: {@code check --staged} first asks a warm checker of this jar
 * build (see {@link Client}) and, when none runs, checks as before and then starts one for the next commit. Its
 * {@link #main} is the checker's JVM; each request is a fresh {@link Main#run} in the caller's folder and environment.
 */
public final class Resident {
    /** A checker nobody asks for this long exits. */
    static final Duration IDLE = Duration.ofMinutes(15);
    private static Path startIn;

    private Resident() {
    }

    /** The exit code the checker answered with, its output already printed; empty: run the command here. */
    static Optional<Integer> ask(String[] args) {
        if (System.getProperty(FastStart.CHILD_PROPERTY) != null) return Optional.empty();
        List<String> argv = Arrays.asList(args);
        if (!Client.eligible(argv)) return Optional.empty();
        Optional<Path> jar = FastStart.ownJar();
        if (jar.isEmpty()) return Optional.empty();
        Client.Outcome outcome = Client.ask(argv, Path.of(System.getProperty("user.dir")), System.getenv(),
                Colors.stdoutIsTerminal(), Report.VERSION, jar.get(), Client.ANSWER_LIMIT_MILLIS);
        if (outcome instanceof Client.Answered a) {
            System.out.write(a.out(), 0, a.out().length);
            System.out.flush();
            System.err.write(a.err(), 0, a.err().length);
            System.err.flush();
            return Optional.of(a.code());
        }
        Client.NotAnswered missed = (Client.NotAnswered) outcome;
        if (missed.notice() != null) System.err.println(missed.notice());
        startIn = missed.start();
        return Optional.empty();
    }

    /** After a run that asked and found no checker: starts one in the background for the next commit. */
    static void startIfAsked() {
        Path folder = startIn;
        Optional<Path> jar = FastStart.ownJar();
        if (folder == null || jar.isEmpty()) return;
        Client.start(folder, jar.get(), Resident.class.getName(), Runtime.getRuntime().maxMemory());
    }

    /** The checker's JVM: started by {@link Client#start} in the socket folder, which it checks again. */
    public static void main(String[] args) throws IOException {
        Optional<Path> jar = FastStart.ownJar();
        if (jar.isEmpty()) System.exit(2);
        Path folder;
        try {
            folder = SocketFolder.open(Path.of(System.getProperty("user.dir")));
        } catch (SocketFolder.Refused e) {
            System.exit(2);
            return;
        }
        new Server(folder, Report.VERSION, jar.get(), IDLE, Resident::run).serve();
        System.exit(0);
    }

    /** One request: the command line in the caller's folder (given as --repo, so nothing reads this JVM's folder). */
    static int run(List<String> args, Path cwd, Map<String, String> env, boolean terminal, PrintStream out,
                   PrintStream err) {
        List<String> argv = new ArrayList<>(args);
        argv.addAll(1, List.of("--repo", cwd.toString()));
        try {
            return Main.run(argv.toArray(String[]::new), out, err, env, terminal);
        } catch (Throwable e) {
            err.println("migration-guard: internal error (a bug): " + e + ". Please report it with the output of the "
                    + "same command run with --debug.");
            return ExitCodes.BUG;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
