package dev.migrationguard.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Derives a descriptive migration name from a schema change (a {@code divisions} column added to Contest gives
 * {@code AddContestDivisions}) and the words that say what a migration must do, for every stack's advice alike.
 */
public final class MigrationNames {
    private static final Pattern PASCAL_WORDS = Pattern.compile(
            "(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[\\s_\\-]+");

    private MigrationNames() {
    }

    public static String suggest(SchemaChange change) {
        var fact = change.fact();
        String verb = switch (change.kind()) {
            case ADDED -> fact.isTable() ? "Create" : "Add";
            case REMOVED -> "Drop";
            case CHANGED -> "Alter";
        };
        String subject = fact.member() == null ? fact.entity() : fact.entity() + capitalize(fact.member());
        if (!fact.isTable() && fact.member() == null) subject = fact.entity() + pascal(fact.kind());
        return verb + pascal(subject);
    }

    /** What the migration must do to the change's table: {@code creates}, {@code drops} or {@code alters}. */
    public static String verbFor(SchemaChange change) {
        if (!change.fact().isTable()) return "alters";
        return switch (change.kind()) {
            case ADDED -> "creates";
            case REMOVED -> "drops";
            case CHANGED -> "alters";
        };
    }

    /**
     * The words of a PascalCase name as written, for a stack to spell it its own way ({@code AddContestDivisions}:
     * Add, Contest, Divisions); underscores, dashes and blanks separate words too, and a leading one gives an empty
     * first word.
     */
    public static String[] words(String pascal) {
        return PASCAL_WORDS.split(pascal.strip());
    }

    /** {@code contest_divisions} and {@code contest-divisions} become {@code ContestDivisions}. */
    static String pascal(String text) {
        StringBuilder b = new StringBuilder();
        boolean upper = true;
        for (char c : text.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                upper = true;
                continue;
            }
            b.append(upper ? Character.toUpperCase(c) : c);
            upper = false;
        }
        return b.toString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
