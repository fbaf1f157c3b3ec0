package dev.migrationguard.flyway;

import dev.migrationguard.model.Migration;
import dev.migrationguard.model.Text;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file name read by Flyway's default naming convention: prefix {@code V} (versioned), {@code U} (undo), {@code B}
 * (baseline) or {@code R} (repeatable, no version), then the version, the separator {@code __}, the description and
 * {@code .sql} (any case) or {@code .java} for Java migrations. Other names are not migrations.
 *
 * @param version     null for a repeatable migration
 * @param description as written, underscores kept ({@code Add_contest_divisions})
 * @param java        true for a Java migration ({@code V3__Backfill_titles.java})
 */
public record FlywayName(Migration.Kind kind, FlywayVersion version, String description, boolean java) {
    private static final Pattern NAME = Pattern.compile("([VUBR])(.*?)__(.*)\\.(sql|java)", Pattern.CASE_INSENSITIVE);

    /** Reads the file name part of {@code path}; empty when it is not a Flyway migration name. */
    public static Optional<FlywayName> parse(String path) {
        if (path == null) return Optional.empty();
        String name = Text.fileName(path);
        Matcher m = NAME.matcher(name);
        if (!m.matches()) return Optional.empty();
        String prefix = m.group(1);
        String suffix = m.group(4);
        boolean java = suffix.equals("java");
        if (!java && !suffix.equalsIgnoreCase("sql")) return Optional.empty();
        if (!Character.isUpperCase(prefix.charAt(0))) return Optional.empty(); // Flyway's prefixes are case-sensitive
        String description = m.group(3);
        if (java && !isJavaIdentifier(name.substring(0, name.length() - 5))) return Optional.empty();
        if (prefix.equals("R")) {
            if (!m.group(2).isEmpty()) return Optional.empty();
            return Optional.of(new FlywayName(Migration.Kind.REPEATABLE, null, description, java));
        }
        FlywayVersion version = FlywayVersion.parse(m.group(2));
        if (version == null) return Optional.empty();
        Migration.Kind kind = switch (prefix) {
            case "V" -> Migration.Kind.VERSIONED;
            case "U" -> Migration.Kind.UNDO;
            default -> Migration.Kind.BASELINE;
        };
        return Optional.of(new FlywayName(kind, version, description, java));
    }

    /**
     * Whether a file name may be read by {@link #parse}, judged by its first letter, separator and suffix alone: a
     * name that fails this never parses, so a caller can skip the full reading of most files of a repository.
     */
    static boolean mayBe(String fileName) {
        if (fileName.isEmpty() || "VUBR".indexOf(fileName.charAt(0)) < 0 || !fileName.contains("__")) return false;
        return fileName.endsWith(".java") || fileName.regionMatches(true, fileName.length() - 4, ".sql", 0, 4);
    }

    /** The description as Flyway shows it: underscores become spaces ({@code Add contest divisions}). */
    public String humanDescription() {
        return description.replace('_', ' ');
    }

    /** The normalised version ({@code 1.2}), or null for a repeatable migration. */
    public String normalizedVersion() {
        return version == null ? null : version.normalized();
    }

    private static boolean isJavaIdentifier(String s) {
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) return false;
        for (int i = 1; i < s.length(); i++) {
            if (!Character.isJavaIdentifierPart(s.charAt(i))) return false;
        }
        return true;
    }
}
