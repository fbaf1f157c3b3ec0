package dev.migrationguard.sql;

import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Operation.Opaque;
import dev.migrationguard.model.ops.Origin;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.testing.ProjectRoot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads our own corpus of migration statements ({@code ops-corpus/}), the SQL of {@code examples/} and of the test
 * fixtures, and holds the statements that fall to {@link Opaque} to the committed list: the share can only go down.
 */
class SqlOperationsCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/ops-corpus");
    private static final Path OPAQUE_LIST = CORPUS.resolve("opaque.txt");
    private static final Path EXAMPLES = ProjectRoot.file("examples");
    private static final List<Path> SOURCES = List.of(CORPUS, EXAMPLES,
            Path.of("src/test/resources/fixtures"));

    /** One statement of the corpus and what it was read as. */
    record Read(String path, Dialect dialect, String text, List<Operation> operations) {
        String opaqueEntry() {
            Opaque o = operations.stream().filter(op -> op instanceof Opaque).map(op -> (Opaque) op).findFirst()
                    .orElseThrow();
            String canonical = SqlTokens.canonical(text).replaceAll("\\s+", " ");
            return path + " | " + o.kind() + " | " + (canonical.length() > 100 ? canonical.substring(0, 100) : canonical);
        }

        boolean opaque() {
            return operations.stream().anyMatch(op -> op instanceof Opaque);
        }
    }

    private static List<Read> reads;
    private static Set<String> kinds;

    @BeforeAll
    static void readCorpus() {
        reads = new ArrayList<>();
        kinds = new TreeSet<>();
        for (Path file : files()) {
            String path = file.toString().replace('\\', '/');
            String content = read(file);
            Dialect dialect = EmbeddedSql.dialectOf(path);
            for (EmbeddedSql.Piece piece : EmbeddedSql.of(path, content)) {
                for (Operation op : SqlOperations.read(piece.sql(), dialect, piece.base(), Side.UP)) {
                    kinds.add(op.getClass().getSimpleName());
                }
                for (SqlStatements.Span span : SqlStatements.split(piece.sql())) {
                    Origin origin = new Origin(piece.base(), Side.UP);
                    reads.add(new Read(path, dialect, span.text(), SqlOperations.statement(span.text(), origin,
                            dialect)));
                }
            }
        }
    }

    static List<Path> files() {
        List<Path> out = new ArrayList<>();
        for (Path root : SOURCES) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(p -> {
                    String name = p.getFileName().toString();
                    return name.endsWith(".sql") || name.endsWith(".xml") && !name.equals("pom.xml")
                            || name.endsWith(".ts") && p.toString().contains("migration");
                }).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> kindsProduced() {
        if (kinds == null) readCorpus();
        return kinds;
    }

    @Test
    void noStatementNewlyFallsToOpaque() throws IOException {
        Set<String> now = reads.stream().filter(Read::opaque).map(Read::opaqueEntry)
                .collect(Collectors.toCollection(TreeSet::new));
        if (Boolean.getBoolean("ops.corpus.write")) {
            Files.writeString(OPAQUE_LIST, String.join("\n", now) + "\n", StandardCharsets.UTF_8);
        }
        Set<String> committed = new TreeSet<>(Files.readAllLines(OPAQUE_LIST, StandardCharsets.UTF_8));
        committed.remove("");
        Set<String> gone = new TreeSet<>(committed);
        gone.removeAll(now);
        if (!gone.isEmpty()) {
            System.out.println("These statements are no longer opaque; remove them from " + OPAQUE_LIST + ":\n  "
                    + String.join("\n  ", gone));
        }
        Set<String> added = new TreeSet<>(now);
        added.removeAll(committed);
        assertEquals("", String.join("\n", added), "statements that newly fall to opaque");
        long total = reads.size();
        System.out.printf("ops corpus: %d statements, %d opaque (%.1f%%)%n", total, now.size(),
                100.0 * now.size() / total);
    }

    @Test
    void everyOperationKindIsProducedByTheCorpus() {
        Set<String> all = Arrays.stream(Operation.class.getPermittedSubclasses()).map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(all, kinds);
    }

    @Test
    void everyStatementOfTheExamplesFixturesAndDomainSamplesIsRead() {
        // Procedural code in a fixture is opaque by nature; a statement no reader understood must not be there.
        List<String> unread = reads.stream().filter(r -> !r.path().startsWith(CORPUS.toString())
                        || r.path().contains("domain-samples"))
                .filter(r -> r.operations().stream().anyMatch(op -> op instanceof Opaque o
                        && o.kind() == Operation.OpaqueKind.UNREAD))
                .map(Read::opaqueEntry).toList();
        assertEquals(List.of(), unread);
        List<String> opaqueExamples = reads.stream().filter(r -> r.path().startsWith(EXAMPLES.toString()))
                .filter(Read::opaque).map(Read::opaqueEntry).toList();
        assertEquals(List.of(), opaqueExamples);
        assertTrue(reads.stream().anyMatch(r -> r.path().startsWith(EXAMPLES.toString())));
    }

    @Test
    void jsqlParserAndTheTolerantReaderAgreeOnEveryStatementBothRead() {
        // Both paths read columns and constraints through ColumnSyntax; this holds the rest of them together.
        int compared = 0;
        List<String> disagreements = new ArrayList<>();
        for (Read r : reads) {
            Origin origin = new Origin(dev.migrationguard.model.Location.file(r.path()), Side.UP);
            List<Operation> parsed = AstReader.read(r.text(), origin, r.dialect());
            if (parsed == null) continue;
            compared++;
            List<Operation> tolerant = DdlReader.read(r.text(), origin, r.dialect());
            if (!parsed.equals(tolerant)) {
                disagreements.add(r.text() + "\n  JSqlParser: " + parsed + "\n  tolerant:   " + tolerant);
            }
        }
        assertEquals("", String.join("\n", disagreements));
        assertTrue(compared > 50, compared + " statements compared");
    }
}
