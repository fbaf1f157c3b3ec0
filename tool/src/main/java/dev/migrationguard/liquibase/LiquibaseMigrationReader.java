package dev.migrationguard.liquibase;

import dev.migrationguard.stack.MigrationReader;
import dev.migrationguard.liquibase.Changelog.Include;
import dev.migrationguard.liquibase.Changelog.ParsedChangeSet;
import dev.migrationguard.model.AcceptedEdits;
import dev.migrationguard.model.Digests;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.NotRun;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.Rollback;
import dev.migrationguard.model.RunnerFacts;
import dev.migrationguard.model.RunnerFacts.OutsideProduction;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.Text;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Dialect;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

/**
 * Reads Liquibase changelogs (XML, YAML, JSON, formatted SQL), recognised by content wherever they live, into one
 * migration per changeSet: identified by {@code file::id::author} as Liquibase identifies it, with a checksum over
 * the content Liquibase's own checksum covers. A plain {@code .sql} file that an {@code includeAll} pulls in is one
 * changeSet to Liquibase (id {@code raw}, author {@code includeAll}), and is read as such.
 */
public final class LiquibaseMigrationReader implements MigrationReader {
    static final String RAW_ID = "raw";
    static final String RAW_AUTHOR = "includeAll";

    private static final Pattern XML_ROOT = Pattern.compile("<([\\w.-]+:)?databaseChangeLog\\b");
    private static final Pattern YAML_ROOT = Pattern.compile("(?m)^[\"']?databaseChangeLog[\"']?\\s*:");
    private static final Pattern JSON_ROOT = Pattern.compile("\"databaseChangeLog\"\\s*:");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0]+");

    /**
     * The includeAll folders of each snapshot, by resource root: found once per run and side, and only when a plain
     * SQL file asks (the snapshots of one run are fixed; weak keys let a finished run's snapshots go).
     */
    private final Map<Snapshot, Map<String, Set<String>>> includeAllFolders =
            Collections.synchronizedMap(new WeakHashMap<>());
    /** The runner's view of each snapshot, built once: what every master changelog reaches. */
    private final Map<Snapshot, RunnerView> views = Collections.synchronizedMap(new WeakHashMap<>());
    /** Whether each snapshot holds an XML, YAML or JSON file: without one, no changelog can include a plain SQL file. */
    private final Map<Snapshot, Boolean> mayInclude = Collections.synchronizedMap(new WeakHashMap<>());
    /** The texts of each snapshot's settings and build files, read once: each plain SQL file looks for its name. */
    private final Map<Snapshot, List<String>> settingsTexts = Collections.synchronizedMap(new WeakHashMap<>());
    private final List<String> configuredMasters;
    private final Contexts production;
    private final LabelFilter productionLabels;
    private final Dialect database;

    /** A reader that finds the master changelogs in the project's settings and by their usual names. */
    public LiquibaseMigrationReader() {
        this(List.of());
    }

    /** @param configuredMasters the master changelogs the configuration names; empty: find them */
    public LiquibaseMigrationReader(List<String> configuredMasters) {
        this(configuredMasters, Contexts.ASSUMED);
    }

    /** @param production the contexts production runs Liquibase with */
    LiquibaseMigrationReader(List<String> configuredMasters, Contexts production) {
        this(configuredMasters, production, LabelFilter.UNSAID, null);
    }

    /**
     * @param production       the contexts production runs Liquibase with
     * @param productionLabels the label filter production runs Liquibase with
     * @param database         the database the user named, which wins over what the project's settings say; null
     *                         for none
     */
    LiquibaseMigrationReader(List<String> configuredMasters, Contexts production, LabelFilter productionLabels,
                             Dialect database) {
        this.configuredMasters = List.copyOf(configuredMasters);
        this.production = production;
        this.productionLabels = productionLabels;
        this.database = database;
    }

    /** The database of a project: the one the user named, else the one its settings name, else null. */
    private Dialect database(RunnerView view, String project) {
        return database != null ? database : view.dialect(project);
    }

    RunnerView view(Snapshot side) {
        RunnerView known = views.get(side);
        if (known != null) return known;
        RunnerView built = RunnerView.of(side, configuredMasters);
        views.put(side, built);
        return built;
    }

    /** Changelogs are recognised by content: any file of these kinds may be one, and {@link #read} decides. */
    @Override
    public boolean accepts(String path) {
        return format(path) != null;
    }

    @Override
    public boolean acceptsByName() {
        return false;
    }

    /** A changelog too large to read is recognised by its root (or its header) in its first bytes, as by content. */
    @Override
    public boolean recognizes(Snapshot side, String path, String head) {
        Format format = format(path);
        if (format == null) return false;
        return switch (format) {
            case XML -> XML_ROOT.matcher(head).find();
            case YAML -> YAML_ROOT.matcher(head).find();
            case JSON -> JSON_ROOT.matcher(head).find();
            case SQL -> FormattedSqlParser.isFormattedSql(head) || includedAsRawSql(side, path);
        };
    }

    private enum Format { XML, YAML, JSON, SQL }

    private static Format format(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".xml")) return Format.XML;
        if (p.endsWith(".yaml") || p.endsWith(".yml")) return Format.YAML;
        if (p.endsWith(".json")) return Format.JSON;
        if (p.endsWith(".sql")) return Format.SQL;
        return null;
    }

    @Override
    public ReadResult<Migration> read(Snapshot side, String path) {
        return migrationsOf(read(side, path, true));
    }

    /** Identity and checksum alone: no operation is read, so holding a repository to a ledger parses no SQL. */
    @Override
    public ReadResult<Migration> identify(Snapshot side, String path) {
        return migrationsOf(read(side, path, false));
    }

    private static ReadResult<Migration> migrationsOf(ReadResult<ChangeSetRead> read) {
        return new ReadResult<>(read.items().stream().map(ChangeSetRead::migration).toList(), read.problems());
    }

    /** A changeSet as read, with what decides when Liquibase runs it. */
    record ChangeSetRead(Migration migration, ChangeSetFacts facts) {
    }

    private ReadResult<ChangeSetRead> read(Snapshot side, String path, boolean operations) {
        Format format = format(path);
        // No binary sniff: a changelog is recognised by its root, and a NUL byte in one is the parser's to judge.
        Optional<String> text = format == null ? Optional.empty() : side.readText(path);
        if (text.isEmpty()) return ReadResult.empty();
        String content = text.get();
        try {
            Optional<Changelog> log = parse(format, path, content);
            if (log.isEmpty() && format == Format.SQL && includedAsRawSql(side, path)) {
                log = Optional.of(rawSql(path, content));
            }
            if (log.isEmpty()) return ReadResult.empty();
            return migrations(side, path, log.get(), operations ? content : null);
        } catch (ChangelogSyntaxError e) {
            return ReadResult.problem(new ParseProblem(inside(path, content, e.line, e.column),
                    "Liquibase changelog is " + e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            return ReadResult.problem(new ParseProblem(Location.file(path), "Could not read this Liquibase changelog: "
                    + e));
        }
    }

    /** The changelog in a file, or empty when the file is no changelog (a pom.xml, an application.yml, ...). */
    static Optional<Changelog> parse(String pathFormat, String path, String content) {
        Format f = format(pathFormat);
        return f == null ? Optional.empty() : parse(f, path, content);
    }

    private static Optional<Changelog> parse(Format format, String path, String content) {
        switch (format) {
            case SQL -> {
                if (!FormattedSqlParser.isFormattedSql(content)) return Optional.empty();
                return Optional.of(FormattedSqlParser.parse(path, content));
            }
            case XML -> {
                if (!XML_ROOT.matcher(content).find()) return Optional.empty();
                ChangeNode root = XmlChangelogParser.parse(content);
                if (!root.name().equals("databaseChangeLog")) return Optional.empty();
                return Optional.of(StructuredChangelogs.from(path, root));
            }
            default -> {
                boolean yaml = format == Format.YAML;
                if (!(yaml ? YAML_ROOT : JSON_ROOT).matcher(content).find()) return Optional.empty();
                ChangeNode root = TreeChangelogParser.parse(content, yaml);
                if (root == null) return Optional.empty();
                return Optional.of(StructuredChangelogs.from(path, root));
            }
        }
    }

    /**
     * A changelog (recognised by content) that no master changelog of its resource root reaches: Liquibase never runs
     * it. Silent when that root has no known master, since then nothing tells which changelogs run.
     */
    @Override
    public Optional<NotRun> notRun(Snapshot side, String path) {
        if (!accepts(path)) return Optional.empty();
        // a plain SQL file is no changelog Liquibase could skip: it needs no master to be judged
        if (format(path) == Format.SQL && !side.readableText(path).map(FormattedSqlParser::isFormattedSql)
                .orElse(false)) {
            return Optional.empty();
        }
        RunnerView view = view(side);
        if (view.masters().isEmpty() || view.masterOf(path).isPresent()) return Optional.empty();
        String root = LiquibasePaths.resourceRoot(path);
        String project = view.project(path);
        RunnerView.Master master = null;
        for (RunnerView.Master m : view.masters()) {
            if (LiquibasePaths.resourceRoot(m.path()).equals(root) && m.project().equals(project)) {
                master = m;
                break;
            }
        }
        if (master == null) return Optional.empty();
        Optional<Changelog> log = view.changelog(path);
        if (log.isEmpty() || log.get().changeSets().isEmpty() && log.get().includes().isEmpty()) {
            return Optional.empty();
        }
        String masterName = LiquibasePaths.logical(master.path());
        return Optional.of(new NotRun(Location.file(path), LiquibaseStack.ID, "no master changelog reaches it: "
                + masterName + " includes neither it nor a folder that holds it, so Liquibase never runs its"
                + " changeSets",
                "include it from " + masterName + ", or delete it"));
    }

    /**
     * One set per master changelog: the changeSets it reaches in Liquibase's order, those whose {@code dbms} leaves
     * out the project's database (the default one when its settings name none) left out, with their operations.
     */
    @Override
    public List<MigrationSet> sets(Snapshot side) {
        RunnerView view = view(side);
        List<MigrationSet> out = new ArrayList<>();
        Map<String, ReadResult<ChangeSetRead>> files = new HashMap<>();
        for (RunnerView.Master master : view.masters()) {
            Dialect named = database(view, master.project());
            Dialect dialect = named == null ? Dialect.DEFAULT : named;
            List<Migration> migrations = new ArrayList<>();
            for (RunnerView.Unit unit : master.units()) {
                List<ChangeSetRead> reads = files.computeIfAbsent(unit.path(), p -> read(side, p, true)).items();
                if (unit.index() >= reads.size()) continue;
                ChangeSetRead cs = reads.get(unit.index());
                if (cs.facts().runsOn(dialect)) migrations.add(cs.migration());
            }
            out.add(new MigrationSet(LiquibaseStack.ID, master.project(), master.path(), named, migrations));
        }
        return out;
    }

    /**
     * Changelogs of {@code side} (outside {@code changed}) holding a changeSet whose checksum covers one of the changed
     * files: a {@code .sql} through {@code sqlFile}, a {@code .csv} through {@code loadData} or
     * {@code loadUpdateData}. Only XML, YAML and JSON changelogs can name one, and only those that
     * mention the file's name are parsed.
     */
    @Override
    public Set<String> dependents(Snapshot side, Set<String> changed) {
        Set<String> names = new LinkedHashSet<>();
        for (String p : changed) {
            String lower = p.toLowerCase(Locale.ROOT);
            if (format(p) == Format.SQL || lower.endsWith(".csv") || lower.endsWith(".tsv")) {
                names.add(Text.fileName(p));
            }
        }
        if (names.isEmpty()) return Set.of();
        Set<String> out = new LinkedHashSet<>();
        for (String p : side.paths()) {
            Format f = format(p);
            if (f == null || f == Format.SQL || changed.contains(p)) continue;
            Optional<String> text = side.readableText(p);
            if (text.isEmpty() || names.stream().noneMatch(text.get()::contains)) continue;
            for (Migration m : identify(side, p).items()) {
                if (!Collections.disjoint(m.dependsOn(), changed)) {
                    out.add(p);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Is this plain SQL file reached from a master changelog, or inside a folder that a changelog of the same resource
     * root includes with includeAll?
     */
    private boolean includedAsRawSql(Snapshot side, String path) {
        // only an XML, YAML or JSON changelog includes other files: without one, the script is reached only as a
        // master itself, and no master is looked for when nothing can name it so
        if (!mayInclude.computeIfAbsent(side, s -> s.paths().stream().anyMatch(p -> {
            Format f = format(p);
            return f != null && f != Format.SQL;
        })) && !RunnerView.mayBeMaster(path, configuredMasters, configuredMasters.isEmpty()
                ? settingsTexts.computeIfAbsent(side, RunnerView::settingsTexts) : List.of())) {
            return false;
        }
        if (view(side).masterOf(path).isPresent()) return true;
        String root = LiquibasePaths.resourceRoot(path);
        Set<String> folders = includeAllFolders.computeIfAbsent(side, s -> new HashMap<>())
                .computeIfAbsent(root, r -> findIncludeAllFolders(side, r));
        for (String folder : folders) {
            if (folder.isEmpty() || path.startsWith(folder.endsWith("/") ? folder : folder + "/")) return true;
        }
        return false;
    }

    private static Set<String> findIncludeAllFolders(Snapshot side, String root) {
        Set<String> folders = new LinkedHashSet<>();
        for (String p : side.paths()) {
            Format f = format(p);
            if (f == null || f == Format.SQL || !LiquibasePaths.resourceRoot(p).equals(root)) continue;
            Optional<String> text = side.readableText(p);
            if (text.isEmpty() || !text.get().contains("includeAll")) continue;
            try {
                Optional<Changelog> log = parse(f, p, text.get());
                if (log.isEmpty()) continue;
                for (Include include : log.get().includes()) {
                    if (include.folder()) folders.add(LiquibasePaths.resolve(p, include.target(), include.relative()));
                }
            } catch (RuntimeException | StackOverflowError e) {
                // a broken changelog is reported when it is read itself; here it includes nothing
            }
        }
        return folders;
    }

    /** Liquibase's raw SQL changelog: the whole file is one changeSet with no rollback. */
    static Changelog rawSql(String path, String content) {
        Location file = Location.file(path);
        ChangeNode sql = new ChangeNode("sql", Map.of(), List.of(), content, 1, 1);
        return new Changelog(null, List.of(new ParsedChangeSet(RAW_ID, RAW_AUTHOR, null, false, Set.of(), file,
                List.of(sql), List.of(), false, false, List.of(), ChangeSetFacts.NONE)), List.of(), List.of());
    }

    /** @param content the changelog's text when its operations are wanted, else null */
    private ReadResult<ChangeSetRead> migrations(Snapshot side, String path, Changelog log, String content) {
        List<ChangeSetRead> out = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>(log.problems());
        for (Include include : log.includes()) {
            String target = LiquibasePaths.resolve(path, include.target(), include.relative());
            boolean found = include.folder() ? hasFilesUnder(side, target) : side.exists(target);
            if (!found) {
                problems.add(new ParseProblem(include.location(), (include.folder() ? "includeAll" : "include")
                        + " points to " + target + ", which is not in the repository"));
            }
        }
        OperationReading ops = content == null ? null : operationReading(side, path, log, content);
        String fileName = Text.fileName(path);
        String base = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        // Only a file with changeSets needs the includes that reach it: a master of includes alone reads no other file.
        RunnerView.Inherited within = log.changeSets().isEmpty() ? RunnerView.Inherited.NONE
                : view(side).masterOf(path).map(m -> m.inherited().getOrDefault(path, RunnerView.Inherited.NONE))
                .orElse(RunnerView.Inherited.NONE);
        for (ParsedChangeSet cs : log.changeSets()) {
            String file = cs.logicalFilePath() != null ? cs.logicalFilePath()
                    : log.logicalFilePath() != null ? log.logicalFilePath() : LiquibasePaths.logical(path);
            String id = file + "::" + cs.id() + "::" + cs.author();
            List<Migration.Touch> touches = new ArrayList<>();
            StringBuilder canonical = new StringBuilder();
            Set<String> dependsOn = new LinkedHashSet<>();
            for (ChangeNode change : cs.changes()) {
                touches.addAll(ChangeTouches.of(change, c -> sqlOf(side, path, c)));
                canonical(change, false, side, path, canonical);
                readFile(path, change).ifPresent(dependsOn::add);
            }
            for (ChangeNode visitor : cs.sqlVisitors()) canonical(visitor, false, side, path, canonical);
            String digest = Digests.sha256(canonical.toString());
            // A raw SQL file's id says nothing: its file name is its name.
            boolean raw = cs.id().equals(RAW_ID) && cs.author().equals(RAW_AUTHOR) && cs.location().isWholeFile();
            Migration m = new Migration(id, path, LiquibaseStack.ID, Migration.Kind.CHANGESET, null,
                    raw ? base : base + " / " + cs.id(), cs.location(), touches, rollback(cs), "sha256:" + digest,
                    digest, new AcceptedEdits(cs.runOnChange(), cs.validCheckSums()), List.copyOf(dependsOn));
            if (ops != null) m = m.withOperations(ops.of(cs));
            m = m.withRunner(runner(cs, within, side, path));
            out.add(new ChangeSetRead(m, cs.facts()));
        }
        return new ReadResult<>(out, problems);
    }

    /**
     * The changeSet's runner facts, with the context expressions and labels of the includes that reach it before its
     * own, and why production never runs it: a context expression production's contexts leave out, else a label list
     * production's label filter leaves out.
     */
    private RunnerFacts runner(ParsedChangeSet cs, RunnerView.Inherited within, Snapshot side, String path) {
        RunnerFacts facts = cs.facts().runner(cs.location());
        if (within == RunnerView.Inherited.NONE && facts.contexts().isEmpty() && facts.labels().isEmpty()) {
            return facts;
        }
        List<String> contexts = new ArrayList<>(within.contexts());
        contexts.addAll(facts.contexts());
        List<String> labels = new ArrayList<>(within.labels());
        labels.addAll(facts.labels());
        RunnerFacts written = facts.withContexts(contexts, labels);
        if (!production(side, path).runs(contexts).orElse(true)) {
            return written.withOutsideProduction(new OutsideProduction(OutsideProduction.Filter.CONTEXT,
                    String.join(" and ", contexts), null));
        }
        if (labels.isEmpty()) return written;
        LabelFilter filter = productionLabels(side, path);
        return filter.leavesOut(labels).map(list -> written.withOutsideProduction(new OutsideProduction(
                OutsideProduction.Filter.LABEL, list, filter.expression()))).orElse(written);
    }

    /**
     * The contexts production runs this changelog's project with: the configuration's ({@code
     * liquibase.production-contexts}), else Spring Boot's production settings ({@code spring.liquibase.contexts}),
     * else every context but the development and test ones.
     */
    private Contexts production(Snapshot side, String path) {
        if (production.said()) return production;
        RunnerView view = view(side);
        return view.springContexts(view.project(path)).map(Contexts::of).orElse(production);
    }

    /**
     * The label filter production runs this changelog's project with: the configuration's ({@code
     * liquibase.production-labels}), else Spring Boot's production settings ({@code spring.liquibase.label-filter}),
     * else none, which runs every changeSet.
     */
    private LabelFilter productionLabels(Snapshot side, String path) {
        if (productionLabels.said()) return productionLabels;
        RunnerView view = view(side);
        return view.springLabelFilter(view.project(path)).map(LabelFilter::spring).orElse(productionLabels);
    }

    /**
     * How the changes of this changelog become operations: for the database of its project (its settings', else the
     * default) with the properties its master and the changelogs before it set.
     */
    private OperationReading operationReading(Snapshot side, String path, Changelog log, String content) {
        RunnerView view = view(side);
        Dialect dialect = Optional.ofNullable(database(view, view.project(path))).orElse(Dialect.DEFAULT);
        List<Changelog.Property> properties = new ArrayList<>();
        if (content.contains("${")) {
            view.masterOf(path).map(m -> m.properties().get(path)).ifPresent(properties::addAll);
        }
        properties.addAll(log.properties());
        XmlChangelogParser.LineIndex lines = new XmlChangelogParser.LineIndex(content);
        ChangeOperations.TextPlaces places = (text, change) -> textStart(path, content, lines, text, change);
        ChangeOperations changes = new ChangeOperations(path, dialect, ChangeOperations.Properties.of(properties,
                dialect), places, change -> sqlFilePath(path, change)
                .flatMap(p -> side.readableText(p).map(t -> new ChangeOperations.SqlFile(p, t))));
        return new OperationReading(changes, log, dialect);
    }

    /** The operations of each changeSet: its changes, then its rollback (written, or Liquibase's own). */
    private record OperationReading(ChangeOperations changes, Changelog log, Dialect dialect) {
        /** Nothing for a changeSet whose {@code dbms} leaves this database out: it never runs there. */
        List<Operation> of(ParsedChangeSet cs) {
            List<Operation> out = new ArrayList<>();
            if (!cs.facts().runsOn(dialect)) return out;
            for (ChangeNode change : cs.changes()) out.addAll(changes.of(change, Side.UP));
            if (cs.rollback()) {
                for (ChangeNode rollback : cs.rollbacks()) out.addAll(rollback(rollback));
            } else if (!cs.formattedSql() && cs.changes().stream().allMatch(c -> AutoRollback.automatic(c.name()))) {
                // Liquibase undoes the changes in reverse order
                for (int i = cs.changes().size() - 1; i >= 0; i--) out.addAll(changes.inverse(cs.changes().get(i)));
            }
            return out;
        }

        /** A rollback block: changes, SQL, or a reference to another changeSet whose changes it runs. */
        private List<Operation> rollback(ChangeNode rollback) {
            List<Operation> out = new ArrayList<>();
            String otherId = rollback.attribute("changeSetId");
            if (otherId != null) {
                String author = rollback.attribute("changeSetAuthor");
                for (ParsedChangeSet other : log.changeSets()) {
                    if (!other.id().equals(otherId) || author != null && !other.author().equals(author)) continue;
                    for (ChangeNode change : other.changes()) out.addAll(changes.of(change, Side.ROLLBACK));
                }
                return out;
            }
            boolean hasChanges = false;
            for (ChangeNode child : rollback.children()) {
                if (child.name().equals("comment")) continue;
                hasChanges = true;
                out.addAll(changes.of(child, Side.ROLLBACK));
            }
            if (!hasChanges) out.addAll(changes.sql(rollback, Side.ROLLBACK));
            return out;
        }
    }

    /**
     * Where a change's text starts in the file: the first line of the text found at or after the change's own line,
     * else the change's line (text with entities or CDATA that the file spells differently).
     */
    private static Location textStart(String path, String content, XmlChangelogParser.LineIndex lines, String text,
                                      ChangeNode change) {
        Location fallback = Location.at(path, change.line(), change.column());
        String stripped = text.strip();
        if (stripped.isEmpty()) return fallback;
        int eol = stripped.indexOf('\n');
        String probe = (eol < 0 ? stripped : stripped.substring(0, eol)).strip();
        if (probe.length() > 60) probe = probe.substring(0, 60);
        int from = lines.offsetOfLine(change.line());
        int at = content.indexOf(probe, from);
        if (at < 0) return fallback;
        int[] position = lines.position(at);
        return Location.at(path, position[0], position[1]);
    }

    private static boolean hasFilesUnder(Snapshot side, String folder) {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        for (String p : side.paths()) if (p.startsWith(prefix)) return true;
        return false;
    }

    /** Needed when a change cannot be rolled back automatically and no rollback is written. */
    private static Rollback rollback(ParsedChangeSet cs) {
        if (cs.rollback()) return new Rollback(Rollback.Status.PRESENT, cs.location(), false);
        for (ChangeNode change : cs.changes()) {
            if (cs.formattedSql() || !AutoRollback.automatic(change.name())) {
                return new Rollback(Rollback.Status.MISSING, cs.location(), false);
            }
        }
        return new Rollback(Rollback.Status.PRESENT, cs.location(), false);
    }

    private static String sqlOf(Snapshot side, String path, ChangeNode change) {
        if (change.name().equals("sqlFile")) return sqlFileContent(side, path, change).orElse(null);
        String attr = change.attribute("sql");
        if (attr != null) return attr;
        ChangeNode nested = change.child("sql");
        return nested != null && !nested.text().isEmpty() ? nested.text() : change.text();
    }

    private static Optional<String> sqlFileContent(Snapshot side, String changelog, ChangeNode change) {
        return sqlFilePath(changelog, change).flatMap(side::readText);
    }

    /**
     * The file whose content a change's checksum covers, as a repository path: the SQL of a {@code sqlFile}, the CSV
     * of a {@code loadData} or {@code loadUpdateData}.
     */
    private static Optional<String> readFile(String changelog, ChangeNode change) {
        return switch (change.name()) {
            case "sqlFile" -> sqlFilePath(changelog, change);
            case "loadData", "loadUpdateData" -> dataFilePath(changelog, change);
            default -> Optional.empty();
        };
    }

    private static Optional<String> dataFilePath(String changelog, ChangeNode change) {
        String file = change.attribute("file");
        if (file == null) return Optional.empty();
        boolean relative = Boolean.parseBoolean(change.attributes().getOrDefault("relativeToChangelogFile", "false"));
        return Optional.of(LiquibasePaths.resolve(changelog, file, relative));
    }

    /** The repository path a {@code sqlFile} change reads. */
    private static Optional<String> sqlFilePath(String changelog, ChangeNode change) {
        String file = change.attribute("path");
        if (file == null) return Optional.empty();
        boolean relative = Boolean.parseBoolean(change.attributes().getOrDefault("relativeToChangelogFile", "false"));
        return Optional.of(LiquibasePaths.resolve(changelog, file, relative));
    }

    /**
     * What Liquibase's checksum covers, written out: each change's type, attributes, nested elements and text. Text is
     * normalised to LF and NFC; in {@code sql} and {@code sqlFile} (and the file it names) all whitespace is dropped,
     * as checksum version 9 does. Rollback, comments and preconditions are not part of it.
     */
    private static void canonical(ChangeNode node, boolean sqlText, Snapshot side, String path, StringBuilder out) {
        boolean sql = sqlText || node.name().equals("sql") || node.name().equals("sqlFile");
        out.append(node.name()).append('{');
        for (Map.Entry<String, String> a : node.attributes().entrySet()) {
            out.append(a.getKey()).append('=').append(normalize(a.getValue(), sql || a.getKey().equals("sql")))
                    .append(';');
        }
        out.append('}');
        if (node.name().equals("sqlFile")) {
            out.append("file=").append(sqlFileContent(side, path, node).map(t -> normalize(t, true)).orElse("?"));
        }
        if (node.name().equals("loadData") || node.name().equals("loadUpdateData")) {
            // Liquibase's checksum of a data load covers the rows of its file, as written
            out.append("file=").append(dataFilePath(path, node).flatMap(side::readableText)
                    .map(t -> Normalizer.normalize(Text.withLfLineEndings(t), Normalizer.Form.NFC)).orElse("?"));
        }
        out.append('[');
        for (ChangeNode c : node.children()) {
            if (c.name().equals("rollback") || c.name().equals("comment")) continue;
            canonical(c, sql, side, path, out);
        }
        out.append(']').append('<').append(normalize(node.text(), sql)).append('>');
    }

    private static String normalize(String text, boolean dropWhitespace) {
        String t = Normalizer.normalize(Text.withLfLineEndings(text), Normalizer.Form.NFC);
        return dropWhitespace ? WHITESPACE.matcher(t).replaceAll("") : t.strip();
    }

    private static Location inside(String path, String content, int line, int column) {
        String[] lines = Text.lines(content);
        int l = Math.min(Math.max(line, 1), lines.length);
        int c = Math.min(Math.max(column, 1), lines[l - 1].length() + 1);
        return Location.at(path, l, c);
    }
}
