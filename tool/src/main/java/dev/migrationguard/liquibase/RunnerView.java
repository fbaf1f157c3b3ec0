package dev.migrationguard.liquibase;

import dev.migrationguard.liquibase.Changelog.Include;
import dev.migrationguard.liquibase.Changelog.ParsedChangeSet;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.Text;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.springboot.BootDocument;
import dev.migrationguard.springboot.BootFile;
import dev.migrationguard.springboot.BootSetting;
import dev.migrationguard.springboot.BootSettings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * Liquibase's view of one snapshot: the master changelogs (named in the configuration, in Spring Boot's
 * {@code spring.liquibase.change-log}, {@code liquibase.properties}, the Maven or Gradle plugin, or found by their
 * usual names) and, for each, the changeSets it reaches in the order Liquibase runs them; the properties each
 * changelog sees; the database of each project when its settings name one. Built once per snapshot.
 */
final class RunnerView {
    /** Spring Boot's and JHipster's master changelog names, and the common variants. */
    private static final Pattern MASTER_NAME = Pattern.compile(
            "(db\\.)?changelog[-_.]master\\.(xml|ya?ml|json|sql)|master\\.(xml|ya?ml|json)"
                    + "|db\\.changelog\\.(xml|ya?ml|json)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LIQUIBASE_PROPERTIES = Pattern.compile("liquibase(?:[-.][\\w-]+)?\\.properties");
    private static final Pattern PROPERTY_LINE = Pattern.compile("^\\s*([\\w.\\[\\]-]+)\\s*[=:]\\s*(.*?)\\s*$");
    private static final Pattern PLUGIN_CHANGELOG = Pattern.compile(
            "<change[lL]ogFile>\\s*([^<]+?)\\s*</change[lL]ogFile>"
                    + "|\\bchange[lL]ogFile\\s*[=:(]?\\s*[\"']([^\"']+)[\"']");
    private static final Pattern JDBC = Pattern.compile("jdbc:(?:tc:)?([a-z0-9]+):");
    private static final Set<String> BUILD_FILES = Set.of("pom.xml", "build.gradle", "build.gradle.kts",
            "liquibase.properties", "package.json");
    private static final Set<String> INCLUDE_ALL_EXTENSIONS = Set.of(".xml", ".yaml", ".yml", ".json", ".sql");

    /**
     * One changeSet in the order its master runs it.
     *
     * @param index its place among the changeSets of its file ({@link Changelog#changeSets()})
     */
    record Unit(String path, int index) {
    }

    /**
     * A master changelog and what it runs.
     *
     * @param project the folder of its module ({@code ""} for the root)
     * @param units   every changeSet it reaches, in execution order
     * @param reached every changelog file it reaches, itself included
     * @param inherited for each file it reaches through an include that filters, what the includes on the way there
     *                  say of its changeSets
     */
    record Master(String path, String project, List<Unit> units, Set<String> reached,
                  Map<String, List<Changelog.Property>> properties, Map<String, Inherited> inherited) {
    }

    /**
     * What the includes on the way from a master to a file say of the changeSets they reach, outermost first: their
     * context expressions, which must all hold, and their labels, each of which the run's label filter must let
     * through, as Liquibase runs them.
     */
    record Inherited(List<String> contexts, List<String> labels) {
        static final Inherited NONE = new Inherited(List.of(), List.of());

        Inherited {
            contexts = List.copyOf(contexts);
            labels = List.copyOf(labels);
        }

        Inherited through(Include include) {
            if (include.contexts() == null && include.labels() == null) return this;
            List<String> c = new ArrayList<>(contexts);
            if (include.contexts() != null) c.add(include.contexts());
            List<String> l = new ArrayList<>(labels);
            if (include.labels() != null) l.add(include.labels());
            return new Inherited(c, l);
        }
    }

    private final Snapshot side;
    private final Set<String> paths;
    private final Set<String> buildFolders = new HashSet<>();
    private final Map<String, Optional<Changelog>> parsed = new HashMap<>();
    /** Found on first use: judging whether a file is reached reads no settings for the database. */
    private Map<String, Dialect> dialects;
    /** Spring Boot's settings files as read, by path: the masters, the database and production's values read them. */
    private final Map<String, BootFile> bootFiles = new HashMap<>();
    private final List<String> configured;
    /** Found on first use: only a changeSet with contexts asks which ones production runs. */
    private Map<String, List<String>> springContexts;
    /** Found on first use: only a changeSet with labels asks which ones production's filter lets through. */
    private Map<String, String> springLabelFilters;
    /** Found on first use: reading one changelog's operations needs the masters only when it uses a property. */
    private List<Master> masters;

    private RunnerView(Snapshot side, List<String> configured) {
        this.side = side;
        this.configured = configured;
        this.paths = new HashSet<>(side.paths());
        for (String p : paths) if (BUILD_FILES.contains(Text.fileName(p))) buildFolders.add(folder(p));
    }

    /**
     * @param configured the masters the configuration names ({@code liquibase.changelogs}); others are then not
     *                   looked for
     */
    static RunnerView of(Snapshot side, List<String> configured) {
        return new RunnerView(side, configured);
    }

    /**
     * Whether the file may be a master changelog: one the configuration names, of a master's usual name, or named in a
     * settings or build file (whose text then holds its name). False means {@link #masters} holds no master at it.
     *
     * @param settings the texts of the snapshot's settings and build files ({@link #settingsTexts})
     */
    static boolean mayBeMaster(String path, List<String> configured, List<String> settings) {
        String name = Text.fileName(path);
        if (!configured.isEmpty()) return configured.stream().anyMatch(c -> c.contains(name));
        if (MASTER_NAME.matcher(name).matches()) return true;
        for (String text : settings) if (text.contains(name)) return true;
        return false;
    }

    /**
     * The texts of the files that may name a master: Spring's settings, {@code liquibase.properties}, Maven and Gradle
     * builds. Found once per snapshot, since every plain SQL file of a lint asks, and a walk over all paths for each
     * cost most of a lint of 5,000 scripts.
     */
    static List<String> settingsTexts(Snapshot side) {
        List<String> texts = new ArrayList<>();
        for (String p : side.paths()) {
            String n = Text.fileName(p);
            if (!endsWithIgnoreCase(n, ".properties") && !endsWithIgnoreCase(n, ".yml")
                    && !endsWithIgnoreCase(n, ".yaml") && !n.equals("pom.xml") && !n.startsWith("build.gradle")) {
                continue;
            }
            if (BootFile.isSettingsFile(p) || LIQUIBASE_PROPERTIES.matcher(n).matches() || n.equals("pom.xml")
                    || n.startsWith("build.gradle")) {
                side.readableText(p).ifPresent(texts::add);
            }
        }
        return texts;
    }

    private static boolean endsWithIgnoreCase(String s, String suffix) {
        return s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length());
    }

