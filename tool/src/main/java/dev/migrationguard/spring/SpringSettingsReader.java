package dev.migrationguard.spring;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.migrationguard.model.DatabaseSetting;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.SyncSetting;
import dev.migrationguard.model.Text;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.stack.SettingsReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the settings that let Hibernate change the schema at startup ({@code spring.jpa.hibernate.ddl-auto},
 * {@code hibernate.hbm2ddl.auto}, the JPA {@code schema-generation.database.action}), and those that name the
 * database, in Spring Boot's {@code application*.properties|yml|yaml}, with relaxed binding, and the profile each
 * applies to.
 *
 * <p>Values are lower case. The JPA action values are translated to Hibernate's words so one rule can judge both:
 * {@code drop-and-create} and {@code create} become {@code create}; the others are kept.
 */
public final class SpringSettingsReader implements SettingsReader {
    private static final Pattern FILE = Pattern.compile("application(?:-(.+?))?\\.(properties|ya?ml)",
            Pattern.CASE_INSENSITIVE);
    private static final String DDL_AUTO = "spring.jpa.hibernate.ddlauto";
    private static final List<String> PASSED_THROUGH = List.of("hibernate.hbm2ddl.auto",
            "jakarta.persistence.schemageneration.database.action",
            "javax.persistence.schemageneration.database.action");
    /** The values with which Hibernate changes the schema at startup; validate and none do not. */
    private static final Set<String> CHANGES_SCHEMA = Set.of("update", "create", "create-drop", "drop",
            "drop-and-create", "create-only");
    private static final List<String> PROFILE_KEYS = List.of("spring.config.activate.onprofile", "spring.profiles");
    /** Keys whose JDBC URL names the database, relaxed-bound; a placeholder's default counts too. */
    private static final Set<String> DATABASE_URLS = Set.of("spring.datasource.url", "spring.datasource.jdbcurl",
            "spring.datasource.hikari.jdbcurl", "spring.flyway.url", "spring.liquibase.url");
    private static final Pattern JDBC = Pattern.compile("jdbc:(?:tc:)?[a-z0-9]+:");
    /** Keys naming a Hibernate dialect class ({@code org.hibernate.dialect.MySQL8Dialect}). */
    private static final Set<String> DIALECT_CLASSES = Set.of("spring.jpa.databaseplatform",
            "spring.jpa.properties.hibernate.dialect", "hibernate.dialect");
    /** Spring's {@code Database} enum: {@code POSTGRESQL}, {@code SQL_SERVER}, {@code H2}... */
    private static final String JPA_DATABASE = "spring.jpa.database";
    /** Created on first use: most runs read no YAML, and Jackson's YAML factory costs tens of milliseconds. */
    private static final class Yaml {
        static final YAMLFactory FACTORY = new YAMLFactory();
    }

    @Override
    public boolean accepts(String path) {
        if (path == null) return false;
        // Asked of every path of the side for the database: the prefix spares thousands of matchers a commit.
        String name = Text.fileName(path);
        return name.regionMatches(true, 0, "application", 0, "application".length()) && FILE.matcher(name).matches();
    }

    @Override
    public ReadResult<SyncSetting> read(String path, String content) {
        try {
            Parsed parsed = parse(path, content);
            return new ReadResult<>(parsed.settings, parsed.problems);
        } catch (RuntimeException | StackOverflowError e) {
            return ReadResult.problem(new ParseProblem(Location.file(path), "Could not read this file: " + e));
        }
    }

    @Override
    public boolean mayNameDatabase(String path) {
        return accepts(path);
    }

    /**
     * {@code spring.datasource.url} (and Hikari's, Flyway's and Liquibase's URLs), the Hibernate dialect
     * ({@code spring.jpa.database-platform}, {@code hibernate.dialect}) and {@code spring.jpa.database}, with the
     * profile of their document or file.
     */
    @Override
    public List<DatabaseSetting> databases(String path, String content) {
        try {
            return parse(path, content).databases;
        } catch (RuntimeException | StackOverflowError e) {
            return List.of();
        }
    }

