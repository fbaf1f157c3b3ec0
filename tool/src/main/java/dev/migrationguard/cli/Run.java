package dev.migrationguard.cli;

import dev.migrationguard.config.ConfigLoader;
import dev.migrationguard.database.DatabaseLedger;
import dev.migrationguard.database.JdbcUrls;
import dev.migrationguard.engine.Engine;
import dev.migrationguard.engine.Judging;
import dev.migrationguard.files.UserCache;
import dev.migrationguard.files.UserFile;
import dev.migrationguard.git.GitRepo;
import dev.migrationguard.ledger.LockFile;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.CannotJudge;
import dev.migrationguard.model.ChangeSet;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.replay.ReplayCache;
import dev.migrationguard.replay.SetReplayer;
import dev.migrationguard.report.Baseline;
import dev.migrationguard.report.Report;
import dev.migrationguard.rules.RuleCatalog;
import dev.migrationguard.settings.DeployedFrom;
import dev.migrationguard.settings.DeployedSettings;
import dev.migrationguard.settings.Settings;
import dev.migrationguard.stack.DeployedLedger;
import dev.migrationguard.stack.HistoryTable;
import dev.migrationguard.stack.Stack;
import dev.migrationguard.stack.StackSet;
import dev.migrationguard.stacks.SupportedStacks;
import picocli.CommandLine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A run of a command that reads the repository, built from the command's options in this one place: the work tree,
 * the settings with what the command line lays over them, the stacks, the rules and the engine. Closing it closes
 * the repository.
 */
final class Run implements AutoCloseable {
    private static final String DEPLOYED_FROM = "MIGRATION_GUARD_DEPLOYED_FROM";
    final GitRepo repo;
    final Settings settings;
    private final long maxFileSize;
    private final Map<String, String> env;
    private final List<Stack> stacks;
    private final Consumer<String> debug;

    private Run(GitRepo repo, Settings settings, long maxFileSize, Map<String, String> env, List<Stack> stacks,
                Consumer<String> debug) {
        this.repo = repo;
        this.settings = settings;
        this.maxFileSize = maxFileSize;
        this.env = env;
        this.stacks = stacks;
        this.debug = debug;
    }

    /** How check and lint pick the change set to judge, given the deploy ref (null: SPEC.md's default order). */
    interface Source {
        ChangeSet changeSet(GitRepo repo, String deployRef);
    }

    /**
     * Check and lint: judges the change set {@code source} picks and writes the report in every format asked for.
     *
     * @param allowedEditsReason check's --allow-deployed-edits, or null
     * @return the exit code the findings call for
     */
    static int report(CommandLine.Model.CommandSpec spec, RepositoryOption repository, ReadingOptions reading,
                      DeploymentOptions deployment, ReportOptions report, String allowedEditsReason, Source source) {
        report.check();
        try (Run run = open(spec, repository.folder(), reading)) {
            DeployedSettings deployed = run.deployed(deployment);
            Baseline baseline = run.baseline(report.baseline);
            ChangeSet cs = source.changeSet(run.repo, deployed.ref());
            Report judged = run.judge(cs, deployed, baseline, allowedEditsReason);
            return report.deliver(spec, judged, cs.after()::readableText);
        }
    }

    /** Opens the repository holding {@code start} and reads its configuration. */
    static Run open(CommandLine.Model.CommandSpec spec, Path start, ReadingOptions reading) {
        Map<String, String> env = spec.root().userObject() instanceof Main main ? main.env : System.getenv();
        List<Stack> stacks = spec.root().userObject() instanceof Main main ? main.stacks : SupportedStacks.ALL;
        long maxFileSize = ReadingOptions.maxFileSize(reading.maxFileSize, env.get("MIGRATION_GUARD_MAX_FILE_SIZE"));
        // --debug lines go to stderr, where nothing of the report goes.
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> debug = reading.debug ? line -> {
            err.println("migration-guard: debug: " + line);
            err.flush();
        } : line -> { };
        GitRepo repo = GitRepo.open(start, maxFileSize, env);
        try {
            return new Run(repo, settings(repo.workTree(), reading.config, maxFileSize, stacks), maxFileSize, env,
                    stacks, debug);
        } catch (RuntimeException e) {
            repo.close();
            throw e;
        }
    }

    /**
     * The configuration's deployed section with the command line's laid over it: --deploy-ref, and the database of
     * --deployed-from, else of MIGRATION_GUARD_DEPLOYED_FROM; the person running the tool chose either, so either wins
     * over the configuration's and may receive the environment's credentials.
     */
    DeployedSettings deployed(DeploymentOptions options) {
        DeployedSettings deployed = settings.deployed();
        if (options.deployRef != null) deployed = deployed.withRef(options.deployRef);
        String origin = options.deployedFrom != null ? "--deployed-from" : DEPLOYED_FROM;
        String url = options.deployedFrom != null ? options.deployedFrom : env.get(DEPLOYED_FROM);
        if (url == null || url.isBlank()) return deployed;
        if (!url.startsWith("jdbc:")) {
            throw new CannotJudge(origin + " must be a JDBC URL (jdbc:postgresql://host:5432/db), not '"
                    + JdbcUrls.mask(url, url, List.of()) + "'");
        }
        return deployed.withFrom(new DeployedFrom(url, origin, false));
    }

