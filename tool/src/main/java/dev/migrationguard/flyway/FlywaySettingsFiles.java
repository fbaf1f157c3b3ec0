package dev.migrationguard.flyway;

import dev.migrationguard.model.Text;
import dev.migrationguard.springboot.BootDocument;
import dev.migrationguard.springboot.BootFile;
import dev.migrationguard.springboot.BootSetting;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Flyway settings one file writes, whatever its kind: Spring Boot's {@code application[-profile].properties|yml}
 * ({@code spring.flyway.*}, relaxed binding, one profile per file or YAML document), {@code flyway.conf}
 * ({@code flyway.*}), {@code flyway.toml} ({@code [flyway]}), a {@code pom.xml}'s {@code flyway-maven-plugin}
 * configuration and a Gradle build's {@code flyway { }} block. Never throws: what cannot be read is left out.
 */
final class FlywaySettingsFiles {
    private static final String SPRING_FLYWAY = "spring.flyway.";
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
        return BootFile.isSettingsFile(path) || name.equals("flyway.conf") || name.equals("flyway.toml")
                || name.equals("pom.xml") || name.equals("build.gradle") || name.equals("build.gradle.kts");
    }

    /** Whether {@code path} is one of Spring Boot's configuration files. */
    static boolean isSpring(String path) {
        return BootFile.isSettingsFile(path);
    }

    static List<Written> read(String path, String content) {
        try {
            if (BootFile.isSettingsFile(path)) return spring(BootFile.parse(path, content));
            String name = Text.fileName(path);
            String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
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

    /** Every {@code spring.flyway.*} key of every document, with the document's profile. */
    private static List<Written> spring(BootFile file) {
        List<Written> out = new ArrayList<>();
        for (BootDocument doc : file.documents()) {
            for (BootSetting s : doc.settings()) {
                if (!s.relaxed().startsWith(SPRING_FLYWAY)) continue;
                String rest = s.key().substring(s.key().indexOf('.', s.key().indexOf('.') + 1) + 1);
                out.add(new Written(FlywayConfig.normalize(rest), s.value(), doc.profile()));
            }
        }
        return out;
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
