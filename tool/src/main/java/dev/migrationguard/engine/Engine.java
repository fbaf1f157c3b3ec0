package dev.migrationguard.engine;

import dev.migrationguard.analysis.Analysis.DeployedEdit;
import dev.migrationguard.analysis.Analysis.SuppressionComment;
import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RunnerView;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.ChangeKind;
import dev.migrationguard.model.ChangeSet;
import dev.migrationguard.model.FileChange;
import dev.migrationguard.model.FileTooLarge;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationNames;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.NotRun;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.SchemaChange;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.SyncSetting;
import dev.migrationguard.model.Text;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.report.Fingerprints;
import dev.migrationguard.replay.SetReplayer;
import dev.migrationguard.report.Report;
import dev.migrationguard.settings.Scope;
import dev.migrationguard.stack.DeployedLedger;
import dev.migrationguard.stack.EntityReader;
import dev.migrationguard.stack.MigrationAdvisor;
import dev.migrationguard.stack.MigrationReader;
import dev.migrationguard.stack.SettingsReader;
import dev.migrationguard.stack.StackSet;
import dev.migrationguard.stack.WayBack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Turns a change set into a report: picks the files each stack cares about, has the readers parse them into models,
 * runs the rules over those models and passes the findings through the processors. Knows nothing of git.
 */
public final class Engine {
    private static final String TOO_LARGE = "is too large to read";
    private static final String NOT_PARSED = "could not be parsed";
    private final StackSet stacks;
    private final List<Rule> rules;
    private final Map<String, RuleMeta> metas = new LinkedHashMap<>();
    private final Scope scope;
    private final Judging judging;
    private final Dialect configuredDialect;
    private final Consumer<String> debug;
    private final SetReplayer replayer;

    /** An engine that finds the database in the project's settings and says nothing of why it stays silent. */
    public Engine(StackSet stacks, List<Rule> rules, Scope scope, Judging judging) {
        this(stacks, rules, scope, judging, null, line -> { });
    }

    /**
     * @param scope   which files may hold entities and migrations
     * @param judging how the findings are judged after the rules
     * @param dialect the database the configuration names ({@code dialect:}), which wins over the project's settings;
     *                null when it names none
     * @param debug   where the lines of {@code --debug} go: which database was taken, and what was left uncompared
     */
    public Engine(StackSet stacks, List<Rule> rules, Scope scope, Judging judging, Dialect dialect,
                  Consumer<String> debug) {
        this(stacks, rules, scope, judging, dialect, debug, null);
    }

    /**
     * @param replayer replays the runners' migration sets when a rule asks whether the migrations already build an
     *                 entity change; null when no replay may run
     */
    public Engine(StackSet stacks, List<Rule> rules, Scope scope, Judging judging, Dialect dialect,
                  Consumer<String> debug, SetReplayer replayer) {
        this.stacks = stacks;
        this.rules = List.copyOf(rules);
        for (Rule rule : this.rules) metas.put(rule.id(), rule.meta());
        this.scope = scope;
        this.judging = judging;
        this.configuredDialect = dialect;
        this.debug = debug;
        this.replayer = replayer;
    }

    public Report run(ChangeSet cs) {
        return run(cs, List.of());
    }

