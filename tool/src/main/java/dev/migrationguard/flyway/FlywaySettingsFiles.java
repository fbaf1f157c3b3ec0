package dev.migrationguard.flyway;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.migrationguard.model.Text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Flyway settings one file writes, whatever its kind: Spring Boot's {@code application[-profile].properties|yml}
 * ({@code spring.flyway.*}, relaxed binding, one profile per file or YAML document), {@code flyway.conf}
 * ({@code flyway.*}), {@code flyway.toml} ({@code [flyway]}), a {@code pom.xml}'s {@code flyway-maven-plugin}
 * configuration and a Gradle build's {@code flyway { }} block. Never throws: what cannot be read is left out.
 */
final class FlywaySettingsFiles {
    private static final Pattern SPRING = Pattern.compile("application(?:-(.+?))?\\.(properties|ya?ml)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POM_PLUGIN = Pattern.compile(
            "<artifactId>\\s*flyway-maven-plugin\\s*</artifactId>(.*?)</plugin>", Pattern.DOTALL);
    private static final Pattern XML_ELEMENT = Pattern.compile("<(\\w+)>([^<]*)</\\1>");
    private static final Pattern POM_GROUP = Pattern.compile("<(locations|sqlMigrationSuffixes|placeholders)>(.*?)</\\1>",
            Pattern.DOTALL);
    private static final Pattern GRADLE_BLOCK = Pattern.compile("(?m)^\\s*flyway\\s*\\{");
    private static final Pattern GRADLE_SETTING = Pattern.compile("(?m)^\\s*(\\w+)\\s*=\\s*(.+?)\\s*$");
    private static final Pattern CONF_LINE = Pattern.compile("^\\s*flyway\\.([\\w.-]+)\\s*[=:]\\s*(.*?)\\s*$");
    private static final Pattern TOML_TABLE = Pattern.compile("^\\s*\\[\\s*([\\w.\"-]+)\\s*]\\s*(?:#.*)?$");
    private static final Pattern TOML_LINE = Pattern.compile("^\\s*([\\w.\"-]+)\\s*=\\s*(.*?)\\s*$");

    /** One setting: Flyway's key as {@link FlywayConfig#normalize} makes it, its value, and its Spring profile. */
    record Written(String key, String value, String profile) {
    }

    private FlywaySettingsFiles() {
    }

    /** Whether {@code path} may hold Flyway settings. */
    static boolean mayHold(String path) {
        String name = Text.fileName(path);
        // the name's start first: the view asks this of every path of the repository
        return name.regionMatches(true, 0, "application", 0, "application".length()) && SPRING.matcher(name).matches()
                || name.equals("flyway.conf") || name.equals("flyway.toml")
                || name.equals("pom.xml") || name.equals("build.gradle") || name.equals("build.gradle.kts");
    }

    /** Whether {@code path} is one of Spring Boot's configuration files. */
    static boolean isSpring(String path) {
        return SPRING.matcher(Text.fileName(path)).matches();
    }

    static List<Written> read(String path, String content) {
        try {
            String name = Text.fileName(path);
            String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
            Matcher spring = SPRING.matcher(name);
            if (spring.matches()) {
                return name.toLowerCase(Locale.ROOT).endsWith(".properties")
                        ? properties(text, spring.group(1)) : yaml(text, spring.group(1));
            }
            return switch (name) {
                case "flyway.conf" -> conf(text);
                case "flyway.toml" -> toml(text);
                case "pom.xml" -> pom(text);
                case "build.gradle", "build.gradle.kts" -> gradle(text);
                default -> List.of();
            };
        } catch (RuntimeException | StackOverflowError e) {
            return List.of();
        }
    }

