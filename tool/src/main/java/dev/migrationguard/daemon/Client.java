package dev.migrationguard.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The hook's side: asks the resident checker of this jar build to run the command, or says why it did not, so that
 * the caller runs it itself. Only the pre-commit command goes to the checker, in a form that names no file: a path
 * on the command line would be read against the checker's folder, not the caller's.
 */
public final class Client {
    /** The variable that turns the checker off: {@code MIGRATION_GUARD_DAEMON=0}. */
    public static final String OFF_VARIABLE = "MIGRATION_GUARD_DAEMON";
    /** How long a commit waits for an answer before it checks without the checker (a warm answer takes ~50 ms). */
    public static final long ANSWER_LIMIT_MILLIS = 3_000;
    /** The exit code in an answer that means "not for me": the client runs the command itself, silently. */
    static final int DECLINED = -1;
    /** The shell that starts the checker in the background (see {@link #detached}). */
    private static final String SHELL = "/bin/sh";
    /** The shell starts the checker and exits in a few ms; past this the launcher goes on without waiting. */
    private static final long SHELL_LIMIT_MILLIS = 2_000;
    private static final Set<String> ELIGIBLE = Set.of("--staged", "--no-color", "--format", "text", "json", "sarif",
            "github", "junit", "checkstyle", "gitlab", "--fail-on", "error", "warning", "never");

    private Client() {
    }

    /** What asking gave. */
    public sealed interface Outcome {
    }

    /** The checker ran the command: print this and exit with its code. */
    public record Answered(byte[] out, byte[] err, int code) implements Outcome {
    }

    /**
     * Run it here. {@code notice}, when not null, is the one line for stderr saying why the checker could not help;
     * {@code start}, when not null, is the folder where a checker should be started after this run.
     */
    public record NotAnswered(String notice, Path start) implements Outcome {
    }

    /** Whether the checker may run this command line: {@code check --staged} with options that name no file. */
    public static boolean eligible(List<String> args) {
        if (args.size() < 2 || !args.get(0).equals("check") || !args.contains("--staged")) return false;
        for (String a : args.subList(1, args.size())) {
            if (!ELIGIBLE.contains(a)) return false;
        }
        return true;
    }

