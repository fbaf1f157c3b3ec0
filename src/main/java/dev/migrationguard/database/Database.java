package dev.migrationguard.database;

import dev.migrationguard.config.ConfigException;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Opens the database named by {@code deployed.from} / {@code --deployed-from}, read-only. Credentials come from the URL
 * or from the environment: {@code MIGRATION_GUARD_DB_USER} and {@code MIGRATION_GUARD_DB_PASSWORD}, else (PostgreSQL)
 * {@code PGUSER} and {@code PGPASSWORD}; the URL's own wins. They never appear in a message: every failure is reported
 * with the credentials masked, and no exception carrying the driver's text escapes.
 */
public final class Database {
    static final String USER = "MIGRATION_GUARD_DB_USER";
    static final String PASSWORD = "MIGRATION_GUARD_DB_PASSWORD";
    private static final int LOGIN_TIMEOUT_SECONDS = 15;

    private Database() {
    }

    /** The credentials to hand the driver besides the URL, and the secrets to mask in every message. */
    record Credentials(Properties properties, List<String> secrets) {
    }

    static Credentials credentials(String url, Map<String, String> env) {
        Properties props = new Properties();
        boolean postgres = url.startsWith("jdbc:postgresql:");
        String user = firstOf(env.get(USER), postgres ? env.get("PGUSER") : null);
        String password = firstOf(env.get(PASSWORD), postgres ? env.get("PGPASSWORD") : null);
        if (user != null) props.setProperty("user", user);
        if (password != null) props.setProperty("password", password);
        if (postgres) {
            // Names this tool in pg_stat_activity and the server log, so a DBA can see who reads the history table;
            // sent in the startup packet (servers 9.0+), not as a SET statement after login.
            props.setProperty("ApplicationName", "migration-guard");
            props.setProperty("assumeMinServerVersion", "9.0");
        }
        List<String> secrets = new ArrayList<>(JdbcUrls.secretsOf(url));
        if (password != null) secrets.add(password);
        return new Credentials(props, secrets);
    }

    private static String firstOf(String a, String b) {
        return a != null && !a.isEmpty() ? a : b != null && !b.isEmpty() ? b : null;
    }

    /**
     * A guarded read-only connection (only SELECT can be sent through it). A database that cannot be reached, or that
     * refuses the login, stops the run (exit 2) with the driver's reason, credentials masked.
     */
    static Connection open(String url, Credentials credentials) {
        Driver driver;
        try {
            driver = DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new ConfigException("no JDBC driver on the classpath accepts " + JdbcUrls.display(url)
                    + " (the jar ships PostgreSQL's; for another database run java -cp migration-guard.jar:<driver.jar> "
                    + "dev.migrationguard.cli.Main ...)");
        }
        DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        Connection raw = null;
        try {
            raw = driver.connect(url, credentials.properties());
            if (raw == null) throw new SQLException("the driver does not accept this URL");
            return ReadOnlyJdbc.guard(raw);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(raw);
            throw failure("cannot read the deployed migrations from " + JdbcUrls.display(url), e, url, credentials);
        }
    }

    /** A ConfigException with the driver's reason (and SQLState), every credential masked, no cause attached. */
    static ConfigException failure(String what, Exception e, String url, Credentials credentials) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof SQLException sql && sql.getSQLState() != null) reason += " (SQLState " + sql.getSQLState() + ")";
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        // "The connection attempt failed." says little; the root cause (an unknown host, a TLS failure) says why.
        if (root != e) reason += "; caused by " + root.getClass().getSimpleName() + ": " + root.getMessage();
        return new ConfigException(JdbcUrls.mask(what + ": " + reason, url, credentials.secrets()));
    }

    static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.rollback();
        } catch (SQLException | RuntimeException ignored) {
            // the connection is going away; a failed rollback of a read-only transaction loses nothing
        }
        try {
            c.close();
        } catch (SQLException | RuntimeException ignored) {
            // nothing was written, so nothing can be lost by a failed close
        }
    }
}
