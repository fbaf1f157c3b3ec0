package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.Severity;

import java.util.ArrayList;
import java.util.List;

/** A file the tool could not read is a finding, not a crash: the rest of the run goes on. */
@RuleMeta(id = "parse-error", severity = Severity.ERROR,
        summary = "An entity, migration or configuration file that could not be parsed")
public final class ParseError implements Rule {

    @Override
    public List<Finding> check(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (ParseProblem p : analysis.problems()) {
            findings.add(finding(p.location(), "Could not parse " + p.location().path() + ": " + p.message(),
                    p.hint() != null ? p.hint() : "Fix the syntax; until then this file is not checked."));
        }
        return findings;
    }
}
