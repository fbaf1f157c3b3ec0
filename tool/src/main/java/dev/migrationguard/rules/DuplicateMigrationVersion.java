package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Reviewed;
import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.ChangeSet;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.Severity;
import dev.migrationguard.model.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Two branches made in parallel often pick the same next version: Flyway refuses two versioned migrations with one
 * version, TypeORM two migrations with one name (and orders two with one timestamp as it happens), Liquibase two
 * changeSets with one id, author and file. Judged in the tree the change produces, on the migrations under review.
 */
@RuleMeta(id = "duplicate-migration-version", severity = Severity.ERROR,
        summary = "Two migrations with the same Flyway version, TypeORM timestamp or name, or Liquibase identity")
public final class DuplicateMigrationVersion implements Rule {

    @Override
    public List<Finding> check(Analysis analysis) {
        // Every migration of the tree (and of the deploy ref) must be identified, a parse per TypeORM file: about 250 ms
        // CPU per commit on 200 migrations. The pre-commit hook does not pay it; the CI gate, where parallel branches
        // meet, and lint do.
        if (analysis.mode() == ChangeSet.Mode.STAGED) return List.of();
        List<Reviewed> reviewed = analysis.review().migrations();
        if (reviewed.stream().allMatch(r -> keys(r.migration()).isEmpty())) return List.of();
        Map<String, List<Migration>> byKey = new HashMap<>();
        for (Migration m : analysis.review().afterIdentities()) {
            for (Key k : keys(m)) byKey.computeIfAbsent(k.key(), x -> new ArrayList<>()).add(m);
        }
        List<Finding> findings = new ArrayList<>();
        for (Reviewed r : reviewed) {
            Migration m = r.migration();
            for (Key k : keys(m)) {
                Migration other = null;
                for (Migration candidate : byKey.getOrDefault(k.key(), List.of())) {
                    if (!same(candidate, m)) {
                        other = candidate;
                        break;
                    }
                }
                if (other == null) continue;
                findings.add(finding(m.descriptionLocation(), message(m, other, k), hint(m, k)));
                break;
            }
        }
        return findings;
    }

    /** What the same migration read twice (once whole, once identified) shares, and two duplicates do not. */
    private static boolean same(Migration a, Migration b) {
        return a.path().equals(b.path()) && a.id().equals(b.id())
                && Objects.equals(a.descriptionLocation(), b.descriptionLocation());
    }

    /** @param what which part collides: {@code version}, {@code name}, {@code timestamp} or {@code identity} */
    private record Key(String key, String what, String value) {
    }

    private static List<Key> keys(Migration m) {
        String folder = Reviewing.runnerGroup(m);
        return switch (m.stack()) {
            case "flyway" -> m.kind() == Migration.Kind.VERSIONED && m.version() != null
                    ? List.of(new Key("flyway|" + folder + "|" + m.version(), "version", m.version())) : List.of();
            case "typeorm" -> {
                List<Key> keys = new ArrayList<>();
                keys.add(new Key("typeorm|" + folder + "|name|" + m.id(), "name", m.id()));
                if (m.version() != null) {
                    keys.add(new Key("typeorm|" + folder + "|ts|" + m.version(), "timestamp", m.version()));
                }
                yield keys;
            }
            case "liquibase" -> m.kind() == Migration.Kind.CHANGESET
                    ? List.of(new Key("liquibase|" + m.id().toLowerCase(Locale.ROOT), "identity", m.id())) : List.of();
            default -> List.of();
        };
    }

    private static String message(Migration m, Migration other, Key k) {
        String where = other.path().equals(m.path()) ? "line " + other.descriptionLocation().line() + " of the same file"
                : other.path();
        return switch (k.what()) {
            case "version" -> "Flyway version " + k.value() + " of " + m.path() + " is also the version of " + where
                    + ": Flyway refuses to migrate (\"Found more than one migration with version " + k.value()
                    + "\").";
            case "name" -> "TypeORM migration name " + k.value() + " in " + m.path() + " is also the name of the "
                    + "migration in " + where + ": TypeORM refuses to run either (\"Duplicate migrations\").";
            case "timestamp" -> "TypeORM timestamp " + k.value() + " of " + m.path() + " is also the timestamp of "
                    + where + ": TypeORM orders migrations by timestamp, so the two run in an order no one chose.";
            default -> Reviewing.name(m) + " has the same id, author and file as the changeSet at " + where
                    + ": Liquibase refuses the changelog (duplicate changeSet identifiers).";
        };
    }

    private static String hint(Migration m, Key k) {
        return switch (k.what()) {
            case "version" -> "Renumber " + Text.fileName(m.path()) + " to the next free version, and rebase on the "
                    + "branch that took " + k.value() + ".";
            case "name", "timestamp" -> "Give this migration a new timestamp: regenerate it, or rename the file, the "
                    + "class and its name property together.";
            default -> "Give the new changeSet an id of its own.";
        };
    }
}
