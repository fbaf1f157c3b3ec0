package dev.migrationguard.flyway;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.NotRun;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.Text;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.springboot.BootSettings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Flyway sees in one snapshot: the projects (each Maven or Gradle module with Flyway settings of its own, or the
 * repository root), each with one configuration per Spring profile, its locations resolved to folders of the
 * repository. Built once per snapshot from the settings files alone; which files run is then a test on the path.
 */
final class FlywayView {
    private static final Pattern BUILD_FILE = Pattern.compile("(^|.*/)(pom\\.xml|build\\.gradle(\\.kts)?)$");
    private static final Set<String> SQL_LIKE = Set.of("sql", "txt", "ddl", "psql", "pgsql", "mysql", "tsql");
    private static final Pattern VERSION_START = Pattern.compile("^(\\d+(?:[._]\\d+)*)(.*)$", Pattern.DOTALL);
    private static final List<String> SOURCE_ROOTS = List.of("src/main/resources/", "src/main/java/",
            "src/main/kotlin/");

    /**
     * One configuration of a project: a Spring profile's (null for the default), with its locations as folders.
     *
     * @param fallback true when no setting says where Flyway looks, and every Flyway-named file of the module counts
     */
    record Profile(String name, FlywayConfig config, List<Pattern> folders, boolean resolved, Dialect dialect,
                   boolean fallback) {
        boolean covers(String path) {
            for (Pattern f : folders) {
                if (f.matcher(path).matches()) return true;
            }
            return false;
        }
    }

    /**
     * A project: a module whose Flyway settings are known ({@code knowsLocations}: set explicitly, or Spring Boot's
     * default for a Spring application) or that holds Flyway migrations.
     */
    record Project(String folder, List<Profile> profiles, boolean knowsLocations) {
    }

    private final List<String> modules;
    private final List<Project> projects;
    private final Map<String, Map<FlywayVersion, String>> undoByModule;

    private FlywayView(List<String> modules, List<Project> projects,
                       Map<String, Map<FlywayVersion, String>> undoByModule) {
        this.modules = modules;
        this.projects = projects;
        this.undoByModule = undoByModule;
    }

    /**
     * Undo scripts by {@link FlywayMigrationReader#module source module} and version: a versioned migration's way back
     * is the one of its own module, in any of its locations.
     */
    Map<String, Map<FlywayVersion, String>> undoByModule() {
        return undoByModule;
    }

    List<Project> projects() {
        return projects;
    }

