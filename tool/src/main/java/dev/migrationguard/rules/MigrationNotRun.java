package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.NotRun;
import dev.migrationguard.model.Severity;

import java.util.ArrayList;
import java.util.List;

/** A migration its runner never runs looks like coverage and does nothing: worse than none. */
@RuleMeta(id = "migration-not-run", severity = Severity.ERROR,
        summary = "A file that looks like a migration but that its runner will not run")
public final class MigrationNotRun implements Rule {

    @Override
    public List<Finding> check(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (NotRun n : analysis.notRun()) {
            findings.add(finding(n.location(), n.path() + " looks like a migration, but " + n.reason()
                    + ": it changes nothing and covers no entity change.", n.fix()));
        }
        return findings;
    }
}
