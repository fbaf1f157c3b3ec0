package dev.migrationguard.typeorm;

import dev.migrationguard.stack.MigrationReader;
import dev.migrationguard.model.CannotJudge;
import dev.migrationguard.model.Digests;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration.Touch;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.NotRun;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Dialect;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.WeakHashMap;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.Rollback;
import dev.migrationguard.model.RunnerFacts;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.Text;
import dev.migrationguard.sql.SqlTouchReader;
import dev.migrationguard.typescript.TsNode;
import dev.migrationguard.typescript.TypeScript;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads TypeORM migrations: each class implementing {@code MigrationInterface}, known by the name TypeORM records (its
 * {@code name} property, else the class name), so that renaming or moving the file of a deployed migration is no edit.
 * Its operations come from {@code up()} and {@code down()} ({@link QueryRunnerOperations}); its checksum from their
 * syntax trees ({@link MigrationDigest}), since TypeORM keeps none. Which files TypeORM runs, and so which do not run
 * ({@link #notRun}) and the sets it applies ({@link #sets}), come from the data sources' {@code migrations} globs.
 */
public final class TypeOrmMigrationReader implements MigrationReader {
    static final Pattern FILE = Pattern.compile("(\\d{13})-(.+)\\.ts");
    /** Placeholder for template parts we cannot evaluate: an identifier, so the SQL around it still parses. */
    private static final String UNKNOWN = "unknown_value";
    private final TsSources sources;
    /** The data sources and projects of each snapshot, read once: notRun is asked per changed file. */
    private final Map<Snapshot, View> views = Collections.synchronizedMap(new WeakHashMap<>());

    /** What the runner's view of one snapshot is built from. */
    private record View(List<DataSources.DataSource> dataSources, Set<String> packageFolders,
                        Map<String, Optional<String>> scriptModes) {
        String project(String path) {
            return DataSources.project(packageFolders, path);
        }
    }

    public TypeOrmMigrationReader(TsSources sources) {
        this.sources = sources;
    }

    /** A file named as the CLI names migrations, or any TypeScript file in a folder whose name says migration. */
    @Override
    public boolean accepts(String path) {
        String name = Text.fileName(path);
        if (FILE.matcher(name).matches()) return true;
        return name.endsWith(".ts") && !name.endsWith(".d.ts") && inMigrationFolder(path)
                && !path.contains("node_modules/") && !DataSources.notProduction(path);
    }

    private static boolean inMigrationFolder(String path) {
        String folder = DataSources.parent(path).toLowerCase(Locale.ROOT);
        for (String part : folder.split("/")) if (part.contains("migration")) return true;
        return false;
    }

    @Override
    public ReadResult<Migration> read(Snapshot side, String path) {
        return read(side, path, true, dialectOf(side, path));
    }

    /**
     * What TypeORM does with the migrations of a file besides running them: the data source's database and
     * {@code migrationsTransactionMode}, or the {@code --transaction} its project's {@code package.json} passes to
     * {@code migration:run}, which wins.
     */
    private RunnerFacts runner(Snapshot side, String path) {
        RunnerFacts facts = RunnerFacts.NONE;
        View view = view(side);
        String mode = null;
        for (DataSources.DataSource d : view.dataSources()) {
            if (!d.production() || !d.runs(path)) continue;
            facts = facts.withDialect(d.dialect());
            mode = d.transactionMode();
            break;
        }
        String project = view.project(path);
        String flag = view.scriptModes().computeIfAbsent(project, p -> Optional.ofNullable(
                DataSources.scriptTransactionMode(side, p))).orElse(null);
        return facts.withTransactionMode(flag != null ? flag : mode);
    }

    /** Identity and checksum only: no SQL is parsed. */
    @Override
    public ReadResult<Migration> identify(Snapshot side, String path) {
        return read(side, path, false, null);
    }

    private ReadResult<Migration> read(Snapshot side, String path, boolean full, Dialect dialect) {
        Matcher file = FILE.matcher(Text.fileName(path));
        boolean named = file.matches();
        Optional<String> text = side.readText(path);
        if (text.isEmpty()) return ReadResult.empty();
        try {
            TypeScript.Parsed parsed = sources.parse(side, path).orElseThrow();
            if (parsed.error() != null) {
                if (!named && !text.get().contains("MigrationInterface")) return ReadResult.empty();
                Migration unreadable = new Migration(path, path, TypeOrmStack.ID, Migration.Kind.VERSIONED,
                        named ? file.group(1) : null, named ? file.group(2) : Text.fileName(path),
                        Location.file(path), List.of(), Rollback.notApplicable(), checksum(text.get()));
                return new ReadResult<>(List.of(unreadable), List.of(TsSources.problem(path, parsed.error())));
            }
            List<Migration> out = new ArrayList<>();
            RunnerFacts facts = full ? runner(side, path) : RunnerFacts.NONE;
            Map<String, TsNode> scope = TsValues.constants(parsed.module().body());
            for (MigrationClass migration : MigrationClass.in(parsed.module(), path)) {
                TsNode.Method up = migration.method("up");
                TsNode.Method down = migration.method("down");
                String version = named ? file.group(1) : migration.timestamp();
                String description = named ? file.group(2) : migration.description();
                Location describedAt = named ? Location.file(path) : migration.nameAt();
                List<Touch> touches = !full || up == null || up.body() == null ? List.of() : touches(up.body(), scope);
                List<Operation> operations = new ArrayList<>();
                if (full) {
                    if (up != null) operations.addAll(QueryRunnerOperations.read(path, up.body(), scope, dialect,
                            Side.UP));
                    if (down != null) operations.addAll(QueryRunnerOperations.read(path, down.body(), scope, dialect,
                            Side.DOWN));
                }
                out.add(new Migration(migration.name(), path, TypeOrmStack.ID, Migration.Kind.VERSIONED, version,
                        description, describedAt, touches, rollback(path, migration.decl(), down),
                        MigrationDigest.of(migration), null, null, null, operations, withTransaction(facts, path,
                        migration.transaction())));
            }
            return ReadResult.of(out);
        } catch (RuntimeException | StackOverflowError e) {
            if (e instanceof CannotJudge u) throw u;
            return ReadResult.problem(new ParseProblem(Location.file(path),
                    "Could not read this TypeORM migration: " + e));
        }
    }

    private static RunnerFacts withTransaction(RunnerFacts facts, String path, TsNode.Field transaction) {
        if (transaction == null) return facts;
        return facts.withTransaction(((TsNode.Bool) transaction.value()).value(),
                Location.at(path, transaction.line(), transaction.column()));
    }

    /** The database of the data source that runs the file; null when none says (the run's dialect applies). */
    private Dialect dialectOf(Snapshot side, String path) {
        for (DataSources.DataSource d : dataSources(side)) {
            if (d.production() && d.dialect() != null && d.runs(path)) return d.dialect();
        }
        return null;
    }

    private View view(Snapshot side) {
        View known = views.get(side);
        if (known != null) return known;
        View found = new View(DataSources.find(side, sources), DataSources.packageFolders(side),
                new java.util.concurrent.ConcurrentHashMap<>());
        views.put(side, found);
        return found;
    }

    private List<DataSources.DataSource> dataSources(Snapshot side) {
        return view(side).dataSources();
    }

    /**
     * A file that looks like a migration (a class implementing {@code MigrationInterface}, or a CLI-named file in a
     * migrations folder) that no production data source of its project matches. Silent when the project has no data
     * source with a {@code migrations} option, or one whose option cannot be read: unknown is silent.
     */
    @Override
    public Optional<NotRun> notRun(Snapshot side, String path) {
        String name = Text.fileName(path);
        if (!name.endsWith(".ts") || name.endsWith(".d.ts") || path.contains("node_modules/")
                || DataSources.notProduction(path)) {
            return Optional.empty();
        }
        boolean byName = FILE.matcher(name).matches() && inMigrationFolder(path);
        Location at = Location.at(path, 1, 1);
        Optional<String> text = side.readableText(path);
        if (!byName && (text.isEmpty() || !text.get().contains("MigrationInterface"))) return Optional.empty();
        if (text.isPresent() && text.get().contains("MigrationInterface")) {
            Optional<TypeScript.Parsed> parsed = sources.parse(side, path);
            List<MigrationClass> classes = parsed.isEmpty() || parsed.get().module() == null ? List.of()
                    : MigrationClass.in(parsed.get().module(), path);
            if (classes.isEmpty() && !byName) return Optional.empty();
            if (!classes.isEmpty()) at = Location.at(path, classes.get(0).decl().line(), classes.get(0).decl().column());
        }
        View view = view(side);
        String project = view.project(path);
        List<DataSources.DataSource> governing = new ArrayList<>();
        for (DataSources.DataSource d : view.dataSources()) {
            if (!d.production() || !d.project().equals(project)) continue;
            if (!d.known() || d.runs(path)) return Optional.empty();
            governing.add(d);
        }
        if (governing.isEmpty()) return Optional.empty();
        DataSources.DataSource first = governing.get(0);
        String reason = "outside the `migrations` globs of " + first.at().path() + ": " + first.describe()
                + (governing.size() > 1 ? " (and of " + (governing.size() - 1) + " other data source"
                + (governing.size() > 2 ? "s" : "") + ")" : "");
        String folder = first.globs().isEmpty() ? null : staticPrefix(first.globs().get(0));
        String fix = (folder != null ? "Move it into " + folder + "/" : "Move it where those globs match")
                + ", or add its folder to the migrations option of " + first.at().path()
                + "; if it is not meant to run, delete it.";
        return Optional.of(new NotRun(at, TypeOrmStack.ID, reason, fix));
    }

    /** The folder a glob starts in, before its first wildcard. */
    private static String staticPrefix(String glob) {
        String head = glob;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?' || c == '{' || c == '[') {
                head = glob.substring(0, i);
                break;
            }
        }
        int slash = head.lastIndexOf('/');
        return slash < 0 ? null : head.substring(0, slash);
    }

    /**
     * One set per distinct production data source (dev and prod configs over {@code src/} and {@code dist/} are one),
     * its migrations in TypeORM's order (by timestamp); a project whose migrations no data source names (or names
     * unreadably) gets one set of the files that look like its migrations.
     */
    @Override
    public List<MigrationSet> sets(Snapshot side) {
        View view = view(side);
        // Two data sources that run the same files on the same database are one set (dev over src/, prod over dist/).
        Map<String, DataSources.DataSource> groups = new LinkedHashMap<>();
        Map<String, List<String>> filesOf = new LinkedHashMap<>();
        Set<String> governed = new HashSet<>();
        for (DataSources.DataSource d : dataSources(side)) {
            if (!d.production() || !d.known()) continue;
            governed.add(d.project());
            List<String> files = new ArrayList<>();
            for (String path : side.paths()) {
                String name = Text.fileName(path);
                if ((name.endsWith(".ts") && !name.endsWith(".d.ts") || name.endsWith(".js"))
                        && !path.contains("node_modules/") && d.runs(path)) {
                    files.add(path);
                }
            }
            String key = d.project() + "|" + d.dialect() + "|" + String.join(",", files);
            groups.putIfAbsent(key, d);
            filesOf.putIfAbsent(key, files);
        }
        List<MigrationSet> out = new ArrayList<>();
        for (var e : groups.entrySet()) {
            DataSources.DataSource d = e.getValue();
            out.add(new MigrationSet(TypeOrmStack.ID, d.project(), d.at().path(), d.dialect(),
                    ordered(side, filesOf.get(e.getKey()), d.dialect())));
        }
        Map<String, List<String>> ungoverned = new LinkedHashMap<>();
        for (String path : side.paths()) {
            if (!accepts(path) || DataSources.notProduction(path)) continue;
            String project = view.project(path);
            if (!governed.contains(project)) ungoverned.computeIfAbsent(project, k -> new ArrayList<>()).add(path);
        }
        for (var e : ungoverned.entrySet()) {
            List<Migration> migrations = ordered(side, e.getValue(), null);
            if (migrations.isEmpty()) continue;
            out.add(new MigrationSet(TypeOrmStack.ID, e.getKey(), "migration files of "
                    + (e.getKey().isEmpty() ? "the repository" : e.getKey()) + " (no data source names them)", null,
                    migrations));
        }
        return out;
    }

    private List<Migration> ordered(Snapshot side, List<String> files, Dialect dialect) {
        List<Migration> all = new ArrayList<>();
        for (String path : files) {
            if (side.tooLarge(path).isPresent()) continue;
            all.addAll(read(side, path, true, dialect).items());
        }
        all.sort(Comparator.comparing((Migration m) -> m.version() == null ? "" : m.version()));
        return all;
    }

    /** down() absent: MISSING; empty, only comments or a bare return: EMPTY; only throws: THROWS; else PRESENT. */
    static Rollback rollback(String path, TsNode.ClassDecl c, TsNode.Method down) {
        if (down == null || down.body() == null) {
            return new Rollback(Rollback.Status.MISSING, Location.at(path, c.line(), c.column()), false);
        }
        Location at = Location.at(path, down.line(), down.column());
        List<TsNode> statements = down.body().statements().stream()
                .filter(s -> !(s instanceof TsNode.Other o && o.kind().equals("EmptyStmt"))).toList();
        if (statements.stream().allMatch(s -> s instanceof TsNode.Return r && r.value() == null)) {
            return new Rollback(Rollback.Status.EMPTY, at, false);
        }
        if (statements.stream().allMatch(s -> s instanceof TsNode.Throw)) {
            return new Rollback(Rollback.Status.THROWS, at, false);
        }
        return new Rollback(Rollback.Status.PRESENT, at, false);
    }

    /** The tables and columns the statements touch, through SQL or the QueryRunner API, in order. */
    static List<Touch> touches(TsNode body, Map<String, TsNode> moduleScope) {
        Map<String, TsNode> scope = new HashMap<>(moduleScope);
        body.walk(n -> {
            if (n instanceof TsNode.Var v && v.init() != null) scope.put(v.name(), v.init());
        });
        Set<Touch> out = new LinkedHashSet<>();
        body.walk(n -> {
            if (n instanceof TsNode.Call call && call.callee() instanceof TsNode.Member m && m.property() != null) {
                out.addAll(QueryRunnerApi.touches(m.property(), call.args(), scope, UNKNOWN));
            }
        });
        return new ArrayList<>(out);
    }

    /** SHA-256 over the content with line endings normalised: a checkout on Windows is not an edit. */
    static String checksum(String content) {
        return Digests.sha256(Text.withLfLineEndings(content));
    }

    /** The QueryRunner methods that change the schema, and what each touches. */
    static final class QueryRunnerApi {
        private QueryRunnerApi() {
        }

        static List<Touch> touches(String method, List<TsNode> args, Map<String, TsNode> scope, String unknown) {
            List<Touch> out = new ArrayList<>();
            if (method.equals("query")) {
                if (!args.isEmpty()) TsValues.string(args.get(0), scope, unknown).ifPresent(sql ->
                        out.addAll(SqlTouchReader.touches(sql)));
                return out;
            }
            String table = args.isEmpty() ? null : tableName(args.get(0), scope);
            if (table == null) return out;
            switch (method) {
                case "createTable", "createView" -> out.add(new Touch(table, null, "create"));
                case "dropTable", "dropView" -> out.add(new Touch(table, null, "drop"));
                case "renameTable" -> {
                    out.add(new Touch(table, null, "rename"));
                    if (args.size() > 1) TsValues.string(args.get(1), scope, unknown)
                            .ifPresent(n -> out.add(new Touch(n, null, "rename")));
                }
                case "clearTable" -> out.add(new Touch(table, null, "truncate"));
                case "addColumn", "addColumns" -> columns(args, scope, table, "add-column", out);
                case "dropColumn", "dropColumns" -> columns(args, scope, table, "drop-column", out);
                case "renameColumn" -> columns(args, scope, table, "rename-column", out);
                case "changeColumn", "changeColumns" -> columns(args, scope, table, "alter-column", out);
                case "createIndex", "createIndices", "dropIndex", "dropIndices" -> out.add(new Touch(table, null, "index"));
                case "createForeignKey", "createForeignKeys", "dropForeignKey", "dropForeignKeys", "createPrimaryKey",
                        "updatePrimaryKeys", "dropPrimaryKey", "createUniqueConstraint", "createUniqueConstraints",
                        "dropUniqueConstraint", "dropUniqueConstraints", "createCheckConstraint",
                        "createCheckConstraints", "dropCheckConstraint", "dropCheckConstraints",
                        "createExclusionConstraint", "createExclusionConstraints", "dropExclusionConstraint",
                        "dropExclusionConstraints" -> out.add(new Touch(table, null, "alter"));
                default -> {
                }
            }
            return out;
        }

        private static void columns(List<TsNode> args, Map<String, TsNode> scope, String table, String action,
                                    List<Touch> out) {
            boolean any = false;
            for (TsNode a : args.subList(1, args.size())) {
                List<TsNode> items = a instanceof TsNode.Arr arr ? arr.items() : List.of(a);
                for (TsNode item : items) {
                    String column = tableName(item, scope);
                    if (column != null) {
                        out.add(new Touch(table, column, action));
                        any = true;
                    }
                }
            }
            if (!any) out.add(new Touch(table, null, "alter"));
        }

        /** A name from a string, a constant, {@code new Table({ name })}, {@code new TableColumn({ name })} or
         *  an object literal with a {@code name}. */
        private static String tableName(TsNode n, Map<String, TsNode> scope) {
            if (n instanceof TsNode.Ident id && scope.get(id.name()) != null && scope.get(id.name()) != n) {
                return tableName(scope.get(id.name()), Map.of());
            }
            if (n instanceof TsNode.New created && !created.args().isEmpty()) return tableName(created.args().get(0), scope);
            if (n instanceof TsNode.Obj o) {
                return o.prop("name").flatMap(p -> TsValues.string(p.value(), scope, UNKNOWN)).orElse(null);
            }
            return TsValues.string(n, scope, UNKNOWN).orElse(null);
        }
    }
}
