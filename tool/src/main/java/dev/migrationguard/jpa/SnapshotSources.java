package dev.migrationguard.jpa;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.migrationguard.javasrc.JavaSources;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The Java files of one snapshot as the reader sees them: texts and trees parsed at most once, and types found by
 * simple name through an index of file names built on first need.
 */
final class SnapshotSources {
    private final Snapshot snapshot;
    private final JavaParser parser;
    private final Map<String, Optional<String>> texts = new HashMap<>();
    private final Map<String, Optional<ParsedSource>> parsed = new HashMap<>();
    private Map<String, List<String>> javaFilesByName;

    SnapshotSources(Snapshot snapshot, JavaParser parser) {
        this.snapshot = snapshot;
        this.parser = parser;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /**
     * The file's text; empty when it is absent or too large to read (the engine reports the latter). No binary sniff:
     * javac accepts a NUL byte in a comment, and so does the parser, which judges the file.
     */
    Optional<String> text(String path) {
        return texts.computeIfAbsent(path, snapshot::readableText);
    }

    /**
     * The text when it passes {@code filter}, else empty. Texts that fail are not kept, so a scan over every file of
     * a large repository does not hold them all in memory.
     */
    Optional<String> jpaText(String path, Predicate<String> filter) {
        Optional<String> known = texts.get(path);
        if (known != null) return known.filter(filter);
        Optional<String> text = snapshot.readableText(path);
        if (text.isPresent() && filter.test(text.get())) {
            texts.put(path, text);
            return text;
        }
        return Optional.empty();
    }

    /** The parsed file, or empty when the snapshot has no such file. */
    Optional<ParsedSource> parse(String path) {
        Optional<ParsedSource> known = parsed.get(path);
        if (known != null) return known;
        Optional<ParsedSource> result = text(path).map(t -> parseText(path, t));
        parsed.put(path, result);
        return result;
    }

    private ParsedSource parseText(String path, String text) {
        JavaSources.Parsed result = JavaSources.parse(parser, path, text);
        return result.ok()
                ? new ParsedSource(path, text, result.unit(), new JpaImports(result.unit()), null)
                : new ParsedSource(path, text, null, null, result.problem());
    }

    /**
     * The type named {@code simpleName} as seen from {@code from}: declared in the same file, else in a file
     * {@code <simpleName>.java} of the snapshot (the imported package, then the same folder, preferred).
     */
    Optional<TypeRef> findType(ParsedSource from, String simpleName) {
        if (from.ok()) {
            for (TypeDeclaration<?> t : from.unit().findAll(TypeDeclaration.class)) {
                if (t.getNameAsString().equals(simpleName)) return Optional.of(new TypeRef(from, t));
            }
        }
        List<String> candidates = filesNamed(simpleName + ".java");
        if (candidates.isEmpty()) return Optional.empty();
        String chosen = choose(from, simpleName, candidates);
        return parse(chosen).filter(ParsedSource::ok).flatMap(p -> p.unit().getTypes().stream()
                .filter(t -> t.getNameAsString().equals(simpleName))
                .findFirst()
                .map(t -> new TypeRef(p, t)));
    }

    private static String choose(ParsedSource from, String simpleName, List<String> candidates) {
        if (candidates.size() == 1) return candidates.get(0);
        String imported = from.ok() ? from.imports().importedType(simpleName) : null;
        if (imported != null) {
            String suffix = "/" + imported.replace('.', '/') + ".java";
            for (String c : candidates) if (("/" + c).endsWith(suffix)) return c;
        }
        String folder = folder(from.path());
        for (String c : candidates) if (folder(c).equals(folder)) return c;
        return candidates.get(0);
    }

    private static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    List<String> filesNamed(String fileName) {
        if (javaFilesByName == null) {
            javaFilesByName = new HashMap<>();
            for (String p : snapshot.paths()) {
                if (p.endsWith(".java")) javaFilesByName.computeIfAbsent(Text.fileName(p), k -> new ArrayList<>()).add(p);
            }
        }
        return javaFilesByName.getOrDefault(fileName, List.of());
    }

    /** A type declaration and the file it lives in. */
    record TypeRef(ParsedSource source, TypeDeclaration<?> type) {
    }
}
