package dev.migrationguard.liquibase;

import dev.migrationguard.liquibase.Changelog.Include;
import dev.migrationguard.liquibase.Changelog.ParsedChangeSet;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.ParseProblem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns the {@code databaseChangeLog} element of an XML, YAML or JSON changelog into a {@link Changelog}. */
final class StructuredChangelogs {
    /** Children of a changeSet that are not changes. */
    private static final Set<String> NOT_CHANGES = Set.of("rollback", "comment", "preConditions", "precondition",
            "validCheckSum", "modifySql", "changes", "validCheckSums");

    private StructuredChangelogs() {
    }

    static Changelog from(String path, ChangeNode root) {
        List<ParsedChangeSet> changeSets = new ArrayList<>();
        List<Include> includes = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        for (ChangeNode child : root.children()) {
            Location at = Location.at(path, child.line(), child.column());
            switch (child.name()) {
                case "changeSet" -> {
                    String id = child.attribute("id");
                    if (id == null || id.isBlank()) {
                        problems.add(new ParseProblem(at, "changeSet without an id: Liquibase refuses this changelog"));
                        continue;
                    }
                    changeSets.add(changeSet(child, id, at));
                }
                case "include" -> {
                    String file = child.attribute("file");
                    if (file == null) {
                        problems.add(new ParseProblem(at, "include without a file"));
                    } else {
                        includes.add(new Include(file, false, relative(child), at));
                    }
                }
                case "includeAll" -> {
                    String folder = child.attribute("path");
                    if (folder == null) {
                        problems.add(new ParseProblem(at, "includeAll without a path"));
                    } else {
                        includes.add(new Include(folder, true, relative(child), at));
                    }
                }
                default -> {
                }
            }
        }
        return new Changelog(root.attribute("logicalFilePath"), changeSets, includes, problems);
    }

    private static boolean relative(ChangeNode include) {
        return Boolean.parseBoolean(include.attributes().getOrDefault("relativeToChangelogFile", "false"));
    }

    private static ParsedChangeSet changeSet(ChangeNode cs, String id, Location at) {
        List<ChangeNode> changes = new ArrayList<>();
        List<ChangeNode> visitors = new ArrayList<>();
        Set<String> validCheckSums = new LinkedHashSet<>();
        boolean rollback = cs.attribute("rollback") != null;
        if (cs.attribute("validCheckSum") != null) validCheckSums.add(cs.attribute("validCheckSum"));
        for (ChangeNode c : cs.children()) {
            switch (c.name()) {
                case "changes" -> changes.addAll(c.children());
                case "rollback" -> rollback = true;
                case "modifySql" -> visitors.add(c);
                case "validCheckSum", "validCheckSums" -> {
                    if (!c.text().isEmpty()) validCheckSums.add(c.text());
                    for (ChangeNode v : c.children()) if (!v.text().isEmpty()) validCheckSums.add(v.text());
                }
                default -> {
                    if (!NOT_CHANGES.contains(c.name())) changes.add(c);
                }
            }
        }
        return new ParsedChangeSet(id, cs.attributes().getOrDefault("author", ""), cs.attribute("logicalFilePath"),
                Boolean.parseBoolean(cs.attributes().getOrDefault("runOnChange", "false")), validCheckSums, at,
                changes, visitors, rollback, false);
    }
}