    private static Parsed parse(String path, String content) {
        String text = content == null ? "" : content.startsWith("\uFEFF") ? content.substring(1) : content;
        String fileProfile = fileProfile(path);
        return Text.fileName(path).toLowerCase(Locale.ROOT).endsWith(".properties")
                ? readProperties(path, text, fileProfile) : readYaml(path, text, fileProfile);
    }

    private static String fileProfile(String path) {
        Matcher m = FILE.matcher(Text.fileName(path == null ? "" : path));
        return m.matches() ? m.group(1) : null;
    }

    /** One document of a multi-document file: the settings found and the profile it activates on. */
    private static final class Document {
        final List<Found> found = new ArrayList<>();
        final List<Found> databases = new ArrayList<>();
        String profile;

        void finishInto(Parsed out, String fileProfile) {
            String p = profile != null ? profile : fileProfile;
            for (Found f : databases) {
                if (f.value.startsWith("jdbc:")) {
                    DatabaseSetting.ofJdbcUrl(f.location, f.key, f.value, p).ifPresent(out.databases::add);
                } else {
                    Dialect.parse(f.value)
                            .ifPresent(d -> out.databases.add(new DatabaseSetting(f.location, f.key, d, p)));
                }
            }
            for (Found f : found) {
                out.settings.add(new SyncSetting(f.location, f.key, f.value, p, false, CHANGES_SCHEMA.contains(f.value),
                        "for every environment", "Use validate (or none) here and let migrations change the schema; "
                        + "keep " + f.value + " in a dev or test profile if you need it."));
            }
        }
    }

    private record Found(Location location, String key, String value) {
    }

    /** What one file says: the settings that change the schema, those that name the database, and its problems. */
    private static final class Parsed {
        final List<SyncSetting> settings = new ArrayList<>();
        final List<DatabaseSetting> databases = new ArrayList<>();
        final List<ParseProblem> problems = new ArrayList<>();
    }

    /** Adds a key/value pair to the document when it is a schema-generation setting or a profile condition. */
    private static void consider(Document doc, String key, String rawValue, Location at) {
        String normalized = normalizeKey(key);
        String value = rawValue == null ? "" : rawValue.strip().toLowerCase(Locale.ROOT);
        if (PROFILE_KEYS.contains(normalized)) {
            doc.profile = doc.profile == null ? rawValue.strip() : doc.profile + "," + rawValue.strip();
            return;
        }
        if (DATABASE_URLS.contains(normalized)) {
            Matcher url = JDBC.matcher(value);
            if (url.find()) doc.databases.add(new Found(at, key, url.group()));
            return;
        }
        if (DIALECT_CLASSES.contains(normalized)) {
            doc.databases.add(new Found(at, key, value));
            return;
        }
        if (normalized.equals(JPA_DATABASE)) {
            doc.databases.add(new Found(at, key, value.replace("_", "")));
            return;
        }
        boolean isDdlAuto = normalized.equals(DDL_AUTO);
        for (String passed : PASSED_THROUGH) {
            if (normalized.equals(passed) || normalized.equals("spring.jpa.properties." + passed)) {
                isDdlAuto = true;
                if (passed.contains("persistence")) value = fromJpaAction(value);
            }
        }
        if (isDdlAuto) doc.found.add(new Found(at, key, value));
    }

    private static String fromJpaAction(String value) {
        return switch (value) {
            case "drop-and-create", "create" -> "create";
            default -> value;
        };
    }

    /** Spring's relaxed binding: case, dashes and underscores do not matter; {@code [a.b]} map keys are unwrapped. */
    static String normalizeKey(String key) {
        String k = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace("\"", "")
                .replace("'", "").replace('[', '.').replace("]", "");
        while (k.contains("..")) k = k.replace("..", ".");
        return k.strip();
    }

