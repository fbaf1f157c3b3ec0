package dev.migrationguard.flyway;

import dev.migrationguard.stack.MigrationReader;
import dev.migrationguard.model.AcceptedEdits;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.NotRun;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.Rollback;
import dev.migrationguard.model.RunnerFacts;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.Text;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.sql.SqlTouchReader;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Reads Flyway migrations, SQL or Java, from files named by Flyway's convention in any folder (dialect subfolders
 * included); what Flyway itself runs, per project and in its order, comes from the project's settings
 * ({@link #sets}, {@link #notRun}). A versioned migration's way back is the {@code U} script of the same version in its
 * module.
 */
public final class FlywayMigrationReader implements MigrationReader {
    /**
     * Flyway's view of each snapshot, by identity: its settings files are read once, however many paths ask; and what
     * was read of the snapshot's migrations, since lint reads each file alone and then again in its set.
     */
    private final List<ViewOf> views = new ArrayList<>();

    @Override
    public boolean accepts(String path) {
        return FlywayName.parse(path).isPresent();
    }

    @Override
    public ReadResult<Migration> read(Snapshot side, String path) {
        return read(side, path, true);
    }

    /**
     * SQL migrations only: their reading shares nothing but the snapshot and this reader's memory of what it read,
     * both safe on any thread. A Java migration is parsed with JavaParser, whose use here was never made so.
     */
    @Override
    public boolean readsAhead(String path) {
        return FlywayName.parse(path).filter(n -> !n.java()).isPresent();
    }

    /** The file name says a Flyway migration's version, kind and description; the id is its path. */
    @Override
    public Optional<ReadResult<Migration>> named(String path) {
        return FlywayName.parse(path).map(name -> new ReadResult<>(List.of(new Migration(path, path, FlywayStack.ID,
                name.kind(), name.normalizedVersion(), name.description(), Location.file(path), List.of(),
                Rollback.notApplicable(), "", "", accepted(name))), List.of()));
    }

    /** Name, checksum and digest only: Flyway's checksum needs no parsing, and a ledger needs nothing more. */
    @Override
    public ReadResult<Migration> identify(Snapshot side, String path) {
        return read(side, path, false);
    }

    private ReadResult<Migration> read(Snapshot side, String path, boolean full) {
        try {
            Optional<FlywayName> name = FlywayName.parse(path);
            if (name.isPresent() && full) return readFully(side, path, name.get());
            Optional<byte[]> bytes = side.read(path);
            if (name.isEmpty() || bytes.isEmpty()) return ReadResult.empty();
            return read(side, path, name.get(), bytes.get(), false);
        } catch (RuntimeException | StackOverflowError e) {
            return ReadResult.problem(new ParseProblem(Location.file(path),
                    "Could not read this Flyway migration: " + e));
        }
    }

    /**
     * The file read in full as {@code name}, once per snapshot: lint reads it for itself, then in its migration set
     * (each read parses its statements twice, for the tables it touches and for its operations). Empty when absent.
     */
    private ReadResult<Migration> readFully(Snapshot side, String path, FlywayName name) {
        Map<Named, FutureTask<ReadResult<Migration>>> known = known(side).fullReads;
        Named key = new Named(path, name);
        FutureTask<ReadResult<Migration>> read;
        synchronized (known) {
            read = known.get(key);
            if (read == null) {
                read = new FutureTask<>(() -> {
                    Optional<byte[]> bytes = side.read(path);
                    return bytes.isEmpty() ? ReadResult.empty() : read(side, path, name, bytes.get(), true);
                });
                known.put(key, read);
            }
        }
        // The first to run it reads the file (a run while another runs, or after, does nothing); another thread asking
        // meanwhile waits for that read rather than make its own.
        read.run();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return read.get();
                } catch (InterruptedException e) {
                    // the read runs on the thread that asked first and ends by itself: wait on
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private ReadResult<Migration> read(Snapshot side, String path, FlywayName name, byte[] bytes, boolean full) {
        // No binary sniff: the SQL reader never throws and the Java one reports what it cannot read.
        String content = Text.decode(bytes);
        // the configuration the file is read with, found once for its placeholders and its operations alike
        FlywayConfig config = full ? view(side).configOf(path) : null;
        List<Migration.Touch> touches = List.of();
        List<ParseProblem> problems = new ArrayList<>();
        String checksum;
        String digest;
        if (name.java()) {
            checksum = FlywayChecksum.java(path, content);
            // lock files written before Java migrations were compared by their logic keep matching
            digest = FlywayChecksum.javaText(content);
            if (full) {
                JavaMigrationSql.Result java = JavaMigrationSql.read(path, content);
                touches = java.touches();
                if (java.problem() != null) problems.add(java.problem());
            }
        } else {
            checksum = FlywayChecksum.sql(content);
            digest = FlywayChecksum.sqlDigest(content);
            if (full) touches = SqlTouchReader.touches(withPlaceholders(config, content));
        }
        Migration migration = new Migration(path, path, FlywayStack.ID, name.kind(),
                name.normalizedVersion(), name.description(), Location.file(path), touches,
                full ? rollback(side, path, name) : Rollback.notApplicable(), checksum, digest,
                accepted(name));
        if (full) {
            // The forward part's operations, for the rules that judge a new migration column by column. The file alone
            // does not say its database: types are read as PostgreSQL spells them, and keep their spelling.
            List<Operation> ops = new ArrayList<>(operations(side, path, () -> content, name, config,
                    Dialect.DEFAULT, Side.UP));
            ops.addAll(undoOperations(side, path, name));
            migration = migration.withOperations(ops).withRunner(runner(side, path, name, content));
        }
        return new ReadResult<>(List.of(migration), problems);
    }

    /** Flyway re-applies a repeatable migration whenever its checksum changes: editing one is the workflow. */
    private static AcceptedEdits accepted(FlywayName name) {
        return name.kind() == Migration.Kind.REPEATABLE ? AcceptedEdits.RERUNS_ON_CHANGE : AcceptedEdits.NONE;
    }

    /**
     * The operations of a versioned migration's undo script ({@code U} of the same version in its module), as its
     * {@link Side#UNDO} side: what {@code flyway undo} runs to take it back. The {@code V}'s checksum does not cover
     * them, as Flyway's does not.
     */
    private List<Operation> undoOperations(Snapshot side, String path, FlywayName name) {
        if (name.kind() != Migration.Kind.VERSIONED) return List.of();
        String undoPath = view(side).undoByModule().getOrDefault(module(path), Map.of()).get(name.version());
        if (undoPath == null) return List.of();
        FlywayConfig config = view(side).configOf(undoPath);
        Optional<FlywayName> undoName = FlywayView.name(undoPath, config).or(() -> FlywayName.parse(undoPath));
        if (undoName.isEmpty()) return List.of();
        return operations(side, undoPath, () -> side.readableText(undoPath).orElse(null), undoName.get(), config,
                Dialect.DEFAULT, Side.UNDO);
    }

    /**
     * What Flyway does with the migration besides running it: {@code executeInTransaction} from its script config file
     * ({@code V2__x.sql.conf}) or the project's settings, {@code mixed} and {@code outOfOrder} of the profiles whose
     * locations hold it (true when one of them sets it: some deployment then runs it so), and the database its vendor
     * folder or locations name.
     */
    private RunnerFacts runner(Snapshot side, String path, FlywayName name, String content) {
        List<FlywayView.Profile> profiles = view(side).profilesCovering(path);
        RunnerFacts facts = RunnerFacts.NONE
                .withMixed(anyTrue(profiles, FlywayConfig::mixed))
                .withOutOfOrder(anyTrue(profiles, FlywayConfig::outOfOrder));
        Dialect dialect = null;
        for (FlywayView.Profile p : profiles) {
            if (p.dialect() == null || dialect != null && dialect != p.dialect()) {
                dialect = null;
                break;
            }
            dialect = p.dialect();
        }
        if (dialect == null) {
            String vendor = FlywayView.vendorOf(path);
            dialect = vendor == null ? null : FlywayView.vendorDialect(vendor);
        }
        facts = facts.withDialect(dialect);
        if (name.java()) return facts;
        RunnerFacts known = facts;
        Optional<RunnerFacts> own = scriptConfig(side, path, known).or(() -> inScript(path, content, known));
        if (own.isPresent()) return own.get();
        Boolean everywhere = null;
        for (FlywayView.Profile p : profiles) {
            Boolean v = p.config().executeInTransaction();
            if (Boolean.FALSE.equals(v)) everywhere = false;
            else if (v != null && everywhere == null) everywhere = true;
        }
        return everywhere == null ? facts : facts.withTransaction(everywhere, null);
    }

    private static final java.util.regex.Pattern EXECUTE_IN_TRANSACTION =
            java.util.regex.Pattern.compile("\\s*executeInTransaction\\s*=\\s*(true|false)\\s*",
                    java.util.regex.Pattern.CASE_INSENSITIVE);

    /** {@code executeInTransaction} of the script config file beside the script, with the line that says it. */
    private static Optional<RunnerFacts> scriptConfig(Snapshot side, String path, RunnerFacts facts) {
        String conf = path + ".conf";
        Optional<String> text;
        try {
            text = side.readableText(conf);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (text.isEmpty()) return Optional.empty();
        String[] lines = text.get().split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            java.util.regex.Matcher m = EXECUTE_IN_TRANSACTION.matcher(lines[i]);
            if (m.matches()) {
                return Optional.of(facts.withTransaction(Boolean.parseBoolean(m.group(1).toLowerCase(
                        java.util.Locale.ROOT)), Location.at(conf, i + 1, 1)));
            }
        }
        return Optional.empty();
    }

    private static final java.util.regex.Pattern IN_SCRIPT = java.util.regex.Pattern.compile(
            "\\s*--\\s*flyway\\s*:\\s*executeInTransaction\\s*=\\s*(true|false)\\b.*",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * The script configuration written in the script itself ({@code -- flyway:executeInTransaction=false}), which
     * newer Flyway versions read as they read a {@code .conf} file; among the script's comment lines.
     */
    private static Optional<RunnerFacts> inScript(String path, String content, RunnerFacts facts) {
        String[] lines = content.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("--")) break;
            java.util.regex.Matcher m = IN_SCRIPT.matcher(line);
            if (m.matches()) {
                return Optional.of(facts.withTransaction(Boolean.parseBoolean(m.group(1).toLowerCase(
                        java.util.Locale.ROOT)), Location.at(path, i + 1, 1)));
            }
        }
        return Optional.empty();
    }

    /** True when one profile sets the setting true, false when one sets it false and none true, else null. */
    private static Boolean anyTrue(List<FlywayView.Profile> profiles,
                                   java.util.function.Function<FlywayConfig, Boolean> setting) {
        Boolean out = null;
        for (FlywayView.Profile p : profiles) {
            Boolean v = setting.apply(p.config());
            if (Boolean.TRUE.equals(v)) return true;
            if (v != null) out = false;
        }
        return out;
    }

    /** The script with the placeholders its project's configuration sets replaced, so that the tables read are real. */
    private static String withPlaceholders(FlywayConfig config, String content) {
        return config.placeholderReplacement() && content.contains(config.placeholderPrefix())
                ? FlywayOperations.replaceKnown(content, config) : content;
    }

    /** Tests the name first: only a file whose name has a digit or a separator may be a migration. */
    @Override
    public Optional<NotRun> notRun(Snapshot side, String path) {
        if (!mayBeMigration(Text.fileName(path))) return Optional.empty();
        try {
            return view(side).notRun(path);
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    private static final java.util.regex.Pattern DIGIT = java.util.regex.Pattern.compile("\\d");

    /**
     * Whether a file name may be a Flyway migration, misnamed or not, judged without reading the project's settings:
     * one with Flyway's separator, or a numbered script with {@code sql} in its suffix ({@code V3_add_x.sql}). An
     * entity such as {@code thing1.entity.ts} or {@code Thing1.java} is not, so the pre-commit hook of a project
     * that changes one reads no Flyway settings for it.
     */
    static boolean mayBeMigration(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) return false;
        if (name.contains("__")) return true;
        return name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT).contains("sql")
                && DIGIT.matcher(name).find();
    }

    /**
     * One set per project and distinct Spring profile configuration: the migrations its locations hold, named as
     * its configuration says, in Flyway's order on an empty database (the newest baseline migration, the versioned
     * ones above it by version, then the repeatable ones by description), each with its operations and its undo
     * script's, placeholders replaced.
     */
    @Override
    public List<MigrationSet> sets(Snapshot side) {
        FlywayView view = view(side);
        List<String> paths = side.paths();
        List<MigrationSet> out = new ArrayList<>();
        for (FlywayView.Project project : view.projects()) {
            for (FlywayView.Profile profile : project.profiles()) {
                String name = profile.fallback()
                        ? "every Flyway-named file of " + (project.folder().isEmpty() ? "the repository"
                        : project.folder()) + " (no settings name the locations)"
                        : String.join(", ", profile.config().locations())
                        + (profile.name() == null ? "" : " (profile " + profile.name() + ")");
                for (var vendor : byVendor(view.runs(project, profile, paths)).entrySet()) {
                    Dialect dialect = profile.dialect() != null ? profile.dialect()
                            : vendor.getKey().isEmpty() ? null : FlywayView.vendorDialect(vendor.getKey());
                    List<Migration> migrations = migrations(side, vendor.getValue(), profile.config(), dialect);
                    if (migrations.isEmpty()) continue;
                    out.add(new MigrationSet(FlywayStack.ID, project.folder(),
                            vendor.getKey().isEmpty() ? name : name + " [" + vendor.getKey() + "]", dialect,
                            migrations));
                }
            }
        }
        return out;
    }

    /**
     * The files by the database folder they sit in ({@code db/migration/mysql}, Flyway's {@code {vendor}}): one
     * database runs the files of its folder and those of no database's folder. Without two such folders, one group.
     */
    private static Map<String, List<String>> byVendor(List<String> files) {
        Map<String, List<String>> vendors = new java.util.TreeMap<>();
        List<String> common = new ArrayList<>();
        for (String f : files) {
            String vendor = FlywayView.vendorOf(f);
            if (vendor == null) common.add(f);
            else vendors.computeIfAbsent(vendor, k -> new ArrayList<>()).add(f);
        }
        if (vendors.size() < 2) return Map.of(vendors.isEmpty() ? "" : vendors.keySet().iterator().next(), files);
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (var e : vendors.entrySet()) {
            List<String> set = new ArrayList<>(common);
            set.addAll(e.getValue());
            out.put(e.getKey(), set);
        }
        return out;
    }

    private List<Migration> migrations(Snapshot side, List<String> files, FlywayConfig config, Dialect setDialect) {
        Dialect dialect = setDialect == null ? Dialect.DEFAULT : setDialect;
        Map<FlywayVersion, String> undo = new HashMap<>();
        List<Named> versioned = new ArrayList<>();
        List<Named> repeatable = new ArrayList<>();
        Named baseline = null;
        for (String f : files) {
            FlywayName n = FlywayView.name(f, config).orElseThrow();
            switch (n.kind()) {
                case UNDO -> undo.putIfAbsent(n.version(), f);
                case REPEATABLE -> repeatable.add(new Named(f, n));
                case BASELINE -> {
                    if (baseline == null || n.version().compareTo(baseline.name.version()) > 0) baseline = new Named(f, n);
                }
                default -> versioned.add(new Named(f, n));
            }
        }
        List<Named> ordered = new ArrayList<>();
        if (baseline != null) ordered.add(baseline);
        FlywayVersion floor = baseline == null ? null : baseline.name.version();
        versioned.stream().filter(v -> floor == null || v.name.version().compareTo(floor) > 0)
                .sorted(java.util.Comparator.comparing((Named v) -> v.name.version()).thenComparing(Named::path))
                .forEach(ordered::add);
        repeatable.stream().sorted(java.util.Comparator.comparing((Named r) -> r.name.description())
                .thenComparing(Named::path)).forEach(ordered::add);
        List<Migration> out = new ArrayList<>();
        for (Named m : ordered) {
            ReadResult<Migration> read;
            try {
                read = readFully(side, m.path, m.name);
            } catch (RuntimeException | StackOverflowError e) {
                continue;
            }
            if (read.items().isEmpty()) continue;
            List<Operation> ops = new ArrayList<>(operations(side, m.path,
                    () -> side.read(m.path).map(Text::decode).orElse(null), m.name, config, dialect, Side.UP));
            String undoPath = m.name.kind() == Migration.Kind.VERSIONED ? undo.get(m.name.version()) : null;
            if (undoPath != null) {
                ops.addAll(operations(side, undoPath, () -> side.readableText(undoPath).orElse(null),
                        FlywayView.name(undoPath, config).orElseThrow(), config, dialect, Side.UNDO));
            }
            out.add(read.items().get(0).withOperations(ops));
        }
        return out;
    }

    /**
     * A file's operations as read with {@code config} for {@code dialect}, once per snapshot: a set whose database
     * is not named reads them as the file alone is read. {@code content} is asked only when they were not read yet.
     */
    private List<Operation> operations(Snapshot snapshot, String path, Supplier<String> content, FlywayName name,
                                       FlywayConfig config, Dialect dialect, Side side) {
        Map<Parse, List<Operation>> known = known(snapshot).operations;
        Parse key = new Parse(new Named(path, name), config, dialect, side);
        synchronized (known) {
            List<Operation> ops = known.get(key);
            if (ops != null) return ops;
        }
        String text = content.get();
        if (text == null) return List.of();
        List<Operation> ops = List.copyOf(name.java() ? FlywayOperations.java(path, text, dialect, side)
                : FlywayOperations.sql(path, text, config, dialect, side));
        synchronized (known) {
            known.put(key, ops);
        }
        return ops;
    }

    /**
     * A file as a name: two configurations may name one file differently. The version as written is part of it, as
     * equal versions may be written apart ({@code 1.0} and {@code 1}).
     */
    private record Named(String path, FlywayName name, String written) {
        Named(String path, FlywayName name) {
            this(path, name, name.version() == null ? null : name.version().written());
        }
    }

    private record Parse(Named file, FlywayConfig config, Dialect dialect, Side side) {
    }

    private FlywayView view(Snapshot side) {
        return known(side).view;
    }

    private ViewOf known(Snapshot side) {
        synchronized (views) {
            views.removeIf(v -> v.snapshot.get() == null);
            for (ViewOf v : views) {
                if (v.snapshot.get() == side) return v;
            }
            ViewOf known = new ViewOf(new WeakReference<>(side), FlywayView.of(side), new HashMap<>(), new HashMap<>());
            views.add(known);
            return known;
        }
    }

    /** What is known of one snapshot: Flyway's view of it, its migrations read in full, their operations as read. */
    private record ViewOf(WeakReference<Snapshot> snapshot, FlywayView view,
                          Map<Named, FutureTask<ReadResult<Migration>>> fullReads, Map<Parse, List<Operation>> operations) {
    }

    private Rollback rollback(Snapshot side, String path, FlywayName name) {
        if (name.kind() != Migration.Kind.VERSIONED) return Rollback.notApplicable();
        Map<String, Map<FlywayVersion, String>> undoByModule = view(side).undoByModule();
        String module = module(path);
        String undo = undoByModule.getOrDefault(module, Map.of()).get(name.version());
        if (undo != null) return new Rollback(Rollback.Status.PRESENT, Location.file(undo), true);
        return new Rollback(Rollback.Status.MISSING, null, undoByModule.containsKey(module));
    }

    /**
     * The module a migration belongs to: the folder above {@code src/main/...} (or {@code src/test/...}), or the
     * repository itself for other layouts. Flyway's locations of one module ({@code db/migration}, {@code db/undo},
     * Java and SQL alike) share undo scripts; two modules, or two projects in one repository, never do.
     */
    static String module(String path) {
        java.util.regex.Matcher m = SOURCE_ROOT.matcher(path);
        int start = -1;
        while (m.find()) start = m.start() + m.group(1).length();
        return start < 0 ? "" : path.substring(0, start);
    }

    private static final java.util.regex.Pattern SOURCE_ROOT =
            java.util.regex.Pattern.compile("(^|/)src/(main|test)/");

}
