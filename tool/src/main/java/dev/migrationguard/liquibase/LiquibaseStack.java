package dev.migrationguard.liquibase;

import dev.migrationguard.model.Migration;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.settings.OptionValues;
import dev.migrationguard.stack.HistoryTable;
import dev.migrationguard.stack.MigrationTool;
import dev.migrationguard.stack.Stack;
import dev.migrationguard.stack.WayBack;

import java.util.List;
import java.util.Optional;

/**
 * Liquibase: changelogs in XML, YAML, JSON and formatted SQL, recognised by content, whose unit is the changeSet;
 * where to add the next changeSet (beside the master changelogs, {@code liquibase.changelogs} when they have other
 * names than Spring Boot's and JHipster's); and {@code databasechangelog}.
 */
public final class LiquibaseStack implements Stack, MigrationTool {
    public static final String ID = "liquibase";
    static final String CHANGELOGS = "liquibase.changelogs";
    static final String PRODUCTION_CONTEXTS = "liquibase.production-contexts";
    static final String PRODUCTION_LABELS = "liquibase.production-labels";

    private static final WayBack ROLLBACK = new WayBack() {
        @Override
        public String missing(Migration m) {
            return "ChangeSet " + m.id() + " has changes that Liquibase cannot roll back automatically and no rollback.";
        }

        @Override
        public String remedy(Migration m) {
            return "Write the way back: a <rollback> block (or --rollback lines in formatted SQL).";
        }
    };

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> options() {
        return List.of(CHANGELOGS, PRODUCTION_CONTEXTS, PRODUCTION_LABELS);
    }

    @Override
    public Parts parts(OptionValues options) {
        return parts(options, null);
    }

    /**
     * The database the user named is the one changeSets are picked ({@code dbms}) and typed for.
     *
     * @throws OptionValues.BadOption when {@code liquibase.production-labels} holds a label filter Liquibase cannot
     *                                read
     */
    @Override
    public Parts parts(OptionValues options, Dialect database) {
        List<String> masters = options.strings(CHANGELOGS).orElse(List.of());
        Contexts production = options.strings(PRODUCTION_CONTEXTS).map(Contexts::of).orElse(Contexts.ASSUMED);
        LabelFilter labels = options.strings(PRODUCTION_LABELS).map(LabelFilter::of).orElse(LabelFilter.UNSAID);
        if (!labels.readable()) {
            throw new OptionValues.BadOption(PRODUCTION_LABELS, PRODUCTION_LABELS + " '" + labels.expression()
                    + "' is no label filter Liquibase can read: names joined by and, or, ! (not), commas and"
                    + " parentheses, such as \"!faker and prod\"");
        }
        return new Parts(List.of(), List.of(new LiquibaseMigrationReader(masters, production, labels, database)),
                List.of(new LiquibaseSettingsReader()), List.of(new LiquibaseAdvisor(masters)));
    }

    @Override
    public Optional<MigrationTool> migrationTool() {
        return Optional.of(this);
    }

    @Override
    public WayBack wayBack() {
        return ROLLBACK;
    }

    @Override
    public Migration.Kind recordedKind() {
        return Migration.Kind.CHANGESET;
    }

    @Override
    public Optional<HistoryTable> historyTable() {
        return Optional.of(new LiquibaseHistory());
    }
}
