package dev.migrationguard.builds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Gradle's settings and build scripts say of the module graph, read as text (Groovy or Kotlin DSL), never run:
 * the projects {@code settings.gradle} includes with their folders, and the projects a build script's main code
 * depends on ({@code implementation project(':x')}, {@code api(project(path: ":x"))}, {@code projects.x}).
 */
final class GradleBuild {
    /** The configurations whose dependencies the main code, and so the application, gets. */
    private static final Set<String> MAIN_CONFIGURATIONS = Set.of("api", "implementation", "compile", "runtime",
            "runtimeOnly", "compileOnly", "compileOnlyApi");
    private static final Pattern PROJECT_DEPENDENCY = Pattern.compile(
            "\\b([A-Za-z_][A-Za-z0-9_]*)\\s*\\(?\\s*project\\s*\\(\\s*(?:path\\s*[:=]\\s*)?[\"']([^\"']+)[\"']");
    private static final Pattern ACCESSOR_DEPENDENCY = Pattern.compile(
            "\\b([A-Za-z_][A-Za-z0-9_]*)\\s*\\(?\\s*projects\\.([A-Za-z0-9_.]+)");
    private static final Pattern INCLUDE = Pattern.compile("\\binclude\\b\\s*\\(?");
    private static final Pattern STRING = Pattern.compile("\\s*[\"']([^\"'\\n]*)[\"']\\s*");
    private static final Pattern PROJECT_DIR = Pattern.compile(
            "project\\s*\\(\\s*[\"']([^\"']+)[\"']\\s*\\)\\s*\\.projectDir\\s*=\\s*(?:file\\s*\\(|new\\s+File\\s*\\(\\s*"
                    + "(?:rootDir|settingsDir|rootProject\\.projectDir)\\s*,|File\\s*\\(\\s*(?:rootDir|settingsDir)\\s*,)"
                    + "\\s*[\"']([^\"']+)[\"']");
    /** Blocks whose dependencies are not the enclosing project's own: they configure others, or the build itself. */
    private static final Pattern FOREIGN_BLOCK = Pattern.compile(
            "\\b(subprojects|allprojects|buildscript|configure\\s*\\([^){]*\\))\\s*\\{");

    private GradleBuild() {
    }

    /** The folder of each project path the settings include ({@code :a:b} in {@code a/b} unless moved). */
    static Map<String, String> includes(String settings) {
        String text = withoutComments(settings);
        Map<String, String> folders = new LinkedHashMap<>();
        Matcher m = INCLUDE.matcher(text);
        while (m.find()) {
            int at = m.end();
            while (true) {
                Matcher s = STRING.matcher(text).region(at, text.length());
                if (!s.lookingAt()) break;
                String path = projectPath(s.group(1));
                if (!path.equals(":")) folders.put(path, defaultFolder(path));
                at = s.end();
                if (at < text.length() && text.charAt(at) == ',') at++;
                else break;
            }
        }
        Matcher d = PROJECT_DIR.matcher(text);
        while (d.find()) {
            String folder = d.group(2).replace('\\', '/').replaceAll("^(\\./)+", "").replaceAll("/+$", "");
            if (!folder.startsWith("/") && !folder.contains("..") && !folder.contains("$")) {
                folders.put(projectPath(d.group(1)), folder);
            }
        }
        return folders;
    }

    /** The project paths (or {@code projects.} accessors, prefixed with {@code projects.}) the main code depends on. */
    static List<String> dependencies(String build) {
        String text = withoutForeignBlocks(withoutComments(build));
        List<String> out = new ArrayList<>();
        Matcher m = PROJECT_DEPENDENCY.matcher(text);
        while (m.find()) {
            if (MAIN_CONFIGURATIONS.contains(m.group(1))) out.add(projectPath(m.group(2)));
        }
        Matcher a = ACCESSOR_DEPENDENCY.matcher(text);
        while (a.find()) {
            if (MAIN_CONFIGURATIONS.contains(a.group(1))) out.add("projects." + a.group(2));
        }
        return out;
    }

    /** {@code :a:b} for {@code a:b} or {@code :a:b}. */
    static String projectPath(String written) {
        String p = written.trim();
        return p.startsWith(":") ? p : ":" + p;
    }

    static String defaultFolder(String projectPath) {
        return projectPath.substring(1).replace(':', '/');
    }

    /** The type-safe accessor Gradle generates for a project path: {@code :genie-web} is {@code genieWeb}. */
    static String accessor(String projectPath) {
        StringBuilder b = new StringBuilder();
        for (String segment : projectPath.substring(1).split(":")) {
            if (!b.isEmpty()) b.append('.');
            boolean upper = false;
            boolean first = true;
            for (char c : segment.toCharArray()) {
                if (c == '-' || c == '_' || c == '.') {
                    upper = !first;
                    continue;
                }
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
                first = false;
            }
        }
        return b.toString();
    }

    /** The text with comments blanked out, strings kept whole (a URL's {@code //} is no comment). */
    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != c && text.charAt(end) != '\n') {
                    if (text.charAt(end) == '\\') end++;
                    end++;
                }
                end = Math.min(end + 1, text.length());
                out.append(text, i, end);
                i = end;
            } else if (text.startsWith("//", i)) {
                while (i < text.length() && text.charAt(i) != '\n') i++;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String withoutForeignBlocks(String text) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        Matcher m = FOREIGN_BLOCK.matcher(text);
        while (from < text.length() && m.find(from)) {
            out.append(text, from, m.start());
            int depth = 1;
            int i = m.end();
            while (i < text.length() && depth > 0) {
                char c = text.charAt(i++);
                if (c == '{') depth++;
                else if (c == '}') depth--;
            }
            from = i;
        }
        if (from < text.length()) out.append(text, from, text.length());
        return out.toString();
    }
}
