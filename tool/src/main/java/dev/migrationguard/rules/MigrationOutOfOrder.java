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

import java.util.HashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;

/**
 * A migration under review that sorts before the newest one on the deploy ref: the usual result of two branches made in
 * parallel. Flyway refuses it unless {@code outOfOrder} is set; TypeORM runs it after the newer ones, against a schema
 * its author did not see. Liquibase runs changeSets in changelog order, so order by name means nothing there.
 */
@RuleMeta(id = "migration-out-of-order", severity = Severity.ERROR,
        summary = "A new migration that sorts before the newest deployed one")
public final class MigrationOutOfOrder implements Rule {

    @Override
    public List<Finding> check(Analysis analysis) {
        // Every migration of the tree (and of the deploy ref) must be identified, a parse per TypeORM file: about 250 ms
        // CPU per commit on 200 migrations. The pre-commit hook does not pay it; the CI gate, where parallel branches
        // meet, and lint do.
        if (analysis.mode() == ChangeSet.Mode.STAGED) return List.of();
        List<Reviewed> candidates = new ArrayList<>();
        for (Reviewed r : analysis.review().migrations()) if (ordered(r.migration())) candidates.add(r);
        if (candidates.isEmpty()) return List.of();
        Map<String, Migration> newest = new HashMap<>();
        // A deployed migration this change deletes or renames is deployed-migration-edited's to report; what the new
        // one sorts before is what the change leaves.
        // (A deployed migration the branch never had, because the deploy ref moved on, is exactly what this rule is for.)
        java.util.Set<String> removed = new java.util.HashSet<>();
        for (var edit : analysis.deployedEdits()) {
            if (edit.now() == null) removed.add(edit.deployed().stack() + "|" + edit.deployed().id());
        }
        for (Migration d : analysis.review().deployedNames()) {
            if (removed.contains(d.stack() + "|" + d.id())) continue;
            if (!ordered(d) && !(d.stack().equals("flyway") && d.kind() == Migration.Kind.BASELINE)) continue;
            newest.merge(group(d), d, (a, b) -> {
                Integer c = Reviewing.compareVersions(a.version(), b.version());
                return c != null && c < 0 ? b : a;
            });
        }
        List<Finding> findings = new ArrayList<>();
        for (Reviewed r : candidates) {
            Migration m = r.migration();
            Migration top = newest.get(group(m));
            if (top == null || top.id().equals(m.id())) continue;
            Integer c = Reviewing.compareVersions(m.version(), top.version());
            if (c == null || c >= 0) continue;
            if (m.stack().equals("flyway")) {
                if (Boolean.TRUE.equals(m.runner().outOfOrder())) continue;
                findings.add(finding(m.descriptionLocation(), m.path() + " (version " + m.version()
                        + ") sorts before version " + top.version() + " (" + Text.fileName(top.path())
                        + "), the newest migration of its folder on the deploy ref: Flyway refuses to migrate (\"Detected"
                        + " resolved migration not applied to database\") unless outOfOrder is true.",
                        "Renumber it above " + top.version() + ", or set spring.flyway.out-of-order=true (flyway"
                                + ".outOfOrder) if applying it after newer migrations is intended."));
            } else {
                findings.add(Finding.of(id(), Severity.WARNING, m.descriptionLocation(), "TypeORM migration " + m.id()
                        + " (timestamp " + m.version() + ") sorts before " + top.id() + ", the newest migration of its "
                        + "folder on the deploy ref: TypeORM runs it after the newer ones already applied, on a schema "
                        + "its author did not see.", "Regenerate it on the current branch, or rename the file, the "
                        + "class and its name property with a timestamp after " + top.version() + "."));
            }
        }
        return findings;
    }

    /** A migration whose runner orders it by version: a Flyway versioned one, a TypeORM one with its timestamp. */
    private static boolean ordered(Migration m) {
        if (m.version() == null) return false;
        return m.stack().equals("flyway") && m.kind() == Migration.Kind.VERSIONED
                || m.stack().equals("typeorm") && m.version().length() == 13;
    }

    private static String group(Migration m) {
        return m.stack() + "|" + Reviewing.runnerGroup(m);
    }
}
