package dev.migrationguard.typeorm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.Text;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.typescript.TsNode;
import dev.migrationguard.typescript.TypeScript;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The TypeORM data sources of a snapshot as its runner sees them: every options object with a {@code migrations}
 * option ({@code new DataSource({...})}, {@code TypeOrmModule.forRoot}/{@code forRootAsync} factories, exported
 * option objects, {@code ormconfig.*}), its globs resolved to paths of the snapshot, its {@code type}, its project (the folder of the nearest {@code package.json}), and whether it is a
 * production one. Code is read, never run: a value built at run time (an environment variable) makes the data source's
 * migrations unknown, and unknown is silent.
 */
final class DataSources {
    /** Folders and file-name words of code the application does not run in production: tests, their setup, seeds. */
    private static final Set<String> NOT_PRODUCTION = Set.of("test", "tests", "__tests__", "__test__", "e2e", "spec",
            "specs", "__mocks__", "mocks", "mock", "fixtures", "fixture", "testing", "seed", "seeds", "seeder", "seeders",
            "seeding", "jest", "vitest", "setuptests", "testsetup");
    private static final Pattern WORDS = Pattern.compile("[^a-z0-9_]+");
    private static final Pattern MIGRATIONS_KEY = Pattern.compile("\\bmigrations\\b");
    /** Words of a script's name that say it may hold data-source options. */
    static final Set<String> SOURCE_WORDS = Set.of("data", "datasource", "ormconfig", "typeorm", "database",
            "db", "orm", "config", "configuration", "app", "connection", "source", "module", "providers", "provider",
            "index", "main", "migration", "migrations", "postgres", "mysql", "sqlite", "env", "cli");
    private static final String DIR = "\u0000dir\u0000";
    private static final String TRANSACTION_MODE = "migrationsTransactionMode";
    /** The {@code --transaction}/{@code -t} value of a command running {@code migration:run}. */
    private static final Pattern RUN_TRANSACTION = Pattern.compile(
            "(?:^|\\s)(?:-t|--transaction)(?:=|\\s+)[\"']?([A-Za-z]+)");
    private static final String ROOT = "\u0000root\u0000";

    private DataSources() {
    }

    /**
     * One options object with a {@code migrations} option.
     *
     * @param at        where its {@code migrations} option is written
     * @param project   the folder of its {@code package.json} ("" for the root)
     * @param globs     the globs as resolved (paths of the snapshot), for messages
     * @param patterns  the same as patterns, a {@code dist/**.js} glob also matching the {@code src/**.ts} it is built from
     * @param classFiles the files of migration classes it lists by import
     * @param known     false when some entry could not be read (an environment variable, a computed list)
     * @param transactionMode its {@code migrationsTransactionMode} as written ({@code all}, {@code each},
     *                        {@code none}), null when unsaid or read at run time
     */
    record DataSource(Location at, String project, Dialect dialect, List<String> globs,
                      List<Pattern> patterns, Set<String> classFiles, boolean known, boolean production,
                      String transactionMode) {
        boolean runs(String path) {
            if (classFiles.contains(path)) return true;
            String asJs = path.endsWith(".ts") ? path.substring(0, path.length() - 3) + ".js" : path;
            for (Pattern p : patterns) if (p.matcher(path).matches() || p.matcher(asJs).matches()) return true;
            return false;
        }

        /** What names its migrations to a person: the globs, or the classes it imports. */
        String describe() {
            List<String> parts = new ArrayList<>();
            for (String g : globs) parts.add("'" + g + "'");
            if (!classFiles.isEmpty()) parts.add(classFiles.size() + " imported classes");
            return String.join(", ", parts);
        }
    }

    /** Whether a file is test code, test setup or a seed script: its data sources are not production ones. */
    static boolean notProduction(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (String part : lower.split("/")) {
            if (NOT_PRODUCTION.contains(part)) return true;
        }
        String name = Text.fileName(lower);
        for (String word : WORDS.split(name)) {
            if (NOT_PRODUCTION.contains(word)) return true;
        }
        return name.contains(".spec.") || name.contains(".test.") || name.contains("-spec.") || name.contains("setup-test")
                || name.contains("test-setup");
    }

    /** The folder of the {@code package.json} nearest above the path; "" when none. */
    static String project(Set<String> packageFolders, String path) {
        String folder = parent(path);
        while (true) {
            if (packageFolders.contains(folder)) return folder;
            if (folder.isEmpty()) return "";
            folder = parent(folder);
        }
    }

