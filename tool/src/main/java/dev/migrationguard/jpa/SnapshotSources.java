package dev.migrationguard.jpa;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.migrationguard.javasrc.JavaSources;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The Java files of one snapshot as the reader sees them: texts, the trees of the files most recently parsed, and types
 * found by simple name through an index of file names built on first need.
 */
final class SnapshotSources {
    /**
     * How much source the kept trees may hold, in characters. A tree takes about forty times its file's size, so all
     * of a large repository's entities (hibernate-orm's tests have 5,800, 20 MB) would not fit a bounded heap; the
     * files most recently used stay, which covers the types every entity names (its superclass, a common target), and
     * a file dropped is parsed again if it is asked for again.
     */
    static final int KEPT_SOURCE_CHARS = 2_000_000;
    /**
     * From how many files a pass reads ahead on a second thread: a commit's few entities are parsed before a thread
     * would have started.
     */
    static final int READ_AHEAD_FILES = 64;

    private final Snapshot snapshot;
    private final JavaParser parser;
    private final int keptSourceChars;
    private final int readAheadFiles;
    private final Map<String, Optional<String>> texts = new HashMap<>();
    private final Map<String, Optional<ParsedSource>> parsed = new LinkedHashMap<>(16, 0.75f, true);
    private long parsedChars;
    private Map<String, List<String>> javaFilesByName;
    /** The pass over many files in progress, when a second thread reads them ahead (see {@link #readingAhead}). */
    private ReadAhead ahead;
    /** Trees the second thread parsed, from {@link #jpaText} until {@link #parse} keeps them as its own. */
    private final Map<String, ParsedSource> parsedAhead = new HashMap<>();

    SnapshotSources(Snapshot snapshot, JavaParser parser, int keptSourceChars, int readAheadFiles) {
        this.snapshot = snapshot;
        this.parser = parser;
        this.keptSourceChars = keptSourceChars;
        this.readAheadFiles = readAheadFiles;
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
        ReadAhead.Read early = ahead == null ? null : ahead.take(path);
        Optional<String> known = texts.get(path);
        if (known != null) return known.filter(filter);
        if (early != null) {
            if (early.text() == null) return Optional.empty();
            texts.put(path, Optional.of(early.text()));
            if (early.parsed() != null) parsedAhead.put(path, early.parsed());
            return Optional.of(early.text());
        }
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
        ParsedSource early = parsedAhead.remove(path);
        if (known != null) return known;
        Optional<ParsedSource> result = early != null ? Optional.of(early) : text(path).map(t -> parseText(parser, path, t));
        parsed.put(path, result);
        parsedChars += chars(result);
        // the least recently used go first, never the file just parsed
        var eldest = parsed.entrySet().iterator();
        while (parsedChars > keptSourceChars && parsed.size() > 1) {
            parsedChars -= chars(eldest.next().getValue());
            eldest.remove();
        }
        return result;
    }

    private static long chars(Optional<ParsedSource> source) {
        return source.map(s -> s.text().length()).orElse(0);
    }

    /**
     * Runs {@code pass} over files that {@link #jpaText} and {@link #parse} will be asked for in the order of
     * {@code paths}, with a second thread reading and parsing those that pass {@code filter} ahead of it when there
     * are enough of them to pay for the thread and a second processor to run it. The answers are the same.
     */
    <T> T readingAhead(List<String> paths, Predicate<String> filter, java.util.function.Supplier<T> pass) {
        if (ahead != null || paths.size() < readAheadFiles || Runtime.getRuntime().availableProcessors() < 2) {
            return pass.get();
        }
        try (ReadAhead started = ReadAhead.start(snapshot, paths, filter)) {
            ahead = started;
            return pass.get();
        } finally {
            ahead = null;
            parsedAhead.clear();
        }
    }

    static ParsedSource parseText(JavaParser parser, String path, String text) {
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
        /**
         * The same for every parse of the file: a tree dropped and parsed again has new nodes, so a walk that
         * compares nodes by identity would not see that it came back to a type.
         */
        String key() {
            return source.path() + "@" + type.getBegin().map(Object::toString).orElse(type.getNameAsString());
        }
    }
}