    private static Parsed readProperties(String path, String text, String fileProfile) {
        Parsed out = new Parsed();
        Document doc = new Document();
        String[] lines = Text.lines(text);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int start = 0;
            while (start < line.length() && Character.isWhitespace(line.charAt(start))) start++;
            if (start == line.length()) continue;
            char first = line.charAt(start);
            if (first == '#' || first == '!') {
                if (line.substring(start + 1).equals("---")) {
                    doc.finishInto(out, fileProfile);
                    doc = new Document();
                }
                continue;
            }
            int keyLine = i + 1;
            int keyColumn = start + 1;
            StringBuilder logical = new StringBuilder(line.substring(start));
            while (endsWithContinuation(logical) && i + 1 < lines.length) {
                logical.setLength(logical.length() - 1);
                logical.append(lines[++i].stripLeading());
            }
            String[] kv = splitKeyValue(logical.toString());
            consider(doc, unescape(kv[0]), unescape(kv[1]), Location.at(path, keyLine, keyColumn));
        }
        doc.finishInto(out, fileProfile);
        return out;
    }

    private static boolean endsWithContinuation(CharSequence s) {
        int slashes = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) slashes++;
        return slashes % 2 == 1;
    }

    /** Key and value of a properties line: the key ends at an unescaped {@code =}, {@code :} or whitespace. */
    private static String[] splitKeyValue(String line) {
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '=' || c == ':' || Character.isWhitespace(c)) break;
            i++;
        }
        int keyEnd = Math.min(i, line.length());
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) i++;
        if (i < line.length() && (line.charAt(i) == '=' || line.charAt(i) == ':')) i++;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) i++;
        return new String[]{line.substring(0, keyEnd), line.substring(Math.min(i, line.length()))};
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 't' -> b.append('\t');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    if (i + 4 < s.length() && s.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
                        b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        b.append('u');
                    }
                }
                default -> b.append(n);
            }
        }
        return b.toString();
    }

    /**
     * A value that is a whole Maven resource-filtering token ({@code version: @project.version@}), the delimiter Spring
     * Boot's parent configures: not YAML until the build replaces it ({@code @} cannot start a plain scalar).
     */
    private static final Pattern MAVEN_TOKEN =
            Pattern.compile("(?m)((?::|^\\s*-)[ \\t]+)@([^@\\s'\"#]+)@(?=[ \\t]*(?:#.*)?$)");

    private static Parsed readYaml(String path, String text, String fileProfile) {
        Parsed out = new Parsed();
        Document doc = new Document();
        Location fieldAt = Location.file(path);
        // Quoted in place of its two @s, the token keeps every line and column where it was.
        String yaml = text.indexOf('@') < 0 ? text : MAVEN_TOKEN.matcher(text).replaceAll("$1\"$2\"");
        try (JsonParser p = Yaml.FACTORY.createParser(yaml)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    JsonLocation l = p.currentTokenLocation();
                    fieldAt = inside(path, text, l.getLineNr(), l.getColumnNr());
                } else if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
                    String key = keyOf(p.getParsingContext());
                    if (key != null) consider(doc, key, p.getText(), fieldAt);
                }
                if (p.getParsingContext().inRoot() && t != JsonToken.FIELD_NAME) {
                    doc.finishInto(out, fileProfile);
                    doc = new Document();
                }
            }
        } catch (JacksonException e) {
            doc.finishInto(out, fileProfile);
            JsonLocation l = e.getLocation();
            Location at = l == null ? Location.file(path) : inside(path, text, l.getLineNr(), l.getColumnNr());
            out.problems.add(new ParseProblem(at, "Malformed YAML: " + firstLine(e)));
            return out;
        } catch (java.io.IOException e) {
            out.problems.add(new ParseProblem(Location.file(path), "Unreadable YAML: " + e));
            return out;
        }
        doc.finishInto(out, fileProfile);
        return out;
    }

    /** {@code spring.jpa.hibernate.ddl-auto} for a scalar nested under those keys; list indexes are left out. */
    private static String keyOf(JsonStreamContext ctx) {
        List<String> names = new ArrayList<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                if (c.getCurrentName() == null) return null;
                names.add(0, c.getCurrentName());
            }
        }
        return names.isEmpty() ? null : String.join(".", names);
    }

    private static String firstLine(JacksonException e) {
        String m = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage().strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** A 1-based location clamped into the file, so a report never points past its end. */
    static Location inside(String path, String text, int line, int column) {
        if (line <= 0) return Location.file(path);
        String[] lines = Text.lines(text);
        int l = Math.min(line, lines.length);
        int c = Math.min(Math.max(column, 1), lines[l - 1].length() + 1);
        return Location.at(path, l, c);
    }
}
