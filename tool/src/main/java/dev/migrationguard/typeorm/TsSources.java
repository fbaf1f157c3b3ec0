package dev.migrationguard.typeorm;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.Text;
import dev.migrationguard.typescript.TsNode;
import dev.migrationguard.typescript.TypeScript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Parsed TypeScript files of the snapshots of one run, each parsed once however many readers and resolutions ask, and
 * relative imports resolved to the files they name.
 */
public final class TsSources {
    private final Map<Snapshot, Map<String, TypeScript.Parsed>> parsed = Collections.synchronizedMap(new WeakHashMap<>());
    /** The tsconfig.json that governs each folder, per snapshot (empty when none, or none readable). */
    private final Map<Snapshot, Map<String, Optional<TsConfig>>> configs =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<Snapshot, List<DataSources.DataSource>> dataSources =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** Built on the first tsconfig read: a Jackson mapper costs tens of milliseconds the pre-commit path rarely needs. */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS,
                JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES).build();
    }

    /** The parsed file, or empty when it is absent from the snapshot. */
    Optional<TypeScript.Parsed> parse(Snapshot side, String path) {
        Map<String, TypeScript.Parsed> files = parsed.computeIfAbsent(side, s -> new HashMap<>());
        synchronized (files) {
            TypeScript.Parsed p = files.get(path);
            if (p != null) return Optional.of(p);
            Optional<String> text = side.readableText(path);
            if (text.isEmpty()) return Optional.empty();
            p = TypeScript.parse(path, text.get());
            files.put(path, p);
            return Optional.of(p);
        }
    }

    /** The data sources {@code find} gives for a snapshot, found on the first ask of the run. */
    List<DataSources.DataSource> dataSources(Snapshot side,
                                             java.util.function.Function<Snapshot, List<DataSources.DataSource>> find) {
        return dataSources.computeIfAbsent(side, find);
    }

    static ParseProblem problem(String path, TypeScript.SyntaxError e) {
        return new ParseProblem(Location.at(path, e.line(), e.column()), e.message());
    }

    /**
     * The file a relative import names, as TypeScript resolves it: {@code ./team} is {@code team.ts} or
     * {@code team/index.ts} beside the importing file. Non-relative imports (packages, path aliases) resolve to nothing.
     */
    static Optional<String> resolve(Snapshot side, String fromPath, String source) {
        if (!source.startsWith("./") && !source.startsWith("../")) return Optional.empty();
        int slash = fromPath.lastIndexOf('/');
        String base = slash < 0 ? "" : fromPath.substring(0, slash);
        String joined = normalize(base.isEmpty() ? source : base + "/" + source);
        if (joined == null) return Optional.empty();
        String stem = joined.endsWith(".js") ? joined.substring(0, joined.length() - 3) : joined;
        for (String candidate : new String[]{stem + ".ts", stem + "/index.ts", stem}) {
            if (candidate.endsWith(".ts") && side.exists(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /**
     * The file an import names, relative or through the {@code baseUrl} and {@code paths} of the nearest
     * {@code tsconfig.json} ({@code import { Role } from 'src/roles/role'}, {@code '@server/constants/user'});
     * packages resolve to nothing.
     */
    Optional<String> resolveImport(Snapshot side, String fromPath, String source) {
        Optional<String> relative = resolve(side, fromPath, source);
        if (relative.isPresent() || source.startsWith(".")) return relative;
        Optional<TsConfig> config = config(side, parent(fromPath), 0);
        if (config.isEmpty()) return Optional.empty();
        for (String target : config.get().targets(source)) {
            Optional<String> file = resolve(side, "x", "./" + target);
            if (file.isPresent()) return file;
        }
        return Optional.empty();
    }

    /** {@code baseUrl} and {@code paths}, resolved to folders of the snapshot. */
    private record TsConfig(String baseUrl, Map<String, List<String>> paths) {
        /** Where an import may live: each matching {@code paths} entry in turn, then under {@code baseUrl}. */
        List<String> targets(String source) {
            List<String> out = new ArrayList<>();
            for (var e : paths.entrySet()) {
                String pattern = e.getKey();
                int star = pattern.indexOf('*');
                String matched;
                if (star < 0) {
                    if (!pattern.equals(source)) continue;
                    matched = "";
                } else {
                    String head = pattern.substring(0, star);
                    String tail = pattern.substring(star + 1);
                    if (!source.startsWith(head) || !source.endsWith(tail)
                            || source.length() < head.length() + tail.length()) {
                        continue;
                    }
                    matched = source.substring(head.length(), source.length() - tail.length());
                }
                for (String t : e.getValue()) out.add(join(baseUrl, t.replace("*", matched)));
            }
            if (baseUrl != null) out.add(join(baseUrl, source));
            return out;
        }
    }

    /** The config of the nearest tsconfig.json at or above {@code folder}, following a relative {@code extends}. */
    private Optional<TsConfig> config(Snapshot side, String folder, int depth) {
        Map<String, Optional<TsConfig>> known = configs.computeIfAbsent(side, s -> new HashMap<>());
        synchronized (known) {
            Optional<TsConfig> c = known.get(folder);
            if (c != null) return c;
        }
        String file = join(folder, "tsconfig.json");
        Optional<TsConfig> found = side.exists(file) ? read(side, file, depth)
                : folder.isEmpty() ? Optional.empty() : config(side, parent(folder), depth);
        synchronized (known) {
            known.put(folder, found);
        }
        return found;
    }

    private Optional<TsConfig> read(Snapshot side, String file, int depth) {
        if (depth > 4) return Optional.empty();
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(side.readableText(file).orElse("{}"));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        String folder = parent(file);
        TsConfig base = null;
        String extended = root.path("extends").asText("");
        if (extended.startsWith(".")) {
            String target = normalize(join(folder, extended));
            if (target != null) {
                if (!target.endsWith(".json")) target = target + ".json";
                base = side.exists(target) ? read(side, target, depth + 1).orElse(null) : null;
            }
        }
        JsonNode options = root.path("compilerOptions");
        String baseUrl = options.hasNonNull("baseUrl") ? normalize(join(folder, options.get("baseUrl").asText()))
                : base != null ? base.baseUrl() : null;
        Map<String, List<String>> paths = new LinkedHashMap<>();
        if (options.path("paths").isObject()) {
            // Paths are relative to baseUrl, or to the config's own folder without one (TypeScript 4.1).
            options.get("paths").fields().forEachRemaining(e -> {
                List<String> targets = new ArrayList<>();
                e.getValue().forEach(t -> targets.add(baseUrl != null ? t.asText() : join(folder, t.asText())));
                paths.put(e.getKey(), targets);
            });
        } else if (base != null) {
            paths.putAll(base.paths());
        }
        if (baseUrl == null && paths.isEmpty()) return Optional.empty();
        return Optional.of(new TsConfig(baseUrl, paths));
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String join(String folder, String path) {
        String joined = folder == null || folder.isEmpty() ? path : folder + "/" + path;
        String n = normalize(joined);
        return n == null ? joined : n;
    }

    private static String normalize(String path) {
        return Text.normalizePath(path);
    }

    /** A class declared in this file (exported or not) by name. */
    static Optional<TsNode.ClassDecl> classNamed(TsNode.Module module, String name) {
        return module.classes().stream().filter(c -> name.equals(c.name())).findFirst();
    }
}