    synchronized List<Master> masters() {
        if (masters == null) masters = findMasters();
        return masters;
    }

    /** The first master that reaches this file, if any. */
    Optional<Master> masterOf(String path) {
        for (Master m : masters()) if (m.reached().contains(path)) return Optional.of(m);
        return Optional.empty();
    }

    /** The database the settings of this project name, or null when none (or several) do. */
    synchronized Dialect dialect(String project) {
        if (dialects == null) dialects = findDialects();
        return dialects.get(project);
    }

    /**
     * The contexts Spring Boot gives Liquibase in production for this project ({@code spring.liquibase.contexts}): a
     * {@code prod} or {@code production} profile's value, else the default profile's, which a profile that sets none
     * inherits. Empty when neither sets it (production then runs every changeSet, or the team says otherwise), or
     * when the files that count disagree or leave it to a variable with no default.
     */
    synchronized Optional<List<String>> springContexts(String project) {
        if (springContexts == null) {
            springContexts = new HashMap<>();
            findSpringProduction("contexts", List.of("spring.liquibase.contexts"))
                    .forEach((p, value) -> springContexts.put(p, BootSettings.list(value)));
        }
        return Optional.ofNullable(springContexts.get(project));
    }

    /**
     * The label filter Spring Boot gives Liquibase in production for this project ({@code
     * spring.liquibase.label-filter}, {@code spring.liquibase.labels} before Boot 3), found as {@link #springContexts}
     * is: empty when unknown.
     */
    synchronized Optional<String> springLabelFilter(String project) {
        if (springLabelFilters == null) {
            springLabelFilters = findSpringProduction("label",
                    List.of("spring.liquibase.labelfilter", "spring.liquibase.labels"));
        }
        return Optional.ofNullable(springLabelFilters.get(project));
    }

