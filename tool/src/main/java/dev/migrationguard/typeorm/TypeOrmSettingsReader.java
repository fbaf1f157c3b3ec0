package dev.migrationguard.typeorm;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.migrationguard.stack.SettingsReader;
import dev.migrationguard.model.CannotJudge;
import dev.migrationguard.model.DatabaseSetting;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.SyncSetting;
import dev.migrationguard.model.Text;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.typescript.TsNode;
import dev.migrationguard.typescript.TypeScript;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code synchronize: true} and {@code dropSchema: true} in TypeORM data-source options (a {@code DataSource},
 * {@code TypeOrmModule.forRoot}/{@code forRootAsync} factory, any options object of a file that uses TypeORM),
 * {@code ormconfig.*}, and {@code TYPEORM_SYNCHRONIZE}/{@code TYPEORM_DROP_SCHEMA} in env files. A value that is true
 * only in development ({@code process.env.NODE_ENV === 'development'}, a ternary, a constant holding such a test) is
 * reported as guarded; a value read from elsewhere (an env variable) cannot be judged and is not reported. Finds too
 * the data source's {@code type}, which names the database.
 */
public final class TypeOrmSettingsReader implements SettingsReader {
    private static final Set<String> KEYS = Set.of("synchronize", "dropSchema");
    private static final Pattern ENV_FILE = Pattern.compile("\\.env(?:\\.([A-Za-z0-9_-]+))?");
    private static final Pattern ENV_LINE = Pattern.compile(
            "^\\s*(?:export\\s+)?(TYPEORM_SYNCHRONIZE|TYPEORM_DROP_SCHEMA)\\s*=\\s*['\"]?([^'\"#\\s]*)");
    private static final Pattern OPTIONS_KEY = Pattern.compile("\\b(?:entities|migrations)['\"]?\\s*:");
    private static final Set<String> ENV_PROFILES_IGNORED = Set.of("example", "sample", "template", "dist", "defaults");
    /** The data source {@code type}s of TypeORM's drivers; only these name a database. */
    private static final Set<String> DRIVER_TYPES = Set.of("postgres", "mysql", "mariadb", "sqlite", "better-sqlite3",
            "mssql", "oracle", "cockroachdb", "aurora-mysql", "aurora-postgres", "sqljs", "capacitor", "cordova",
            "react-native", "nativescript", "expo");
    private static final Pattern TYPE_OPTION = Pattern.compile("\\btype['\"]?\\s*:\\s*['\"`]?([a-z0-9-]+)");
    private static final Pattern SCRIPT_TYPE = Pattern.compile("\\btype['\"]?\\s*:\\s*['\"`]([a-z0-9-]+)['\"`]");
    private static final Pattern ENV_DATABASE = Pattern.compile(
            "^\\s*(?:export\\s+)?(TYPEORM_CONNECTION|TYPEORM_URL)\\s*=\\s*['\"]?([^'\"#\\s]*)");
    /** Words of a script's name that say it may hold the data source: {@code data-source.ts}, {@code app.module.ts}. */
    static final Set<String> DATA_SOURCE_WORDS = Set.of("data", "datasource", "ormconfig", "typeorm",
            "database", "db", "orm", "config", "configuration", "app", "connection");
    private final TsSources sources;

    public TypeOrmSettingsReader(TsSources sources) {
        this.sources = sources;
    }

    @Override
    public boolean accepts(String path) {
        String name = Text.fileName(path);
        if (name.startsWith(".env") && ENV_FILE.matcher(name).matches()) return true;
        if (name.startsWith("ormconfig.")) return true;
        return (name.endsWith(".ts") || name.endsWith(".js") || name.endsWith(".mjs") || name.endsWith(".cjs"))
                && !name.endsWith(".d.ts");
    }

    /** An .env or ormconfig file always could hold the settings; a script when its first bytes name TypeORM. */
    @Override
    public boolean recognizes(String path, String head) {
        String name = Text.fileName(path);
        return ENV_FILE.matcher(name).matches() || name.startsWith("ormconfig.") || mayConfigureTypeOrm(head);
    }

