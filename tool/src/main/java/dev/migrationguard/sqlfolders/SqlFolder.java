package dev.migrationguard.sqlfolders;

import dev.migrationguard.model.Text;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.settings.OptionValues.BadOption;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One entry of {@code migrations.sql-folders}: a folder of plain SQL migrations run by a tool the stacks do not know
 * (golang-migrate, dbmate, a hand-rolled script runner), the pattern that names a migration (its version and
 * description) and the order the runner applies them in.
 *
 * @param folder  relative to the work tree root, without a trailing slash; the migrations are its direct children
 * @param pattern over the file name, with the groups {@code version} and, optionally, {@code name}
 * @param order   by version (numeric parts) or by file name
 * @param dialect the database the SQL is written for, or null for the run's
 */
record SqlFolder(String folder, Pattern pattern, Order order, Dialect dialect) {
    static final String KEY = "migrations.sql-folders";
    /** golang-migrate's {@code 1_create_users.up.sql}, dbmate's {@code 20240101120000_create_users.sql}. */
    static final String DEFAULT_PATTERN = "{version}_{name}.sql";
    private static final Set<String> KEYS = Set.of("folder", "pattern", "order", "dialect");

    enum Order {
        VERSION, NAME
    }

    /** A configured entry, checked; {@code index} counts from 1, for the message. */
    static SqlFolder parse(Map<String, String> entry, int index) {
        String at = KEY + " entry " + index;
        for (String key : entry.keySet()) {
            if (!KEYS.contains(key)) {
                throw new BadOption(KEY, at + ": unknown key '" + key + "' (known: dialect, folder, order, pattern)");
            }
        }
        String folder = entry.get("folder");
        if (folder == null || folder.isBlank()) throw new BadOption(KEY, at + ": folder is required");
        String f = folder.strip().replace('\\', '/').replaceAll("^(\\./)+", "").replaceAll("/+$", "");
        if (f.isEmpty() || f.startsWith("/") || Arrays.asList(f.split("/")).contains("..") || f.matches("^[A-Za-z]:.*")) {
            throw new BadOption(KEY, at + ": folder must be a folder inside the repository, not '" + folder + "'");
        }
        Pattern pattern = pattern(entry.getOrDefault("pattern", DEFAULT_PATTERN), at);
        String orderText = entry.getOrDefault("order", "version").strip().toLowerCase(Locale.ROOT);
        Order order = switch (orderText) {
            case "version" -> Order.VERSION;
            case "name" -> Order.NAME;
            default -> throw new BadOption(KEY, at + ": order must be version or name, not '" + entry.get("order")
                    + "'");
        };
        Dialect dialect = null;
        if (entry.containsKey("dialect")) {
            String d = entry.get("dialect").strip();
            dialect = Arrays.stream(Dialect.values()).filter(x -> x.id().equals(d)).findFirst().orElseThrow(() ->
                    new BadOption(KEY, at + ": dialect must be one of " + String.join(", ",
                            Arrays.stream(Dialect.values()).map(Dialect::id).toList()) + ", not '" + d + "'"));
        }
        return new SqlFolder(f, pattern, order, dialect);
    }

    /**
     * A glob with {@code {version}} and {@code {name}} ({@code *} for any text), or else a regular expression with a
     * group {@code version} (or a first group).
     */
    private static Pattern pattern(String written, String at) {
        String p = written.strip();
        if (p.contains("{version}")) {
            StringBuilder regex = new StringBuilder();
            Matcher m = Pattern.compile("\\{version}|\\{name}|\\*").matcher(p);
            int last = 0;
            while (m.find()) {
                regex.append(Pattern.quote(p.substring(last, m.start())));
                regex.append(switch (m.group()) {
                    case "{version}" -> "(?<version>\\d+(?:[._]\\d+)*)";
                    case "{name}" -> "(?<name>.+?)";
                    default -> "[^/]*?";
                });
                last = m.end();
            }
            regex.append(Pattern.quote(p.substring(last)));
            return Pattern.compile(regex.toString());
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(p);
        } catch (PatternSyntaxException e) {
            throw new BadOption(KEY, at + ": pattern '" + written + "' is neither a glob with {version} nor a regular "
                    + "expression (" + e.getDescription() + ")");
        }
        if (!p.contains("(?<version>") && compiled.matcher("").groupCount() == 0) {
            throw new BadOption(KEY, at + ": pattern '" + written + "' has no version: write {version} in a glob, "
                    + "or a group (?<version>...) in a regular expression");
        }
        return compiled;
    }

    /** A file of this folder read by its name: its version and description; empty for any other file. */
    Optional<Named> name(String path) {
        if (!path.startsWith(folder + "/") || path.indexOf('/', folder.length() + 1) >= 0) return Optional.empty();
        String file = Text.fileName(path);
        if (isDown(file)) return Optional.empty();
        Matcher m = pattern.matcher(file);
        if (!m.matches()) return Optional.empty();
        String version = group(m, "version");
        int versionEnd;
        if (version != null) {
            versionEnd = m.end("version");
        } else if (m.groupCount() >= 1 && m.group(1) != null) {
            version = m.group(1);
            versionEnd = m.end(1);
        } else {
            return Optional.empty();
        }
        String name = group(m, "name");
        if (name == null) name = file.substring(versionEnd).replaceFirst("^[_\\-. ]+", "");
        name = name.replaceFirst("\\.sql$", "").replaceFirst("\\.up$", "");
        return Optional.of(new Named(path, version, name));
    }

    /** golang-migrate's way back is a file of its own: {@code 1_x.down.sql} beside {@code 1_x.up.sql}. */
    static boolean isDown(String file) {
        return file.toLowerCase(Locale.ROOT).contains(".down.");
    }

    /** The down file of an up file, when its name says {@code .up.}; null otherwise. */
    static String downOf(String path) {
        int up = path.lastIndexOf(".up.");
        return up < 0 || up < path.lastIndexOf('/') ? null : path.substring(0, up) + ".down." + path.substring(up + 4);
    }

    private static String group(Matcher m, String named) {
        try {
            return m.group(named);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A migration file's path, version as written and description. */
    record Named(String path, String version, String description) {
    }

    /** In the order the runner applies them. */
    List<Named> ordered(List<Named> names) {
        List<Named> out = new ArrayList<>(names);
        Comparator<Named> byName = Comparator.comparing(n -> Text.fileName(n.path()));
        out.sort(order == Order.NAME ? byName : Comparator.comparing((Named n) -> n.version(), SqlFolder::compareVersions)
                .thenComparing(byName));
        return out;
    }

    /** Numeric parts separated by {@code .} or {@code _}, compared as numbers ({@code 2} before {@code 10}). */
    static int compareVersions(String a, String b) {
        String[] x = a.split("[._]");
        String[] y = b.split("[._]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            BigInteger p = i < x.length && x[i].matches("\\d+") ? new BigInteger(x[i]) : BigInteger.ZERO;
            BigInteger q = i < y.length && y[i].matches("\\d+") ? new BigInteger(y[i]) : BigInteger.ZERO;
            int c = p.compareTo(q);
            if (c != 0) return c;
        }
        return 0;
    }
}