    /**
     * For each project, the value Spring Boot gives a Liquibase setting in production
     * ({@link BootSettings#forProduction}: the first of {@code keys}, relaxed, that a document sets), a list's
     * brackets removed. Left out when unknown. Only the application's files that mention {@code mention} are read.
     */
    private Map<String, String> findSpringProduction(String mention, List<String> keys) {
        Map<String, List<BootFile>> byProject = new HashMap<>();
        for (String p : paths) {
            if (!BootSettings.configuresApplication(p)) continue;
            bootFile(p, mention).ifPresent(f -> byProject.computeIfAbsent(project(p), k -> new ArrayList<>()).add(f));
        }
        Map<String, String> out = new HashMap<>();
        byProject.forEach((project, files) -> BootSettings.forProduction(files, keys).ifPresent(value -> {
            String v = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
            out.put(project, v);
        }));
        return out;
    }

    /** A Spring Boot settings file, read once, when its text mentions {@code mention} (in any case). */
    private synchronized Optional<BootFile> bootFile(String path, String mention) {
        Optional<String> text = side.readableText(path);
        if (text.isEmpty() || !text.get().toLowerCase(Locale.ROOT).contains(mention)) return Optional.empty();
        return Optional.of(bootFiles.computeIfAbsent(path, p -> BootFile.parse(p, text.get())));
    }

    /** The parsed changelog at this path, as the view read it; empty when it is no changelog. */
    synchronized Optional<Changelog> changelog(String path) {
        return parsed.computeIfAbsent(path, p -> {
            Optional<String> text = side.readableText(p);
            if (text.isEmpty()) return Optional.empty();
            try {
                Optional<Changelog> log = LiquibaseMigrationReader.parse(p, p, text.get());
                if (log.isEmpty() && p.toLowerCase(Locale.ROOT).endsWith(".sql")) {
                    log = Optional.of(LiquibaseMigrationReader.rawSql(p, text.get()));
                }
                return log;
            } catch (RuntimeException | StackOverflowError e) {
                return Optional.empty();
            }
        });
    }

    /**
     * The folder of the project a file belongs to: the module of its resource root, else the nearest folder above it
     * with a build file, else the root.
     */
    String project(String path) {
        String root = LiquibasePaths.resourceRoot(path);
        if (!root.isEmpty()) {
            String module = root.substring(0, root.length() - "src/main/resources/".length());
            return module.endsWith("/") ? module.substring(0, module.length() - 1) : module;
        }
        String folder = folder(path);
        while (!folder.isEmpty()) {
            if (buildFolders.contains(folder)) return folder;
            folder = folder(folder);
        }
        return "";
    }

