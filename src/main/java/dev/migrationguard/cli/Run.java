package dev.migrationguard.cli;

import dev.migrationguard.config.ConfigLoader;
import dev.migrationguard.database.DatabaseLedger;
import dev.migrationguard.database.JdbcUrls;
import dev.migrationguard.engine.Engine;
import dev.migrationguard.engine.Judging;
import dev.migrationguard.files.UserFile;
import dev.migrationguard.git.GitRepo;
import dev.migrationguard.ledger.LockFile;
import dev.migrationguard.model.CannotJudge;
import dev.migrationguard.model.ChangeSet;
import dev.migrationguard.model.FileTooLarge;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.Severity;
import dev.migrationguard.report.Baseline;
import dev.migrationguard.report.Formats;
import dev.migrationguard.report.Renderer;
import dev.migrationguard.report.Report;
import dev.migrationguard.rules.RuleCatalog;
import dev.migrationguard.settings.DeployedFrom;
import dev.migrationguard.settings.DeployedSettings;
import dev.migrationguard.settings.Settings;
import dev.migrationguard.stack.DeployedLedger;
import dev.migrationguard.stack.HistoryTable;
import dev.migrationguard.stack.StackSet;
import dev.migrationguard.stacks.SupportedStacks;
import picocli.CommandLine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One checking run, shared by check and lint: config, repository, engine, renderers, exit code. */
final class Run {
    private static final String DEPLOYED_FROM = "MIGRATION_GUARD_DEPLOYED_FROM";
    private final CommandLine.Model.CommandSpec spec;
    private final CommonOptions common;
    private final String deployedEditsReason;

    Run(CommandLine.Model.CommandSpec spec, CommonOptions common) {
        this(spec, common, null);
    }

    /** @param deployedEditsReason check's --allow-deployed-edits, or null */
    Run(CommandLine.Model.CommandSpec spec, CommonOptions common, String deployedEditsReason) {
        this.spec = spec;
        this.common = common;
        this.deployedEditsReason = deployedEditsReason;
    }

    /** Builds the change set to judge from the repository and the deploy ref (null: SPEC.md's default order). */
    interface Source {
        ChangeSet changeSet(GitRepo repo, String deployRef);
    }

    /** What to do with the report once made; returns the exit code. */
    interface Sink {
        int accept(Report report, ChangeSet cs, Path workTree);
    }

    /** Checks, writes the report in every requested format and maps the exit code (check and lint). */
    int execute(Source source) {
        return execute(source, true, (report, cs, root) -> {
            Severity failOn = failOn(common.failOn);
            write(report, cs.after()::readableText);
            return report.failsAt(failOn) ? ExitCodes.FINDINGS : ExitCodes.OK;
        });
    }

    /**
     * @param useBaseline whether a baseline (--baseline or the configuration's) applies; the baseline command itself
     *                    must see every finding, or writing a new baseline would drop the ones the old one held
     */
    int execute(Source source, boolean useBaseline, Sink sink) {
        failOn(common.failOn);
        for (String f : common.formats) renderer(f, null, false);
        if (common.outputs.size() > Math.max(1, common.formats.size())) {
            throw new CannotJudge("more --output than --format options: give each --output its --format");
        }
        if (common.formats.size() - common.outputs.size() > 1) {
            throw new CannotJudge("--format " + String.join(", ", common.formats.subList(common.outputs.size(),
                    common.formats.size())) + " would all go to stdout: give each but one an --output, in order");
        }
        Path start = common.repo != null ? common.repo : Path.of(System.getProperty("user.dir"));
        if (!Files.isDirectory(start)) throw new CannotJudge("--repo " + start + " is not a folder");
        try (GitRepo repo = GitRepo.open(start, maxFileSize())) {
            Settings settings = loadSettings(repo.workTree());
            DeployedSettings deployed = settings.deployed();
            if (common.deployRef != null) deployed = deployed.withRef(common.deployRef);
            DeployedFrom chosen = deployedFrom(common.deployedFrom, env());
            if (chosen != null) deployed = deployed.withFrom(chosen);
            Baseline baseline = useBaseline ? baseline(settings, repo.workTree()) : Baseline.NONE;
            ChangeSet cs = source.changeSet(repo, deployed.ref());
            StackSet stacks = StackSet.of(SupportedStacks.ALL, settings::stack);
            var judging = new Judging(settings.rules().severities(), settings.allowedEdits(), deployedEditsReason,
                    baseline);
            var engine = new Engine(stacks, RuleCatalog.build(settings.rules()), settings.scope(), judging);
            return sink.accept(engine.run(cs, ledgers(deployed, stacks, env())), cs, repo.workTree());
        }
    }

    /**
     * The records of what is deployed besides the deploy ref: the lock file, when the checked side has one, and the
     * database of deployed.from. JDBC is touched only then, so a run without a database never loads a driver.
     */
    private static List<DeployedLedger.Source> ledgers(DeployedSettings deployed, StackSet stacks,
                                                       Map<String, String> env) {
        List<DeployedLedger.Source> ledgers = new ArrayList<>();
        ledgers.add(LockFile.source(deployed.lockFile(), stacks.tools().keySet()));
        if (deployed.from() != null) {
            Map<String, HistoryTable> tables = new LinkedHashMap<>();
            stacks.tools().forEach((id, tool) -> tool.historyTable().ifPresent(t -> tables.put(id, t)));
            ledgers.add(DatabaseLedger.source(deployed, env, tables));
        }
        return ledgers;
    }

    /**
     * The largest file a run reads, in bytes: --max-file-size, else MIGRATION_GUARD_MAX_FILE_SIZE (which reaches the
     * pre-commit hook), else {@link FileTooLarge#DEFAULT_LIMIT}; in MiB from 1 to 1024 (a Java array holds 2 GiB).
     */
    private long maxFileSize() {
        return maxFileSize(common.maxFileSize, env().get("MIGRATION_GUARD_MAX_FILE_SIZE"));
    }

