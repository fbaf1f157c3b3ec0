package dev.migrationguard.rules;

import dev.migrationguard.engine.Analysis;
import dev.migrationguard.engine.Analysis.DeployedEdit;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Severity;

import java.util.ArrayList;
import java.util.List;

/** A migration that is deployed must never change: the database already ran it, a fix is a new migration. */
@RuleMeta(id = "deployed-migration-edited", severity = Severity.ERROR,
        summary = "A deployed migration modified, deleted or renamed")
public final class DeployedMigrationEdited implements Rule {

    @Override
    public List<Finding> check(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (DeployedEdit edit : analysis.deployedEdits()) {
            String message = switch (edit.how()) {
                case MODIFIED -> "Migration " + edit.migrationId() + " is deployed (present on " + edit.deployedRef()
                        + ") and this change modifies it.";
                case DELETED -> "Migration " + edit.migrationId() + " is deployed (present on " + edit.deployedRef()
                        + ") and this change deletes it.";
                case RENAMED -> "Migration " + edit.oldPath() + " is deployed (present on " + edit.deployedRef()
                        + ") and this change renames it to " + edit.newPath() + ".";
            };
            String hint = switch (edit.how()) {
                case MODIFIED -> "Restore it (git checkout " + edit.deployedRef() + " -- " + edit.oldPath()
                        + ") and put the fix in a new migration.";
                case DELETED -> "Restore it (git checkout " + edit.deployedRef() + " -- " + edit.oldPath()
                        + "); to undo what it did, add a new migration.";
                case RENAMED -> "Keep the deployed name (git mv " + edit.newPath() + " " + edit.oldPath()
                        + "); the database records migrations by name.";
            };
            findings.add(finding(edit.location(), message, hint));
        }
        return findings;
    }
}
