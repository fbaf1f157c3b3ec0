package dev.migrationguard.database;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps database credentials out of everything the tool prints: messages name a database by its host and name only. */
public final class JdbcUrls {
    private static final Pattern USER_INFO = Pattern.compile("//[^/@?;]*@");
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)([?&;:]\\s*[\\w.-]*(?:password|passwd|pwd|secret|token|credential)[\\w.-]*\\s*=)[^&;]*");

    private JdbcUrls() {
    }

    /** The URL as messages show it: no user or password, no parameters ({@code jdbc:postgresql://db:5432/app}). */
    public static String display(String url) {
        String shown = USER_INFO.matcher(url).replaceFirst("//");
        int params = indexOfParams(shown);
        return params < 0 ? shown : shown.substring(0, params);
    }

    private static int indexOfParams(String url) {
        int q = url.indexOf('?');
        // SQL Server and others put properties after ';' (jdbc:sqlserver://host;databaseName=app;password=x)
        int semi = url.indexOf(';');
        if (q < 0) return semi;
        return semi < 0 ? q : Math.min(q, semi);
    }

    /** The secrets written in the URL itself (the password of {@code //user:password@}, password-like parameters). */
    public static java.util.List<String> secretsOf(String url) {
        java.util.List<String> secrets = new java.util.ArrayList<>();
        Matcher info = USER_INFO.matcher(url);
        if (info.find()) {
            String userInfo = url.substring(info.start() + 2, info.end() - 1);
            int colon = userInfo.indexOf(':');
            if (colon >= 0 && colon + 1 < userInfo.length()) secrets.add(userInfo.substring(colon + 1));
        }
        Matcher param = SECRET_PARAM.matcher(url);
        while (param.find()) {
            String value = url.substring(param.end(1), param.end());
            if (!value.isBlank()) secrets.add(value);
        }
        return secrets;
    }

    /**
     * {@code text} with every credential replaced by {@code ***}: the URL's user-info and password-like parameters, the
     * whole URL wherever it is quoted, and each of {@code secrets} (passwords taken from the environment).
     */
    public static String mask(String text, String url, Collection<String> secrets) {
        if (text == null) return "";
        String masked = text;
        if (url != null && !url.isEmpty()) masked = masked.replace(url, display(url));
        for (String s : secrets) {
            if (s != null && !s.isEmpty()) masked = masked.replace(s, "***");
        }
        masked = USER_INFO.matcher(masked).replaceAll(Matcher.quoteReplacement("//***@"));
        return SECRET_PARAM.matcher(masked).replaceAll("$1***");
    }
}