    /**
     * The baseline: {@code option} (--baseline, relative to the current folder) wins over the configuration's
     * (relative to the work tree). A missing, malformed or unreadable one (a FIFO, a device, one over the size limit)
     * stops the run naming the file.
     */
    Baseline baseline(Path option) {
        Path file = option != null ? option
                : settings.baseline() != null ? repo.workTree().resolve(settings.baseline()) : null;
        if (file == null) return Baseline.NONE;
        try {
            return Baseline.parse(UserFile.read(file, "baseline file", maxFileSize), file);
        } catch (NoSuchFileException e) {
            throw new CannotJudge("baseline file " + file + " does not exist (write it with: migration-guard baseline)");
        }
    }

    /**
     * Replays migration sets, with the cache in the user's cache folder (found through the run's environment) when
     * {@code cached}.
     */
    SetReplayer replayer(boolean cached) {
        if (!cached) return new SetReplayer(ReplayCache.none(), Report.VERSION);
        return new SetReplayer(ReplayCache.at(UserCache.folder(env.get("XDG_CACHE_HOME"), env.get("LOCALAPPDATA"),
                System.getProperty("user.home"), System.getProperty("os.name")).map(f -> f.resolve("replay"))
                .orElse(null)), Report.VERSION);
    }

    /** Judges a change set with every rule the configuration keeps on, and the records of what is deployed. */
    Report judge(ChangeSet cs, DeployedSettings deployed, Baseline baseline, String allowedEditsReason) {
        StackSet set = stackSet();
        var judging = new Judging(settings.rules().severities(), settings.allowedEdits(), allowedEditsReason, baseline);
        // A lint reads every migration of every set whole, and since the replay became linear, replaying their
        // operations costs less than reading the cached state of a large set: on bench.sh's 5,000 migrations a lint
        // was 0.2-1.1 s slower with the cache warm than with it emptied. So a lint replays without it; the cache stays
        // for the commands that read only a change's files.
        SetReplayer replayer = replayer(!cs.isLint());
        var engine = new Engine(set, RuleCatalog.build(settings.rules()), settings.scope(), judging, settings.dialect(),
                debug, replayer);
        return engine.run(cs, ledgers(deployed, set));
    }

    /**
     * Every migration of a side, read whole, for the lock file; a migration that cannot be read stops the run (exit 2),
     * since its digest would be a guess.
     */
    List<Migration> migrations(ChangeSet cs) {
        var engine = new Engine(stackSet(), List.of(), settings.scope(), Judging.DEFAULTS);
        List<ParseProblem> problems = new ArrayList<>();
        List<Migration> all = engine.migrations(cs.after(), problems);
        if (!problems.isEmpty()) {
            ParseProblem p = problems.get(0);
            throw new CannotJudge(p.location().path() + ":" + p.location().line() + ": " + p.message()
                    + " (fix it before locking: its digest would be a guess)");
        }
        return all;
    }

    StackSet stackSet() {
        return stackSet(settings.dialect());
    }

    /** @param database the database the user named (the configuration's, or a command's option); null for none */
    StackSet stackSet(Dialect database) {
        return StackSet.of(stacks, settings::stack, database);
    }

    /**
     * The records of what is deployed besides the deploy ref: the lock file, when the checked side has one, and the
     * database of deployed.from. JDBC is touched only then, so a run without a database never loads a driver.
     */
    private List<DeployedLedger.Source> ledgers(DeployedSettings deployed, StackSet set) {
        List<DeployedLedger.Source> ledgers = new ArrayList<>();
        ledgers.add(LockFile.source(deployed.lockFile(), set.tools().keySet()));
        if (deployed.from() != null) {
            Map<String, HistoryTable> tables = new LinkedHashMap<>();
            set.tools().forEach((id, tool) -> tool.historyTable().ifPresent(t -> tables.put(id, t)));
            ledgers.add(DatabaseLedger.source(deployed, env, tables));
        }
        return ledgers;
    }

    @Override
    public void close() {
        repo.close();
    }

    /**
     * The configuration: --config, else .migration-guard.yml at the root when it exists. A deployed.from in a file
     * outside the work tree is the user's choice, not the repository's.
     */
    private static Settings settings(Path root, Path option, long maxFileSize, List<Stack> stacks) {
        Path file = option != null ? option : root.resolve(".migration-guard.yml");
        if (!Files.exists(file)) {
            if (option != null) throw new CannotJudge("configuration file " + file + " does not exist");
            return Settings.DEFAULTS;
        }
        Settings settings;
        try {
            String name = option != null ? file.toString() : ".migration-guard.yml";
            settings = ConfigLoader.parse(UserFile.read(file, "configuration file", maxFileSize), name, stacks);
        } catch (NoSuchFileException e) {
            throw new CannotJudge("configuration file " + file + " does not exist");
        }
        DeployedFrom from = settings.deployed().from();
        return from == null || inside(file, root) ? settings
                : settings.withDeployed(settings.deployed().withFrom(from.chosenByUser()));
    }

    /**
     * Whether {@code file} lies in the work tree, as written or once links are followed: then the repository wrote it,
     * even when --config named it.
     */
    private static boolean inside(Path file, Path root) {
        Path written = file.toAbsolutePath().normalize();
        try {
            Path realRoot = root.toRealPath();
            return written.startsWith(root.toAbsolutePath().normalize()) || written.startsWith(realRoot)
                    || file.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return true;
        }
    }

    interface Content {
        void write(Appendable out) throws IOException;
    }

    /** Writes a file the user named; a folder that does not exist or cannot be written is bad usage (exit 2). */
    static void writeFile(Path file, String option, Content content) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            content.write(w);
        } catch (IOException e) {
            throw new CannotJudge("cannot write " + option + " " + file + ": " + e);
        }
    }
}
