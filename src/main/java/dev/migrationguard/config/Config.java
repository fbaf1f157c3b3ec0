package dev.migrationguard.config;

import dev.migrationguard.model.Severity;
import dev.migrationguard.rules.OptionValues;
import dev.migrationguard.rules.RuleCatalog;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of one run, from {@code .migration-guard.yml} and the command line.
 *
 * @param deployedRef   the ref whose migrations count as deployed, or null for the default order of SPEC.md
 * @param entities      which files may hold entities
 * @param migrations    which files may hold migrations
 * @param naming        the JPA physical naming strategy: {@code spring} (default) or {@code hibernate}
 * @param typeormNaming the TypeORM naming strategy: {@code default} (TypeORM's own) or {@code snake}
 *                      (SnakeNamingStrategy of typeorm-naming-strategies)
 * @param severities    per rule id: a severity, or absent for the default; {@link #off} lists rules switched off
 * @param off           rules switched off
 * @param ruleOptions   per rule id, the options written for it
 * @param allowedEdits  deployed migrations whose edit is deliberate: path to the reason given
 */
public record Config(String source, String deployedRef, PathFilter entities, PathFilter migrations, String naming,
                     String typeormNaming,
                     Map<String, Severity> severities, Set<String> off, Map<String, OptionValues> ruleOptions,
                     Map<String, String> allowedEdits) {

    public static Config defaults() {
        return new Config(null, null, PathFilter.ALL, PathFilter.ALL, "spring", "default", Map.of(), Set.of(), Map.of(), Map.of());
    }

    public Config withDeployedRef(String ref) {
        return new Config(source, ref, entities, migrations, naming, typeormNaming, severities, off, ruleOptions, allowedEdits);
    }

    /** Rule ids that run: every rule of the catalog not switched off. */
    public Set<String> enabledRules() {
        Set<String> ids = new HashSet<>(RuleCatalog.ids());
        ids.removeAll(off);
        return ids;
    }

    public Optional<Severity> severityOf(String rule) {
        return Optional.ofNullable(severities.get(rule));
    }

    public List<String> unknownRuleIds(Set<String> ids) {
        return ids.stream().filter(id -> RuleCatalog.find(id).isEmpty()).sorted().toList();
    }
}
