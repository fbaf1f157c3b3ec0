package dev.migrationguard.engine;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.Text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a deployed migration was changed: the first line of it whose content differs from the deployed text, so a
 * report points at the edit rather than at the whole file. Within a Liquibase changeSet the search stays between
 * its first line and the next changeSet's; a change that only another file explains (a {@code sqlFile}) keeps the
 * migration's own place.
 */
final class FirstChange {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private FirstChange() {
    }

    /**
     * @param now      the migration as it is now, and {@code nowAll} every migration of its file now
     * @param deployed the migration as deployed, and {@code deployedAll} every migration of its file as deployed
     * @return the first changed line, or {@code fallback} when the texts show none
     */
    static Location locate(Migration now, List<Migration> nowAll, String nowText, Migration deployed,
                           List<Migration> deployedAll, String deployedText, Location fallback) {
        if (nowText == null || deployedText == null) return fallback;
        String[] current = Text.lines(nowText);
        String[] before = Text.lines(deployedText);
        int from = start(now);
        int until = end(now, nowAll, current.length);
        int deployedFrom = start(deployed);
        int deployedUntil = end(deployed, deployedAll, before.length);
        // First ignoring whitespace (runners that strip it, blank lines Flyway skips), then exactly.
        for (boolean loose : new boolean[]{true, false}) {
            int i = from;
            int j = deployedFrom;
            while (true) {
                if (loose) {
                    while (i < until && current[i].isBlank()) i++;
                    while (j < deployedUntil && before[j].isBlank()) j++;
                }
                boolean moreNow = i < until;
                boolean moreBefore = j < deployedUntil;
                if (!moreNow && !moreBefore) break;
                if (!moreNow || !moreBefore || !same(current[i], before[j], loose)) {
                    int line = Math.min(i, Math.max(until - 1, from));
                    return Location.at(now.path(), line + 1, 1);
                }
                i++;
                j++;
            }
        }
        return fallback;
    }

    /** 0-based first line of the migration: its changeSet's line, or the top of its file. */
    private static int start(Migration m) {
        Location at = m.descriptionLocation();
        return at == null || at.isWholeFile() ? 0 : at.line() - 1;
    }

    /** 0-based line where the next migration of the same file begins, or the end of the file. */
    private static int end(Migration m, List<Migration> all, int lines) {
        int start = start(m);
        int end = lines;
        for (Migration other : all) {
            int s = start(other);
            if (other != m && s > start && s < end) end = s;
        }
        return end;
    }

    private static boolean same(String a, String b, boolean loose) {
        return loose ? WHITESPACE.matcher(a).replaceAll("").equals(WHITESPACE.matcher(b).replaceAll("")) : a.equals(b);
    }
}
