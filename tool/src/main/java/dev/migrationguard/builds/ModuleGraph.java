package dev.migrationguard.builds;

import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.Text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Maven and Gradle modules of a snapshot and which use which, read from the build files as text ({@code pom.xml}
 * {@code <modules>} and main-scope {@code <dependencies>}; {@code settings.gradle} includes and {@code project(':x')}
 * dependencies): nothing is run. A module is a folder holding a build file (or a project the settings include); it
 * answers which modules form one application with another, so that an entity in a library module finds the migrations
 * of the application that runs it.
 */
public final class ModuleGraph {
    /** No modules: every question is answered "not related". */
    public static final ModuleGraph EMPTY = new ModuleGraph(Set.of(), Map.of());

    private final Set<String> modules;
    private final Map<String, Set<String>> direct;
    private final Map<String, Set<String>> closure = new HashMap<>();

    private ModuleGraph(Set<String> modules, Map<String, Set<String>> direct) {
        this.modules = modules;
        this.direct = direct;
    }

    /** The graph of a snapshot's build files; a build file that cannot be read adds its module and no dependency. */
    public static ModuleGraph read(Snapshot side) {
        List<String> poms = new ArrayList<>();
        List<String> gradleBuilds = new ArrayList<>();
        List<String> gradleSettings = new ArrayList<>();
        for (String p : side.paths()) {
            String name = Text.fileName(p);
            if (!name.equals("pom.xml") && !name.startsWith("build.gradle") && !name.startsWith("settings.gradle")) {
                continue;
            }
            if (isTestOrOutput(p)) continue;
            switch (name) {
                case "pom.xml" -> poms.add(p);
                case "build.gradle", "build.gradle.kts" -> gradleBuilds.add(p);
                case "settings.gradle", "settings.gradle.kts" -> gradleSettings.add(p);
                default -> { }
            }
        }
        Set<String> modules = new TreeSet<>();
        Map<String, Set<String>> direct = new HashMap<>();
        readMaven(side, poms, modules, direct);
        readGradle(side, gradleBuilds, gradleSettings, modules, direct);
        return new ModuleGraph(Collections.unmodifiableSet(modules), direct);
    }

    /** Build files of test resources (a fixture project) or of a build's output are no modules of the application. */
    private static boolean isTestOrOutput(String path) {
        return path.contains("src/test/") || path.startsWith("target/") || path.contains("/target/")
                || path.contains("node_modules/");
    }