    private List<Master> findMasters() {
        Map<String, Boolean> candidates = new LinkedHashMap<>();
        if (!configured.isEmpty()) {
            for (String c : configured) {
                String p = LiquibasePaths.normalizeRecorded(c);
                if (paths.contains(p)) candidates.put(p, true);
            }
        } else {
            for (String p : new TreeSet<>(paths)) {
                String name = Text.fileName(p);
                if (BootFile.isSettingsFile(p) || LIQUIBASE_PROPERTIES.matcher(name).matches()
                        || name.equals("pom.xml") || name.startsWith("build.gradle")) {
                    for (String ref : namedMasters(p)) {
                        String resolved = resolveMaster(p, ref);
                        if (resolved != null) candidates.put(resolved, true);
                    }
                }
            }
            for (String p : new TreeSet<>(paths)) {
                if (MASTER_NAME.matcher(Text.fileName(p)).matches()) candidates.putIfAbsent(p, false);
            }
        }
        Map<String, Master> traversed = new LinkedHashMap<>();
        for (String c : candidates.keySet()) {
            if (changelog(c).isEmpty()) continue;
            traversed.put(c, traverse(c));
        }
        List<Master> found = new ArrayList<>();
        for (Master m : traversed.values()) {
            boolean nested = false;
            for (Master other : traversed.values()) {
                if (other != m && other.reached().contains(m.path()) && !m.reached().contains(other.path())) {
                    nested = true;
                }
            }
            if (!nested) found.add(m);
        }
        return List.copyOf(found);
    }

    private Master traverse(String master) {
        List<Unit> units = new ArrayList<>();
        Set<String> reached = new LinkedHashSet<>();
        Map<String, List<Changelog.Property>> properties = new HashMap<>();
        Map<String, Inherited> inherited = new HashMap<>();
        visit(master, Inherited.NONE, units, reached, new ArrayList<>(), properties, inherited);
        return new Master(master, project(master), List.copyOf(units), reached, properties, inherited);
    }

    private void visit(String path, Inherited within, List<Unit> units, Set<String> reached,
                       List<Changelog.Property> seen, Map<String, List<Changelog.Property>> properties,
                       Map<String, Inherited> inherited) {
        if (!reached.add(path)) return;
        if (within != Inherited.NONE) inherited.put(path, within);
        Optional<Changelog> log = changelog(path);
        if (log.isEmpty()) return;
        seen.addAll(log.get().properties());
        properties.put(path, List.copyOf(seen));
        Map<ParsedChangeSet, Integer> index = new java.util.IdentityHashMap<>();
        List<ParsedChangeSet> changeSets = log.get().changeSets();
        for (int i = 0; i < changeSets.size(); i++) index.put(changeSets.get(i), i);
        for (Object entry : log.get().inOrder()) {
            if (entry instanceof ParsedChangeSet cs) {
                units.add(new Unit(path, index.get(cs)));
            } else if (entry instanceof Include include) {
                Inherited inner = within.through(include);
                for (String target : targets(path, include)) {
                    visit(target, inner, units, reached, seen, properties, inherited);
                }
            }
        }
    }

    /** The files an include names, as repository paths; an includeAll's in Liquibase's order (by full path). */
    List<String> targets(String changelog, Include include) {
        String resolved = LiquibasePaths.resolve(changelog, include.target(), include.relative());
        if (!include.folder()) {
            if (paths.contains(resolved)) return List.of(resolved);
            String elsewhere = onClasspath(changelog, LiquibasePaths.normalizeRecorded(include.target().strip()));
            return elsewhere == null ? List.of() : List.of(elsewhere);
        }
        String prefix = resolved.isEmpty() || resolved.endsWith("/") ? resolved : resolved + "/";
        List<String> out = new ArrayList<>();
        for (String p : paths) {
            if (!p.startsWith(prefix)) continue;
            String below = p.substring(prefix.length());
            int depth = (int) below.chars().filter(ch -> ch == '/').count() + 1;
            if (depth < include.minDepth() || depth > include.maxDepth()) continue;
            String lower = p.toLowerCase(Locale.ROOT);
            int dot = lower.lastIndexOf('.');
            if (dot < 0 || !INCLUDE_ALL_EXTENSIONS.contains(lower.substring(dot))) continue;
            if (include.endsWithFilter() != null && !p.endsWith(include.endsWithFilter())) continue;
            out.add(p);
        }
        out.sort(null);
        return out;
    }

