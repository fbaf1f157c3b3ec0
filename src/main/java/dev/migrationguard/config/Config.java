package dev.migrationguard.config;

import dev.migrationguard.model.Severity;
import dev.migrationguard.rules.RuleCatalog;
import dev.migrationguard.settings.OptionValues;
import dev.migrationguard.settings.PathFilter;

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
 * @param deployedEditsReason when not null, every edit of a deployed migration is deliberate, for this reason (the
 *                      pull-request gate's opt-in label, {@code check --allow-deployed-edits})
 * @param ledgers       the records of what is deployed besides the deploy ref: lock file, live migrations table
 * @param liquibaseMasters master changelogs named in the configuration (empty: found by their usual names)
 * @param baseline      the baseline file, relative to the work tree's root, or null for none
 */
public record Config(String source, String deployedRef, PathFilter entities, PathFilter migrations, String naming,
                     String typeormNaming,
                     Map<String, Severity> severities, Set<String> off, Map<String, OptionValues> ruleOptions,
                     Map<String, String> allowedEdits, String deployedEditsReason, Ledgers ledgers,
                     List<String> liquibaseMasters, String baseline) {

    public Config {
        if (ledgers == null) ledgers = Ledgers.DEFAULTS;
        liquibaseMasters = liquibaseMasters == null ? List.of() : List.copyOf(liquibaseMasters);
    }
    /**
     * Where the tool learns what is deployed besides the deploy ref.
     *
     * @param lockFile     the lock file's path in the repository ({@code migrations.lock}); used when it exists
     * @param deployedFrom the database whose migrations tables are read (read-only), or null
     * @param tables       the migrations table per stack: {@code flyway}, {@code liquibase}, {@code typeorm}
     */
    public record Ledgers(String lockFile, DeployedFrom deployedFrom, Map<String, String> tables) {
        public static final Map<String, String> DEFAULT_TABLES = Map.of("flyway", "flyway_schema_history",
                "liquibase", "databasechangelog", "typeorm", "migrations");
        public static final Ledgers DEFAULTS = new Ledgers("migrations.lock", null, DEFAULT_TABLES);

        public Ledgers {
            tables = Map.copyOf(tables);
        }

        public Ledgers withDeployedFrom(DeployedFrom from) {
            return new Ledgers(lockFile, from, tables);
        }
    }

    /**
     * The JDBC URL of a database to read as deployed, and who chose it: the person running the tool (the command line,
     * the environment, a configuration file outside the work tree) or the repository being checked, which decides what
     * to check but never where the environment's credentials go.
     *
     * @param origin             where the URL was written, for messages ({@code .migration-guard.yml:4})
     * @param chosenByRepository whether the repository chose it (a configuration file inside the work tree)
     */
    public record DeployedFrom(String url, String origin, boolean chosenByRepository) {
        public DeployedFrom chosenByUser() {
            return new DeployedFrom(url, origin, false);
        }
    }

    public static Config defaults() {
        return builder().build();
    }

    /** A builder with every setting at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration, to change a setting or two. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.source = source;
        b.deployedRef = deployedRef;
        b.entities = entities;
        b.migrations = migrations;
        b.naming = naming;
        b.typeormNaming = typeormNaming;
        b.severities = severities;
        b.off = off;
        b.ruleOptions = ruleOptions;
        b.allowedEdits = allowedEdits;
        b.deployedEditsReason = deployedEditsReason;
        b.ledgers = ledgers;
        b.liquibaseMasters = liquibaseMasters;
        b.baseline = baseline;
        return b;
    }

    public Config withDeployedRef(String ref) {
        return toBuilder().deployedRef(ref).build();
    }

    public Config withDeployedEditsAllowed(String reason) {
        return toBuilder().deployedEditsReason(reason).build();
    }

    public Config withDeployedFrom(DeployedFrom from) {
        return toBuilder().ledgers(ledgers.withDeployedFrom(from)).build();
    }

    /** Names each setting where it is set, so that adding one never shifts a long list of positional arguments. */
    public static final class Builder {
        private String source;
        private String deployedRef;
        private PathFilter entities = PathFilter.ALL;
        private PathFilter migrations = PathFilter.ALL;
        private String naming = "spring";
        private String typeormNaming = "default";
        private Map<String, Severity> severities = Map.of();
        private Set<String> off = Set.of();
        private Map<String, OptionValues> ruleOptions = Map.of();
        private Map<String, String> allowedEdits = Map.of();
        private String deployedEditsReason;
        private Ledgers ledgers = Ledgers.DEFAULTS;
        private List<String> liquibaseMasters = List.of();
        private String baseline;

        private Builder() {
        }

        public Builder source(String v) { source = v; return this; }

        public Builder deployedRef(String v) { deployedRef = v; return this; }

        public Builder entities(PathFilter v) { entities = v; return this; }

        public Builder migrations(PathFilter v) { migrations = v; return this; }

        public Builder naming(String v) { naming = v; return this; }

        public Builder typeormNaming(String v) { typeormNaming = v; return this; }

        public Builder severities(Map<String, Severity> v) { severities = v; return this; }

        public Builder off(Set<String> v) { off = v; return this; }

        public Builder ruleOptions(Map<String, OptionValues> v) { ruleOptions = v; return this; }

        public Builder allowedEdits(Map<String, String> v) { allowedEdits = v; return this; }

        public Builder deployedEditsReason(String v) { deployedEditsReason = v; return this; }

        public Builder ledgers(Ledgers v) { ledgers = v; return this; }

        public Builder liquibaseMasters(List<String> v) { liquibaseMasters = v; return this; }

        public Builder baseline(String v) { baseline = v; return this; }

        public Config build() {
            return new Config(source, deployedRef, entities, migrations, naming, typeormNaming, severities, off,
                    ruleOptions, allowedEdits, deployedEditsReason, ledgers, liquibaseMasters, baseline);
        }
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

}