    /** Asks the checker of {@code version} started from {@code jar}; never waits longer than {@code limitMillis}. */
    public static Outcome ask(List<String> args, Path cwd, Map<String, String> env, boolean terminal, String version,
                              Path jar, long limitMillis) {
        if (!eligible(args) || "0".equals(env.get(OFF_VARIABLE))) return new NotAnswered(null, null);
        Path folder = SocketFolder.location(env);
        Key key;
        try {
            key = Key.of(version, jar);
        } catch (IOException e) {
            return new NotAnswered(null, null);
        }
        Path socket = folder.resolve(key.socketName());
        // The common miss (no checker yet) costs the cold path no more than this look; the folder is judged when a
        // checker is started, after the check.
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) return new NotAnswered(null, folder);
        try {
            SocketFolder.open(folder);
        } catch (SocketFolder.Refused e) {
            return new NotAnswered(refused(e), null);
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            return new NotAnswered(null, null);
        }
        Watchdog watchdog = new Watchdog(channel, limitMillis);
        try (channel) {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                // a socket nobody listens on: its checker died
                return new NotAnswered(null, folder);
            }
            watchdog.start();
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
            Wire.write(out, new Wire.Request(key.jar().toString(), List.copyOf(args), cwd.toAbsolutePath().toString(),
                    env, terminal));
            Wire.Answer answer = Wire.readAnswer(new DataInputStream(new BufferedInputStream(
                    Channels.newInputStream(channel))));
            if (answer.code() == DECLINED) return new NotAnswered(null, null);
            return new Answered(answer.out(), answer.err(), answer.code());
        } catch (IOException | RuntimeException e) {
            if (watchdog.fired) {
                return new NotAnswered("migration-guard: the resident checker did not answer within "
                        + limitMillis / 1000.0 + " s; checking without it (MIGRATION_GUARD_DAEMON=0 turns it off).",
                        null);
            }
            return new NotAnswered("migration-guard: the resident checker stopped without answering; checking "
                    + "without it.", folder);
        } finally {
            watchdog.interrupt();
        }
    }

    /**
     * Starts a checker for {@code jar} in the background, for the socket folder at {@code location}, with this JVM's
     * Java and fixed options: nothing of the repository (no git variable, no work tree as its folder) reaches it but
     * the folder to warm up in, which it only reads, as it reads any request's. Best effort: a checker that cannot
     * start only means the next commit is checked without it too. Returns the line for stderr when the folder is
     * refused, else null.
     *
     * <p>A folder that is there is judged here, where a refusal can still be told; a missing one (the first commit
     * after an install) is made and judged by the checker, so that the commit pays no owner lookup. Like all that
     * runs in the launcher, it builds no string with {@code +}: the first of each shape costs a plain JVM tens of ms.
     */
    public static String start(Path location, Path jar, String mainClass, long maxHeapBytes, Path warmUpIn) {
        Path folder = location.toAbsolutePath();
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            try {
                SocketFolder.open(folder);
            } catch (SocketFolder.Refused e) {
                return refused(e);
            }
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:+UseSerialGC",
                "-Xmx".concat(Long.toString((maxHeapBytes + (1 << 20) - 1) >> 20)).concat("m"),
                "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED", "-Xlog:disable", "-Xlog:all=off",
                "-XX:-CreateCoredumpOnCrash", "-XX:ErrorFile=".concat(folder.resolve("hs_err_pid%p.log").toString()),
                "-Xshare:auto", "-cp", jar.toAbsolutePath().toString(), mainClass, folder.toString(),
                warmUpIn.toAbsolutePath().toString()));
        // Its folder may not be there yet; the one that holds it is (SocketFolder.location).
        ProcessBuilder builder = new ProcessBuilder(detached(command)).directory(folder.getParent().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        for (var names = builder.environment().keySet().iterator(); names.hasNext(); ) {
            if (names.next().startsWith("GIT_")) names.remove();
        }
        try {
            // A shell slower than this only costs the launcher the wait at exit that detached() avoids.
            builder.start().waitFor(SHELL_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (IOException | RuntimeException e) {
            // the next commit tries again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /**
     * {@code command} run by a shell in the background, so that the checker is not this JVM's child: a JVM that exits
     * while a child it started still runs waits up to 300 ms more, since its thread that waits for the child is in
     * native code and the JVM gives such threads that long to come back (measured on a commit: the launcher exited
     * ~330 ms after starting the checker, against a few ms after a child that had ended). The shell returns as soon
     * as it has started the checker, which init then adopts. A background command of a shell without job control
     * also ignores the terminal's Ctrl-C meant for the commit. Where there is no {@code /bin/sh}, the checker is a
     * child after all.
     */
    static List<String> detached(List<String> command) {
        if (File.separatorChar == '\\' || !new File(SHELL).canExecute()) return command;
        List<String> shell = new ArrayList<>(List.of(SHELL, "-c", "\"$@\" &", "migration-guard"));
        shell.addAll(command);
        return shell;
    }

    private static String refused(SocketFolder.Refused e) {
        return "migration-guard: not using the resident checker: " + e.getMessage();
    }

    /** Closes the channel when the time is up: the blocked read then fails, and the commit goes on without us. */
    private static final class Watchdog extends Thread {
        private final SocketChannel channel;
        private final long limitMillis;
        volatile boolean fired;

        Watchdog(SocketChannel channel, long limitMillis) {
            super("migration-guard-client-watchdog");
            setDaemon(true);
            this.channel = channel;
            this.limitMillis = limitMillis;
        }

        @Override
        public void run() {
            try {
                Thread.sleep(limitMillis);
            } catch (InterruptedException e) {
                return;
            }
            fired = true;
            try {
                channel.close();
            } catch (IOException e) {
                // closed either way
            }
        }
    }
}
