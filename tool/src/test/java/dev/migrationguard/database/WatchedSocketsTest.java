package dev.migrationguard.database;

import dev.migrationguard.database.RepositoryUrl.Endpoint;
import dev.migrationguard.testing.FakePostgres;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sockets handed to pgjdbc: where they may go, and how far a connection got. */
class WatchedSocketsTest {
    @Test
    void aSocketGoesOnlyWhereTheUrlAsReadHereSaysAndRecordsTheConnection() throws IOException {
        try (var named = FakePostgres.start(FakePostgres.Behaviour.SILENT);
             var other = FakePostgres.start(FakePostgres.Behaviour.SILENT);
             var attempt = WatchedSockets.Attempt.open(List.of(new Endpoint("127.0.0.1", named.port())))) {
            var sockets = new WatchedSockets(attempt.id());
            try (Socket s = sockets.createSocket()) {
                var refused = assertThrows(SocketException.class,
                        () -> s.connect(new InetSocketAddress("127.0.0.1", other.port()), 1000));
                assertEquals("refused to connect to 127.0.0.1:" + other.port() + ": not a host of the URL as this tool "
                        + "read it", refused.getMessage());
            }
            assertEquals(null, attempt.latest());
            try (Socket s = sockets.createSocket("127.0.0.1", named.port())) {
                assertTrue(s.isConnected());
            }
            assertEquals(new Endpoint("127.0.0.1", named.port()), attempt.latest());
            assertTrue(attempt.connected());
            assertEquals(0, other.connections());
        }
    }

    @Test
    void anAttemptThatIsClosedOrUnknownHandsOutNoSockets() {
        var attempt = WatchedSockets.Attempt.open(null);
        String id = attempt.id();
        attempt.close();
        assertThrows(IllegalArgumentException.class, () -> new WatchedSockets(id));
        assertThrows(IllegalArgumentException.class, () -> new WatchedSockets(null));
        assertFalse(attempt.connected());
    }
}
