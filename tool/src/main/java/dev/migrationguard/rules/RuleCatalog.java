package dev.migrationguard.rules;

import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.settings.OptionValues;
import dev.migrationguard.settings.RuleSettings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Every rule, listed by hand (no classpath scanning), with its metadata, its options and its documentation. */
public final class RuleCatalog {

    private record Entry(Class<? extends Rule> type, Function<Context, Rule> factory) {
    }

    /** What a factory may use to build a rule: the options written for it and the ids of all rules. */
    private record Context(OptionValues options, List<String> allIds) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(EntityChangeWithoutMigration.class, c -> new EntityChangeWithoutMigration()),
            new Entry(DeployedMigrationEdited.class, c -> new DeployedMigrationEdited()),
            new Entry(MigrationNotRun.class, c -> new MigrationNotRun()),
            new Entry(EntityMigrationDrift.class,
                    c -> new EntityMigrationDrift(EntityMigrationDrift.Options.from(c.options()))),
            new Entry(VagueMigrationName.class, c -> new VagueMigrationName(VagueMigrationName.Options.from(c.options()))),
            new Entry(MissingDownMigration.class,
                    c -> new MissingDownMigration(MissingDownMigration.Options.from(c.options()))),
            new Entry(SynchronizeInProduction.class,
                    c -> new SynchronizeInProduction(SynchronizeInProduction.Options.from(c.options()))),
            new Entry(ParseError.class, c -> new ParseError()),
            new Entry(InvalidSuppression.class, c -> new InvalidSuppression(new HashSet<>(c.allIds()))),
            new Entry(ConcurrentlyInTransaction.class, c -> new ConcurrentlyInTransaction()),
            new Entry(DuplicateMigrationVersion.class, c -> new DuplicateMigrationVersion()),
            new Entry(MigrationOutOfOrder.class, c -> new MigrationOutOfOrder()),
            new Entry(BlockingIndexCreation.class, c -> new BlockingIndexCreation()),
            new Entry(BlockingConstraintValidation.class, c -> new BlockingConstraintValidation()),
            new Entry(TableRewrite.class, c -> new TableRewrite()),
            new Entry(RenameAsDropAdd.class, c -> new RenameAsDropAdd()),
            new Entry(MultipleChangesPerMigration.class,
                    c -> new MultipleChangesPerMigration(MultipleChangesPerMigration.Options.from(c.options()))),
            new Entry(DownNotInverse.class, c -> new DownNotInverse()),
            new Entry(DestructiveChange.class, c -> new DestructiveChange()),
            new Entry(NotNullWithoutDefault.class, c -> new NotNullWithoutDefault()),
            new Entry(UniqueOnExistingData.class, c -> new UniqueOnExistingData()));

    private RuleCatalog() {
    }

    /** The metadata of every rule, in catalog order. */
    public static List<RuleMeta> all() {
        List<RuleMeta> metas = new ArrayList<>();
        for (Entry e : ENTRIES) metas.add(e.type().getAnnotation(RuleMeta.class));
        return metas;
    }

    public static List<String> ids() {
        return all().stream().map(RuleMeta::id).toList();
    }

    public static Optional<RuleMeta> find(String id) {
        return all().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** Builds every rule the configuration does not switch off, with the options written for it. */
    public static List<Rule> build(RuleSettings settings) {
        Set<String> enabled = new HashSet<>();
        for (RuleMeta m : all()) enabled.add(m.id());
        enabled.removeAll(settings.off());
        return build(settings.options(), enabled);
    }

    /**
     * Builds the enabled rules. {@code options} maps a rule id to the options written for it; rules absent from
     * {@code enabled} are not built at all.
     *
     * @throws OptionValues.BadOption when an option value is not acceptable
     */
    public static List<Rule> build(Map<String, OptionValues> options, Set<String> enabled) {
        List<String> ids = ids();
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (Entry e : ENTRIES) {
            String id = e.type().getAnnotation(RuleMeta.class).id();
            if (!enabled.contains(id)) continue;
            rules.put(id, e.factory().apply(new Context(options.getOrDefault(id, OptionValues.NONE), ids)));
        }
        return List.copyOf(rules.values());
    }

    /** The Markdown page of a rule ({@code rules/<id>.md}, bundled in the jar), or empty when it has none. */
    public static Optional<String> documentation(String id) {
        try (InputStream in = RuleCatalog.class.getResourceAsStream("/rules/" + id + ".md")) {
            if (in == null) return Optional.empty();
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
