package dev.migrationguard.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on 127.0.0.1 that speaks just enough of the PostgreSQL protocol (v3) to show what a client sends it: every
 * byte received, the startup packet's parameters (user, database) and any password. It never runs a query.
 */
public final class FakePostgres implements AutoCloseable {
    /** What the server does once a client is connected. */
    public enum Behaviour {
        /**
         * Never accepts: its queue of pending connections is full, so the kernel drops further attempts and a client's
         * connect hangs, as behind a firewall that drops packets (Linux; see {@link #hangsConnects()}).
         */
        NEVER_ACCEPTS,
        /** Accepts the connection, reads, never answers (a wrong port, a stuck proxy). */
        SILENT,
        /** Refuses TLS, asks for the password in clear text as a server may, records it, then refuses the login. */
        ASK_PASSWORD,
        /** Lets the client in without a password, then never answers a query. */
        LOGIN_THEN_SILENT
    }

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger bytes = new AtomicInteger();
    private final List<Map<String, String>> startups = new CopyOnWriteArrayList<>();
    private final List<String> passwords = new CopyOnWriteArrayList<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private boolean queueFull;

    private FakePostgres(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = new ServerSocket(0, behaviour == Behaviour.NEVER_ACCEPTS ? 1 : 50, InetAddress.getLoopbackAddress());
        if (behaviour == Behaviour.NEVER_ACCEPTS) {
            fillQueue();
            return;
        }
        Thread acceptor = new Thread(this::acceptAll, "fake-postgres-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Connects until one more connection is no longer completed by the kernel. */
    private void fillQueue() throws IOException {
        for (int i = 0; i < 8 && !queueFull; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), 300);
                clients.add(s);
            } catch (SocketTimeoutException e) {
                s.close();
                queueFull = true;
            }
        }
    }

    /** Whether a connect to this {@link Behaviour#NEVER_ACCEPTS} server hangs here (it does on Linux). */
    public boolean hangsConnects() {
        return queueFull;
    }

    public static FakePostgres start(Behaviour behaviour) {
        try {
            return new FakePostgres(behaviour);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Bytes received so far, over every connection. */
    public int bytesReceived() {
        return bytes.get();
    }

    /** The parameters of each startup packet received (user, database, application_name, ...). */
    public List<Map<String, String>> startups() {
        return List.copyOf(startups);
    }

    /** Each password a client sent. */
    public List<String> passwords() {
        return List.copyOf(passwords);
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                clients.add(client);
                Thread t = new Thread(() -> serve(client), "fake-postgres-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            var in = new DataInputStream(new Counting(client.getInputStream()));
            var out = new DataOutputStream(client.getOutputStream());
            if (behaviour == Behaviour.SILENT) {
                while (in.read() >= 0) {
                    // keeps reading so the client's writes succeed, and answers nothing
                }
                return;
            }
            Map<String, String> startup = startup(in, out);
            startups.add(startup);
            if (behaviour == Behaviour.ASK_PASSWORD) {
                out.writeByte('R');
                out.writeInt(8);
                out.writeInt(3);
                out.flush();
                if (in.readUnsignedByte() != 'p') return;
                byte[] body = new byte[in.readInt() - 4];
                in.readFully(body);
                passwords.add(new String(body, 0, body.length - 1, StandardCharsets.UTF_8));
                error(out, "28P01", "password authentication failed for user \"" + startup.get("user") + "\"");
                return;
            }
            loggedIn(out);
            while (in.read() >= 0) {
                // the session is open; queries get no answer
            }
        } catch (EOFException e) {
            // the client went away
        } catch (IOException e) {
            // the client went away, or the server is closing
        }
    }

    /** Reads past an SSLRequest (refused with 'N') to the startup packet, and returns its parameters. */
    private static Map<String, String> startup(DataInputStream in, DataOutputStream out) throws IOException {
        while (true) {
            int length = in.readInt();
            int code = in.readInt();
            byte[] body = new byte[length - 8];
            in.readFully(body);
            if (code == 80877103 || code == 80877104) {
                out.writeByte('N');
                out.flush();
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            List<String> parts = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < body.length; i++) {
                if (body[i] == 0) {
                    parts.add(new String(body, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            for (int i = 0; i + 1 < parts.size(); i += 2) {
                if (!parts.get(i).isEmpty()) params.put(parts.get(i), parts.get(i + 1));
            }
            return params;
        }
    }

    private static void loggedIn(DataOutputStream out) throws IOException {
        out.writeByte('R');
        out.writeInt(8);
        out.writeInt(0);
        for (String[] p : new String[][]{{"server_version", "14.0"}, {"client_encoding", "UTF8"},
                {"DateStyle", "ISO, MDY"}, {"standard_conforming_strings", "on"}, {"integer_datetimes", "on"},
                {"TimeZone", "UTC"}}) {
            byte[] body = cstrings(p);
            out.writeByte('S');
            out.writeInt(4 + body.length);
            out.write(body);
        }
        out.writeByte('K');
        out.writeInt(12);
        out.writeInt(1);
        out.writeInt(2);
        out.writeByte('Z');
        out.writeInt(5);
        out.writeByte('I');
        out.flush();
    }

    private static void error(DataOutputStream out, String state, String message) throws IOException {
        var body = new ByteArrayOutputStream();
        for (String[] field : new String[][]{{"S", "FATAL"}, {"V", "FATAL"}, {"C", state}, {"M", message}}) {
            body.write(field[0].charAt(0));
            body.writeBytes(field[1].getBytes(StandardCharsets.UTF_8));
            body.write(0);
        }
        body.write(0);
        out.writeByte('E');
        out.writeInt(4 + body.size());
        out.write(body.toByteArray());
        out.flush();
    }

    private static byte[] cstrings(String... strings) {
        var b = new ByteArrayOutputStream();
        for (String s : strings) {
            b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            b.write(0);
        }
        return b.toByteArray();
    }

    /** Counts every byte read from a client. */
    private final class Counting extends InputStream {
        private final InputStream in;

        Counting(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) bytes.incrementAndGet();
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            if (n > 0) bytes.addAndGet(n);
            return n;
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket s : clients) s.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