    static Set<String> packageFolders(Snapshot side) {
        Set<String> out = new HashSet<>();
        for (String p : side.paths()) {
            if (p.contains("node_modules/")) continue;
            if (p.equals("package.json") || p.endsWith("/package.json")) out.add(parent(p));
        }
        return out;
    }

    /** A transaction mode as TypeORM reads it ({@code false} is {@code none} to its CLI); null for any other value. */
    static String transactionMode(String written) {
        String v = written.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "all", "each", "none" -> v;
            case "false" -> "none";
            default -> null;
        };
    }

    /**
     * The transaction mode the {@code package.json} of a project passes to {@code migration:run}
     * ({@code --transaction each}, {@code -t none}) in its scripts, when those that pass one agree; null otherwise.
     * The CLI's flag wins over the data source's {@code migrationsTransactionMode}.
     */
    static String scriptTransactionMode(Snapshot side, String project) {
        String path = project.isEmpty() ? "package.json" : project + "/package.json";
        Optional<String> text = side.readableText(path);
        if (text.isEmpty() || !text.get().contains("migration:run")) return null;
        JsonNode scripts;
        try {
            scripts = JsonMapper.builder().build().readTree(text.get()).path("scripts");
        } catch (java.io.IOException e) {
            return null;
        }
        Set<String> modes = new LinkedHashSet<>();
        for (JsonNode script : scripts) {
            if (!script.isTextual() || !script.asText().contains("migration:run")) continue;
            java.util.regex.Matcher m = RUN_TRANSACTION.matcher(script.asText());
            while (m.find()) {
                String mode = transactionMode(m.group(1));
                modes.add(mode == null ? "?" : mode);
            }
        }
        return modes.size() == 1 && !modes.contains("?") ? modes.iterator().next() : null;
    }

    /**
     * Every data source of the snapshot with a {@code migrations} option, found once per snapshot for all the readers of
     * a run (the entity reader's naming strategy and the migration reader's sets ask for the same side).
     */
    static List<DataSource> find(Snapshot side, TsSources sources) {
        return sources.dataSources(side, s -> scan(s, sources));
    }

    private static List<DataSource> scan(Snapshot side, TsSources sources) {
        Set<String> packages = packageFolders(side);
        List<DataSource> out = new ArrayList<>();
        for (String path : side.paths()) {
            if (!candidate(path)) continue;
            Optional<String> text = side.readableText(path);
            if (text.isEmpty() || !MIGRATIONS_KEY.matcher(text.get()).find()) continue;
            String name = Text.fileName(path);
            try {
                if (name.endsWith(".json")) {
                    out.addAll(json(side, path, text.get(), packages));
                } else if (name.startsWith("ormconfig.") || TypeOrmSettingsReader.mayConfigureTypeOrm(text.get())) {
                    out.addAll(script(side, sources, path, text.get(), packages));
                }
            } catch (RuntimeException | StackOverflowError e) {
                // A file we cannot read defines nothing we can tell: its data sources stay unknown.
                out.add(new DataSource(Location.file(path), project(packages, path), null, List.of(), List.of(),
                        Set.of(), false, !notProduction(path), null));
            }
        }
        return List.copyOf(out);
    }

    private static boolean candidate(String path) {
        if (path.contains("node_modules/") || path.endsWith(".d.ts")) return false;
        String name = Text.fileName(path).toLowerCase(Locale.ROOT);
        if (name.equals("ormconfig.json")) return true;
        if (!(name.endsWith(".ts") || name.endsWith(".js") || name.endsWith(".mjs") || name.endsWith(".cjs"))) {
            return false;
        }
        if (!hasSourceWord(name)) return false;
        for (String part : path.split("/")) {
            if (part.equals("dist") || part.equals("build") || part.equals("out")) return false;
        }
        return true;
    }

    /**
     * Whether a run of {@code [a-z0-9_]} in the lower-cased name is one of {@link #SOURCE_WORDS}. Asked of every path of
     * both sides on each commit: a loop over the characters, where a regex split cost a pre-commit run milliseconds.
     */
    static boolean hasSourceWord(String lowerName) {
        int start = 0;
        for (int i = 0; i <= lowerName.length(); i++) {
            char c = i < lowerName.length() ? lowerName.charAt(i) : '.';
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') continue;
            if (i > start && SOURCE_WORDS.contains(lowerName.substring(start, i))) return true;
            start = i + 1;
        }
        return false;
    }

    private static List<DataSource> json(Snapshot side, String path, String text, Set<String> packages) {
        List<DataSource> out = new ArrayList<>();
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(text);
        } catch (java.io.IOException e) {
            return out;
        }
        List<JsonNode> configs = new ArrayList<>();
        if (root.isArray()) root.forEach(configs::add);
        else configs.add(root);
        String project = project(packages, path);
        for (JsonNode c : configs) {
            JsonNode migrations = c.get("migrations");
            if (migrations == null) continue;
            List<String> raw = new ArrayList<>();
            boolean known = true;
            if (migrations.isArray()) {
                for (JsonNode g : migrations) {
                    if (g.isTextual()) raw.add(ROOT + "/" + g.asText());
                    else known = false;
                }
            } else {
                known = false;
            }
            Dialect dialect = c.hasNonNull("type") ? Dialect.parse(c.get("type").asText()).orElse(null) : null;
            String mode = c.hasNonNull(TRANSACTION_MODE) ? transactionMode(c.get(TRANSACTION_MODE).asText()) : null;
            out.add(build(side, Location.file(path), path, project, dialect, raw, Set.of(), known, mode));
        }
        return out;
    }

    private static List<DataSource> script(Snapshot side, TsSources sources, String path, String text,
                                           Set<String> packages) {
        List<DataSource> out = new ArrayList<>();
        Optional<TypeScript.Parsed> parsed = sources.parse(side, path);
        if (parsed.isEmpty() || parsed.get().module() == null) return out;
        TsNode.Module module = parsed.get().module();
        Map<String, TsNode> scope = TsValues.constants(module.body());
        module.walk(n -> {
            if (n instanceof TsNode.Var v && v.init() != null) scope.putIfAbsent(v.name(), v.init());
        });
        String project = project(packages, path);
        boolean typeorm = Text.fileName(path).startsWith("ormconfig.") || text.toLowerCase(Locale.ROOT).contains("typeorm");
        module.walk(n -> {
            if (!(n instanceof TsNode.Obj o)) return;
            Optional<TsNode.Prop> migrations = o.prop("migrations");
            if (migrations.isEmpty()) return;
            if (!typeorm && o.prop("entities").isEmpty() && o.prop("type").isEmpty()) return;
            List<String> raw = new ArrayList<>();
            Set<String> classes = new LinkedHashSet<>();
            boolean known = entries(side, sources, module, path, migrations.get().value(), scope, null, raw, classes,
                    0);
            TsNode type = o.prop("type").map(TsNode.Prop::value).orElse(null);
            Dialect dialect = Optional.ofNullable(type).flatMap(t -> TsValues.string(t, scope, DIR))
                    .filter(s -> !s.contains(DIR)).flatMap(Dialect::parse).orElse(null);
            TsNode.Prop at = migrations.get();
            Location where = Location.at(path, at.line(), at.column());
            String mode = o.prop(TRANSACTION_MODE).flatMap(p -> TsValues.string(p.value(), scope, DIR))
                    .map(DataSources::transactionMode).orElse(null);
            if (!known && type != null && dialect == null) {
                List<DataSource> perDatabase = perDatabase(side, sources, module, path, migrations.get().value(), scope,
                        type, where, project, mode);
                if (!perDatabase.isEmpty()) {
                    out.addAll(perDatabase);
                    return;
                }
            }
            out.add(build(side, where, path, project, dialect, raw, classes, known, mode));
        });
        return out;
    }

    /**
     * A data source whose {@code type} is read at run time and whose globs name it
     * ({@code `**}{@code /migrations/${config.type}-*.ts`}): one data source per database it may be, each with the globs
     * of that database, kept when they match a file. Projects ship one migration set per database this way.
     */
    private static List<DataSource> perDatabase(Snapshot side, TsSources sources, TsNode.Module module, String path,
                                                TsNode migrations, Map<String, TsNode> scope, TsNode type,
                                                Location where, String project, String mode) {
        List<DataSource> out = new ArrayList<>();
        String typeShape = shape(type);
        for (String driver : DRIVERS) {
            List<String> raw = new ArrayList<>();
            Set<String> classes = new LinkedHashSet<>();
            Subst subst = new Subst(typeShape, driver);
            if (!entries(side, sources, module, path, migrations, scope, subst, raw, classes, 0)) return List.of();
            DataSource d = build(side, where, path, project, Dialect.parse(driver).orElse(null), raw, classes,
                    true, mode);
            if (side.paths().stream().anyMatch(d::runs)) out.add(d);
        }
        return out;
    }

    /** The TypeORM driver names a {@code type} read at run time may take, as globs spell them. */
    private static final List<String> DRIVERS = List.of("postgres", "mysql", "mariadb", "sqlite", "better-sqlite3",
            "mssql", "oracle", "cockroachdb");

    /** An expression to replace by a value wherever it is written again (the {@code type} read at run time). */
    private record Subst(String written, String value) {
        boolean matches(TsNode n) {
            return written.equals(shape(n));
        }
    }

    private static String shape(TsNode n) {
        StringBuilder b = new StringBuilder();
        MigrationDigest.canonical(n, b);
        return b.toString();
    }

    /** Reads the entries of a {@code migrations} value into globs and class files; false when one is unknown. */
    private static boolean entries(Snapshot side, TsSources sources, TsNode.Module module, String path, TsNode value,
                                   Map<String, TsNode> scope, Subst subst, List<String> raw, Set<String> classes,
                                   int depth) {
        if (value == null || depth > 8) return false;
        if (value instanceof TsNode.Ident id && !id.name().equals("__dirname") && scope.containsKey(id.name())
                && scope.get(id.name()) != value) {
            return entries(side, sources, module, path, scope.get(id.name()), scope, subst, raw, classes, depth + 1);
        }
        if (value instanceof TsNode.Arr arr) {
            boolean known = true;
            for (TsNode item : arr.items()) {
                known &= entries(side, sources, module, path, item, scope, subst, raw, classes, depth + 1);
            }
            return known;
        }
        Optional<String> glob = pathValue(value, scope, subst, 0);
        if (glob.isPresent()) {
            raw.add(glob.get());
            return true;
        }
        if (value instanceof TsNode.Ident id) {
            Optional<TsNode.ImportedName> imported = module.importOf(id.name());
            if (imported.isPresent() && !imported.get().name().equals("*")) {
                Optional<String> file = sources.resolveImport(side, path, imported.get().source());
                if (file.isPresent()) {
                    classes.add(file.get());
                    return true;
                }
            }
            Optional<TsNode.ClassDecl> local = TsSources.classNamed(module, id.name());
            if (local.isPresent()) {
                classes.add(path);
                return true;
            }
        }
        return false;
    }

    /**
     * A path built by string literals, {@code __dirname}, {@code process.cwd()}, {@code +}, templates and
     * {@code path.join}/{@code path.resolve}; empty when any part is unknown. The result starts with a marker for
     * {@code __dirname} or the project root; a plain relative string is relative to the project root (TypeORM's
     * working directory).
     */
    private static Optional<String> pathValue(TsNode n, Map<String, TsNode> scope, Subst subst, int depth) {
        if (n == null || depth > 10) return Optional.empty();
        Optional<String> v = part(n, scope, subst, depth);
        if (v.isEmpty()) return v;
        String s = v.get();
        if (s.startsWith(DIR) || s.startsWith(ROOT)) return v;
        if (s.startsWith("/")) return Optional.empty();
        return Optional.of(ROOT + "/" + s);
    }

    private static Optional<String> part(TsNode n, Map<String, TsNode> scope, Subst subst, int depth) {
        if (n == null || depth > 10) return Optional.empty();
        if (subst != null && subst.matches(n)) return Optional.of(subst.value());
        if (n instanceof TsNode.Str s) return Optional.of(s.value());
        if (n instanceof TsNode.Ident id) {
            if (id.name().equals("__dirname")) return Optional.of(DIR);
            TsNode bound = scope.get(id.name());
            return bound == null || bound == n ? Optional.empty() : part(bound, scope, subst, depth + 1);
        }
        if (n instanceof TsNode.Template t) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < t.quasis().size(); i++) {
                b.append(t.quasis().get(i));
                if (i < t.exprs().size()) {
                    Optional<String> p = part(t.exprs().get(i), scope, subst, depth + 1);
                    if (p.isEmpty()) return Optional.empty();
                    b.append(p.get());
                }
            }
            return Optional.of(b.toString());
        }
        if (n instanceof TsNode.Binary b && b.op().equals("+")) {
            Optional<String> l = part(b.left(), scope, subst, depth + 1);
            Optional<String> r = part(b.right(), scope, subst, depth + 1);
            return l.isPresent() && r.isPresent() ? Optional.of(l.get() + r.get()) : Optional.empty();
        }
        if (n instanceof TsNode.Conditional c) {
            // Either branch may run (ts-node or the build): both match, as a glob alternation.
            Optional<String> a = part(c.then(), scope, subst, depth + 1);
            Optional<String> b = part(c.otherwise(), scope, subst, depth + 1);
            if (a.isEmpty() || b.isEmpty() || (a.get() + b.get()).contains("/")) return Optional.empty();
            return Optional.of("{" + a.get() + "," + b.get() + "}");
        }
        if (n instanceof TsNode.Call c) {
            String fn = c.callee() instanceof TsNode.Ident id ? id.name()
                    : c.callee() instanceof TsNode.Member m ? m.property() : null;
            if ("cwd".equals(fn) && c.args().isEmpty()) return Optional.of(ROOT);
            if ("join".equals(fn) || "resolve".equals(fn)) {
                if (c.callee() instanceof TsNode.Member m && !(m.object() instanceof TsNode.Ident)) {
                    return Optional.empty();
                }
                StringBuilder b = new StringBuilder();
                for (TsNode a : c.args()) {
                    Optional<String> p = part(a, scope, subst, depth + 1);
                    if (p.isEmpty()) return Optional.empty();
                    String s = p.get();
                    if (b.length() > 0 && !s.startsWith("/") && b.charAt(b.length() - 1) != '/') b.append('/');
                    b.append(s);
                }
                return Optional.of(b.toString());
            }
        }
        return Optional.empty();
    }

    private static DataSource build(Snapshot side, Location at, String file, String project, Dialect dialect,
                                    List<String> raw, Set<String> classes, boolean known, String mode) {
        List<String> globs = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        Builds builds = Builds.of(side, project);
        for (String r : raw) {
            String resolved = r.startsWith(DIR) ? join(parent(file), r.substring(DIR.length()))
                    : join(project, r.substring(ROOT.length()));
            if (resolved == null) {
                known = false;
                continue;
            }
            globs.add(resolved);
            for (String source : builds.sources(resolved)) patterns.add(Globs.compile(source));
        }
        return new DataSource(at, project, dialect, globs, patterns, classes, known, !notProduction(file), mode);
    }

    /**
     * Where compiled output comes from: the {@code outDir} and {@code rootDir} of every {@code tsconfig*.json} of the
     * project (a server's own {@code server/tsconfig.json} with {@code "outDir": "../dist"} builds {@code server/} into
     * {@code dist/}), and the usual {@code dist/} and {@code build/} from {@code src/} or the project folder, so that a
     * glob over the build is matched against the sources that build it. Folders are paths of the snapshot.
     */
    private record Builds(List<String[]> outToRoot) {
        static Builds of(Snapshot side, String project) {
            List<String[]> pairs = new ArrayList<>();
            String prefix = project.isEmpty() ? "" : project + "/";
            for (String path : side.paths()) {
                if (!path.startsWith(prefix) || path.contains("node_modules/")) continue;
                String name = Text.fileName(path);
                if (!name.startsWith("tsconfig") || !name.endsWith(".json")) continue;
                Optional<String> text = side.readableText(path);
                if (text.isEmpty()) continue;
                try {
                    JsonNode options = TsonReader.read(text.get()).path("compilerOptions");
                    if (!options.hasNonNull("outDir")) continue;
                    String folder = parent(path);
                    String out = join(folder, options.get("outDir").asText());
                    String root = options.hasNonNull("rootDir") ? join(folder, options.get("rootDir").asText())
                            : folder;
                    if (out != null && root != null) pairs.add(new String[]{out, root});
                } catch (java.io.IOException e) {
                    // A tsconfig we cannot read maps nothing; the usual folders still do.
                }
            }
            for (String out : List.of("dist", "build")) {
                for (String root : List.of("src", "")) {
                    pairs.add(new String[]{prefix + out, root.isEmpty() ? project : prefix + root});
                }
            }
            return new Builds(pairs);
        }

        /** The glob itself, and for a glob inside an output folder, the same glob inside the folder it is built from. */
        List<String> sources(String glob) {
            List<String> out = new ArrayList<>(List.of(glob));
            for (String[] pair : outToRoot) {
                String outDir = pair[0];
                if (outDir.isEmpty() || !glob.startsWith(outDir + "/")) continue;
                String rest = glob.substring(outDir.length() + 1);
                out.add(pair[1].isEmpty() ? rest : pair[1] + "/" + rest);
            }
            return out;
        }
    }

    /** tsconfig.json allows comments and trailing commas. */
    private static final class TsonReader {
        private static final JsonMapper MAPPER = JsonMapper.builder()
                .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_JAVA_COMMENTS,
                        com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_TRAILING_COMMA,
                        com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

        static JsonNode read(String text) throws java.io.IOException {
            return MAPPER.readTree(text);
        }
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Joins and normalises; null when the path climbs above the repository. */
    private static String join(String folder, String rest) {
        return Text.normalizePath(folder.isEmpty() ? rest : folder + "/" + rest);
    }
}
