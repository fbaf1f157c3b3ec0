package dev.migrationguard.liquibase;

import dev.migrationguard.liquibase.Changelog.ParsedChangeSet;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.Text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a formatted SQL changelog: {@code --liquibase formatted sql} first, then {@code --changeset author:id
 * [key:value ...]} blocks whose SQL body is the change and whose {@code --rollback} lines (or a
 * {@code /* liquibase rollback ... *\/} block) are the way back, as Liquibase's own parser reads them.
 */
final class FormattedSqlParser {
    static final Pattern HEADER = Pattern.compile("^\\s*--\\s*liquibase\\s+formatted\\s+sql\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGESET = Pattern.compile("^\\s*--\\s*changeset\\s+(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTHOR_ID = Pattern.compile("^(\"[^\"]+\"|\\S+?)(?<!\\\\):(\"[^\"]+\"|\\S+)(.*)$");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+):(\"[^\"]*\"|\\S+)");
    private static final Pattern ROLLBACK = Pattern.compile("^\\s*--\\s*rollback\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROLLBACK_BLOCK = Pattern.compile("^\\s*/\\*\\s*liquibase\\s+rollback\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VALID_CHECKSUM = Pattern.compile("^\\s*--\\s*validCheckSum\\s*:?\\s*(\\S+).*",
            Pattern.CASE_INSENSITIVE);
    /** Directive lines that configure the changeSet and are no part of its SQL. */
    private static final Pattern PROPERTY = Pattern.compile("^\\s*--\\s*property\\s+(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DIRECTIVE = Pattern.compile(
            "^\\s*--\\s*(comment|preconditions?|precondition-[\\w-]+|ignoreLines|property)\\b.*",
            Pattern.CASE_INSENSITIVE);

    private FormattedSqlParser() {
    }

    static boolean isFormattedSql(String content) {
        for (String line : content.split("\r\n|\r|\n", 20)) {
            if (line.isBlank()) continue;
            return HEADER.matcher(line).matches();
        }
        return false;
    }

    static Changelog parse(String path, String content) {
        String[] lines = Text.lines(content);
        List<ParsedChangeSet> changeSets = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        List<Changelog.Property> properties = new ArrayList<>();
        Builder current = null;
        boolean inRollbackBlock = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (inRollbackBlock) {
                int close = line.indexOf("*/");
                if (close >= 0) inRollbackBlock = false;
                if (current != null) {
                    current.rollbackLine(i + 1, close >= 0 ? line.substring(0, close) : line);
                    current.sql.append('\n');
                }
                continue;
            }
            Matcher cs = CHANGESET.matcher(line);
            if (cs.matches()) {
                if (current != null) changeSets.add(current.build());
                Matcher ai = AUTHOR_ID.matcher(cs.group(1).strip());
                if (!ai.matches()) {
                    problems.add(new ParseProblem(Location.at(path, i + 1, 1),
                            "--changeset needs author:id, as in --changeset alice:add-contest-title"));
                    current = null;
                    continue;
                }
                current = new Builder(unquote(ai.group(2)), unquote(ai.group(1)), Location.at(path, i + 1, 1));
                Matcher attr = ATTRIBUTE.matcher(ai.group(3));
                while (attr.find()) current.attributes.put(attr.group(1), unquote(attr.group(2)));
                continue;
            }
            if (current == null) {
                Matcher property = PROPERTY.matcher(line);
                if (property.matches()) property(property.group(1), properties);
                continue;
            }
            if (ROLLBACK.matcher(line).matches()) {
                current.rollback = true;
                String sql = line.substring(line.toLowerCase(java.util.Locale.ROOT).indexOf("rollback") + 8);
                current.rollbackLine(i + 1, " ".repeat(line.length() - sql.length()) + sql);
                current.sql.append('\n');
            } else if (ROLLBACK_BLOCK.matcher(line).matches()) {
                current.rollback = true;
                String after = line.substring(line.toLowerCase(java.util.Locale.ROOT).indexOf("rollback") + 8);
                int close = after.indexOf("*/");
                inRollbackBlock = close < 0;
                String sql = close < 0 ? after : after.substring(0, close);
                current.rollbackLine(i + 1, " ".repeat(line.length() - after.length()) + sql);
                current.sql.append('\n');
            } else if (VALID_CHECKSUM.matcher(line).matches()) {
                Matcher v = VALID_CHECKSUM.matcher(line);
                if (v.matches()) current.validCheckSums.add(v.group(1));
                current.sql.append('\n');
            } else if (DIRECTIVE.matcher(line).matches()) {
                Matcher property = PROPERTY.matcher(line);
                if (property.matches()) property(property.group(1), properties);
                current.sql.append('\n');
            } else {
                current.sql.append(line).append('\n');
            }
        }
        if (current != null) changeSets.add(current.build());
        return new Changelog(null, changeSets, List.of(), problems, properties);
    }

    /** {@code --property name:uuid_type value:uuid dbms:postgresql}. */
    private static void property(String written, List<Changelog.Property> out) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attr = ATTRIBUTE.matcher(written);
        while (attr.find()) attributes.put(attr.group(1), unquote(attr.group(2)));
        if (attributes.containsKey("name") && attributes.containsKey("value")) {
            out.add(new Changelog.Property(attributes.get("name"), attributes.get("value"), attributes.get("dbms")));
        }
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static final class Builder {
        final String id;
        final String author;
        final Location location;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final Set<String> validCheckSums = new LinkedHashSet<>();
        final StringBuilder sql = new StringBuilder();
        /** The rollback SQL with its directive words blanked out and other lines empty, so positions hold. */
        final StringBuilder rollbackSql = new StringBuilder();
        int rollbackFirstLine;
        int rollbackLastLine;
        boolean rollback;

        void rollbackLine(int lineNumber, String text) {
            if (rollbackFirstLine == 0) {
                rollbackFirstLine = lineNumber;
            } else {
                rollbackSql.append("\n".repeat(lineNumber - rollbackLastLine));
            }
            rollbackLastLine = lineNumber;
            rollbackSql.append(text);
        }

        Builder(String id, String author, Location location) {
            this.id = id;
            this.author = author;
            this.location = location;
        }

        ParsedChangeSet build() {
            List<ChangeNode> changes = new ArrayList<>();
            String body = sql.toString();
            if (!body.isBlank()) {
                changes.add(new ChangeNode("sql", Map.of(), List.of(), body, location.line() + 1, 1));
            }
            List<ChangeNode> rollbacks = rollbackFirstLine == 0 ? List.of() : List.of(new ChangeNode("rollback",
                    Map.of(), List.of(), rollbackSql.toString(), rollbackFirstLine, 1));
            return new ParsedChangeSet(id, author, attributes.get("logicalFilePath"),
                    Boolean.parseBoolean(attributes.getOrDefault("runOnChange", "false")), validCheckSums, location,
                    changes, List.of(), rollback, true, rollbacks, ChangeSetFacts.of(attributes::get));
        }
    }
}
