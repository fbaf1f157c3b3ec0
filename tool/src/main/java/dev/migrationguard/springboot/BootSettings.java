package dev.migrationguard.springboot;

import dev.migrationguard.model.ProfileExpression;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a project's Spring Boot settings files tell together: which files configure the running application, the
 * value production gets, and values read as Spring reads them (placeholders, lists).
 */
public final class BootSettings {
    /** {@code ${NAME}} or {@code ${NAME:default}}, innermost first; the default runs to the closing brace. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^${}:]*)(?::([^${}]*))?}");

    private BootSettings() {
    }

    /** Whether a file lies in a Maven or Gradle test source set ({@code src/test}, {@code src/it}, ...). */
    public static boolean isTestSource(String path) {
        return path.startsWith("src/test/") || path.contains("/src/test/") || path.startsWith("src/it/")
                || path.contains("/src/it/") || path.contains("/src/integrationTest/");
    }

    /** Whether the file is a Spring Boot settings file of the application, not of its tests. */
    public static boolean configuresApplication(String path) {
        return BootFile.isSettingsFile(path) && !isTestSource(path);
    }

    /**
     * The value production gets for a relaxed key ({@link BootSetting#relaxed}), or for the first of several keys
     * that a document sets (a key and its older name): the one the documents that hold in a
     * {@code prod} or {@code production} run set, else the one of the default profile's documents, which such a run
     * keeps when nothing overrides it; placeholders replaced by their defaults. Empty when neither sets it, when the
     * files disagree (two values where one is looked for), or when it is left to a variable with no default or to a
     * profile expression that cannot be read. The order of the files does not matter.
     */
    public static Optional<String> forProduction(Collection<BootFile> files, List<String> relaxedKeys) {
        Set<Optional<String>> production = new HashSet<>();
        Set<Optional<String>> byDefault = new HashSet<>();
        for (BootFile file : files) {
            for (BootDocument doc : file.documents()) {
                Optional<BootSetting> setting = Optional.empty();
                for (String key : relaxedKeys) setting = setting.or(() -> doc.get(key));
                if (setting.isEmpty()) continue;
                Optional<String> value = resolved(setting.get().value());
                if (doc.profile() == null) {
                    byDefault.add(value);
                    continue;
                }
                Boolean holds = holdsInProduction(doc.profile());
                if (holds == null) production.add(Optional.empty());
                else if (holds) production.add(value);
            }
        }
        Set<Optional<String>> values = production.isEmpty() ? byDefault : production;
        return values.size() == 1 ? values.iterator().next() : Optional.empty();
    }

    /**
     * A value with Spring's placeholders replaced by their defaults ({@code ${DB_URL:jdbc:h2:mem:app}} is
     * {@code jdbc:h2:mem:app}), stripped; empty when one has no default, whose value only the environment knows.
     */
    public static Optional<String> resolved(String value) {
        String v = value;
        while (v.contains("${")) {
            Matcher m = PLACEHOLDER.matcher(v);
            StringBuilder b = new StringBuilder();
            boolean found = false;
            while (m.find()) {
                if (m.group(2) == null) return Optional.empty();
                m.appendReplacement(b, Matcher.quoteReplacement(m.group(2)));
                found = true;
            }
            if (!found) return Optional.empty();
            m.appendTail(b);
            v = b.toString();
        }
        return Optional.of(v.strip());
    }

    /** A comma-separated value (or a list written as {@code [a, b]}): its trimmed, unquoted, non-empty entries. */
    public static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        String v = value.strip();
        if (v.startsWith("[") && v.endsWith("]")) v = v.substring(1, v.length() - 1);
        for (String part : v.split(",")) {
            String p = part.strip();
            if (p.length() >= 2 && (p.startsWith("\"") && p.endsWith("\"") || p.startsWith("'") && p.endsWith("'"))) {
                p = p.substring(1, p.length() - 1).strip();
            }
            if (!p.isEmpty()) out.add(p);
        }
        return out;
    }

    /**
     * Whether a document of this profile expression holds in production: with {@code prod} and {@code production}
     * active (a project names its production profile one way or the other), alone or beside other profiles the
     * expression needs ({@code prod & cloud}) where it would not hold without them. Null when the expression cannot
     * be read. A list ({@code dev,prod}) holds when one of its expressions does, as Spring's {@code Profiles.of}
     * reads it; names compare ignoring case.
     */
    static Boolean holdsInProduction(String profiles) {
        List<String> tokens = ProfileExpression.tokens(profiles);
        Set<String> others = new HashSet<>();
        for (String t : tokens) {
            if (!ProfileExpression.isOperator(t) && !ProfileExpression.PRODUCTION.contains(t)) others.add(t);
        }
        Boolean alone = ProfileExpression.matches(tokens, ProfileExpression.PRODUCTION);
        if (alone == null || alone) return alone;
        Set<String> beside = new HashSet<>(others);
        beside.addAll(ProfileExpression.PRODUCTION);
        return ProfileExpression.matches(tokens, beside) && !ProfileExpression.matches(tokens, others);
    }
}
