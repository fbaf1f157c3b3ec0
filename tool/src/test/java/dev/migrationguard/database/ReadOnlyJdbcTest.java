package dev.migrationguard.database;

import dev.migrationguard.testing.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guard lets one SELECT through and nothing else, before the driver sees it. */
class ReadOnlyJdbcTest {
    @Test
    void onlyOneSelectPasses() throws SQLException {
        for (String ok : List.of("SELECT 1", "  select a from t;", "-- why\n/* note */ SELECT x FROM y", "Select\n1")) {
            ReadOnlyJdbc.checkSelect(ok);
        }
        for (String refused : List.of("DELETE FROM t", "SELECT 1; DROP TABLE t", "WITH d AS (DELETE FROM t) SELECT 1",
                "selectx", "UPDATE t SET a = 1 -- SELECT", "/* SELECT */ INSERT INTO t VALUES (1)", "SET ROLE admin",
                "CALL p()", "")) {
            assertThrows(SQLException.class, () -> ReadOnlyJdbc.checkSelect(refused), refused);
        }
    }

    @Test
    void aWriteThroughTheGuardedConnectionNeverReachesTheServer() {
        EmbeddedDatabase db = EmbeddedDatabase.get();
        String name = db.newDatabase();
        db.superuser(name, "CREATE TABLE victim (id INT)", "INSERT INTO victim VALUES (1)",
                "GRANT ALL ON victim TO " + EmbeddedDatabase.READER);
        String url = db.url(name);
        var env = Map.of(Database.USER, EmbeddedDatabase.READER, Database.PASSWORD, EmbeddedDatabase.READER_PASSWORD);
        Database.read(AppliedMigrationsTest.target(url, env), c -> {
            assertTrue(c.isReadOnly());
            assertThrows(SQLException.class, () -> c.prepareStatement("DELETE FROM victim"));
            assertThrows(SQLException.class, () -> c.setReadOnly(false));
            assertThrows(SQLException.class, () -> c.setAutoCommit(true));
            assertThrows(SQLException.class, () -> c.setSchema("other"));
            assertThrows(SQLException.class, () -> c.unwrap(Connection.class));
            try (Statement s = c.createStatement()) {
                assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM victim"));
                assertThrows(SQLException.class, () -> s.execute("SELECT 1; DELETE FROM victim"));
                assertEquals(c, s.getConnection());
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM victim")) {
                    rs.next();
                    assertEquals(1, rs.getInt(1));
                }
            }
            return null;
        });
        assertFalse(db.statementsFrom(EmbeddedDatabase.READER).stream().anyMatch(s -> s.contains("DELETE")),
                "a refused statement reached the server");
        assertTrue(db.statementsFrom(EmbeddedDatabase.READER).contains("SELECT count(*) FROM victim"));
    }
}
