package dev.migrationguard.engine;

import dev.migrationguard.model.Migration;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A project's first migration of each stack: the lowest version (a Flyway version in every dialect folder that has
 * it, the oldest TypeORM timestamp), or the changeSet written first in the changelog that sorts first. Rules that
 * exempt a project's start ask it; the whole repository is read only when one asks.
 */
final class FirstMigrations implements Predicate<Migration> {
    private final Supplier<List<Migration>> all;
    private Set<String> firstIds;

    private FirstMigrations(Supplier<List<Migration>> all) {
        this.all = all;
    }

    static Predicate<Migration> lazily(Supplier<List<Migration>> all) {
        return new FirstMigrations(all);
    }

    @Override
    public synchronized boolean test(Migration m) {
        if (firstIds == null) firstIds = firstIds(all.get());
        return firstIds.contains(m.id());
    }

    static Set<String> firstIds(List<Migration> migrations) {
        Map<String, List<Migration>> byStack = new LinkedHashMap<>();
        for (Migration m : migrations) {
            if (counts(m)) byStack.computeIfAbsent(m.stack(), s -> new ArrayList<>()).add(m);
        }
        Set<String> ids = new HashSet<>();
        for (List<Migration> candidates : byStack.values()) {
            // ChangeSets run in the order written, from the changelog that sorts first; versioned files by version.
            if (candidates.stream().allMatch(m -> m.kind() == Migration.Kind.CHANGESET)) {
                candidates.stream().min(Comparator.comparing(Migration::path)
                                .thenComparingInt(m -> m.descriptionLocation() == null ? 0 : m.descriptionLocation().line()))
                        .ifPresent(m -> ids.add(m.id()));
            } else {
                Migration lowest = candidates.stream().min((a, b) -> compareVersions(a.version(), b.version())).get();
                for (Migration m : candidates) {
                    if (compareVersions(m.version(), lowest.version()) == 0) ids.add(m.id());
                }
            }
        }
        return ids;
    }

    private static boolean counts(Migration m) {
        return m.kind() == Migration.Kind.VERSIONED || m.kind() == Migration.Kind.CHANGESET;
    }

    /** Dotted numbers compared part by part ({@code 1.10} after {@code 1.9}); a TypeORM timestamp is one part. */
    static int compareVersions(String a, String b) {
        String[] x = a == null ? new String[0] : a.split("[._]");
        String[] y = b == null ? new String[0] : b.split("[._]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = p.matches("\\d+") && q.matches("\\d+") ? new BigInteger(p).compareTo(new BigInteger(q)) : p.compareTo(q);
            if (c != 0) return c;
        }
        return 0;
    }
}
