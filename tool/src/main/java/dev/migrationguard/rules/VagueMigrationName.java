package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.Severity;
import dev.migrationguard.settings.OptionValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** A migration's name is the history a team reads later: it must say what the migration does. */
@RuleMeta(id = "vague-migration-name", severity = Severity.ERROR,
        summary = "A migration description that says nothing about the change",
        options = {"generic-words", "extra-generic-words"})
public final class VagueMigrationName implements Rule {

    /** Words that say nothing about what a migration does. */
    public static final Set<String> DEFAULT_GENERIC_WORDS = Set.of(
            "update", "updates", "updated", "fix", "fixes", "fixed", "change", "changes", "changed", "schema",
            "migration", "migrations", "migrate", "db", "database", "misc", "temp", "tmp", "test", "tests", "wip",
            "new", "stuff", "patch", "tweak", "tweaks", "edit", "edits", "modify", "modified", "sync", "auto",
            "generated", "init", "initial", "initialize", "various", "minor", "cleanup", "refactor", "version",
            "release", "hotfix", "todo", "draft", "some", "more", "another", "final", "v", "ver", "data", "model",
            "models", "entity", "entities", "table", "tables", "structure", "script", "sql", "ddl", "step",
            "part", "again", "adjust", "adjustments", "improve", "improvements", "work", "commit", "latest",
            "changelog", "changelogs", "changeset", "changesets", "master", "main", "liquibase", "flyway");

    /** Words that carry no meaning of their own and are skipped when judging a name. */
    private static final Set<String> FILLER = Set.of("a", "an", "the", "to", "for", "of", "and", "in", "on", "with",
            "by", "from", "at", "is", "it", "my", "our");

    private static final Pattern NUMBER = Pattern.compile("v?\\d+");

    private static final Set<String> START_WORDS = Set.of("init", "initial", "initialize", "initialise",
            "initialization", "baseline", "setup", "bootstrap", "first");
    private static final Set<String> START_COMPANIONS = Set.of("schema", "db", "database", "tables", "structure",
            "migration", "create", "setup");

    /** @param genericWords the vocabulary that makes a name vague when it holds nothing else */
    public record Options(Set<String> genericWords) {
        public static Options from(OptionValues values) {
            Set<String> words = new TreeSet<>(values.strings("generic-words").orElse(List.copyOf(DEFAULT_GENERIC_WORDS)));
            values.strings("extra-generic-words").ifPresent(words::addAll);
            Set<String> lower = new TreeSet<>();
            for (String w : words) lower.add(w.toLowerCase(Locale.ROOT));
            return new Options(lower);
        }
    }

    private final Options options;

    public VagueMigrationName(Options options) {
        this.options = options;
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (Migration m : analysis.checkedMigrations()) {
            if (m.kind() == Migration.Kind.UNDO || m.kind() == Migration.Kind.BASELINE) continue;
            String description = m.description() == null ? "" : m.description();
            if (!isVague(description)) continue;
            if (namesAStart(description) && (analysis.firstOfItsStack().test(m) || firstOfItsSet(analysis, m))) continue;
            String said = (m.kind() == Migration.Kind.CHANGESET ? "ChangeSet \"" : "Migration name \"") + description
                    + "\" says nothing about what the migration does";
            String deployed = analysis.deployedIn(m);
            if (deployed != null) {
                // Renaming a deployed migration would make its runner see a new one: the name stays, so it only informs.
                findings.add(Finding.of(id(), Severity.INFO, m.descriptionLocation(), said + "; it is deployed ("
                        + deployed + "), so its name stays as it is.", "Name the next migrations after their change, "
                        + "such as AddContestDivisions or Drop_legacy_user_email."));
                continue;
            }
            findings.add(finding(m.descriptionLocation(), said + ".",
                    "Name it after the change, such as AddContestDivisions or Drop_legacy_user_email."));
        }
        return findings;
    }

    /**
     * Whether the migration is the first its runner applies in one of its sets: a project that keeps one set per
     * database starts each with its own {@code Init}. Asked only for a name that says a start, since it reads every set.
     */
    private static boolean firstOfItsSet(Analysis analysis, Migration m) {
        for (MigrationSet set : analysis.runners().after()) {
            if (set.migrations().isEmpty()) continue;
            Migration first = set.migrations().get(0);
            if (first.id().equals(m.id()) && first.path().equals(m.path())) return true;
        }
        return false;
    }

    /**
     * A name for the start of a project's history ({@code Initial}, {@code InitialSchema}, {@code Init_db},
     * {@code Baseline}): says what it is when the migration is the project's first, and nothing on any later one.
     */
    static boolean namesAStart(String description) {
        boolean start = false;
        for (String w : words(description)) {
            if (NUMBER.matcher(w).matches() || FILLER.contains(w)) continue;
            if (START_WORDS.contains(w)) {
                start = true;
            } else if (!START_COMPANIONS.contains(w)) {
                return false;
            }
        }
        return start;
    }

    /** Vague when empty, a bare number or timestamp, or made only of generic words (numbers and filler skipped). */
    public boolean isVague(String description) {
        List<String> words = words(description);
        if (words.isEmpty()) return true;
        for (String w : words) {
            if (NUMBER.matcher(w).matches() || FILLER.contains(w)) continue;
            if (!options.genericWords().contains(w)) return false;
        }
        return true;
    }

    /** Splits PascalCase, camelCase, snake_case, kebab-case, dots and spaces into lower-case words. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char prev = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(words, current);
            } else {
                boolean boundary = current.length() > 0 && (
                        (Character.isUpperCase(c) && Character.isLowerCase(prev))
                                || (Character.isUpperCase(c) && Character.isUpperCase(prev) && i + 1 < text.length()
                                && Character.isLowerCase(text.charAt(i + 1)))
                                || (Character.isDigit(c) != Character.isDigit(prev) && !(prev == 'v' || prev == 'V')
                                && current.length() > 1)
                                || (Character.isLetter(c) && Character.isDigit(prev)));
                if (boundary) flush(words, current);
                current.append(Character.toLowerCase(c));
            }
            prev = c;
        }
        flush(words, current);
        return words;
    }

    private static void flush(List<String> words, StringBuilder current) {
        if (current.length() > 0) {
            words.add(current.toString());
            current.setLength(0);
        }
    }
}
