package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Severity;
import dev.migrationguard.model.SyncSetting;
import dev.migrationguard.settings.OptionValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Production must never let the ORM change the schema from entities: that is what migrations are for. */
@RuleMeta(id = "synchronize-in-production", severity = Severity.ERROR,
        summary = "ORM schema synchronisation enabled outside development",
        options = {"development-profiles"})
public final class SynchronizeInProduction implements Rule {

    private static final Set<String> HIBERNATE_DANGEROUS = Set.of("update", "create", "create-drop", "drop",
            "drop-and-create", "create-only");
    private static final List<String> DEFAULT_DEV_PROFILES = List.of("dev", "development", "test", "tests", "testing",
            "local", "it", "e2e", "h2", "ci");

    /** @param developmentProfiles profiles and environments where schema synchronisation is tolerated */
    public record Options(Set<String> developmentProfiles) {
        public static Options from(OptionValues values) {
            Set<String> set = new TreeSet<>();
            for (String p : values.strings("development-profiles").orElse(DEFAULT_DEV_PROFILES)) {
                set.add(p.toLowerCase(Locale.ROOT));
            }
            return new Options(set);
        }
    }

    private final Options options;

    public SynchronizeInProduction(Options options) {
        this.options = options;
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (SyncSetting s : analysis.settings()) {
            if (!dangerous(s) || s.guardedToDevelopment() || developmentOnly(s.profile())) continue;
            // A TypeORM value was worked out per environment (true somewhere outside development); a Spring setting
            // without a profile holds for every profile that does not override it.
            String where = s.profile() != null ? "for profile '" + s.profile() + "'"
                    : synchronizeKey(s) ? "outside development" : "for every environment";
            findings.add(finding(s.location(), s.key() + " = " + s.value() + " lets the ORM change the schema by itself "
                    + where + ".", hint(s)));
        }
        return findings;
    }

    private static boolean dangerous(SyncSetting s) {
        return synchronizeKey(s) ? s.value().equals("true") : HIBERNATE_DANGEROUS.contains(s.value());
    }

    /** TypeORM's {@code synchronize}/{@code dropSchema} (and their env variables), as opposed to Hibernate's ddl-auto. */
    private static boolean synchronizeKey(SyncSetting s) {
        String key = s.key().toLowerCase(Locale.ROOT);
        return key.contains("synchronize") || key.contains("dropschema") || key.contains("drop_schema");
    }

    private boolean developmentOnly(String profile) {
        if (profile == null || profile.isBlank()) return false;
        for (String part : profile.toLowerCase(Locale.ROOT).split("[^a-z0-9_-]+")) {
            if (part.isEmpty()) continue;
            if (!options.developmentProfiles().contains(part)) return false;
        }
        return true;
    }

    private static String hint(SyncSetting s) {
        if (synchronizeKey(s)) {
            return "Set it to false and run migrations (migrationsRun: true), or enable it only when NODE_ENV is development.";
        }
        return "Use validate (or none) here and let migrations change the schema; keep " + s.value()
                + " in a dev or test profile if you need it.";
    }
}
