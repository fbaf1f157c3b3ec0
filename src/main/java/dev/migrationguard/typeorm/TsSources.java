package dev.migrationguard.typeorm;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.typescript.TsNode;
import dev.migrationguard.typescript.TypeScript;

import java.util.Collections;
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

    private static String normalize(String path) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                if (parts.isEmpty()) return null;
                parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }

    /** A class declared in this file (exported or not) by name. */
    static Optional<TsNode.ClassDecl> classNamed(TsNode.Module module, String name) {
        return module.classes().stream().filter(c -> name.equals(c.name())).findFirst();
    }
}
