package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis.DeployedEdit;
import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.RunnerFacts.OutsideProduction;
import dev.migrationguard.model.Severity;

import java.util.ArrayList;
import java.util.List;

/** A migration that is deployed must never change: the database already ran it, a fix is a new migration. */
@RuleMeta(id = "deployed-migration-edited", severity = Severity.ERROR,
        summary = "A deployed migration modified, deleted or renamed", deployedEdits = true)
public final class DeployedMigrationEdited implements Rule {

    @Override
    public List<Finding> check(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (DeployedEdit edit : analysis.deployedEdits()) {
            Migration m = edit.deployed();
            boolean changeSet = m.kind() == Migration.Kind.CHANGESET;
            String what = changeSet ? "ChangeSet " + m.id() : "Migration " + m.path();
            if (edit.ledger()) {
                findings.add(ledgerFinding(edit, what));
                continue;
            }
            String where = " is deployed (present on " + edit.deployedRef() + ")";
            String reads = String.join(" ", m.dependsOn());
            String message = switch (edit.how()) {
                case MODIFIED -> what + where + " and this change modifies it"
                        + (reads.isEmpty() ? "." : " or a file it reads (" + reads + ").");
                case DELETED -> what + where + " and this change deletes it.";
                case RENAMED -> what + where + " and this change renames it"
                        + (edit.newPath() == null ? "." : " to " + edit.newPath() + ".");
            };
            if (m.runner().outsideProduction() != null) {
                findings.add(outsideProduction(edit, message, m.runner().outsideProduction()));
                continue;
            }
            String restore = "git checkout " + edit.deployedRef() + " -- " + edit.oldPath();
            String hint = switch (edit.how()) {
                case MODIFIED -> changeSet
                        ? "Restore the changeSet as deployed" + (reads.isEmpty() ? "" : " (git checkout "
                        + edit.deployedRef() + " -- " + reads + ")") + " and put the fix in a new changeSet."
                        : "Restore it (" + restore + ") and put the fix in a new migration.";
                case DELETED -> "Restore it (" + (changeSet ? "the changeSet, from " + edit.deployedRef() : restore)
                        + "); to undo what it did, add a new migration.";
                case RENAMED -> changeSet
                        ? "Keep the deployed file name, or set logicalFilePath to it; Liquibase records the file."
                        : "Keep the deployed name (git mv " + edit.newPath() + " " + edit.oldPath()
                        + "); the database records migrations by name.";
            };
            findings.add(finding(edit.location(), message, hint));
        }
        return findings;
    }

    /**
     * A changeSet production never runs (JHipster's {@code faker} data: a context production does not run, or labels
     * its label filter leaves out) reached only development and test databases: they refuse to start on the changed
     * checksum until cleared, which is worth a warning, not a block.
     */
    private Finding outsideProduction(DeployedEdit edit, String message, OutsideProduction outside) {
        String written = outside.written();
        boolean context = outside.filter() == OutsideProduction.Filter.CONTEXT;
        String why = context ? "it runs only in context " + written + ", which production does not run."
                : "it is labelled " + written + ", which production's label filter " + outside.production()
                + " leaves out.";
        String instead = context ? "If production does run " + written
                + ", name its contexts under liquibase.production-contexts in .migration-guard.yml."
                : "If production's label filter lets " + written
                + " through, write it under liquibase.production-labels in .migration-guard.yml.";
        return Finding.of(id(), Severity.WARNING, edit.location(), message.substring(0, message.length() - 1)
                        + "; " + why,
                (edit.how() == DeployedEdit.How.MODIFIED ? "Development and test databases that ran it refuse "
                        + "the new checksum until cleared (liquibase clear-checksums). " : "") + instead);
    }

    /** Reported by a lock file or a database: true whatever git history says, so the messages do not speak of it. */
    private Finding ledgerFinding(DeployedEdit edit, String what) {
        String where = " is deployed (recorded in " + edit.deployedRef() + ")";
        return edit.how() == DeployedEdit.How.MODIFIED
                ? finding(edit.location(), what + where + " but its content no longer matches the record.",
                "Restore it as deployed and put the fix in a new migration.")
                : finding(edit.location(), what + where + " but is no longer in the repository.",
                "Restore it; to undo what it did, add a new migration.");
    }
}