    /**
     * An env or ormconfig file, or a script whose name has a word of {@link #DATA_SOURCE_WORDS}: the data source is
     * looked for there only, so that naming the database never costs reading every script of a project.
     */
    @Override
    public boolean mayNameDatabase(String path) {
        String name = Text.fileName(path);
        // Asked of every path of the side: the prefix spares thousands of matchers a commit.
        if ((name.startsWith(".env") && ENV_FILE.matcher(name).matches()) || name.startsWith("ormconfig.")) return true;
        if (!accepts(path) || path.contains("node_modules/")) return false;
        return hasDataSourceWord(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a run of {@code [a-z0-9]} in the lower-cased name is one of {@link #DATA_SOURCE_WORDS}. Asked of every
     * path of the checked side on each commit: a loop over the characters, where a regex split cost a pre-commit run
     * about a millisecond in its many small arrays.
     */
    static boolean hasDataSourceWord(String lowerName) {
        int start = 0;
        for (int i = 0; i <= lowerName.length(); i++) {
            char c = i < lowerName.length() ? lowerName.charAt(i) : '.';
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) continue;
            if (i > start && DATA_SOURCE_WORDS.contains(lowerName.substring(start, i))) return true;
            start = i + 1;
        }
        return false;
    }

    /**
     * The data source's {@code type} (written as a driver's name in a script that configures TypeORM, or in an
     * ormconfig file), and {@code TYPEORM_CONNECTION} / {@code TYPEORM_URL} in env files, whose suffix is the profile.
     */
    @Override
    public List<DatabaseSetting> databases(String path, String content) {
        String name = Text.fileName(path);
        String text = content == null ? "" : content;
        try {
            Matcher env = ENV_FILE.matcher(name);
            if (env.matches()) return envDatabases(path, text, env.group(1));
            Matcher type = TYPE_OPTION.matcher(text);
            boolean named = false;
            while (!named && type.find()) named = DRIVER_TYPES.contains(type.group(1));
            if (!named) return List.of();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".json")) return treeDatabases(path, text, new JsonFactory());
            if (lower.endsWith(".yml") || lower.endsWith(".yaml")) return treeDatabases(path, text, new YAMLFactory());
            if (!name.startsWith("ormconfig.") && !mayConfigureTypeOrm(text)) return List.of();
            return scriptDatabases(path, text);
        } catch (CannotJudge e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            return List.of();
        }
    }

