package dev.migrationguard.cli;

import dev.migrationguard.daemon.Client;
import dev.migrationguard.daemon.Server;
import dev.migrationguard.daemon.SocketFolder;
import dev.migrationguard.report.Report;

import java.io.IOException;
import java.io.OutputStream;
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
    /** A checker nobody asks for this long exits: commits are often an hour apart, and Gradle's daemon waits 3 h. */
    static final Duration IDLE = Duration.ofHours(3);
    /**
     * Enough for the classes to load and the hot code to be compiled by C1 (2,000 entities: ~100 ms of CPU a request
     * after them, ~50 ms after some 50 requests, against ~2.6 s for the first run of a fresh JVM).
     */
    private static final int WARM_UP_RUNS = 3;
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
        String refused = Client.start(folder, jar.get(), Resident.class.getName(), FastStart.childHeapMegabytes() << 20,
                Path.of(System.getProperty("user.dir")));
        if (refused != null) System.err.println(refused);
    }

    /**
     * The checker's JVM: started by {@link Client#start} with the socket folder, which it makes or checks again, and
     * the folder of the commit that started it. It checks that repository's staged change a few times before it
     * listens (the output goes nowhere): a JVM that has loaded and compiled nothing would answer the next commit more
     * slowly than the cold path, and past the client's limit on a busy machine.
     */
    public static void main(String[] args) throws IOException {
        Optional<Path> jar = FastStart.ownJar();
        if (jar.isEmpty() || args.length != 2) System.exit(2);
        Path folder;
        try {
            folder = SocketFolder.open(Path.of(args[0]));
        } catch (SocketFolder.Refused e) {
            System.exit(2);
            return;
        }
        Runnable warmUp = () -> {
            PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
            for (int i = 0; i < WARM_UP_RUNS; i++) {
                run(List.of("check", "--staged", "--format", "json"), Path.of(args[1]), System.getenv(), false, nowhere,
                        nowhere);
            }
        };
        new Server(folder, Report.VERSION, jar.get(), IDLE, Resident::run).serve(warmUp);
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