    private static List<Written> properties(String text, String profile) {
        List<Written> out = new ArrayList<>();
        String documentProfile = null;
        for (String line : Text.lines(text)) {
            String l = line.strip();
            if (l.equals("#---") || l.equals("!---")) documentProfile = null;
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("!")) continue;
            int sep = firstSeparator(l);
            if (sep < 0) continue;
            String key = l.substring(0, sep).strip();
            String value = l.substring(sep + 1).strip();
            String relaxed = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            if (relaxed.equals("spring.config.activate.onprofile") || relaxed.equals("spring.profiles")) {
                documentProfile = value;
            }
            spring(key, value, documentProfile != null ? documentProfile : profile, out);
        }
        return out;
    }

    private static int firstSeparator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '=' || c == ':') return i;
        }
        return -1;
    }

    private static void spring(String key, String value, String profile, List<Written> out) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("spring.flyway.")) return;
        out.add(new Written(FlywayConfig.normalize(key.substring("spring.flyway.".length())), value, profile));
    }

    /** Created on first use: most runs read no YAML. */
    private static final class Yaml {
        static final YAMLFactory FACTORY = new YAMLFactory();
    }

    private static List<Written> yaml(String text, String fileProfile) {
        List<Written> out = new ArrayList<>();
        List<Written> document = new ArrayList<>();
        String[] documentProfile = {null};
        try (JsonParser p = Yaml.FACTORY.createParser(text)) {
            Map<String, StringBuilder> lists = new LinkedHashMap<>();
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
                    String key = keyOf(p.getParsingContext());
                    if (key != null) {
                        String relaxed = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
                        if (relaxed.equals("spring.config.activate.onprofile") || relaxed.equals("spring.profiles")) {
                            documentProfile[0] = p.getText();
                        } else if (p.getParsingContext().inArray()) {
                            lists.computeIfAbsent(key, k -> new StringBuilder()).append(',').append(p.getText());
                        } else {
                            spring(key, p.getText(), null, document);
                        }
                    }
                }
                if (p.getParsingContext().inRoot() && t != JsonToken.FIELD_NAME) {
                    lists.forEach((k, v) -> spring(k, v.substring(1), null, document));
                    lists.clear();
                    String profile = documentProfile[0] != null ? documentProfile[0] : fileProfile;
                    for (Written w : document) out.add(new Written(w.key(), w.value(), profile));
                    document.clear();
                    documentProfile[0] = null;
                }
            }
        } catch (IOException | RuntimeException e) {
            // a malformed file is reported by the settings reader that owns it; what was read before the error stands
        }
        return out;
    }

    /** The dotted key of a scalar, list indexes left out ({@code spring.flyway.locations} for each list entry). */
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

    private static List<Written> conf(String text) {
        List<Written> out = new ArrayList<>();
        for (String line : Text.lines(text)) {
            Matcher m = CONF_LINE.matcher(line);
            if (m.matches()) out.add(new Written(FlywayConfig.normalize(m.group(1)), m.group(2), null));
        }
        return out;
    }

    /** The {@code [flyway]} table and its {@code [flyway.placeholders]}; environments are left to the database. */
    private static List<Written> toml(String text) {
        List<Written> out = new ArrayList<>();
        String table = "";
        String[] lines = Text.lines(text);
        for (int i = 0; i < lines.length; i++) {
            Matcher t = TOML_TABLE.matcher(lines[i]);
            if (t.matches()) {
                table = t.group(1).replace("\"", "");
                continue;
            }
            Matcher kv = TOML_LINE.matcher(lines[i]);
            if (!kv.matches()) continue;
            StringBuilder value = new StringBuilder(kv.group(2));
            if (value.toString().startsWith("[")) {
                while (value.indexOf("]") < 0 && i + 1 < lines.length) value.append(lines[++i].strip());
            }
            String key = (table + "." + kv.group(1).replace("\"", ""));
            if (!key.startsWith("flyway.")) continue;
            out.add(new Written(FlywayConfig.normalize(key.substring("flyway.".length())), unquote(value.toString()),
                    null));
        }
        return out;
    }

    private static String unquote(String value) {
        String v = value.strip();
        int hash = v.startsWith("\"") || v.startsWith("'") || v.startsWith("[") ? -1 : v.indexOf(" #");
        if (hash >= 0) v = v.substring(0, hash).strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static List<Written> pom(String text) {
        List<Written> out = new ArrayList<>();
        Matcher plugin = POM_PLUGIN.matcher(text);
        while (plugin.find()) {
            String body = plugin.group(1).replaceAll("(?s)<!--.*?-->", "");
            Matcher group = POM_GROUP.matcher(body);
            StringBuilder flat = new StringBuilder(body);
            while (group.find()) {
                Matcher element = XML_ELEMENT.matcher(group.group(2));
                List<String> values = new ArrayList<>();
                while (element.find()) {
                    if (group.group(1).equals("placeholders")) {
                        out.add(new Written("placeholders." + element.group(1), element.group(2).strip(), null));
                    } else {
                        values.add(element.group(2).strip());
                    }
                }
                if (values.isEmpty() && !group.group(1).equals("placeholders")) values.add(group.group(2).strip());
                if (!group.group(1).equals("placeholders")) {
                    out.add(new Written(FlywayConfig.normalize(group.group(1)), String.join(",", values), null));
                }
                int at = flat.indexOf(group.group());
                if (at >= 0) flat.replace(at, at + group.group().length(), "");
            }
            Matcher element = XML_ELEMENT.matcher(flat);
            while (element.find()) {
                String key = FlywayConfig.normalize(element.group(1));
                if (key.startsWith("sqlmigration") || key.endsWith("sqlmigrationprefix")
                        || key.startsWith("placeholder")) {
                    out.add(new Written(key, element.group(2).strip(), null));
                }
            }
        }
        return out;
    }

    /** {@code key = value} lines directly inside a {@code flyway { }} block. */
    private static List<Written> gradle(String text) {
        List<Written> out = new ArrayList<>();
        Matcher block = GRADLE_BLOCK.matcher(text);
        while (block.find()) {
            int depth = 1;
            int i = block.end();
            while (i < text.length() && depth > 0) {
                char c = text.charAt(i++);
                if (c == '{') depth++;
                else if (c == '}') depth--;
            }
            Matcher kv = GRADLE_SETTING.matcher(text.substring(block.end(), Math.max(block.end(), i - 1)));
            while (kv.find()) {
                String key = FlywayConfig.normalize(kv.group(1));
                String value = kv.group(2).replaceAll("^(?:arrayOf|listOf)\\(", "[").replaceAll("\\)$", "]");
                out.add(new Written(key, unquote(value), null));
            }
        }
        return out;
    }
}