    private static void readMaven(Snapshot side, List<String> poms, Set<String> modules,
                                  Map<String, Set<String>> direct) {
        Map<String, MavenPom> read = new LinkedHashMap<>();
        for (String p : poms) {
            String folder = folder(p);
            modules.add(folder);
            side.readableText(p).flatMap(MavenPom::read).ifPresent(pom -> read.put(folder, pom));
        }
        // Two poms with the same coordinates (a copy under an example folder): the one the reactor aggregates names
        // them, else the coordinates name no module.
        Set<String> aggregated = aggregated(read);
        Map<String, List<String>> byCoordinates = new HashMap<>();
        Map<String, List<String>> byArtifact = new HashMap<>();
        for (var e : read.entrySet()) {
            MavenPom pom = e.getValue();
            if (pom.artifactId() == null) continue;
            byCoordinates.computeIfAbsent(pom.groupId() + ":" + pom.artifactId(), k -> new ArrayList<>())
                    .add(e.getKey());
            byArtifact.computeIfAbsent(pom.artifactId(), k -> new ArrayList<>()).add(e.getKey());
        }
        for (var e : read.entrySet()) {
            for (String dependency : e.getValue().dependencies()) {
                int colon = dependency.indexOf(':');
                String group = dependency.substring(0, colon);
                List<String> found = group.isEmpty() ? byArtifact.get(dependency.substring(colon + 1))
                        : byCoordinates.get(dependency);
                String target = one(found, aggregated);
                if (target != null && !target.equals(e.getKey())) {
                    direct.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>()).add(target);
                }
            }
        }
    }

    /** The folders the poms' {@code <modules>} reach, from any pom. */
    private static Set<String> aggregated(Map<String, MavenPom> read) {
        Set<String> out = new HashSet<>();
        for (var e : read.entrySet()) {
            for (String m : e.getValue().modules()) {
                String rel = m.replace('\\', '/').replaceAll("/pom\\.xml$", "").replaceAll("/+$", "");
                Optional<String> folder = joined(e.getKey(), rel);
                folder.ifPresent(out::add);
            }
        }
        return out;
    }

    private static String one(List<String> candidates, Set<String> aggregated) {
        if (candidates == null || candidates.isEmpty()) return null;
        if (candidates.size() == 1) return candidates.get(0);
        List<String> reactor = candidates.stream().filter(aggregated::contains).toList();
        return reactor.size() == 1 ? reactor.get(0) : null;
    }

    private static void readGradle(Snapshot side, List<String> builds, List<String> settingsFiles,
                                   Set<String> modules, Map<String, Set<String>> direct) {
        if (builds.isEmpty() && settingsFiles.isEmpty()) return;
        // project path to folder, for each build root (the folder of a settings file, else the repository's root)
        Map<String, Map<String, String>> projectsByRoot = new HashMap<>();
        for (String s : settingsFiles) {
            String root = folder(s);
            Map<String, String> folders = new LinkedHashMap<>();
            for (var e : GradleBuild.includes(side.readableText(s).orElse("")).entrySet()) {
                joined(root, e.getValue()).ifPresent(f -> folders.put(e.getKey(), f));
            }
            projectsByRoot.put(root, folders);
            modules.addAll(folders.values());
        }
        for (String b : builds) modules.add(folder(b));
        for (String b : builds) {
            String module = folder(b);
            String root = buildRoot(module, projectsByRoot.keySet());
            Map<String, String> included = projectsByRoot.getOrDefault(root, Map.of());
            Map<String, String> accessors = new HashMap<>();
            for (String path : included.keySet()) accessors.put(GradleBuild.accessor(path), included.get(path));
            for (String dependency : GradleBuild.dependencies(side.readableText(b).orElse(""))) {
                String target;
                if (dependency.startsWith("projects.")) {
                    target = accessors.get(dependency.substring("projects.".length()));
                } else {
                    target = included.get(dependency);
                    if (target == null) target = joined(root, GradleBuild.defaultFolder(dependency)).orElse(null);
                }
                if (target != null && modules.contains(target) && !target.equals(module)) {
                    direct.computeIfAbsent(module, k -> new LinkedHashSet<>()).add(target);
                }
            }
        }
    }

    /** The innermost folder with a settings file that holds the module, else the repository's root. */
    private static String buildRoot(String module, Set<String> roots) {
        String best = "";
        for (String r : roots) {
            if ((r.isEmpty() || module.equals(r) || module.startsWith(r + "/")) && r.length() > best.length()) best = r;
        }
        return best;
    }

    private static Optional<String> joined(String base, String rel) {
        if (rel.startsWith("/") || rel.contains("${")) return Optional.empty();
        Deque<String> parts = new ArrayDeque<>();
        if (!base.isEmpty()) for (String s : base.split("/")) parts.addLast(s);
        for (String s : rel.split("/")) {
            if (s.isEmpty() || s.equals(".")) continue;
            if (s.equals("..")) {
                if (parts.isEmpty()) return Optional.empty();
                parts.removeLast();
            } else {
                parts.addLast(s);
            }
        }
        return Optional.of(String.join("/", parts));
    }

    private static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Whether the folder is a module of the graph. */
    public boolean isModule(String folder) {
        return modules.contains(folder);
    }

    /** The innermost module holding the file, or empty when no module does. */
    public Optional<String> moduleOf(String path) {
        String f = folder(path);
        while (true) {
            if (modules.contains(f)) return Optional.of(f);
            if (f.isEmpty()) return Optional.empty();
            f = folder(f);
        }
    }

    /** Whether {@code user}'s main code depends on {@code used}'s, directly or through other modules. */
    public synchronized boolean uses(String user, String used) {
        return !user.equals(used) && closure(user).contains(used);
    }

    private Set<String> closure(String module) {
        Set<String> known = closure.get(module);
        if (known != null) return known;
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(direct.getOrDefault(module, Set.of()));
        while (!todo.isEmpty()) {
            String next = todo.removeFirst();
            if (next.equals(module) || !seen.add(next)) continue;
            todo.addAll(direct.getOrDefault(next, Set.of()));
        }
        closure.put(module, seen);
        return seen;
    }

    /**
     * Why modules {@code a} and {@code b} are parts of one application: one uses the other, or a third module uses both.
     * Empty when they are not (or either is no module).
     */
    public synchronized Optional<String> application(String a, String b) {
        if (!modules.contains(a) || !modules.contains(b) || a.equals(b)) return Optional.empty();
        if (uses(a, b)) return Optional.of(display(a) + " uses " + display(b));
        if (uses(b, a)) return Optional.of(display(b) + " uses " + display(a));
        for (String m : modules) {
            if (uses(m, a) && uses(m, b)) return Optional.of(display(m) + " uses " + display(a) + " and " + display(b));
        }
        return Optional.empty();
    }

    private static String display(String module) {
        return module.isEmpty() ? "the root module" : module;
    }
}
