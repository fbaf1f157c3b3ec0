package dev.migrationguard.analysis;

import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Severity;

import java.util.List;

/** One check, stateless, over the parsed analysis. Metadata comes from its {@link RuleMeta}. */
public interface Rule {
    List<Finding> check(Analysis analysis);

    default RuleMeta meta() {
        return getClass().getAnnotation(RuleMeta.class);
    }

    default String id() {
        return meta().id();
    }

    default Finding finding(Location location, String message, String hint) {
        Severity severity = meta().severity();
        return Finding.of(id(), severity, location, message, hint);
    }
}
