package dev.migrationguard.model;

import dev.migrationguard.model.SchemaChange.Target;

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

    /**
     * From the stored names: {@code AddOwnerEmail}, {@code CreateOwner}, {@code RenameOwnerToPerson},
     * {@code AlterOwnerConstraints}.
     */
    public static String suggest(SchemaChange change) {
        String table = pascal(change.table());
        return switch (change.target()) {
            case TABLE, VIEW, SEQUENCE, ENUM_TYPE -> {
                String suffix = change.target() == Target.TABLE ? ""
                        : pascal(change.target().name().toLowerCase(Locale.ROOT));
                yield switch (change.kind()) {
                    case ADDED -> "Create" + table + suffix;
                    case REMOVED -> "Drop" + table + suffix;
                    case CHANGED -> "Alter" + table + suffix;
                    case RENAMED -> "Rename" + pascal(change.previousTable()) + "To" + table + suffix;
                };
            }
            case COLUMN -> {
                String column = change.column() == null ? "Columns" : pascal(change.column());
                yield switch (change.kind()) {
                    case ADDED -> "Add" + table + column;
                    case REMOVED -> "Drop" + table + column;
                    case CHANGED -> "Alter" + table + column;
                    case RENAMED -> "Rename" + table + "ColumnTo" + column;
                };
            }
            case CONSTRAINT -> "Alter" + table + "Constraints";
        };
    }

    /**
     * What the migration must do to the change's object: {@code creates}, {@code drops}, {@code renames} or
     * {@code alters}.
     */
    public static String verbFor(SchemaChange change) {
        if (!change.target().whole()) return "alters";
        return switch (change.kind()) {
            case ADDED -> "creates";
            case REMOVED -> "drops";
            case RENAMED -> "renames";
            case CHANGED -> "alters";
        };
    }

    /**
     * The object the migration must act on, as messages name it: {@code table "contest"}, {@code view "open_orders"},
     * {@code table "audit"."owner"}; a renamed table by its old name, the one the migration finds.
     */
    public static String objectFor(SchemaChange change) {
        String name = change.kind() == SchemaChange.Kind.RENAMED && change.target().whole()
                ? quoted(change.schema(), change.previousTable()) : quoted(change.schema(), change.table());
        return change.target().noun() + " " + name;
    }

    private static String quoted(String schema, String name) {
        return schema == null ? "\"" + name + "\"" : "\"" + schema + "\".\"" + name + "\"";
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
}