    static long maxFileSize(Integer option, String env) {
        String from = option != null ? "--max-file-size" : "MIGRATION_GUARD_MAX_FILE_SIZE";
        String value = option != null ? option.toString() : env;
        if (value == null || value.isBlank()) return FileTooLarge.DEFAULT_LIMIT;
        int mib;
        try {
            mib = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            mib = -1;
        }
        if (mib < 1 || mib > 1024) {
            throw new CannotJudge(from + " must be a whole number of MiB from 1 to 1024, not '" + value + "'");
        }
        return mib * 1024L * 1024L;
    }

    /**
     * The database the person running the tool named: {@code --deployed-from}, else {@code MIGRATION_GUARD_DEPLOYED_FROM};
     * either wins over the configuration's and may receive the environment's credentials. Null when neither is set.
     */
    private static DeployedFrom deployedFrom(String option, Map<String, String> env) {
        String origin = option != null ? "--deployed-from" : DEPLOYED_FROM;
        String url = option != null ? option : env.get(DEPLOYED_FROM);
        if (url == null || url.isBlank()) return null;
        if (!url.startsWith("jdbc:")) {
            throw new CannotJudge(origin + " must be a JDBC URL (jdbc:postgresql://host:5432/db), not '"
                    + JdbcUrls.mask(url, url, List.of()) + "'");
        }
        return new DeployedFrom(url, origin, false);
    }

    private Map<String, String> env() {
        return spec.root().userObject() instanceof Main main ? main.env : System.getenv();
    }

    /**
     * Writes the lock file: every migration of the work tree with the digest of its checksum-relevant content. Refuses
     * (exit 2) when a migration cannot be read, since its digest would be a guess.
     */
    int writeLock(Path output) {
        PrintWriter err = spec.commandLine().getErr();
        Path start = common.repo != null ? common.repo : Path.of(System.getProperty("user.dir"));
        try (GitRepo repo = GitRepo.open(start, maxFileSize())) {
            Settings settings = loadSettings(repo.workTree());
            ChangeSet cs = repo.lint(List.of(), null);
            var engine = new Engine(StackSet.of(SupportedStacks.ALL, settings::stack), List.of(), settings.scope(),
                    Judging.DEFAULTS);
            List<ParseProblem> problems = new ArrayList<>();
            List<Migration> all = engine.migrations(cs.after(), problems);
            if (!problems.isEmpty()) {
                ParseProblem p = problems.get(0);
                throw new CannotJudge(p.location().path() + ":" + p.location().line() + ": " + p.message()
                        + " (fix it before locking: its digest would be a guess)");
            }
            Path target = output != null ? output : repo.workTree().resolve(settings.deployed().lockFile());
            writeFile(target, "lock file", out -> out.append(LockFile.write(all)));
            err.println("migration-guard: wrote " + target + " (" + all.size() + " migrations)");
            List<String> skipped = repo.outsideSparseCheckout(List.of());
            if (!skipped.isEmpty()) {
                err.println("migration-guard: " + GitRepo.sparseNote(skipped,
                        ", so the lock has no migration from them"));
            }
            err.flush();
            return ExitCodes.OK;
        }
    }

    private Settings loadSettings(Path root) {
        Path file = common.config != null ? common.config : root.resolve(".migration-guard.yml");
        if (!Files.exists(file)) {
            if (common.config != null) throw new CannotJudge("configuration file " + file + " does not exist");
            return Settings.DEFAULTS;
        }
        Settings settings;
        try {
            String name = common.config != null ? file.toString() : ".migration-guard.yml";
            settings = ConfigLoader.parse(UserFile.read(file, "configuration file", maxFileSize()), name,
                    SupportedStacks.ALL);
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

    /** --baseline (relative to the current folder) wins over the configuration's (relative to the work tree). */
    private Baseline baseline(Settings settings, Path workTree) {
        if (common.baseline != null) return Baseline.read(common.baseline, maxFileSize());
        if (settings.baseline() != null) return Baseline.read(workTree.resolve(settings.baseline()), maxFileSize());
        return Baseline.NONE;
    }

    private void write(Report report, Function<String, java.util.Optional<String>> sourceOf) {
        int n = Math.max(1, common.formats.size());
        for (int i = 0; i < n; i++) {
            String format = common.formats.isEmpty() ? "text" : common.formats.get(i);
            Path output = i < common.outputs.size() ? common.outputs.get(i) : null;
            boolean color = Colors.wanted(output == null && Colors.stdoutIsTerminal(), common.noColor, System.getenv());
            Renderer renderer = renderer(format, sourceOf, color);
            if (output == null) {
                StringWriter buffer = new StringWriter();
                try {
                    renderer.write(report, buffer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                spec.commandLine().getOut().print(buffer);
                spec.commandLine().getOut().flush();
            } else {
                writeFile(output, "--output", out -> renderer.write(report, out));
            }
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

    private static Renderer renderer(String format, Function<String, java.util.Optional<String>> sourceOf,
                                     boolean color) {
        return Formats.renderer(format, sourceOf, color).orElseThrow(() -> new CannotJudge(
                "unknown --format '" + format + "' (known: " + String.join(", ", Formats.NAMES) + ")"));
    }

    private static Severity failOn(String value) {
        if (value.equalsIgnoreCase("never")) return null;
        Severity s = Severity.parse(value);
        if (s == null || s == Severity.INFO) {
            throw new CannotJudge("--fail-on must be error, warning or never, not '" + value + "'");
        }
        return s;
    }
}