    /**
     * Judges {@code cs}, and checks every migration recorded by the ledgers opened from {@code sources} (a lock file,
     * a database) against the {@code after} side.
     */
    public Report run(ChangeSet cs, List<DeployedLedger.Source> sources) {
        List<DeployedLedger> ledgers = new ArrayList<>();
        for (DeployedLedger.Source source : sources) source.open(cs, this::identifiedMigrations).ifPresent(ledgers::add);
        var work = new Work(cs);
        Map<SchemaChange, MigrationCoverage.Sides> sides = new HashMap<>();
        List<MigrationCoverage.Sides> mapped = new ArrayList<>();
        List<SchemaChange> schemaChanges;
        List<Migration> newMigrations = new ArrayList<>();
        List<Migration> checked = new ArrayList<>();
        List<DeployedEdit> edits = new ArrayList<>();
        if (cs.isLint()) {
            try (var ahead = MigrationReadAhead.start(cs.after(), cs.lintPaths(), this::migrationReaders)) {
                schemaChanges = lintEntities(work, mapped);
                for (String path : cs.lintPaths()) {
                    for (MigrationReader r : migrationReaders(path)) checked.addAll(work.readMigrations(r, path));
                }
            }
        } else {
            schemaChanges = entityChanges(work, sides);
            migrationChanges(work, newMigrations, edits);
            checked.addAll(newMigrations);
        }
        if (!ledgers.isEmpty()) ledgerEdits(work, ledgers, edits);
        List<SyncSetting> settings = readSettings(work);
        List<NotRun> notRun = notRun(work);

        Map<SchemaChange, String> advice = new HashMap<>();
        for (SchemaChange c : schemaChanges) {
            String name = MigrationNames.suggest(c);
            for (MigrationAdvisor a : stacks.advisors()) {
                Optional<String> hint = a.advise(c, name, cs.after());
                if (hint.isPresent()) {
                    advice.put(c, hint.get());
                    break;
                }
            }
        }
        List<SuppressionComment> suppressions = new ArrayList<>();
        for (String path : work.checkedFiles) suppressions.addAll(work.suppressions(path));

        Map<String, String> deployedIn = cs.isLint() ? deployedIn(work, checked, ledgers) : Map.of();
        Map<String, WayBack> wayBacks = new LinkedHashMap<>();
        stacks.tools().forEach((stack, tool) -> wayBacks.put(stack, tool.wayBack()));
        var runners = new RunnerView(() -> sets(cs.before()), () -> sets(cs.after()),
                () -> cs.deployed() == null ? List.of() : sets(cs.deployed()), () -> anyMigration(work));
        Predicate<Migration> first = FirstMigrations.lazily(() -> identified(cs.after(), work::identify));
        List<Migration> reviewed = new ArrayList<>();
        for (Migration m : checked) if (!deployedIn.containsKey(m.id())) reviewed.add(m);
        var review = new Reviews(cs, reviewed, () -> dialect(work), () -> {
            dialect(work);
            return work.dialectAssumed;
        }, first, runners::after, replayer,
                cs.mode() != ChangeSet.Mode.STAGED,
                (side, text) -> Reviews.entities(side, stacks.entityReaders(), scope.entities()::test, dialect(work),
                        text),
                () -> identified(cs.after(), work::identify), () -> namedMigrations(cs.deployed()));
        var analysis = new Analysis(cs.mode(), schemaChanges, newMigrations, checked, edits, settings,
                work.problems, suppressions, advice, deployedIn, first, wayBacks, notRun, runners,
                new MigrationCoverage(sides, mapped, runners::after, replayer, cs.after(), debug, () -> dialect(work),
                        cs.mode() != ChangeSet.Mode.STAGED, work.problems), review);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) findings.addAll(rule.check(analysis));
        Function<String, Optional<String>> sourceOf = work::text;
        List<Finding> processed = Processors.run(findings, metas, judging, work::suppressions, sourceOf);
        return new Report(cs.mode().id(), processed, work.checkedFiles.size(), Fingerprints.of(processed, sourceOf));
    }

    // ---- entities ----

    private List<SchemaChange> entityChanges(Work work, Map<SchemaChange, MigrationCoverage.Sides> sides) {
        ChangeSet cs = work.cs;
        List<SchemaChange> all = new ArrayList<>();
        for (EntityReader reader : stacks.entityReaders()) {
            Set<String> oldPaths = new LinkedHashSet<>();
            Set<String> newPaths = new LinkedHashSet<>();
            for (FileChange c : cs.changes()) {
                if (c.oldPath() != null && acceptsEntity(reader, c.oldPath())) oldPaths.add(c.oldPath());
                if (c.newPath() != null && acceptsEntity(reader, c.newPath())) newPaths.add(c.newPath());
            }
            if (oldPaths.isEmpty() && newPaths.isEmpty()) continue;
            // A file that does not parse, or is too large to read, on either side cannot be compared: its tables are
            // left out on both sides. One too large is not read at all.
            Map<String, String> unreliable = new LinkedHashMap<>();
            for (String p : oldPaths) {
                if (work.tooLarge(cs.before(), p, head -> false)) {
                    unreliable.putIfAbsent(p, TOO_LARGE + " on the before side");
                }
            }
            for (String p : newPaths) {
                if (work.tooLarge(cs.after(), p, head -> reader.recognizes(p, head))) {
                    unreliable.putIfAbsent(p, TOO_LARGE + " on the after side");
                }
            }
            replacedOutOfReach(reader, cs, oldPaths, newPaths, unreliable);
            oldPaths.removeAll(unreliable.keySet());
            newPaths.removeAll(unreliable.keySet());
            Set<String> extra = new LinkedHashSet<>();
            if (!oldPaths.isEmpty()) extra.addAll(reader.dependents(cs.before(), oldPaths));
            if (!newPaths.isEmpty()) extra.addAll(reader.dependents(cs.after(), newPaths));
            extra.removeIf(p -> !scope.entities().test(p));
            for (String p : extra) {
                if (work.tooLarge(cs.before(), p, head -> false) || work.tooLarge(cs.after(), p, head -> false)) {
                    unreliable.putIfAbsent(p, TOO_LARGE);
                }
            }
            extra.removeAll(unreliable.keySet());
            // Files too large are not read at all, so no table can be named: the file is.
            unreliable.forEach((path, why) -> debug.accept("entities in " + path + ": not compared: the file " + why));
            Set<String> beforeSet = new LinkedHashSet<>(oldPaths);
            beforeSet.addAll(extra);
            Set<String> afterSet = new LinkedHashSet<>(newPaths);
            afterSet.addAll(extra);

            List<ParseProblem> pointers = lfsPointers(cs.after(), newPaths, afterSet);
            work.problems.addAll(pointers);
            Dialect dialect = mayDeclareEntities(reader, cs.before(), beforeSet, work)
                    || mayDeclareEntities(reader, cs.after(), afterSet, work) ? dialect(work) : Dialect.DEFAULT;
            ReadResult<Table> before = reader.tables(cs.before(), beforeSet, dialect, cs.after());
            ReadResult<Table> after = reader.tables(cs.after(), afterSet, dialect, cs.after());
            work.checkedFiles.addAll(newPaths);
            work.problems.addAll(after.problems());
            for (ParseProblem p : pointers) unreliable.putIfAbsent(p.location().path(), "is a git-lfs pointer");
            for (ParseProblem p : before.problems()) {
                unreliable.putIfAbsent(p.location().path(), NOT_PARSED + " on the before side");
            }
            for (ParseProblem p : after.problems()) {
                unreliable.putIfAbsent(p.location().path(), NOT_PARSED + " on the after side");
            }
            for (FileChange c : cs.changes()) {
                String why = c.oldPath() != null && unreliable.containsKey(c.oldPath()) ? unreliable.get(c.oldPath())
                        : c.newPath() != null ? unreliable.get(c.newPath()) : null;
                if (why == null) continue;
                if (c.oldPath() != null) unreliable.putIfAbsent(c.oldPath(), why);
                if (c.newPath() != null) unreliable.putIfAbsent(c.newPath(), why);
            }
            // the database is only assumed when nothing names it, or when these entities did not need it looked for
            var physical = new PhysicalChanges(dialect, work.dialect == null || work.dialectAssumed, unreliable, debug);
            List<SchemaChange> changes = physical.between(before.items(), after.items());
            var compared = new MigrationCoverage.Sides(dialect, physical.was(), physical.now());
            for (SchemaChange c : changes) sides.put(c, compared);
            all.addAll(changes);
        }
        return all;
    }

    /**
     * An entity file the change removes while it adds a file the reader cannot read that may declare the same entities
     * (a Java entity rewritten in Kotlin): what it mapped is not compared, since the tables may well be unchanged, and
     * reporting them as dropped would be a false alarm.
     */
    private static void replacedOutOfReach(EntityReader reader, ChangeSet cs, Set<String> oldPaths,
                                           Set<String> newPaths, Map<String, String> unreliable) {
        List<String> unread = new ArrayList<>();
        for (FileChange c : cs.changes()) {
            if (c.newPath() != null && !reader.accepts(c.newPath())) unread.add(c.newPath());
        }
        if (unread.isEmpty()) return;
        for (String removed : oldPaths) {
            if (newPaths.contains(removed)) continue;
            for (String added : unread) {
                if (!reader.mayReplaceByName(removed, added)) continue;
                Optional<String> text = cs.after().readableText(added);
                if (text.isPresent() && reader.mayReplace(removed, added, text.get())) {
                    unreliable.putIfAbsent(removed, "was replaced by " + added + ", which is not read (another "
                            + "language)");
                    break;
                }
            }
        }
    }

    /** Lint judges no entity change, but an entity that does not parse is still reported. */
    private List<SchemaChange> lintEntities(Work work, List<MigrationCoverage.Sides> mapped) {
        for (EntityReader reader : stacks.entityReaders()) {
            Set<String> paths = new LinkedHashSet<>();
            for (String p : work.cs.lintPaths()) {
                if (!acceptsEntity(reader, p)) continue;
                if (!work.tooLarge(work.cs.after(), p, head -> reader.recognizes(p, head))) paths.add(p);
            }
            List<ParseProblem> pointers = lfsPointers(work.cs.after(), paths, paths);
            work.problems.addAll(pointers);
            for (ParseProblem p : pointers) work.checkedFiles.add(p.location().path());
            if (paths.isEmpty()) continue;
            Dialect dialect = mayDeclareEntities(reader, work.cs.after(), paths, work)
                    ? dialect(work) : Dialect.DEFAULT;
            ReadResult<Table> tables = reader.tables(work.cs.after(), paths, dialect);
            work.problems.addAll(tables.problems());
            Set<String> unparsed = new HashSet<>();
            for (ParseProblem p : tables.problems()) unparsed.add(p.location().path());
            List<Table> reliable = new ArrayList<>();
            for (Table t : tables.items()) {
                if (t.location() == null || !unparsed.contains(t.location().path())) reliable.add(t);
            }
            PhysicalSchema schema = PhysicalSchema.of(dialect, reliable, List.of(), List.of());
            mapped.add(new MigrationCoverage.Sides(dialect, schema, schema));
            for (Table t : tables.items()) {
                if (t.location() != null) work.checkedFiles.add(t.location().path());
            }
            for (ParseProblem p : tables.problems()) work.checkedFiles.add(p.location().path());
        }
        return List.of();
    }

    /**
     * Of {@code candidates}, the files that are git-lfs pointers: reported, and removed from {@code toRead} so that no
     * reader parses a pointer as source.
     */
    private static List<ParseProblem> lfsPointers(Snapshot side, Set<String> candidates, Set<String> toRead) {
        List<ParseProblem> problems = new ArrayList<>();
        for (String path : List.copyOf(candidates)) {
            if (side.read(path).filter(Text::isLfsPointer).isEmpty()) continue;
            problems.add(lfsPointer(path));
            toRead.remove(path);
        }
        return problems;
    }

    private static ParseProblem lfsPointer(String path) {
        return new ParseProblem(Location.file(path), "it is a git-lfs pointer, not the file's content: git-lfs keeps "
                + "that outside git, so it was not checked",
                "Stop tracking it with git-lfs (git lfs untrack, then git add --renormalize " + path + "): its runner "
                        + "and this check read it from git, where only the pointer is.");
    }

    private boolean acceptsEntity(EntityReader reader, String path) {
        return reader.accepts(path) && scope.entities().test(path);
    }

    // ---- migrations ----

    /**
     * Compares migrations by identity (a Flyway file's path, a Liquibase changeSet's file::id::author): one that the
     * deployed version of the file lacks is new; a deployed one that is gone, or whose checksum changed, is an edit.
     * A changed file that is no migration itself may still be part of one (the {@code .sql} a Liquibase
     * {@code sqlFile} reads): the migrations that depend on it are compared too, though their own file is unchanged.
     */
    private void migrationChanges(Work work, List<Migration> newMigrations, List<DeployedEdit> edits) {
        ChangeSet cs = work.cs;
        Set<String> changed = new LinkedHashSet<>();
        Set<String> migrationFiles = new HashSet<>();
        for (FileChange c : cs.changes()) {
            if (c.oldPath() != null) changed.add(c.oldPath());
            if (c.newPath() != null) changed.add(c.newPath());
            Set<MigrationReader> readers = new LinkedHashSet<>();
            if (c.newPath() != null) readers.addAll(migrationReaders(c.newPath()));
            if (c.oldPath() != null) readers.addAll(migrationReaders(c.oldPath()));
            for (MigrationReader reader : readers) {
                if (tooLargeToCompare(work, reader, c)) continue;
                List<Migration> now = c.newPath() != null && reader.accepts(c.newPath())
                        ? work.readMigrations(reader, c.newPath()) : List.of();
                List<Migration> was = deployedVersion(reader, cs.deployed(), c);
                if (!now.isEmpty() || !was.isEmpty()) {
                    if (c.oldPath() != null) migrationFiles.add(c.oldPath());
                    if (c.newPath() != null) migrationFiles.add(c.newPath());
                }
                compare(work, now, was, m -> true, c, newMigrations, edits);
            }
        }
        Set<String> parts = new LinkedHashSet<>(changed);
        parts.removeAll(migrationFiles);
        if (parts.isEmpty()) return;
        for (MigrationReader reader : stacks.migrationReaders()) {
            for (String path : reader.dependents(cs.after(), parts)) {
                if (changed.contains(path) || !migrationReaders(path).contains(reader)
                        || tooLargeToCompare(work, reader, FileChange.modified(path))) {
                    continue;
                }
                List<Migration> now = work.readMigrations(reader, path);
                List<Migration> was = cs.deployed() != null && cs.deployed().exists(path)
                        ? reader.identify(cs.deployed(), path).items() : List.of();
                compare(work, now, was, m -> !Collections.disjoint(m.dependsOn(), parts), FileChange.modified(path),
                        newMigrations, edits);
            }
        }
    }

    /**
     * Whether a side that comparing this file's migrations needs holds it too large to read: then nothing of it is
     * compared (its migrations are neither new nor edited) and it is reported, so that no edit goes unseen.
     */
    private static boolean tooLargeToCompare(Work work, MigrationReader reader, FileChange c) {
        ChangeSet cs = work.cs;
        String now = c.newPath() != null && reader.accepts(c.newPath()) ? c.newPath() : null;
        boolean tooLarge = now != null
                && work.tooLarge(cs.after(), now, head -> reader.recognizes(cs.after(), now, head));
        if (tooLarge || cs.deployed() == null) return tooLarge;
        for (String path : new String[]{c.oldPath(), c.newPath()}) {
            if (path == null || !reader.accepts(path)) continue;
            Optional<FileTooLarge> deployed = cs.deployed().tooLarge(path);
            if (deployed.isEmpty()) continue;
            if (reader.recognizes(cs.deployed(), path, deployed.get().head())) {
                work.problems.add(deployed.get().problem(now != null ? Location.at(now, 1, 1) : Location.file(path),
                        "its deployed version (" + path + " on " + cs.deployedRef() + ")",
                        "whether this change edits a deployed migration"));
            }
            return true;
        }
        return false;
    }

    /** The migrations of one file, deployed and now: those {@code relevant} ones that are new or edited. */
    private static void compare(Work work, List<Migration> now, List<Migration> was, Predicate<Migration> relevant,
                                FileChange c, List<Migration> newMigrations, List<DeployedEdit> edits) {
        String deployedRef = work.cs.deployedRef();
        Map<String, Migration> nowById = byId(now);
        Map<String, Migration> wasById = byId(was);
        for (Migration m : now) {
            if (!wasById.containsKey(m.id()) && relevant.test(m)) newMigrations.add(m);
        }
        for (Migration d : was) {
            Migration m = nowById.get(d.id());
            if (!relevant.test(d) && (m == null || !relevant.test(m))) continue;
            if (m != null && (Objects.equals(m.checksum(), d.checksum())
                    || m.acceptedEdits().accept(d.acceptedEdits(), null))) continue;
            DeployedEdit.How how = m != null ? DeployedEdit.How.MODIFIED
                    : c.kind() == ChangeKind.RENAMED ? DeployedEdit.How.RENAMED : DeployedEdit.How.DELETED;
            Location at = m == null ? Location.file(c.path()) : FirstChange.locate(m, now,
                    work.text(m.path()).orElse(null), d, was,
                    work.cs.deployed().readText(d.path()).orElse(null), located(m));
            edits.add(new DeployedEdit(how, d, m, c.oldPath(), c.newPath(), deployedRef, at));
        }
    }

    /**
     * Every entry of every ledger against the migrations now in the repository: one that is gone, or whose content no
     * longer matches (and whose runner does not accept the edit), is reported once, unless the deploy ref already did.
     */
    private void ledgerEdits(Work work, List<DeployedLedger> ledgers, List<DeployedEdit> edits) {
        List<Migration> all = identified(work.cs.after(), work::identify);
        Set<String> tooLarge = work.tooLarge(work.cs.after());
        Set<String> reported = new HashSet<>();
        for (DeployedEdit e : edits) reported.add(e.deployed().id());
        for (DeployedLedger ledger : ledgers) {
            Map<String, List<Integer>> byKey = new HashMap<>();
            for (int i = 0; i < all.size(); i++) {
                for (String key : ledger.keys(all.get(i))) byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
            for (DeployedLedger.Entry entry : ledger.entries()) {
                // Several files may answer to one record (a Flyway script name in two dialect folders): the one that
                // matches it is the one that was applied, else the first in the order of the repository.
                Set<Integer> candidates = new TreeSet<>();
                for (String key : ledger.keys(entry)) candidates.addAll(byKey.getOrDefault(key, List.of()));
                Migration found = null;
                for (int i : candidates) {
                    Migration m = all.get(i);
                    if (!ledger.records(entry, m)) continue;
                    if (found == null) found = m;
                    if (ledger.matches(entry, m)) {
                        found = m;
                        break;
                    }
                }
                if (found != null && reported.contains(found.id())) continue;
                if (found == null && inAny(entry, tooLarge)) continue;
                if (found == null) {
                    Migration gone = new Migration(entry.name(), entry.name(), entry.stack(),
                            stacks.tool(entry.stack()).recordedKind(), null, entry.name(), null, List.of(), null,
                            entry.checksum());
                    Location at = entry.location() != null ? entry.location() : Location.file(entry.name());
                    edits.add(new DeployedEdit(DeployedEdit.How.DELETED, gone, null, null, null, ledger.name(), at,
                            true));
                } else if (!ledger.matches(entry, found) && !found.acceptedEdits().accept(null, entry.checksum())) {
                    reported.add(found.id());
                    edits.add(new DeployedEdit(DeployedEdit.How.MODIFIED, found, found, found.path(), found.path(),
                            ledger.name(), located(found), true));
                }
            }
        }
    }

    /**
     * Which of the migrations lint judges are deployed: present on the deploy ref (SPEC.md), or recorded by a ledger.
     * Only their identity is read from the deploy ref.
     */
    private Map<String, String> deployedIn(Work work, List<Migration> checked, List<DeployedLedger> ledgers) {
        Map<String, String> deployed = new HashMap<>();
        Snapshot ref = work.cs.deployed();
        if (ref != null) {
            Map<String, Boolean> idIsPath = new LinkedHashMap<>();
            for (Migration m : checked) idIsPath.merge(m.path(), m.id().equals(m.path()), Boolean::logicalAnd);
            // One listing of the deploy ref answers every "is it there", where a lookup per file walks its tree again.
            Set<String> onRef = new HashSet<>(ref.paths());
            for (var file : idIsPath.entrySet()) {
                String path = file.getKey();
                if (!onRef.contains(path)) continue;
                // A migration known by its path (Flyway, TypeORM) is deployed when its file is: nothing to read.
                if (file.getValue()) {
                    deployed.putIfAbsent(path, work.cs.deployedRef());
                    continue;
                }
                for (MigrationReader r : migrationReaders(path)) {
                    for (Migration d : r.identify(ref, path).items()) deployed.putIfAbsent(d.id(), work.cs.deployedRef());
                }
            }
        }
        for (DeployedLedger ledger : ledgers) {
            Map<String, List<Migration>> byKey = new HashMap<>();
            for (Migration m : checked) {
                for (String key : ledger.keys(m)) byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
            }
            for (DeployedLedger.Entry entry : ledger.entries()) {
                for (String key : ledger.keys(entry)) {
                    for (Migration m : byKey.getOrDefault(key, List.of())) {
                        if (ledger.records(entry, m)) deployed.putIfAbsent(m.id(), ledger.name());
                    }
                }
            }
        }
        deployed.keySet().retainAll(checked.stream().map(Migration::id).collect(Collectors.toSet()));
        return deployed;
    }

    /**
     * Whether the file an entry names (a Flyway script, a changeSet's {@code file::id::author}, classpath-relative) is
     * one of {@code paths}: a file too large to read is not gone, though none of its migrations could be identified.
     */
    private static boolean inAny(DeployedLedger.Entry entry, Set<String> paths) {
        if (paths.isEmpty()) return false;
        int sep = entry.name().indexOf("::");
        String file = sep < 0 ? entry.name() : entry.name().substring(0, sep);
        for (String path : paths) if (path.equals(file) || path.endsWith("/" + file)) return true;
        return false;
    }

    /**
     * Every migration in a snapshot with what identifies it (see {@link MigrationReader#identify}), for matching a
     * ledger's records; files the configuration excludes, or too large to read, are left out.
     */
    private List<Migration> identifiedMigrations(Snapshot side) {
        return identified(side, (r, path) -> readable(side, r, path, null) ? r.identify(side, path)
                : ReadResult.empty());
    }

    /**
     * Every migration in a snapshot as its path names it where a path does (Flyway), else identified: what a rule that
     * orders migrations needs. On a deploy ref of 5,000 Flyway scripts, identifying them meant loading every blob for
     * a checksum no such rule reads.
     */
    private List<Migration> namedMigrations(Snapshot side) {
        return identified(side, (r, path) -> r.named(path)
                .orElseGet(() -> readable(side, r, path, null) ? r.identify(side, path) : ReadResult.empty()));
    }

    private List<Migration> identified(Snapshot side, BiFunction<MigrationReader, String, ReadResult<Migration>> read) {
        List<Migration> all = new ArrayList<>();
        for (String path : side.paths()) {
            for (MigrationReader r : migrationReaders(path)) all.addAll(read.apply(r, path).items());
        }
        return all;
    }

    /**
     * Every migration in a snapshot, read whole (what {@code lock} records); the files that could not be read (too
     * large ones included) are added to {@code problems}.
     */
    public List<Migration> migrations(Snapshot side, List<ParseProblem> problems) {
        List<Migration> all = new ArrayList<>();
        for (String path : side.paths()) {
            for (MigrationReader r : migrationReaders(path)) {
                if (!readable(side, r, path, problems)) continue;
                if (r.acceptsByName() && side.read(path).filter(Text::isLfsPointer).isPresent()) {
                    problems.add(lfsPointer(path));
                    continue;
                }
                ReadResult<Migration> result = r.read(side, path);
                all.addAll(result.items());
                problems.addAll(result.problems());
            }
        }
        return all;
    }

    /** False for a file too large to read; its problem goes to {@code problems} (when given) if it is the reader's. */
    private static boolean readable(Snapshot side, MigrationReader reader, String path, List<ParseProblem> problems) {
        Optional<FileTooLarge> tooLarge = side.tooLarge(path);
        if (tooLarge.isEmpty()) return true;
        if (problems != null && reader.recognizes(side, path, tooLarge.get().head())) {
            problems.add(tooLarge.get().problem());
        }
        return false;
    }

    /**
     * The migrations of this file as the deploy ref has them, at its old path or at its new one when re-added. Only
     * their identity and checksums are compared, so they are identified, not parsed (no SQL parsing on a commit that
     * edits a deployed migration).
     */
    private static List<Migration> deployedVersion(MigrationReader reader, Snapshot deployed, FileChange c) {
        if (deployed == null) return List.of();
        for (String path : new String[]{c.oldPath(), c.newPath()}) {
            if (path != null && reader.accepts(path) && deployed.exists(path)) {
                return reader.identify(deployed, path).items();
            }
        }
        return List.of();
    }

    private static Location located(Migration m) {
        return m.descriptionLocation() != null ? m.descriptionLocation() : Location.file(m.path());
    }

    private static Map<String, Migration> byId(List<Migration> migrations) {
        Map<String, Migration> map = new HashMap<>();
        for (Migration m : migrations) map.putIfAbsent(m.id(), m);
        return map;
    }

    /**
     * The files of the change (in lint mode: every file in scope) that look like migrations their runner will not run,
     * one answer per file: the first stack that claims it speaks for it.
     */
    private List<NotRun> notRun(Work work) {
        ChangeSet cs = work.cs;
        Set<String> paths = new LinkedHashSet<>();
        if (cs.isLint()) {
            paths.addAll(cs.lintPaths());
        } else {
            for (FileChange c : cs.changes()) if (c.newPath() != null) paths.add(c.newPath());
        }
        List<NotRun> found = new ArrayList<>();
        for (String path : paths) {
            if (!scope.migrations().test(path)) continue;
            for (MigrationReader r : stacks.migrationReaders()) {
                Optional<NotRun> notRun = r.notRun(cs.after(), path);
                if (notRun.isEmpty()) continue;
                found.add(notRun.get());
                work.checkedFiles.add(path);
                break;
            }
        }
        return found;
    }

    /** The migration sets every stack's runner applies on {@code side}. */
    private List<MigrationSet> sets(Snapshot side) {
        List<MigrationSet> all = new ArrayList<>();
        for (MigrationReader r : stacks.migrationReaders()) all.addAll(r.sets(side));
        return all;
    }

    /**
     * Whether any stack recognises a migration on the after side. The file names answer first, with nothing read; only
     * then are the files that readers recognise by content (changelogs among other XML and YAML) read, until one holds
     * a migration.
     */
    private boolean anyMigration(Work work) {
        List<String> paths = work.cs.after().paths();
        List<MigrationReader> byContent = new ArrayList<>();
        for (MigrationReader r : stacks.migrationReaders()) {
            if (!r.acceptsByName()) {
                byContent.add(r);
                continue;
            }
            for (String path : paths) {
                if (r.accepts(path) && scope.migrations().test(path)) return true;
            }
        }
        for (MigrationReader r : byContent) {
            for (String path : paths) {
                if (r.accepts(path) && scope.migrations().test(path) && !work.identify(r, path).items().isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<MigrationReader> migrationReaders(String path) {
        if (!scope.migrations().test(path)) return List.of();
        List<MigrationReader> readers = new ArrayList<>();
        for (MigrationReader r : stacks.migrationReaders()) if (r.accepts(path)) readers.add(r);
        return readers;
    }

    // ---- settings ----

    /**
     * The settings of the files checked. In check mode, a setting the file already had before the change, with the same
     * value and guard, is left out: touching a file for another reason does not make its old settings the change's.
     */
    private List<SyncSetting> readSettings(Work work) {
        ChangeSet cs = work.cs;
        Map<String, String> paths = new LinkedHashMap<>();
        if (cs.isLint()) {
            for (String path : cs.lintPaths()) paths.put(path, null);
        } else {
            for (FileChange c : cs.changes()) if (c.newPath() != null) paths.put(c.newPath(), c.oldPath());
        }
        List<SyncSetting> settings = new ArrayList<>();
        for (var entry : paths.entrySet()) {
            String path = entry.getKey();
            for (SettingsReader r : stacks.settingsReaders()) {
                if (!r.accepts(path) || work.tooLarge(cs.after(), path, head -> r.recognizes(path, head))) continue;
                Optional<String> text = work.text(path);
                if (text.isEmpty()) continue;
                ReadResult<SyncSetting> result = r.read(path, text.get());
                work.problems.addAll(result.problems());
                work.checkedFiles.add(path);
                String oldPath = entry.getValue();
                if (oldPath == null || result.items().isEmpty() || !r.accepts(oldPath)
                        || work.tooLarge(cs.before(), oldPath, head -> false)) {
                    settings.addAll(result.items());
                    continue;
                }
                Optional<String> was = cs.before().readableText(oldPath);
                List<SyncSetting> before = was.map(t -> r.read(oldPath, t).items()).orElse(List.of());
                settings.addAll(SettingChanges.introduced(result.items(), text.get(), before, was.orElse("")));
            }
        }
        return settings;
    }

    // ---- the database

    /**
     * Whether a file of {@code paths} could declare an entity, as the reader recognises one by its text: only then can
     * the database change what it reads, and only then is it looked for (a change to a service class reads no
     * settings).
     */
    private static boolean mayDeclareEntities(EntityReader reader, Snapshot side, Set<String> paths, Work work) {
        for (String path : paths) {
            Optional<String> text = side == work.cs.after() ? work.text(path) : side.readableText(path);
            if (text.isPresent() && reader.recognizes(path, text.get())) return true;
        }
        return false;
    }

    /**
     * The database the entities are read for, chosen once per run from the configuration or the settings of the side
     * being checked (its {@code after}): a file too large to read names none.
     */
    private Dialect dialect(Work work) {
        if (work.dialect != null) return work.dialect;
        Snapshot side = work.cs.after();
        DialectChoice.Choice choice = DialectChoice.choice(configuredDialect == null ? side.paths() : List.of(),
                stacks.settingsReaders(),
                path -> work.tooLarge(side, path, head -> false) ? Optional.empty() : work.text(path),
                configuredDialect, debug);
        work.dialect = choice.dialect();
        work.dialectAssumed = choice.assumed();
        return work.dialect;
    }

    /** The state of one run: what has been read, so nothing is read twice. */
    private static final class Work {
        final ChangeSet cs;
        /** Whether {@link #dialect} is only assumed: nothing names the database. */
        boolean dialectAssumed;
        final List<ParseProblem> problems = new ArrayList<>();
        final Set<String> checkedFiles = new LinkedHashSet<>();
        private final Map<String, List<SuppressionComment>> suppressions = new HashMap<>();
        private final Map<String, Optional<String>> texts = new HashMap<>();
        private final Map<MigrationReader, Map<String, ReadResult<Migration>>> afterReads = new HashMap<>();
        private final Map<Snapshot, Map<String, Optional<FileTooLarge>>> tooLarge = new IdentityHashMap<>();
        private final Set<String> reportedTooLarge = new HashSet<>();
        /** The database the entities are read for, once chosen. */
        Dialect dialect;

        Work(ChangeSet cs) {
            this.cs = cs;
        }

        /** The migrations of a file of the after side, read once however often asked (lint, then the ledgers). */
        ReadResult<Migration> read(MigrationReader reader, String path) {
            return afterReads.computeIfAbsent(reader, r -> new HashMap<>()).computeIfAbsent(path, p -> {
                if (tooLarge(cs.after(), p, head -> reader.recognizes(cs.after(), p, head))) return ReadResult.empty();
                if (reader.acceptsByName() && cs.after().read(p).filter(Text::isLfsPointer).isPresent()) {
                    return ReadResult.problem(lfsPointer(p));
                }
                return reader.read(cs.after(), p);
            });
        }

        /**
         * A file's migrations as read already in this run, else only what identifies them (see the reader). A file too
         * large to read yields none and is not reported here: a check reports only the files of its change (a lint
         * reports every file when it reads it), lest an unchanged seed script too large to read block every commit.
         */
        ReadResult<Migration> identify(MigrationReader reader, String path) {
            ReadResult<Migration> known = afterReads.getOrDefault(reader, Map.of()).get(path);
            if (known != null) return known;
            return tooLarge(cs.after(), path, head -> false) ? ReadResult.empty() : reader.identify(cs.after(), path);
        }

        /** The migrations of a file of the after side, its problems recorded and the file counted as checked. */
        List<Migration> readMigrations(MigrationReader reader, String path) {
            ReadResult<Migration> result = read(reader, path);
            problems.addAll(result.problems());
            // Readers that recognise files by content (Liquibase) are offered every .xml or .yml: count only theirs.
            if (!result.items().isEmpty() || !result.problems().isEmpty()) {
                checkedFiles.add(path);
                // Every checked file's suppression comments are read before the rules run: read them now, while the
                // file is among the few the snapshot has just read, rather than open it again after all the others.
                suppressions(path);
            }
            return result.items();
        }

        /**
         * A text file of the after side, read once: settings, suppression comments, the baseline and fingerprints all
         * ask for the same few files.
         */
        Optional<String> text(String path) {
            return texts.computeIfAbsent(path, cs.after()::readableText);
        }

        /**
         * Whether the file of {@code side} is too large to read (it is then never read). On the after side it is
         * reported once, as a parse-error at its top, when {@code recognizes} its first bytes as a file that matters;
         * any other (a 3 GB data file that merely ends in .sql) is left alone.
         */
        boolean tooLarge(Snapshot side, String path, Predicate<String> recognizes) {
            Optional<FileTooLarge> found = tooLarge.computeIfAbsent(side, s -> new HashMap<>())
                    .computeIfAbsent(path, side::tooLarge);
            if (found.isEmpty()) return false;
            if (side == cs.after() && !reportedTooLarge.contains(path) && recognizes.test(found.get().head())) {
                reportedTooLarge.add(path);
                problems.add(found.get().problem());
                checkedFiles.add(path);
            }
            return true;
        }

        /** The files of {@code side} found too large to read so far. */
        Set<String> tooLarge(Snapshot side) {
            Set<String> found = new HashSet<>();
            tooLarge.getOrDefault(side, Map.of()).forEach((path, big) -> {
                if (big.isPresent()) found.add(path);
            });
            return found;
        }

        List<SuppressionComment> suppressions(String path) {
            return suppressions.computeIfAbsent(path, p -> text(p)
                    .map(t -> SuppressionScanner.scan(p, t)).orElse(List.of()));
        }
    }

}
