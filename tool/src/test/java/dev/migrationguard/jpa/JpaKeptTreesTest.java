package dev.migrationguard.jpa;

import com.github.javaparser.ast.Node;
import dev.migrationguard.javasrc.JavaSources;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader keeps only the most recent trees, so that a lint of thousands of entities fits a bounded heap; what it
 * reads must not depend on which trees it kept.
 */
class JpaKeptTreesTest {
    /** Every tree but the one in hand is dropped as soon as another file is parsed. */
    private static final int NONE = 1;

    @Test
    void aTreeIsDroppedOnceTheKeptSourceIsFullAndParsedAgainWhenAskedFor() {
        var files = MemorySnapshot.of("A.java", "class A {}\n", "B.java", "class B {}\n");
        var few = new SnapshotSources(files, JavaSources.newParser(), "class A {}\n".length(),
                SnapshotSources.READ_AHEAD_FILES);
        ParsedSource a = few.parse("A.java").orElseThrow();
        assertSame(a, few.parse("A.java").orElseThrow());
        few.parse("B.java");
        assertNotSame(a, few.parse("A.java").orElseThrow());

        var all = new SnapshotSources(files, JavaSources.newParser(), SnapshotSources.KEPT_SOURCE_CHARS,
                SnapshotSources.READ_AHEAD_FILES);
        ParsedSource kept = all.parse("A.java").orElseThrow();
        all.parse("B.java");
        assertSame(kept, all.parse("A.java").orElseThrow());
    }

    /** A kept tree holds its nodes' places but not the file's tokens, which would double its size. */
    @Test
    void aParsedTreeKeepsItsPlacesButNotItsTokens() {
        var parsed = JavaSources.parse(JavaSources.newParser(), "A.java",
                "package a;\n\n@Entity\nclass A {\n    @Column(length = 3) String name;\n}\n");
        assertTrue(parsed.ok());
        for (Node n : parsed.unit().findAll(Node.class)) {
            assertTrue(n.getRange().isPresent(), n::toString);
            assertFalse(n.getTokenRange().isPresent(), n::toString);
        }
        var field = parsed.unit().getType(0).getFields().get(0);
        assertEquals(5, field.getBegin().orElseThrow().line);
        assertEquals(5, field.getBegin().orElseThrow().column);
    }

    /**
     * Entities whose ids derive from each other, and a class that extends itself through another: walks that come
     * back to a type whose tree was dropped and parsed again must still see that they came back.
     */
    @Test
    void typesThatReferToEachOtherReadTheSameWhenTheirTreesAreDropped() {
        var files = MemorySnapshot.of(
                "src/a/Owner.java", """
                        package a;
                        import jakarta.persistence.*;
                        @Entity
                        class Owner {
                            @Id @OneToOne Pet pet;
                            String name;
                        }
                        """,
                "src/a/Pet.java", """
                        package a;
                        import jakarta.persistence.*;
                        @Entity
                        class Pet {
                            @Id @OneToOne Owner owner;
                            @ManyToOne Pet mother;
                        }
                        """,
                "src/a/Left.java", """
                        package a;
                        import jakarta.persistence.*;
                        @Entity
                        class Left extends Right {
                            @Id Long id;
                        }
                        """,
                "src/a/Right.java", """
                        package a;
                        import jakarta.persistence.*;
                        @MappedSuperclass
                        class Right extends Left {
                            String side;
                        }
                        """);
        assertSameTables(files, files.paths());
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureReadsTheSameWhenNoTreeIsKept() throws IOException, URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(getClass().getResource("/fixtures/jpa-tables")).toURI());
        try (Stream<Path> cases = Files.list(root)) {
            return cases.filter(Files::isDirectory).sorted()
                    .flatMap(dir -> Stream.of("before", "after").map(dir::resolve).filter(Files::isDirectory))
                    .map(side -> DynamicTest.dynamicTest(root.relativize(side).toString(), () -> {
                        Map<String, String> files = files(side);
                        assertSameTables(MemorySnapshot.of(files), files.keySet());
                    }))
                    .toList().stream();
        }
    }

    private static void assertSameTables(MemorySnapshot files, java.util.Collection<String> paths) {
        Set<String> all = Set.copyOf(paths);
        ReadResult<Table> kept = new JpaEntityReader(JpaNaming.SPRING, false).tables(files, all, Dialect.POSTGRES);
        ReadResult<Table> dropped = new JpaEntityReader(JpaNaming.SPRING, false, NONE,
                SnapshotSources.READ_AHEAD_FILES).tables(files, all, Dialect.POSTGRES);
        assertEquals(kept.items(), dropped.items());
        assertEquals(kept.problems(), dropped.problems());
    }

    private static Map<String, String> files(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
