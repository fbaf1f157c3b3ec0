package dev.migrationguard.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What goes over the socket: a request (the command line, the folder it ran in, its whole environment, whether its
 * stdout is a terminal) and an answer (stdout and stderr as bytes, the exit code). Strings are UTF-8 with a length
 * before them; a first number names the format, so a checker of another build refuses rather than misreads.
 */
final class Wire {
    /** Changes whenever the format does. */
    static final int FORMAT = 0x6d670001;
    /** Far more than any real environment; a longer frame is not from a client of ours. */
    private static final int MAX_BYTES = 64 << 20;

    private Wire() {
    }

    /** One run asked of the checker, by the client of the jar at the real path {@code jar}. */
    record Request(String jar, List<String> args, String cwd, Map<String, String> env, boolean terminal) {
    }

    /** What the run printed and how it ended. */
    record Answer(byte[] out, byte[] err, int code) {
    }

    static void write(DataOutputStream to, Request request) throws IOException {
        to.writeInt(FORMAT);
        string(to, request.jar());
        to.writeInt(request.args().size());
        for (String a : request.args()) string(to, a);
        string(to, request.cwd());
        to.writeInt(request.env().size());
        for (Map.Entry<String, String> e : request.env().entrySet()) {
            string(to, e.getKey());
            string(to, e.getValue());
        }
        to.writeBoolean(request.terminal());
        to.flush();
    }

    static Request readRequest(DataInputStream from) throws IOException {
        if (from.readInt() != FORMAT) throw new IOException("not a request of this build's format");
        String jar = string(from);
        int n = count(from);
        List<String> args = new ArrayList<>(n);
        for (int i = 0; i < n; i++) args.add(string(from));
        String cwd = string(from);
        int m = count(from);
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < m; i++) env.put(string(from), string(from));
        return new Request(jar, List.copyOf(args), cwd, env, from.readBoolean());
    }

    static void write(DataOutputStream to, Answer answer) throws IOException {
        to.writeInt(FORMAT);
        bytes(to, answer.out());
        bytes(to, answer.err());
        to.writeInt(answer.code());
        to.flush();
    }

    static Answer readAnswer(DataInputStream from) throws IOException {
        if (from.readInt() != FORMAT) throw new IOException("not an answer of this build's format");
        return new Answer(bytes(from), bytes(from), from.readInt());
    }

    private static void string(DataOutputStream to, String s) throws IOException {
        bytes(to, s.getBytes(StandardCharsets.UTF_8));
    }

    private static String string(DataInputStream from) throws IOException {
        return new String(bytes(from), StandardCharsets.UTF_8);
    }

    private static void bytes(DataOutputStream to, byte[] b) throws IOException {
        to.writeInt(b.length);
        to.write(b);
    }

    private static byte[] bytes(DataInputStream from) throws IOException {
        int n = from.readInt();
        if (n < 0 || n > MAX_BYTES) throw new IOException("a frame of " + n + " bytes");
        byte[] b = new byte[n];
        from.readFully(b);
        return b;
    }

    private static int count(DataInputStream from) throws IOException {
        int n = from.readInt();
        if (n < 0 || n > 100_000) throw new EOFException("a list of " + n + " items");
        return n;
    }
}