    static FlywayView of(Snapshot side) {
        List<String> paths = side.paths();
        TreeSet<String> moduleSet = new TreeSet<>();
        moduleSet.add("");
        for (String p : paths) {
            // the name first: the pattern's backtracking over every path of a large repository is a cost of its own
            String name = Text.fileName(p);
            if (!name.equals("pom.xml") && !name.startsWith("build.gradle")) continue;
            Matcher m = BUILD_FILE.matcher(p);
            if (m.matches()) moduleSet.add(m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1));
        }
        List<String> modules = new ArrayList<>(moduleSet);
        Map<String, List<FlywaySettingsFiles.Written>> written = new LinkedHashMap<>();
        Set<String> springApps = new LinkedHashSet<>();
        Set<String> usesFlyway = new LinkedHashSet<>();
        List<String> settingFiles = new ArrayList<>();
        Map<String, Map<FlywayVersion, String>> undo = new HashMap<>();
        // Names are parsed only where an answer needs them (an undo script, a module's first migration, a file a
        // provider's coverage hangs on): the pre-commit hook of a repository with thousands of scripts parses few.
        Candidates candidates = new Candidates();
        for (String p : paths) {
            if (FlywaySettingsFiles.mayHold(p)) {
                settingFiles.add(p);
                continue;
            }
            String fileName = Text.fileName(p);
            if (!FlywayName.mayBe(fileName)) continue;
            if (fileName.charAt(0) == 'U') {
                FlywayName.parse(p).filter(n -> n.kind() == Migration.Kind.UNDO).ifPresent(n ->
                        undo.computeIfAbsent(FlywayMigrationReader.module(p), k -> new HashMap<>())
                                .putIfAbsent(n.version(), p));
            }
            if (!isTestSource(p)) candidates.add(moduleOf(modules, p), p);
        }
        // build files first, then Flyway's own files, then Spring's: the later a source, the more it wins at runtime
        settingFiles.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        for (String p : settingFiles) {
            String module = moduleOf(modules, p);
            if (!isSettingsOf(module, p)) continue;
            String content = side.readableText(p).orElse(null);
            if (content == null) continue;
            if (FlywaySettingsFiles.isSpring(p)) springApps.add(module);
            else if (rank(p) == 0 && content.contains("flyway")) usesFlyway.add(module);
            List<FlywaySettingsFiles.Written> w = FlywaySettingsFiles.read(p, content);
            if (!w.isEmpty()) written.computeIfAbsent(module, k -> new ArrayList<>()).addAll(w);
        }
        // A Spring application runs Flyway's default location only when something says it uses Flyway: a Liquibase
        // project's sqlFile named V1__init.sql is no Flyway migration left out.
        Set<String> configured = new LinkedHashSet<>(written.keySet());
        for (String m : springApps) {
            if (usesFlyway.contains(m) || usesFlyway.contains("") || candidates.anyMigration(m,
                    f -> f.contains("/db/migration/") || f.startsWith("db/migration/"))) {
                configured.add(m);
            }
        }
        List<String> providers = new ArrayList<>();
        for (String m : candidates.modulesWithMigrations()) if (!configured.contains(m)) providers.add(m);
        List<Project> projects = new ArrayList<>();
        for (String module : modules) {
            if (!configured.contains(module)) continue;
            List<Profile> profiles = profiles(module, written.getOrDefault(module, List.of()), providers, true);
            if (profiles.isEmpty()) continue;
            projects.add(new Project(module, profiles, profiles.stream().allMatch(Profile::resolved)));
        }
        // a module holding migrations that no configured project runs has a runner the settings do not show
        for (String module : providers) {
            boolean covered = !projects.isEmpty() && candidates.anyMigration(module, f -> covers(projects, f));
            if (!covered) projects.add(new Project(module, profiles(module, List.of(), List.of(), false), false));
        }
        return new FlywayView(modules, projects, undo);
    }

    /**
     * The files of each module whose names may be Flyway migrations, in the repository's order; which of them are
     * is decided by {@link FlywayName#parse} on demand, once per file.
     */
    private static final class Candidates {
        private final Map<String, List<String>> byModule = new LinkedHashMap<>();
        private final Map<String, Boolean> parsed = new HashMap<>();
        private final Map<String, Integer> order = new HashMap<>();

        void add(String module, String path) {
            byModule.computeIfAbsent(module, k -> new ArrayList<>()).add(path);
            order.put(path, order.size());
        }

        private boolean isMigration(String path) {
            return parsed.computeIfAbsent(path, p -> FlywayName.parse(p).isPresent());
        }

        /** Whether a migration of the module passes the test; the cheap test first, the name only when it passes. */
        boolean anyMigration(String module, java.util.function.Predicate<String> test) {
            for (String f : byModule.getOrDefault(module, List.of())) {
                if (test.test(f) && isMigration(f)) return true;
            }
            return false;
        }

        /** The modules holding migrations, in the order of their first migration in the repository. */
        List<String> modulesWithMigrations() {
            Map<String, Integer> first = new HashMap<>();
            for (var e : byModule.entrySet()) {
                for (String f : e.getValue()) {
                    if (isMigration(f)) {
                        first.put(e.getKey(), order.get(f));
                        break;
                    }
                }
            }
            List<String> out = new ArrayList<>(first.keySet());
            out.sort(java.util.Comparator.comparing(first::get));
            return out;
        }
    }

    private static boolean covers(List<Project> projects, String path) {
        for (Project p : projects) {
            for (Profile profile : p.profiles()) {
                if (profile.covers(path)) return true;
            }
        }
        return false;
    }

    private static int rank(String path) {
        String name = Text.fileName(path);
        if (name.equals("pom.xml") || name.startsWith("build.gradle")) return 0;
        if (name.startsWith("flyway.")) return 1;
        return name.contains("-") ? 3 : 2;
    }

    /** Whether a settings file configures its module's runtime: not a test's, not a nested module's. */
    private static boolean isSettingsOf(String module, String path) {
        if (isTestSource(path)) return false;
        String rel = module.isEmpty() ? path : path.substring(module.length() + 1);
        String name = Text.fileName(path);
        if (name.equals("pom.xml") || name.startsWith("build.gradle")) return rel.equals(name);
        if (FlywaySettingsFiles.isSpring(path)) {
            return rel.equals(name) || rel.equals("config/" + name) || rel.equals("src/main/resources/" + name)
                    || rel.equals("src/main/resources/config/" + name);
        }
        return true;
    }

    static boolean isTestSource(String path) {
        return BootSettings.isTestSource(path);
    }

    /** The innermost module holding {@code path}. */
    private static String moduleOf(List<String> modules, String path) {
        String best = "";
        for (String m : modules) {
            if (!m.isEmpty() && path.startsWith(m + "/") && m.length() > best.length()) best = m;
        }
        return best;
    }

    private static List<Profile> profiles(String module, List<FlywaySettingsFiles.Written> written,
                                          List<String> providers, boolean configured) {
        Map<String, Map<String, String>> byProfile = new LinkedHashMap<>();
        byProfile.put(null, new LinkedHashMap<>());
        for (FlywaySettingsFiles.Written w : written) {
            byProfile.computeIfAbsent(w.profile(), k -> new LinkedHashMap<>()).put(w.key(), w.value());
        }
        FlywayConfig base = FlywayConfig.DEFAULTS.with(byProfile.get(null));
        List<Profile> out = new ArrayList<>();
        // a profile that turns Flyway off runs nothing, and says nothing of where migrations belong
        if (base.enabled()) out.add(profile(null, base, module, providers, configured));
        for (var e : byProfile.entrySet()) {
            if (e.getKey() == null) continue;
            FlywayConfig c = base.with(e.getValue());
            if (c.equals(base) || !c.enabled()) continue;
            out.add(profile(e.getKey(), c, module, providers, configured));
        }
        return out;
    }

    private static Profile profile(String name, FlywayConfig config, String module, List<String> providers,
                                   boolean configured) {
        List<Pattern> folders = new ArrayList<>();
        boolean resolved = true;
        for (String raw : config.locations()) {
            String loc = BootSettings.resolved(raw).orElse("");
            if (loc.isEmpty()) {
                resolved = false;
                continue;
            }
            boolean filesystem = loc.startsWith("filesystem:");
            String rel = loc.replaceFirst("^(classpath|filesystem):", "").replace('\\', '/');
            if (filesystem && (rel.startsWith("/") || rel.matches("^[A-Za-z]:.*"))) {
                resolved = false;
                continue;
            }
            rel = rel.replaceAll("^(\\./)+", "").replaceAll("^/+", "").replaceAll("/+$", "");
            if (rel.contains("..")) {
                resolved = false;
                continue;
            }
            String folderPattern = glob(rel.replace("{vendor}", "*"));
            if (filesystem) {
                folders.add(under(module, folderPattern));
                if (!module.isEmpty()) folders.add(under("", folderPattern));
            } else {
                List<String> roots = new ArrayList<>(List.of(module));
                roots.addAll(providers);
                for (String root : roots) {
                    for (String src : SOURCE_ROOTS) {
                        folders.add(under(root.isEmpty() ? "" : root, Pattern.quote(src) + folderPattern));
                    }
                }
            }
        }
        if (!configured) {
            // nothing says where Flyway looks: every migration of the module counts, as before the settings were read
            folders = List.of(under(module, ""));
        }
        return new Profile(name, config, folders, resolved, dialect(config), !configured);
    }

    /** The database a location names, Flyway's {@code {vendor}} folders being the usual way ({@code db/mysql}). */
    private static Dialect dialect(FlywayConfig config) {
        Dialect found = null;
        for (String loc : config.locations()) {
            Dialect d = vendorDialect(Text.fileName(loc.replaceAll("/+$", "")));
            if (d != null && found != null && d != found) return null;
            if (d != null) found = d;
        }
        return found;
    }

    /** Folder names that hold one database's migrations, as Flyway's {@code {vendor}} and projects spell them. */
    private static final Set<String> VENDORS = Set.of("postgres", "postgresql", "pg", "mysql", "mariadb", "sqlite",
            "sqlserver", "sql_server", "mssql", "oracle", "h2", "hsqldb", "hsql", "derby", "db2", "cockroachdb",
            "redshift", "snowflake", "informix", "sybase", "firebird", "saphana", "hana");

    /** The database a vendor folder name stands for, when the tool knows it; null otherwise. */
    static Dialect vendorDialect(String folder) {
        return switch (folder.toLowerCase(Locale.ROOT)) {
            case "postgres", "postgresql", "pg", "cockroachdb" -> Dialect.POSTGRES;
            case "mysql" -> Dialect.MYSQL;
            case "mariadb" -> Dialect.MARIADB;
            case "sqlite" -> Dialect.SQLITE;
            case "sqlserver", "sql_server", "mssql" -> Dialect.MSSQL;
            case "oracle" -> Dialect.ORACLE;
            case "h2" -> Dialect.H2;
            default -> null;
        };
    }

    /** The innermost folder of {@code path} named for one database ({@code db/migration/mysql}), or null. */
    static String vendorOf(String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 2; i >= 0; i--) {
            if (VENDORS.contains(parts[i].toLowerCase(Locale.ROOT))) return parts[i];
        }
        return null;
    }

    /** A location with Flyway's wildcards ({@code *} in a folder name, {@code **} across folders) as a regex. */
    private static String glob(String rel) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < rel.length(); i++) {
            char c = rel.charAt(i);
            if (c == '*' && i + 1 < rel.length() && rel.charAt(i + 1) == '*') {
                b.append(".*");
                i++;
            } else if (c == '*') {
                b.append("[^/]*");
            } else {
                b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return b.toString();
    }

    /** Every file at any depth below {@code folderPattern} inside {@code module}. */
    private static Pattern under(String module, String folderPattern) {
        String prefix = module.isEmpty() ? "" : Pattern.quote(module + "/");
        String folder = folderPattern.isEmpty() ? "" : folderPattern + "/";
        return Pattern.compile(prefix + folder + ".+");
    }

    /** The projects that may run a file of the module holding {@code path}. */
    List<Project> projectsFor(String path) {
        String module = moduleOf(modules, path);
        List<Project> own = projects.stream().filter(p -> p.folder().equals(module)).toList();
        return own.isEmpty() ? projects : own;
    }

    /** Every profile whose locations hold the file, of the projects that may run it. */
    List<Profile> profilesCovering(String path) {
        List<Profile> out = new ArrayList<>();
        for (Project p : projectsFor(path)) {
            for (Profile f : p.profiles()) if (f.covers(path)) out.add(f);
        }
        return out;
    }

    /** The configuration Flyway reads the file with: the first profile whose locations hold it, else its module's. */
    FlywayConfig configOf(String path) {
        List<Project> candidates = projectsFor(path);
        for (Project p : candidates) {
            for (Profile f : p.profiles()) {
                if (f.covers(path)) return f.config();
            }
        }
        return candidates.isEmpty() ? FlywayConfig.DEFAULTS : candidates.get(0).profiles().get(0).config();
    }

    /** Why Flyway will not run the file, when it looks like a Flyway migration; empty when it runs or looks like none. */
    Optional<NotRun> notRun(String path) {
        String name = Text.fileName(path);
        int dot = name.lastIndexOf('.');
        if (dot <= 1) return Optional.empty();
        String ext = name.substring(dot + 1);
        List<Project> candidates = projectsFor(path);
        boolean covered = candidates.stream().flatMap(p -> p.profiles().stream()).anyMatch(f -> f.covers(path));
        FlywayConfig config = configOf(path);
        if (ext.equals("java") || ext.equals("kt")) {
            return Optional.empty();
        }
        if (!looksLikeMigration(name, ext, config)) return Optional.empty();
        Optional<Misnamed> misnamed = misnamed(name, config);
        if (misnamed.isPresent()) {
            return Optional.of(new NotRun(Location.file(path), FlywayStack.ID, misnamed.get().reason(),
                    "Rename it to " + misnamed.get().rename() + "."));
        }
        if (covered || isTestSource(path)) return Optional.empty();
        String module = moduleOf(modules, path);
        List<Project> own = candidates.stream().filter(p -> p.folder().equals(module)).toList();
        if (own.isEmpty() || !own.stream().allMatch(Project::knowsLocations)) return Optional.empty();
        Project p = own.get(0);
        String where = String.join(", ", p.profiles().get(0).config().locations());
        String key = p.profiles().get(0).config().explicit() ? "the Flyway locations setting" : "spring.flyway.locations";
        return Optional.of(new NotRun(Location.file(path), FlywayStack.ID,
                "it lies outside every Flyway location of " + (p.folder().isEmpty() ? "the project" : p.folder())
                        + " (" + where + "), so Flyway never sees it",
                "Move it into " + firstFolder(p) + ", or add its folder to " + key + "."));
    }

    private static String firstFolder(Project p) {
        String loc = p.profiles().get(0).config().locations().get(0);
        String rel = loc.replaceFirst("^(classpath|filesystem):", "").replaceAll("^/+", "");
        String prefix = p.folder().isEmpty() ? "" : p.folder() + "/";
        return loc.startsWith("filesystem:") ? prefix + rel + "/" : prefix + "src/main/resources/" + rel + "/";
    }

    /** A name Flyway would have read but for one mistake: a migration prefix, then a digit or the separator. */
    private static boolean looksLikeMigration(String name, String ext, FlywayConfig config) {
        boolean suffix = SQL_LIKE.contains(ext.toLowerCase(Locale.ROOT)) || hasSuffix(name, config);
        if (!suffix) return false;
        for (String prefix : prefixes(config)) {
            if (!name.regionMatches(true, 0, prefix, 0, prefix.length()) || name.length() <= prefix.length()) continue;
            char next = name.charAt(prefix.length());
            if (Character.isDigit(next) || name.startsWith(config.separator(), prefix.length())) return true;
        }
        return false;
    }

    private static List<String> prefixes(FlywayConfig config) {
        return List.of(config.versionedPrefix(), config.undoPrefix(), config.repeatablePrefix(), "B");
    }

    private static boolean hasSuffix(String name, FlywayConfig config) {
        for (String s : config.suffixes()) {
            if (name.length() > s.length() && name.regionMatches(true, name.length() - s.length(), s, 0, s.length())) {
                return true;
            }
        }
        return false;
    }

    /** Why a name that looks like a migration is not one to Flyway, and the name that would be. */
    record Misnamed(String reason, String rename) {
    }

    static Optional<Misnamed> misnamed(String name, FlywayConfig config) {
        String suffix = config.suffixes().isEmpty() ? ".sql" : config.suffixes().get(0);
        String base;
        String fixedSuffix;
        if (hasSuffix(name, config)) {
            String matched = config.suffixes().stream().filter(s -> name.toLowerCase(Locale.ROOT)
                    .endsWith(s.toLowerCase(Locale.ROOT))).findFirst().orElse(suffix);
            base = name.substring(0, name.length() - matched.length());
            fixedSuffix = name.substring(name.length() - matched.length());
        } else {
            base = name.substring(0, name.lastIndexOf('.'));
            fixedSuffix = suffix;
        }
        String sep = config.separator();
        String prefix = null;
        for (String p : prefixes(config)) {
            if (base.regionMatches(true, 0, p, 0, p.length())) {
                prefix = p;
                break;
            }
        }
        if (prefix == null) return Optional.empty();
        // a note named V1.txt is no migration with a wrong suffix: another suffix counts only on an otherwise right name
        boolean wrongSuffix = !hasSuffix(name, config);
        String rest = base.substring(prefix.length());
        boolean repeatable = prefix.equals(config.repeatablePrefix()) && rest.startsWith(sep);
        String fixedRest = rest;
        String problem = null;
        if (!repeatable) {
            int at = rest.indexOf(sep);
            String version = at < 0 ? null : rest.substring(0, at);
            boolean badVersion = at == 0 || version == null || FlywayVersion.parse(version) == null;
            if (badVersion && wrongSuffix) return Optional.empty();
            if (at == 0) {
                return Optional.of(new Misnamed("its name has no version between " + prefix + " and " + sep
                        + ", so Flyway skips it", prefix + "<next version>" + rest + fixedSuffix));
            }
            if (badVersion) {
                Matcher v = VERSION_START.matcher(rest);
                if (!v.matches()) {
                    return Optional.of(new Misnamed("its version is not a number, so Flyway skips it",
                            prefix + "<version>" + sep + rest + fixedSuffix));
                }
                String after = v.group(2);
                String description = after.replaceFirst("^[_\\-. ]", "");
                problem = after.startsWith("_") ? "its name has one underscore after the version where Flyway needs "
                        + sep : "its name has no " + sep + " between the version and the description";
                fixedRest = v.group(1) + sep + description;
            }
        }
        // R3__x.sql: a version after the repeatable prefix; run once is the likelier intent than rerun on change
        boolean versionedRepeatable = !repeatable && prefix.equals(config.repeatablePrefix());
        String fixedPrefix = versionedRepeatable ? config.versionedPrefix() : prefix;
        if (versionedRepeatable && problem == null) {
            problem = "its prefix " + prefix + " marks a repeatable migration, which has no version (" + prefix + sep
                    + "<description> reruns on every change)";
        }
        boolean wrongCase = !base.startsWith(prefix);
        if (wrongCase && problem == null) {
            problem = "its prefix " + base.substring(0, prefix.length()) + " is not " + prefix
                    + " (Flyway's prefixes are case-sensitive)";
        }
        if (wrongSuffix && problem != null) return Optional.empty();
        if (wrongSuffix) {
            problem = "its suffix " + name.substring(name.lastIndexOf('.')) + " is not "
                    + String.join(" or ", config.suffixes());
        }
        if (problem == null) return Optional.empty();
        return Optional.of(new Misnamed(problem + ", so Flyway skips it", fixedPrefix + fixedRest + fixedSuffix));
    }

    /** Every Flyway migration one profile of a project runs, by the names its configuration accepts. */
    List<String> runs(Project project, Profile profile, List<String> paths) {
        List<String> out = new ArrayList<>();
        for (String p : paths) {
            if (isTestSource(p) || !profile.covers(p)) continue;
            // with no settings, a module's own files only: a nested module is a project of its own
            if (profile.fallback() && !moduleOf(modules, p).equals(project.folder())) continue;
            if (name(p, profile.config()).isPresent()) out.add(p);
        }
        return out;
    }

    /**
     * The file name read with a configuration's prefixes, separator and suffixes; Flyway's defaults make it
     * {@link FlywayName#parse}. Java migrations keep the default convention (their class name).
     */
    static Optional<FlywayName> name(String path, FlywayConfig config) {
        String name = Text.fileName(path);
        if (name.endsWith(".java")) return FlywayName.parse(path);
        if (!hasSuffix(name, config)) return Optional.empty();
        String matched = config.suffixes().stream().filter(s -> name.toLowerCase(Locale.ROOT)
                .endsWith(s.toLowerCase(Locale.ROOT))).findFirst().orElseThrow();
        String base = name.substring(0, name.length() - matched.length());
        String sep = config.separator();
        if (base.startsWith(config.repeatablePrefix() + sep)) {
            return Optional.of(new FlywayName(Migration.Kind.REPEATABLE, null,
                    base.substring(config.repeatablePrefix().length() + sep.length()), false));
        }
        for (var kind : List.of(Migration.Kind.VERSIONED, Migration.Kind.UNDO, Migration.Kind.BASELINE)) {
            String prefix = switch (kind) {
                case VERSIONED -> config.versionedPrefix();
                case UNDO -> config.undoPrefix();
                default -> "B";
            };
            if (!base.startsWith(prefix)) continue;
            int at = base.indexOf(sep, prefix.length());
            if (at < 0) continue;
            FlywayVersion v = FlywayVersion.parse(base.substring(prefix.length(), at));
            if (v == null) continue;
            return Optional.of(new FlywayName(kind, v, base.substring(at + sep.length()), false));
        }
        return Optional.empty();
    }
}
