package dev.migrationguard.database;

import dev.migrationguard.model.CannotJudge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDBC URL that the checked repository chose ({@code deployed.from}), held to what this tool can vouch for: a driver
 * whose URL syntax it reads exactly (PostgreSQL, MySQL, MariaDB), hosts written out plainly, and only parameters that
 * can neither load a class, touch a local file, redirect the connection, nor fetch credentials of their own.
 * Everything else the driver would honour ({@code socketFactory}, {@code sslfactory}, {@code loggerFile},
 * {@code host=}, {@code service=}, {@code allowLoadLocalInfile}, ...) stops the run before any connection.
 */
final class RepositoryUrl {
    private static final Pattern SHAPE = Pattern.compile("jdbc:(postgresql|mysql|mariadb)://([^/?]*)(/[^?]*)?(\\?.*)?",
            Pattern.DOTALL);
    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9_][A-Za-z0-9_.-]*)(?::(\\d{1,5}))?");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    /** Parameters that change how the session is set up or how long it may take, nothing else; spelled as drivers read them. */
    private static final Map<String, Set<String>> SAFE_PARAMETERS = Map.of(
            "postgresql", Set.of("user", "password", "ssl", "sslmode", "connectTimeout", "loginTimeout", "socketTimeout",
                    "currentSchema", "ApplicationName", "targetServerType", "loadBalanceHosts", "tcpKeepAlive"),
            "mysql", Set.of("user", "password", "sslMode", "useSSL", "requireSSL", "connectTimeout", "socketTimeout"),
            "mariadb", Set.of("user", "password", "sslMode", "useSsl", "connectTimeout", "socketTimeout"));
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("postgresql", 5432, "mysql", 3306, "mariadb", 3306);

    private RepositoryUrl() {
    }

    /** One host the driver may connect to; the host as written, compared without case and IPv6 brackets. */
    record Endpoint(String host, int port) {
        Endpoint {
            host = host.toLowerCase(Locale.ROOT);
            if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        }

        String shown() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /**
     * What the driver will do with the URL, as far as credentials go.
     *
     * @param endpoints   every host and port the driver may connect to, in order
     * @param ownPassword whether the URL carries a password of its own (then none from the environment is needed)
     */
    record Vetted(List<Endpoint> endpoints, boolean ownPassword) {
    }

    /** The URL's endpoints and whether it has its own password; a URL this tool cannot vouch for exits 2 naming why. */
    static Vetted vet(String url, String origin) {
        Matcher m = SHAPE.matcher(url);
        if (!m.matches()) {
            throw refused(url, origin, "a URL from the repository must have the form jdbc:postgresql://host:port/database, "
                    + "jdbc:mysql://... or jdbc:mariadb://... (other forms and drivers may choose hosts or load code in "
                    + "ways this tool cannot check)");
        }
        String driver = m.group(1);
        String authority = m.group(2);
        if (authority.indexOf('@') >= 0) {
            throw refused(url, origin, "write the user and password as parameters (?user=...&password=...), not before "
                    + "the host");
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (String address : authority.split(",", -1)) {
            Matcher h = HOST.matcher(address);
            int port = h.matches() && h.group(2) != null ? Integer.parseInt(h.group(2)) : DEFAULT_PORTS.get(driver);
            if (!h.matches() || port < 1 || port > 65535) {
                throw refused(url, origin, "'" + address + "' is not a plain host or host:port (write hosts as "
                        + "db.example.com:5432, several separated by commas)");
            }
            endpoints.add(new Endpoint(h.group(1), port));
        }
        Map<String, String> parameters = parameters(m.group(4), url, origin);
        Set<String> safe = SAFE_PARAMETERS.get(driver);
        for (String name : parameters.keySet()) {
            if (!safe.contains(name)) {
                throw refused(url, origin, "the parameter " + name + " is not allowed in a URL from the repository "
                        + "(allowed: " + String.join(", ", new TreeSet<>(safe)) + "); a URL that needs it must come "
                        + "from --deployed-from or MIGRATION_GUARD_DEPLOYED_FROM");
            }
        }
        String password = parameters.get("password");
        return new Vetted(List.copyOf(endpoints), password != null && !password.isEmpty());
    }

    /**
     * The hosts the environment trusts with its credentials ({@code MIGRATION_GUARD_DB_HOSTS}): names or addresses as
     * the URL writes them, each alone (any port) or with {@code :port}, separated by commas or spaces. An entry with
     * port 0 stands for any port.
     */
    static List<Endpoint> allowList(String value, String variable) {
        List<Endpoint> allowed = new ArrayList<>();
        if (value == null) return allowed;
        for (String entry : value.trim().split("[,\\s]+")) {
            if (entry.isEmpty()) continue;
            Matcher h = HOST.matcher(entry);
            boolean bareIpv6 = entry.chars().filter(c -> c == ':').count() > 1 && entry.matches("[0-9A-Fa-f:.]+");
            if (bareIpv6) {
                allowed.add(new Endpoint(entry, 0));
                continue;
            }
            int port = h.matches() && h.group(2) != null ? Integer.parseInt(h.group(2)) : 0;
            if (!h.matches() || port > 65535 || h.group(2) != null && port == 0) {
                throw new CannotJudge(variable + " holds '" + entry + "', which is not a host or host:port (write "
                        + variable + "=db.internal,10.0.0.5:5432)");
            }
            allowed.add(new Endpoint(h.group(1), port));
        }
        return allowed;
    }

    static boolean allows(List<Endpoint> allowList, Endpoint e) {
        for (Endpoint a : allowList) {
            if (a.host().equals(e.host()) && (a.port() == 0 || a.port() == e.port())) return true;
        }
        return false;
    }

    private static Map<String, String> parameters(String query, String url, String origin) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null) return parameters;
        for (String token : query.substring(1).split("&")) {
            if (token.isEmpty()) continue;
            int eq = token.indexOf('=');
            String name = eq < 0 ? token : token.substring(0, eq);
            // Drivers differ in decoding names (MySQL's does, pgjdbc's does not): only a name read alike by all passes.
            if (!PARAMETER_NAME.matcher(name).matches()) {
                throw refused(url, origin, "'" + JdbcUrls.mask(name, url, List.of()) + "' is not a plain parameter name");
            }
            parameters.put(name, eq < 0 ? "" : token.substring(eq + 1));
        }
        return parameters;
    }

    private static CannotJudge refused(String url, String origin, String why) {
        return new CannotJudge(origin + " names " + JdbcUrls.display(url) + ", which the repository chose: " + why);
    }
}
