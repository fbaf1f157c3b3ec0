package dev.migrationguard.liquibase;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.ParseProblem;

import java.util.List;
import java.util.Set;

/**
 * A changelog file as parsed, before it becomes migrations.
 *
 * @param logicalFilePath the changelog-wide {@code logicalFilePath}, or null
 */
record Changelog(String logicalFilePath, List<ParsedChangeSet> changeSets, List<Include> includes,
                 List<ParseProblem> problems) {

    Changelog {
        changeSets = List.copyOf(changeSets);
        includes = List.copyOf(includes);
        problems = List.copyOf(problems);
    }

    /**
     * One changeSet.
     *
     * @param changes     the change elements, in order ({@code sql} for a formatted SQL body)
     * @param sqlVisitors {@code modifySql} elements: part of the checksum, no part of the schema change
     * @param rollback    whether a rollback is written (an empty one, or {@code --rollback not required}, counts)
     * @param formattedSql true for a changeSet of a formatted SQL changelog
     */
    record ParsedChangeSet(String id, String author, String logicalFilePath, boolean runOnChange,
                           Set<String> validCheckSums, Location location, List<ChangeNode> changes,
                           List<ChangeNode> sqlVisitors, boolean rollback, boolean formattedSql) {
    }

    /**
     * An {@code include} (a file) or an {@code includeAll} (a folder).
     *
     * @param relative {@code relativeToChangelogFile}
     */
    record Include(String target, boolean folder, boolean relative, Location location) {
    }
}
