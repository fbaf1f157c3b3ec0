package dev.migrationguard.liquibase;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.ParseProblem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A changelog file as parsed, before it becomes migrations.
 *
 * @param logicalFilePath the changelog-wide {@code logicalFilePath}, or null
 * @param properties      its {@code property} elements, in document order
 */
record Changelog(String logicalFilePath, List<ParsedChangeSet> changeSets, List<Include> includes,
                 List<ParseProblem> problems, List<Property> properties) {

    Changelog {
        changeSets = List.copyOf(changeSets);
        includes = List.copyOf(includes);
        problems = List.copyOf(problems);
        properties = List.copyOf(properties);
    }

    Changelog(String logicalFilePath, List<ParsedChangeSet> changeSets, List<Include> includes,
              List<ParseProblem> problems) {
        this(logicalFilePath, changeSets, includes, problems, List.of());
    }

    /**
     * Its changeSets and includes in document order, as Liquibase runs them: a changeSet written before an include runs
     * before the included file's changeSets. Each entry is a {@link ParsedChangeSet} or an {@link Include}.
     */
    List<Object> inOrder() {
        List<Object> all = new ArrayList<>(changeSets);
        all.addAll(includes);
        Comparator<Object> byPlace = Comparator.comparingInt(o -> place(o).line());
        all.sort(byPlace.thenComparingInt(o -> place(o).column()));
        return all;
    }

    private static Location place(Object entry) {
        return entry instanceof ParsedChangeSet cs ? cs.location() : ((Include) entry).location();
    }

    /**
     * One changeSet.
     *
     * @param changes     the change elements, in order ({@code sql} for a formatted SQL body)
     * @param sqlVisitors {@code modifySql} elements: part of the checksum, no part of the schema change
     * @param rollback    whether a rollback is written (an empty one, or {@code --rollback not required}, counts)
     * @param formattedSql true for a changeSet of a formatted SQL changelog
     * @param rollbacks   the written {@code rollback} elements (formatted SQL: one {@code rollback} node whose text is
     *                    the rollback SQL, placed where it is written)
     * @param facts       what decides when Liquibase runs it
     */
    record ParsedChangeSet(String id, String author, String logicalFilePath, boolean runOnChange,
                           Set<String> validCheckSums, Location location, List<ChangeNode> changes,
                           List<ChangeNode> sqlVisitors, boolean rollback, boolean formattedSql,
                           List<ChangeNode> rollbacks, ChangeSetFacts facts) {
        ParsedChangeSet {
            rollbacks = List.copyOf(rollbacks);
        }
    }

    /**
     * An {@code include} (a file) or an {@code includeAll} (a folder).
     *
     * @param relative       {@code relativeToChangelogFile}
     * @param endsWithFilter includeAll's {@code endsWithFilter}, or null
     * @param maxDepth       includeAll's {@code maxDepth} (folders below the named one), Integer.MAX_VALUE when unsaid
     * @param contexts       its context expression ({@code contextFilter}, or the older {@code context}), or null;
     *                       Liquibase runs a changeSet it reaches only where this and the changeSet's own both hold
     * @param labels         its {@code labels}, or null; Liquibase runs a changeSet it reaches only when the run's
     *                       label filter lets these labels through, as well as the changeSet's own
     */
    record Include(String target, boolean folder, boolean relative, Location location, String endsWithFilter,
                   int minDepth, int maxDepth, String contexts, String labels) {
        Include(String target, boolean folder, boolean relative, Location location) {
            this(target, folder, relative, location, null, 1, Integer.MAX_VALUE, null, null);
        }
    }

    /**
     * A {@code property} element: {@code ${name}} in later changes stands for {@code value}, for the databases
     * {@code dbms} names (all when null).
     */
    record Property(String name, String value, String dbms) {
    }
}
