package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Coverage.Drift;
import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.ChangeSet;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Severity;
import dev.migrationguard.settings.OptionValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * In lint: the entities and the schema their project's migrations build, replayed without a database, must agree. A
 * mapped column no migration creates fails the first query that reads it; a type or nullability that differs fails
 * later, on data.
 */
@RuleMeta(id = "entity-migration-drift", severity = Severity.ERROR,
        summary = "An entity maps what the migrations do not build (lint only)",
        options = {"report-unmapped"})
public final class EntityMigrationDrift implements Rule {

    /** @param reportUnmapped whether tables' columns the migrations make but no entity maps are reported (info) */
    public record Options(boolean reportUnmapped) {
        public static Options from(OptionValues values) {
            boolean unmapped = values.string("report-unmapped").map(v -> switch (v.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new OptionValues.BadOption("report-unmapped",
                        "report-unmapped must be true or false, not '" + v + "'");
            }).orElse(false);
            return new Options(unmapped);
        }
    }

    private final Options options;

    public EntityMigrationDrift(Options options) {
        this.options = options;
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        if (analysis.mode() != ChangeSet.Mode.LINT) return List.of();
        List<Finding> findings = new ArrayList<>();
        for (Drift d : analysis.coverage().drift()) {
            switch (d.kind()) {
                case MISSING -> findings.add(finding(d.location(), d.message() + ".",
                        "Add a migration that creates it, or map what the migrations build."));
                case DIFFERENT -> findings.add(Finding.of(id(), Severity.WARNING, d.location(), d.message() + ".",
                        "Add a migration that changes it, or map the column as the migrations build it."));
                case UNMAPPED -> {
                    if (options.reportUnmapped()) {
                        findings.add(Finding.of(id(), Severity.INFO, d.location(), d.message() + ".",
                                "Map it, or drop it in a migration once nothing reads it."));
                    }
                }
            }
        }
        return findings;
    }
}
