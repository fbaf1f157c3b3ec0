package dev.migrationguard.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The resident checker: answers one request at a time on its socket, each with a run of its own (the handler reads
 * the repository afresh; nothing of one request is kept for the next). It exits by itself when nobody asked for
 * {@code idle}, when its jar is rebuilt, replaced or gone, when a running checker of a newer version appears in the
 * folder, or when its socket is removed or taken over. One checker per jar: a lock file held for its whole life
 * keeps a second one from starting, and holds its version for the others to read.
 */
public final class Server {
    /** What a request runs: the command line, in the request's folder and environment; returns the exit code. */
    public interface Handler {
        int run(List<String> args, Path cwd, Map<String, String> env, boolean terminal, PrintStream out,
                PrintStream err);
    }

    /** How often the reasons to exit are looked at. */
    static final long TICK_MILLIS = 500;

    private final Path folder;
    private final Key key;
    private final String build;
    private final Duration idle;
    private final Handler handler;
    private final Object lock = new Object();
    private boolean busy;
    private long lastUsed = System.nanoTime();
    private volatile String stopReason;

    public Server(Path folder, String version, Path jar, Duration idle, Handler handler) throws IOException {
        this.folder = folder;
        this.key = Key.of(version, jar);
        this.build = key.build();
        this.idle = idle;
        this.handler = handler;
    }

    /** The socket clients of this jar connect to. */
    public Path socket() {
        return folder.resolve(key.socketName());
    }

    /** Serves until a reason to exit comes; returns it (in words, for a test or a log). */
    public String serve() throws IOException {
        return serve(() -> { });
    }

    /**
     * {@link #serve()}, after {@code warmUp} has run: while it runs no socket is there, so clients check without the
     * checker rather than wait for a JVM that has not yet loaded or compiled anything.
     */
    public String serve(Runnable warmUp) throws IOException {
        Path socket = socket();
        try (FileChannel lockFile = FileChannel.open(folder.resolve(key.lockName()), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = tryLock(lockFile)) {
            if (held == null) return "another checker of this jar is running";
            lockFile.truncate(0);
            lockFile.write(ByteBuffer.wrap(key.version().getBytes(StandardCharsets.UTF_8)));
            warmUp.run();
            lastUsed = System.nanoTime();
            // The lock says no live checker of this jar owns the socket: whatever is there was left by one that died.
            Files.deleteIfExists(socket);
            Object socketFile = null;
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                // Bound under another name, then renamed: the file exists from bind() on, but connecting works only
                // from listen() on, and a client must never take a checker that is starting for a dead one.
                Path binding = folder.resolve(key.lockName() + ".binding");
                Files.deleteIfExists(binding);
                server.bind(UnixDomainSocketAddress.of(binding));
                Files.move(binding, socket, StandardCopyOption.ATOMIC_MOVE);
                socketFile = fileKey(socket);
                Object ours = socketFile;
                Thread watcher = new Thread(() -> watch(server, socket, ours), "migration-guard-daemon-watch");
                watcher.setDaemon(true);
                watcher.start();
                while (stopReason == null) {
                    SocketChannel client;
                    try {
                        client = server.accept();
                    } catch (IOException e) {
                        if (stopReason != null) break;
                        throw e;
                    }
                    answer(client);
                }
                return stopReason;
            } finally {
                // Another checker's socket (it took over a removed one) stays.
                if (socketFile != null && socketFile.equals(fileKeyOrNull(socket))) Files.deleteIfExists(socket);
            }
        }
    }

    private void answer(SocketChannel client) {
        synchronized (lock) {
            busy = true;
        }
        try (client) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(client)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client)));
            Wire.Request request = Wire.readRequest(in);
            Wire.write(out, run(request));
        } catch (IOException | RuntimeException e) {
            // a client that went away (its time ran out) or sent something else: it checks without us
        } finally {
            synchronized (lock) {
                busy = false;
                lastUsed = System.nanoTime();
            }
        }
    }

    private Wire.Answer run(Wire.Request request) {
        if (!Client.eligible(request.args()) || !request.jar().equals(key.jar().toString()) || !sameBuild()) {
            return new Wire.Answer(new byte[0], new byte[0], Client.DECLINED);
        }
        Path cwd = Path.of(request.cwd());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, false, StandardCharsets.UTF_8)) {
            code = handler.run(request.args(), cwd, GitPaths.absolute(request.env(), cwd), request.terminal(), o, e);
        }
        return new Wire.Answer(out.toByteArray(), err.toByteArray(), code);
    }

    private boolean sameBuild() {
        try {
            return build.equals(key.build());
        } catch (IOException e) {
            return false;
        }
    }

    private void watch(ServerSocketChannel server, Path socket, Object socketFile) {
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (lock) {
                if (busy) continue;
                String reason = reasonToStop(socket, socketFile);
                if (reason == null) continue;
                stopReason = reason;
            }
            try {
                server.close();
            } catch (IOException e) {
                // closing is how accept() learns to stop; it is closed either way
            }
            return;
        }
    }

    /** Null while the checker should go on serving. */
    private String reasonToStop(Path socket, Object socketFile) {
        if (System.nanoTime() - lastUsed > idle.toNanos()) return "nobody asked for " + idle;
        if (!sameBuild()) return "its jar changed or is gone";
        Object now = fileKeyOrNull(socket);
        if (now == null || !now.equals(socketFile)) return "its socket was removed or replaced";
        try (var files = Files.list(folder)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (!p.getFileName().toString().endsWith(Key.LOCK_SUFFIX) || p.getFileName().toString()
                        .equals(key.lockName())) {
                    continue;
                }
                String version = runningVersion(p);
                if (version != null && Key.newer(version, key.version())) {
                    return "a newer checker, " + version + ", is running";
                }
            }
        } catch (IOException e) {
            return "its folder cannot be read";
        }
        return null;
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** The version in another checker's lock file while that checker runs (holds the lock); else null. */
    private static String runningVersion(Path lockFile) {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            try (FileLock free = channel.tryLock()) {
                if (free != null) return null;
            } catch (OverlappingFileLockException e) {
                // held by a checker in this very JVM (tests run several): it runs
            }
            return Files.readString(lockFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null;
        }
    }

    private static Object fileKey(Path p) throws IOException {
        Object k = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        return k != null ? k : Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
    }

    private static Object fileKeyOrNull(Path p) {
        try {
            return fileKey(p);
        } catch (IOException e) {
            return null;
        }
    }
}
