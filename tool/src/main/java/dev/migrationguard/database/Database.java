package dev.migrationguard.database;

import dev.migrationguard.settings.DeployedFrom;
import dev.migrationguard.model.CannotJudge;
import dev.migrationguard.database.RepositoryUrl.Endpoint;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Reads the database named by {@code --deployed-from}, {@code MIGRATION_GUARD_DEPLOYED_FROM} or {@code deployed.from},
 * read-only, each step within {@value #STEP_SECONDS} seconds. Credentials come from the URL or from the environment
 * ({@code MIGRATION_GUARD_DB_USER} / {@code MIGRATION_GUARD_DB_PASSWORD}, else for PostgreSQL {@code PGUSER} /
 * {@code PGPASSWORD}; the URL's own win), the environment's only for a URL the person running the tool chose or whose
 * hosts {@code MIGRATION_GUARD_DB_HOSTS} allows. They never appear in a message.
 */
public final class Database {
    static final String USER = "MIGRATION_GUARD_DB_USER";
    static final String PASSWORD = "MIGRATION_GUARD_DB_PASSWORD";
    static final String HOSTS = "MIGRATION_GUARD_DB_HOSTS";
    /** How long connecting (with the login) and then reading may each take: a hung server must not hold a commit. */
    static final int STEP_SECONDS = 10;
    /** The driver's own timeouts, longer than a step: they end an abandoned attempt's thread, the step ends the run. */
    private static final int DRIVER_SECONDS = STEP_SECONDS + 5;
    private static final Executor DAEMONS = work -> {
        Thread t = new Thread(work, "migration-guard-database");
        t.setDaemon(true);
        t.start();
    };

    private Database() {
    }

    /**
     * How to reach the database.
     *
     * @param properties what to hand the driver besides the URL (credentials, timeouts)
     * @param secrets    every password to mask in messages
     * @param reachable  the only endpoints a socket may connect to (a URL the repository chose), or null for any
     */
    record Target(String url, Properties properties, List<String> secrets, List<Endpoint> reachable) {
        private boolean postgres() {
            return url.startsWith("jdbc:postgresql:");
        }
    }

    /** Reads a connection; any SQLException it throws is reported as the database's answer. */
    interface Reader<T> {
        T read(Connection c) throws SQLException;
    }

    /**
     * The target for {@code from}: what the driver gets, and whether credentials from {@code env} may go with it. A URL
     * the repository chose gets them only when every host it names is in {@code MIGRATION_GUARD_DB_HOSTS}; one that
     * needs them otherwise, or that the tool cannot vouch for ({@link RepositoryUrl}), stops the run (exit 2).
     */
    static Target target(DeployedFrom from, Map<String, String> env) {
        String url = from.url();
        boolean postgres = url.startsWith("jdbc:postgresql:");
        if (postgres && userInfo(url)) {
            throw new CannotJudge(from.origin() + ": pgjdbc reads no user or password written before the host "
                    + "(user:password@host); it would look all of it up as a host name. Write "
                    + JdbcUrls.display(url) + "?user=... or set " + USER + " and " + PASSWORD);
        }
        List<Endpoint> reachable = null;
        boolean environmentCredentials = true;
        if (from.chosenByRepository()) {
            RepositoryUrl.Vetted vetted = RepositoryUrl.vet(url, from.origin());
            List<Endpoint> allowed = RepositoryUrl.allowList(env.get(HOSTS), HOSTS);
            List<Endpoint> foreign = vetted.endpoints().stream().filter(e -> !RepositoryUrl.allows(allowed, e)).toList();
            if (!foreign.isEmpty() && !vetted.ownPassword()) {
                String hosts = foreign.stream().map(Endpoint::shown).collect(Collectors.joining(","));
                throw new CannotJudge(from.origin() + " names " + JdbcUrls.display(url) + ", which the repository "
                        + "chose, without a password of its own: it would get the credentials of this environment, and "
                        + "a repository decides what to check, never where credentials go. To trust " + hosts
                        + " with them, set " + HOSTS + "=" + hosts + "; or give the URL with --deployed-from or "
                        + "MIGRATION_GUARD_DEPLOYED_FROM");
            }
            environmentCredentials = foreign.isEmpty();
            reachable = vetted.endpoints();
        }
        Properties props = new Properties();
        List<String> secrets = new ArrayList<>(JdbcUrls.secretsOf(url));
        String user = firstOf(env.get(USER), postgres ? env.get("PGUSER") : null);
        String password = firstOf(env.get(PASSWORD), postgres ? env.get("PGPASSWORD") : null);
        // Masked whether sent or not: a driver's message may quote anything.
        for (String p : new String[]{env.get(PASSWORD), env.get("PGPASSWORD")}) if (p != null) secrets.add(p);
        if (environmentCredentials && user != null) props.setProperty("user", user);
        if (environmentCredentials && password != null) props.setProperty("password", password);
        if (postgres) {
            // Names this tool in pg_stat_activity and the server log, so a DBA can see who reads the history table;
            // sent in the startup packet (servers 9.0+), not as a SET statement after login.
            props.setProperty("ApplicationName", "migration-guard");
            props.setProperty("assumeMinServerVersion", "9.0");
            // pgjdbc ignores DriverManager's login timeout when called directly, and has no read timeout by default.
            for (String t : List.of("connectTimeout", "loginTimeout", "socketTimeout")) {
                props.setProperty(t, Integer.toString(DRIVER_SECONDS));
            }
        } else if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            props.setProperty("connectTimeout", Integer.toString(DRIVER_SECONDS * 1000));
            props.setProperty("socketTimeout", Integer.toString(DRIVER_SECONDS * 1000));
            // A server may answer any query with a request for a local file (LOAD DATA LOCAL): this tool sends none.
            props.setProperty("allowLoadLocalInfile", "false");
            props.setProperty("allowUrlInLocalInfile", "false");
            props.setProperty("allowLocalInfile", "false");
            props.setProperty("autoDeserialize", "false");
        }
        return new Target(url, props, secrets, reachable);
    }

    private static boolean userInfo(String url) {
        String rest = url.substring("jdbc:postgresql:".length());
        if (!rest.startsWith("//")) return false;
        int end = rest.length();
        for (char c : new char[]{'/', '?'}) {
            int i = rest.indexOf(c, 2);
            if (i >= 0) end = Math.min(end, i);
        }
        return rest.substring(2, end).indexOf('@') >= 0;
    }

    private static String firstOf(String a, String b) {
        return a != null && !a.isEmpty() ? a : b != null && !b.isEmpty() ? b : null;
    }

    /**
     * Connects (the connect and the login: one step), hands {@code reader} a guarded read-only connection (only SELECT
     * can be sent through it; the next step), and closes it. A database that cannot be reached, refuses the login,
     * fails a query or takes longer than {@value #STEP_SECONDS} seconds for a step stops the run (exit 2) with the
     * reason and the step, credentials masked.
     */
    static <T> T read(Target target, Reader<T> reader) {
        Connection raw = connect(target);
        boolean hung = false;
        FutureTask<T> reading = new FutureTask<>(() -> reader.read(ReadOnlyJdbc.guard(raw)));
        DAEMONS.execute(reading);
        try {
            return reading.get(STEP_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            hung = true;
            abort(raw);
            throw new CannotJudge("cannot read the migrations tables of " + JdbcUrls.display(target.url())
                    + ": timed out after " + STEP_SECONDS + " s at step 'query': the database let this tool in but "
                    + "did not answer its query");
        } catch (ExecutionException e) {
            throw rethrown(e.getCause(), "cannot read the migrations tables of " + JdbcUrls.display(target.url()),
                    target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotJudge("interrupted while reading " + JdbcUrls.display(target.url()));
        } finally {
            // A hung reader holds the connection's lock: closing it here would wait for the reader.
            if (!hung) closeQuietly(raw);
        }
    }

    private static Connection connect(Target target) {
        String url = target.url();
        String what = "cannot read the deployed migrations from " + JdbcUrls.display(url);
        Driver driver;
        try {
            driver = DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new CannotJudge("no JDBC driver on the classpath accepts " + JdbcUrls.display(url)
                    + " (the jar ships PostgreSQL's; for another database run java -cp migration-guard.jar:<driver.jar> "
                    + "dev.migrationguard.cli.Main ...)");
        }
        try (WatchedSockets.Attempt attempt = WatchedSockets.Attempt.open(target.reachable())) {
            Properties props = new Properties();
            props.putAll(target.properties());
            // A socket factory of the user's own (Cloud SQL, unix sockets) comes first; then steps are not told apart.
            boolean watched = target.postgres() && !hasParameter(url, "socketFactory");
            if (watched) {
                props.setProperty("socketFactory", WatchedSockets.class.getName());
                props.setProperty("socketFactoryArg", attempt.id());
            }
            FutureTask<Connection> connecting = new FutureTask<>(() -> driver.connect(url, props));
            DAEMONS.execute(connecting);
            try {
                Connection c = connecting.get(STEP_SECONDS, TimeUnit.SECONDS);
                if (c == null) throw new CannotJudge(what + ": the driver does not accept this URL");
                return c;
            } catch (TimeoutException e) {
                closeWhenDone(connecting);
                throw new CannotJudge(what + ": timed out after " + STEP_SECONDS + " s at step "
                        + (watched ? connectStep(attempt) : "'connect and login'"));
            } catch (ExecutionException e) {
                throw rethrown(e.getCause(), what, target);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CannotJudge(what + ": interrupted");
            }
        }
    }

    private static String connectStep(WatchedSockets.Attempt attempt) {
        Endpoint at = attempt.latest();
        if (at == null) return "'connect': no connection was opened (is the host name known here?)";
        if (!attempt.connected()) {
            return "'connect': " + at.shown() + " did not accept the connection (a firewall dropping packets, or the "
                    + "wrong host or port)";
        }
        return "'login': " + at.shown() + " accepted the connection but did not complete the login (a server that is "
                + "not PostgreSQL on that port, or one too busy to answer)";
    }

    private static boolean hasParameter(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) return false;
        for (String token : url.substring(q + 1).split("&")) {
            if (token.equals(name) || token.startsWith(name + "=")) return true;
        }
        return false;
    }

    /** The failure of a step as exit 2: the tool's own message as it is, the driver's masked; a test's assertion as is. */
    private static RuntimeException rethrown(Throwable cause, String what, Target target) {
        if (cause instanceof Error error) throw error;
        if (cause instanceof CannotJudge c) {
            return new CannotJudge(JdbcUrls.mask(c.getMessage(), target.url(), target.secrets()));
        }
        return failure(what, (Exception) cause, target.url(), target.secrets());
    }

    /** A CannotJudge with the driver's reason (and SQLState), every credential masked, no cause attached. */
    static CannotJudge failure(String what, Exception e, String url, List<String> secrets) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof SQLException sql && sql.getSQLState() != null) reason += " (SQLState " + sql.getSQLState() + ")";
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        // "The connection attempt failed." says little; the root cause (an unknown host, a TLS failure) says why.
        if (root != e) reason += "; caused by " + root.getClass().getSimpleName() + ": " + root.getMessage();
        return new CannotJudge(JdbcUrls.mask(what + ": " + reason, url, secrets));
    }

    /** An attempt abandoned at its time limit may still connect later: that connection is closed then. */
    private static void closeWhenDone(Future<Connection> connecting) {
        DAEMONS.execute(() -> {
            try {
                closeQuietly(connecting.get());
            } catch (ExecutionException | InterruptedException | RuntimeException ignored) {
                // no connection came of it, so there is nothing to close
            }
        });
    }

    /** Ends a connection whose reader hangs: its socket is closed at once, without waiting for the reader. */
    private static void abort(Connection raw) {
        try {
            raw.abort(DAEMONS);
        } catch (SQLException | RuntimeException | AbstractMethodError e) {
            DAEMONS.execute(() -> closeQuietly(raw));
        }
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