    private static List<DatabaseSetting> envDatabases(String path, String text, String suffix) {
        if (suffix != null && ENV_PROFILES_IGNORED.contains(suffix.toLowerCase(Locale.ROOT))) return List.of();
        List<DatabaseSetting> out = new ArrayList<>();
        String[] lines = Text.lines(text);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ENV_DATABASE.matcher(lines[i]);
            if (!m.find()) continue;
            String value = m.group(2);
            // A URL's scheme names the driver: postgres://user@db.example.com/app
            int scheme = value.indexOf("://");
            Optional<Dialect> dialect = Dialect.parse(scheme > 0 ? value.substring(0, scheme) : value);
            if (dialect.isPresent()) {
                Location at = Location.at(path, i + 1, m.start(1) + 1);
                out.add(new DatabaseSetting(at, m.group(1), dialect.get(), suffix));
            }
        }
        return out;
    }

    private static List<DatabaseSetting> treeDatabases(String path, String text, JsonFactory factory) {
        List<DatabaseSetting> out = new ArrayList<>();
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.FIELD_NAME || !p.currentName().equals("type")) continue;
                JsonLocation l = p.currentTokenLocation();
                JsonToken value = p.nextToken();
                if (value == null || !value.isScalarValue()) {
                    if (value != null) p.skipChildren();
                    continue;
                }
                driver(p.getText()).ifPresent(d -> out.add(new DatabaseSetting(
                        Location.at(path, l.getLineNr(), l.getColumnNr()), "type", d, null)));
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /**
     * Read as text, never parsed: the native parser may be missing on this platform, and the database must not cost a
     * change that has no entity in it. A {@code type: '<driver>'} on a line that is not a comment counts.
     */
    private static List<DatabaseSetting> scriptDatabases(String path, String text) {
        List<DatabaseSetting> out = new ArrayList<>();
        String[] lines = Text.lines(text);
        boolean inComment = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String head = line.strip();
            if (inComment || head.startsWith("/*")) {
                inComment = !line.contains("*/");
                continue;
            }
            if (head.startsWith("*")) continue;
            Matcher m = SCRIPT_TYPE.matcher(beforeLineComment(line));
            while (m.find()) {
                int column = m.start() + 1;
                int number = i + 1;
                driver(m.group(1)).ifPresent(d -> out.add(new DatabaseSetting(Location.at(path, number, column), "type",
                        d, null)));
            }
        }
        return out;
    }

    /** The line up to a {@code //} that no string holds ({@code 'postgres://db'} keeps its slashes). */
    private static String beforeLineComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static Optional<Dialect> driver(String type) {
        return type != null && DRIVER_TYPES.contains(type) ? Dialect.parse(type) : Optional.empty();
    }

    /** Data sources in tests, their setup and seed scripts are not production ones: their settings are not read. */
    @Override
    public ReadResult<SyncSetting> read(String path, String content) {
        if (DataSources.notProduction(path)) return ReadResult.empty();
        String name = Text.fileName(path);
        String text = content == null ? "" : content;
        try {
            Matcher env = ENV_FILE.matcher(name);
            if (env.matches()) return readEnv(path, text, env.group(1));
            if (!text.contains("synchronize") && !text.contains("dropSchema")) return ReadResult.empty();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".json")) return readTree(path, text, new JsonFactory());
            if (lower.endsWith(".yml") || lower.endsWith(".yaml")) return readTree(path, text, new YAMLFactory());
            boolean ormconfig = name.startsWith("ormconfig.");
            // Parsing a script loads the native TypeScript parser: only for files that can hold TypeORM options.
            if (!ormconfig && !mayConfigureTypeOrm(text)) return ReadResult.empty();
            return readScript(path, text, ormconfig);
        } catch (CannotJudge e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            return ReadResult.problem(new ParseProblem(Location.file(path), "Could not read this file: " + e));
        }
    }

    /**
     * A {@code synchronize} or {@code dropSchema}, which changes the schema when true: its value was worked out per
     * environment, so without a profile it holds outside development.
     */
    private static SyncSetting setting(Location at, String key, String value, String profile,
                                       boolean guardedToDevelopment) {
        return new SyncSetting(at, key, value, profile, guardedToDevelopment, value.equals("true"),
                "outside development", "Set it to false and run migrations (migrationsRun: true), or enable it only "
                + "when NODE_ENV is development.");
    }

    /**
     * Whether a script can hold data-source options: it names TypeORM ({@code 'typeorm'}, {@code @nestjs/typeorm},
     * {@code TypeOrmModule}), or has an object with {@code entities} or {@code migrations} (a config factory that
     * imports nothing from TypeORM). A bundle or library that merely says "synchronize" is neither.
     */
    static boolean mayConfigureTypeOrm(String text) {
        return text.toLowerCase(Locale.ROOT).contains("typeorm") || OPTIONS_KEY.matcher(text).find();
    }

    private static ReadResult<SyncSetting> readEnv(String path, String text, String suffix) {
        String profile = suffix == null || ENV_PROFILES_IGNORED.contains(suffix.toLowerCase(Locale.ROOT))
                ? null : suffix;
        if (suffix != null && ENV_PROFILES_IGNORED.contains(suffix.toLowerCase(Locale.ROOT))) return ReadResult.empty();
        List<SyncSetting> out = new ArrayList<>();
        String[] lines = Text.lines(text);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ENV_LINE.matcher(lines[i]);
            if (!m.find()) continue;
            out.add(setting(Location.at(path, i + 1, m.start(1) + 1), m.group(1), m.group(2).toLowerCase(Locale.ROOT),
                    profile, false));
        }
        return ReadResult.of(out);
    }

    private static ReadResult<SyncSetting> readTree(String path, String text, JsonFactory factory) {
        List<SyncSetting> out = new ArrayList<>();
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.FIELD_NAME || !KEYS.contains(p.currentName())) continue;
                JsonLocation l = p.currentTokenLocation();
                String key = p.currentName();
                JsonToken value = p.nextToken();
                if (value != null && value.isScalarValue()) {
                    out.add(setting(Location.at(path, l.getLineNr(), l.getColumnNr()), key,
                            p.getText().toLowerCase(Locale.ROOT), null, false));
                } else if (value != null) {
                    p.skipChildren();
                }
            }
        } catch (JacksonException e) {
            JsonLocation l = e.getLocation();
            Location at = l == null ? Location.file(path) : Location.at(path, l.getLineNr(), l.getColumnNr());
            return new ReadResult<>(out, List.of(new ParseProblem(at, "Malformed configuration: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""))));
        } catch (IOException e) {
            return new ReadResult<>(out, List.of(new ParseProblem(Location.file(path), "Unreadable: " + e)));
        }
        return ReadResult.of(out);
    }

    private ReadResult<SyncSetting> readScript(String path, String text, boolean ormconfig) {
        TypeScript.Parsed parsed = TypeScript.parse(path, text);
        if (parsed.error() != null) return ReadResult.problem(TsSources.problem(path, parsed.error()));
        TsNode.Module module = parsed.module();
        boolean usesTypeOrm = ormconfig || module.imports().stream()
                .anyMatch(i -> i.source().equals("typeorm") || i.source().equals("@nestjs/typeorm"));
        Map<String, TsNode> scope = TsValues.constants(module.body());
        List<SyncSetting> out = new ArrayList<>();
        module.walk(n -> {
            if (!(n instanceof TsNode.Obj o)) return;
            boolean dataSourceLike = usesTypeOrm || o.prop("entities").isPresent() || o.prop("migrations").isPresent();
            if (!dataSourceLike) return;
            for (TsNode.Prop p : o.props()) {
                if (p.key() == null || !KEYS.contains(p.key())) continue;
                Guard.Value outside = Guard.outsideDevelopment(p.value(), scope);
                Guard.Value inDev = Guard.evaluate(p.value(), scope, "development", 0);
                Location at = Location.at(path, p.line(), p.column());
                if (outside == Guard.Value.TRUE) {
                    out.add(setting(at, p.key(), "true", null, false));
                } else if (outside == Guard.Value.FALSE && inDev == Guard.Value.TRUE) {
                    out.add(setting(at, p.key(), "true", null, true));
                } else if (outside == Guard.Value.FALSE) {
                    out.add(setting(at, p.key(), "false", null, false));
                }
            }
        });
        return ReadResult.of(out);
    }

    /**
     * Evaluates a setting's value with the environment name ({@code NODE_ENV} and the like) set to one value at a time:
     * {@code development}, and the environments that are not development ({@code production}, {@code staging}, and a
     * name no literal in the file mentions). {@code NODE_ENV !== 'production'} is true in staging, so it is not a guard.
     */
    static final class Guard {
        enum Value { TRUE, FALSE, UNKNOWN }

        /** Environments that are not development; the last stands for any name the file does not mention. */
        static final List<String> OUTSIDE_DEVELOPMENT = List.of("production", "staging", "\u0000another-environment");
        private static final Set<String> ENV_NAMES = Set.of("NODE_ENV", "APP_ENV", "ENV", "ENVIRONMENT", "STAGE");

        private Guard() {
        }

        /** TRUE when the value is true in some environment that is not development; FALSE when false in all. */
        static Value outsideDevelopment(TsNode n, Map<String, TsNode> scope) {
            boolean allFalse = true;
            for (String env : OUTSIDE_DEVELOPMENT) {
                Value v = evaluate(n, scope, env, 0);
                if (v == Value.TRUE) return Value.TRUE;
                if (v != Value.FALSE) allFalse = false;
            }
            return allFalse ? Value.FALSE : Value.UNKNOWN;
        }

        /** The value when the environment name is {@code env}; UNKNOWN when it depends on something else. */
        static Value evaluate(TsNode n, Map<String, TsNode> scope, String env, int depth) {
            if (n == null || depth > 20) return Value.UNKNOWN;
            if (n instanceof TsNode.Bool b) return b.value() ? Value.TRUE : Value.FALSE;
            if (n instanceof TsNode.Ident id && scope.containsKey(id.name())) {
                return evaluate(scope.get(id.name()), scope, env, depth + 1);
            }
            if (n instanceof TsNode.Unary u && u.op().equals("!")) return not(evaluate(u.arg(), scope, env, depth + 1));
            if (n instanceof TsNode.Binary b) {
                switch (b.op()) {
                    case "&&" -> {
                        Value l = evaluate(b.left(), scope, env, depth + 1);
                        Value r = evaluate(b.right(), scope, env, depth + 1);
                        if (l == Value.FALSE || r == Value.FALSE) return Value.FALSE;
                        return l == Value.TRUE && r == Value.TRUE ? Value.TRUE : Value.UNKNOWN;
                    }
                    case "||", "??" -> {
                        Value l = evaluate(b.left(), scope, env, depth + 1);
                        Value r = evaluate(b.right(), scope, env, depth + 1);
                        if (l == Value.TRUE || r == Value.TRUE) return Value.TRUE;
                        return l == Value.FALSE && r == Value.FALSE ? Value.FALSE : Value.UNKNOWN;
                    }
                    case "===", "==", "!==", "!=" -> {
                        Value eq = environmentEquals(b.left(), b.right(), scope, env);
                        if (eq == Value.UNKNOWN) eq = environmentEquals(b.right(), b.left(), scope, env);
                        return b.op().startsWith("!") ? not(eq) : eq;
                    }
                    default -> {
                        return Value.UNKNOWN;
                    }
                }
            }
            if (n instanceof TsNode.Conditional c) {
                Value test = evaluate(c.test(), scope, env, depth + 1);
                Value then = evaluate(c.then(), scope, env, depth + 1);
                Value otherwise = evaluate(c.otherwise(), scope, env, depth + 1);
                if (test == Value.TRUE) return then;
                if (test == Value.FALSE) return otherwise;
                return then == otherwise ? then : Value.UNKNOWN;
            }
            return Value.UNKNOWN;
        }

        private static Value not(Value v) {
            return v == Value.TRUE ? Value.FALSE : v == Value.FALSE ? Value.TRUE : Value.UNKNOWN;
        }

        /** {@code <environment> === '<name>'} when the environment is {@code env}. */
        private static Value environmentEquals(TsNode environment, TsNode literal, Map<String, TsNode> scope,
                                               String env) {
            if (!isEnvironment(environment, scope, 0)) return Value.UNKNOWN;
            String name = TsValues.literalString(literal).orElse(null);
            if (name == null) return Value.UNKNOWN;
            return name.equalsIgnoreCase(env) ? Value.TRUE : Value.FALSE;
        }

        /** {@code process.env.NODE_ENV}, {@code process.env['NODE_ENV']}, {@code config.get('NODE_ENV')}, ... */
        private static boolean isEnvironment(TsNode n, Map<String, TsNode> scope, int depth) {
            if (depth > 10) return false;
            if (n instanceof TsNode.Ident id && scope.containsKey(id.name())) {
                return isEnvironment(scope.get(id.name()), scope, depth + 1);
            }
            if (n instanceof TsNode.Member m) {
                return m.property() != null && ENV_NAMES.contains(m.property()) && m.object() instanceof TsNode.Member p
                        && "env".equals(p.property());
            }
            if (n instanceof TsNode.Call c && c.callee() instanceof TsNode.Member m && m.property() != null
                    && (m.property().equals("get") || m.property().equals("getOrThrow")) && !c.args().isEmpty()) {
                return TsValues.literalString(c.args().get(0)).map(ENV_NAMES::contains).orElse(false);
            }
            return false;
        }
    }
}
