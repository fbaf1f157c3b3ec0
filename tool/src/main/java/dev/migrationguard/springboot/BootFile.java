package dev.migrationguard.springboot;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of Spring Boot's settings files ({@code application[-profile].properties|yml|yaml}) parsed: its documents, each
 * with the profile it applies to and its keys flattened, and what could not be read.
 */
public record BootFile(String path, List<BootDocument> documents, List<ParseProblem> problems) {
    private static final Pattern NAME = Pattern.compile("application(?:-(.+?))?\\.(properties|ya?ml)",
            Pattern.CASE_INSENSITIVE);

    public BootFile {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
    }

    /** Whether the path names one of Spring Boot's settings files, wherever it lies. */
    public static boolean isSettingsFile(String path) {
        if (path == null) return false;
        // Asked of every path of a snapshot: the prefix spares thousands of matchers a commit.
        String name = Text.fileName(path);
        return name.regionMatches(true, 0, "application", 0, "application".length()) && NAME.matcher(name).matches();
    }

    /** The profile a settings file's name gives its documents ({@code dev} for {@code application-dev.yml}), or null. */
    public static String fileProfile(String path) {
        Matcher m = NAME.matcher(Text.fileName(path));
        return m.matches() ? m.group(1) : null;
    }

    /** The file read; never throws: what cannot be read is a problem, and what was read before it stands. */
    public static BootFile parse(String path, String content) {
        List<BootDocument> documents = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        try {
            String text = content == null ? "" : content.startsWith("\uFEFF") ? content.substring(1) : content;
            String profile = fileProfile(path);
            if (Text.fileName(path).toLowerCase(Locale.ROOT).endsWith(".properties")) {
                PropertiesDocuments.read(path, text, profile, documents);
            } else {
                YamlDocuments.read(path, text, profile, documents, problems);
            }
        } catch (RuntimeException | StackOverflowError e) {
            return new BootFile(path, List.of(), List.of(new ParseProblem(Location.file(path),
                    "Could not read this file: " + e)));
        }
        return new BootFile(path, documents, problems);
    }
}