    /** A classpath path found under another resource root of the repository (a module on the classpath). */
    private String onClasspath(String from, String classpathPath) {
        if (classpathPath.isEmpty()) return null;
        String project = project(from);
        String best = null;
        for (String p : paths) {
            if (!p.endsWith("/" + classpathPath) || !LiquibasePaths.logical(p).equals(classpathPath)) continue;
            if (best == null || project(p).equals(project)) best = p;
        }
        return best;
    }

    /** What a settings or build file names as the master changelog. */
    private List<String> namedMasters(String file) {
        Optional<String> text = side.readableText(file);
        if (text.isEmpty()) return List.of();
        String name = Text.fileName(file);
        List<String> out = new ArrayList<>();
        if (BootFile.isSettingsFile(file)) {
            for (BootDocument doc : bootFile(file, "liquibase").map(BootFile::documents).orElse(List.of())) {
                doc.get("spring.liquibase.changelog").flatMap(c -> BootSettings.resolved(c.value())).ifPresent(out::add);
            }
        } else if (LIQUIBASE_PROPERTIES.matcher(name).matches()) {
            for (String line : Text.lines(text.get())) {
                Matcher m = PROPERTY_LINE.matcher(line);
                if (m.matches() && BootSetting.relaxed(m.group(1)).matches("(liquibase\\.command\\.)?changelogfile")) {
                    out.add(m.group(2));
                }
            }
        } else {
            Matcher m = PLUGIN_CHANGELOG.matcher(text.get());
            while (m.find()) out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }

    /** A settings or build file's reference to a changelog, as a repository path; null when none is there. */
    private String resolveMaster(String from, String ref) {
        String r = ref.strip().replaceAll("^\\$\\{(project\\.)?basedir}/?", "");
        r = LiquibasePaths.normalizeRecorded(r);
        if (r.isEmpty() || r.contains("${")) return null;
        String module = project(from);
        String base = module.isEmpty() ? "" : module + "/";
        for (String candidate : List.of(base + "src/main/resources/" + r, base + r, folder(from).isEmpty() ? r
                : folder(from) + "/" + r)) {
            if (paths.contains(candidate)) return candidate;
        }
        return onClasspath(from, r);
    }

    /**
     * The database each project's settings name: JDBC URLs in the values of its Spring settings (not in comments) and
     * in the text of its Liquibase settings and build files, those of tests left out. H2 counts only when nothing else is named (a test or development database).
     */
    private Map<String, Dialect> findDialects() {
        Map<String, Dialect> dialects = new HashMap<>();
        Map<String, Set<Dialect>> found = new HashMap<>();
        for (String p : paths) {
            String name = Text.fileName(p);
            if (BootSettings.isTestSource(p)) continue;
            if (BootSettings.configuresApplication(p)) {
                for (BootDocument doc : bootFile(p, "jdbc:").map(BootFile::documents).orElse(List.of())) {
                    for (BootSetting s : doc.settings()) jdbcUrls(s.value(), project(p), found);
                }
            } else if (LIQUIBASE_PROPERTIES.matcher(name).matches() || name.equals("pom.xml")) {
                side.readableText(p).ifPresent(text -> jdbcUrls(text, project(p), found));
            }
        }
        for (var e : found.entrySet()) {
            Set<Dialect> named = new LinkedHashSet<>(e.getValue());
            if (named.size() > 1) named.remove(Dialect.H2);
            if (named.size() == 1) dialects.put(e.getKey(), named.iterator().next());
        }
        return dialects;
    }

    /** Adds the database of every JDBC URL in the text to the project's. */
    private static void jdbcUrls(String text, String project, Map<String, Set<Dialect>> found) {
        Matcher m = JDBC.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            Dialect.parse("jdbc:" + m.group(1) + ":")
                    .ifPresent(d -> found.computeIfAbsent(project, k -> new LinkedHashSet<>()).add(d));
        }
    }

    private static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
