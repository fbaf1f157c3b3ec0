package dev.migrationguard.liquibase;

import dev.migrationguard.stack.MigrationAdvisor;
import dev.migrationguard.liquibase.Changelog.Include;
import dev.migrationguard.model.MigrationNames;
import dev.migrationguard.model.SchemaChange;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.Text;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Says where the changeSet for an entity change goes, following the project's master changelog: a new file in the
 * folder it includes with {@code includeAll}, a new file next to the ones it includes, or a changeSet appended to it
 * when it holds its changeSets itself.
 */
public final class LiquibaseAdvisor implements MigrationAdvisor {
    /** Spring Boot's and JHipster's master changelog names. */
    private static final Pattern MASTER = Pattern.compile("(^|/)(db\\.changelog-master\\.(xml|ya?ml|json|sql)|master\\.xml)$");
    private final List<String> configuredMasters;

    /** @param configuredMasters the master changelogs named in the configuration; empty: find them by name */
    public LiquibaseAdvisor(List<String> configuredMasters) {
        this.configuredMasters = List.copyOf(configuredMasters);
    }

    @Override
    public Optional<String> advise(SchemaChange change, String suggestedName, Snapshot after) {
        if (change == null) return Optional.empty();
        for (String master : masters(after)) {
            Optional<String> content = after.readableText(master);
            if (content.isEmpty()) continue;
            Optional<Changelog> log;
            try {
                log = LiquibaseMigrationReader.parse(master, master, content.get());
            } catch (RuntimeException e) {
                continue;
            }
            if (log.isEmpty()) continue;
            return Optional.of(advice(master, log.get(), change, suggestedName));
        }
        return Optional.empty();
    }

    private List<String> masters(Snapshot after) {
        if (!configuredMasters.isEmpty()) return configuredMasters;
        return after.paths().stream().filter(p -> MASTER.matcher(p).find()).toList();
    }

    private static String advice(String master, Changelog log, SchemaChange change, String suggestedName) {
        String what = "a changeSet that " + MigrationNames.verbFor(change) + " " + MigrationNames.objectFor(change);
        String extension = master.substring(master.lastIndexOf('.'));
        String file = kebab(suggestedName) + extension;
        List<Include> includes = log.includes();
        for (int i = includes.size() - 1; i >= 0; i--) {
            Include include = includes.get(i);
            String target = LiquibasePaths.resolve(master, include.target(), include.relative());
            if (include.folder()) {
                return "Add " + (target.endsWith("/") ? target : target + "/") + file + " with " + what + ".";
            }
            int slash = target.lastIndexOf('/');
            String folder = slash < 0 ? "" : target.substring(0, slash + 1);
            String ext = target.contains(".") ? target.substring(target.lastIndexOf('.')) : extension;
            return "Add " + folder + kebab(suggestedName) + ext + " with " + what + ", and include it from "
                    + Text.fileName(master) + ".";
        }
        return "Append " + what + " to " + master + ".";
    }

    /** {@code AddContestDivisions} becomes {@code add-contest-divisions}. */
    static String kebab(String pascal) {
        if (pascal == null || pascal.isBlank()) return "schema-change";
        return String.join("-", MigrationNames.words(pascal))
                .toLowerCase(Locale.ROOT);
    }
}
