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
        List<Changelog.Property> properties = new ArrayList<>();
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
                        includes.add(new Include(file, false, relative(child), at, null, 1, Integer.MAX_VALUE,
                                contexts(child), labels(child)));
                    }
                }
                case "includeAll" -> {
                    String folder = child.attribute("path");
                    if (folder == null) {
                        problems.add(new ParseProblem(at, "includeAll without a path"));
                    } else {
                        includes.add(new Include(folder, true, relative(child), at, child.attribute("endsWithFilter"),
                                depth(child.attribute("minDepth"), 1), depth(child.attribute("maxDepth"),
                                Integer.MAX_VALUE), contexts(child), labels(child)));
                    }
                }
                case "property" -> {
                    String name = child.attribute("name");
                    String value = child.attribute("value");
                    if (name != null && value != null) {
                        properties.add(new Changelog.Property(name, value, child.attribute("dbms")));
                    }
                }
                default -> {
                }
            }
        }
        return new Changelog(root.attribute("logicalFilePath"), changeSets, includes, problems, properties);
    }

    /** An include's context expression: {@code contextFilter} since Liquibase 4.16, {@code context} before. */
    private static String contexts(ChangeNode include) {
        String written = include.attribute("contextFilter");
        if (written == null) written = include.attribute("context");
        return written == null || written.isBlank() ? null : written.strip();
    }

    /** An include's labels, as written: a list of names the run's label filter is tested against. */
    private static String labels(ChangeNode include) {
        String written = include.attribute("labels");
        return written == null || written.isBlank() ? null : written.strip();
    }

    private static int depth(String written, int unsaid) {
        if (written == null) return unsaid;
        try {
            return Integer.parseInt(written.strip());
        } catch (NumberFormatException e) {
            return unsaid;
        }
    }

    private static boolean relative(ChangeNode include) {
        return Boolean.parseBoolean(include.attributes().getOrDefault("relativeToChangelogFile", "false"));
    }

    private static ParsedChangeSet changeSet(ChangeNode cs, String id, Location at) {
        List<ChangeNode> changes = new ArrayList<>();
        List<ChangeNode> visitors = new ArrayList<>();
        List<ChangeNode> rollbacks = new ArrayList<>();
        Set<String> validCheckSums = new LinkedHashSet<>();
        boolean rollback = cs.attribute("rollback") != null;
        if (rollback) {
            // YAML and JSON write a rollback of plain SQL as a scalar
            rollbacks.add(new ChangeNode("rollback", java.util.Map.of(), List.of(), cs.attribute("rollback"),
                    cs.line(), cs.column()));
        }
        if (cs.attribute("validCheckSum") != null) validCheckSums.add(cs.attribute("validCheckSum"));
        for (ChangeNode c : cs.children()) {
            switch (c.name()) {
                case "changes" -> changes.addAll(c.children());
                case "rollback" -> {
                    rollback = true;
                    rollbacks.add(c);
                }
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
                changes, visitors, rollback, false, rollbacks, ChangeSetFacts.of(cs::attribute));
    }
}
