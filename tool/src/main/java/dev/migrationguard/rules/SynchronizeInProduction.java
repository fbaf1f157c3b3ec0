package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.ProfileExpression;
import dev.migrationguard.model.Severity;
import dev.migrationguard.model.SyncSetting;
import dev.migrationguard.settings.OptionValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Production must never let the ORM change the schema from entities: that is what migrations are for. */
@RuleMeta(id = "synchronize-in-production", severity = Severity.ERROR,
        summary = "ORM schema synchronisation enabled outside development",
        options = {"development-profiles"})
public final class SynchronizeInProduction implements Rule {

    private static final Pattern EXPRESSION_OPERATOR = Pattern.compile("[!&|()]");
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
            if (!s.changesSchema() || s.guardedToDevelopment() || developmentOnly(s.profile())) continue;
            String where = s.profile() != null ? "for profile '" + s.profile() + "'" : s.unprofiled();
            findings.add(finding(s.location(), s.key() + " = " + s.value()
                    + " lets the ORM change the schema by itself " + where + ".", s.remedy()));
        }
        return findings;
    }

    /**
     * Whether the setting's profile is one no production run has. A Spring profile expression ({@code !dev},
     * {@code prod | staging}, {@code !dev & !local}) is when it holds in no run with the production profile active and
     * no development profile: {@code !dev} holds in production, {@code !prod} does not. A plain name or list (a Spring
     * profile, a TypeORM environment file's suffix) is when each name in it is a development profile.
     */
    private boolean developmentOnly(String profile) {
        if (profile == null || profile.isBlank()) return false;
        if (EXPRESSION_OPERATOR.matcher(profile).find()) {
            Boolean production = ProfileExpression.holdsInSome(profile, ProfileExpression.PRODUCTION, options.developmentProfiles());
            if (production != null) return !production;
        }
        for (String part : profile.toLowerCase(Locale.ROOT).split("[^a-z0-9_-]+")) {
            if (part.isEmpty()) continue;
            if (!options.developmentProfiles().contains(part)) return false;
        }
        return true;
    }
}
