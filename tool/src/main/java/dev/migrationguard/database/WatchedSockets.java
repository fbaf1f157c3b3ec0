package dev.migrationguard.database;

import dev.migrationguard.database.RepositoryUrl.Endpoint;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sockets pgjdbc opens for one connection attempt (its {@code socketFactory}, the attempt's id as
 * {@code socketFactoryArg}). Each records when its TCP connection stands, so that a timeout can say whether the connect
 * or the login hung, and refuses an address the attempt may not reach, so that no difference between how this tool and
 * the driver read a URL can carry credentials to another host. Public only because pgjdbc instantiates it by name.
 */
public final class WatchedSockets extends SocketFactory {
    private static final Map<String, Attempt> ATTEMPTS = new ConcurrentHashMap<>();
    private final Attempt attempt;

    /** Called by pgjdbc with the {@code socketFactoryArg} this tool set: the id of an open {@link Attempt}. */
    public WatchedSockets(String attemptId) {
        Attempt a = attemptId == null ? null : ATTEMPTS.get(attemptId);
        if (a == null) throw new IllegalArgumentException("no connection attempt is open under this id");
        this.attempt = a;
    }

    /** One call of the driver's connect: where its sockets may go, and how far the latest one got. */
    static final class Attempt implements AutoCloseable {
        private final String id = UUID.randomUUID().toString();
        private final List<Endpoint> reachable;
        private volatile Endpoint latest;
        private volatile boolean connected;

        private Attempt(List<Endpoint> reachable) {
            this.reachable = reachable;
        }

        /** @param reachable the only endpoints its sockets may connect to, or null for any */
        static Attempt open(List<Endpoint> reachable) {
            Attempt a = new Attempt(reachable == null ? null : List.copyOf(reachable));
            ATTEMPTS.put(a.id, a);
            return a;
        }

        String id() {
            return id;
        }

        /** The endpoint the latest socket went to, or null when none was opened. */
        Endpoint latest() {
            return latest;
        }

        /** Whether the latest socket's TCP connection stands (the server accepted it). */
        boolean connected() {
            return connected;
        }

        private void connecting(Endpoint e) throws SocketException {
            if (reachable != null && !reachable.contains(e)) {
                throw new SocketException("refused to connect to " + e.shown() + ": not a host of the URL as this tool "
                        + "read it");
            }
            latest = e;
            connected = false;
        }

        private void connected(Endpoint e) {
            if (e.equals(latest)) connected = true;
        }

        @Override
        public void close() {
            ATTEMPTS.remove(id);
        }
    }

    @Override
    public Socket createSocket() {
        return new Watched();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket s = new Watched();
        try {
            if (local != null) s.bind(local);
            s.connect(remote);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    private final class Watched extends Socket {
        @Override
        public void connect(SocketAddress address, int timeout) throws IOException {
            if (!(address instanceof InetSocketAddress inet)) {
                throw new SocketException("refused to connect to a non-TCP address");
            }
            Endpoint e = new Endpoint(inet.getHostString(), inet.getPort());
            attempt.connecting(e);
            super.connect(address, timeout);
            attempt.connected(e);
        }
    }
}
