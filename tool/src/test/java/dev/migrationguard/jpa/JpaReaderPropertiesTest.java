package dev.migrationguard.jpa;

import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.testing.MemorySnapshot;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader never throws, and every problem it reports points inside the file. */
class JpaReaderPropertiesTest {
    private static final String PET = """
            package com.example;

            import jakarta.persistence.*;
            import java.util.Set;

            @Entity
            @Table(name = "pets", indexes = @Index(name = "idx_name", columnList = "name"))
            public class Pet extends Base {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
                private Long id;

                @Column(length = Limits.NAME, nullable = false)
                private String name;

                @Embedded
                @AttributeOverride(name = "street", column = @Column(name = "home_street"))
                private Address home;

                @ManyToMany
                @JoinTable(name = "pet_tags", joinColumns = @JoinColumn(name = "pet_id"))
                private Set<Tag> tags;

                @ElementCollection
                private Set<String> nicknames;
            }
            """;
    private static final String ADDRESS = """
            import jakarta.persistence.*;
            @Embeddable public class Address { private String street; @Embedded private Address next; }
            """;
    private static final String BASE = """
            import jakarta.persistence.*;
            @MappedSuperclass public class Base extends Pet { private String createdBy; }
            """;

    @Property(tries = 300)
    void neverThrowsOnArbitraryText(@ForAll("javaLike") String text) {
        check(text);
    }

    @Property(tries = 300)
    void neverThrowsOnMutatedEntities(@ForAll("mutatedPet") String text) {
        check(text);
    }

    private static void check(String text) {
        var snapshot = MemorySnapshot.of("src/Pet.java", text, "src/Address.java", ADDRESS, "src/Base.java", BASE,
                "src/Limits.java", "class Limits { static final int NAME = NAME + 1; }");
        var reader = new JpaEntityReader(JpaNaming.SPRING);
        reader.dependents(snapshot, Set.of("src/Pet.java", "src/Address.java"));
        long lines = Math.max(1, text.lines().count());
        for (Dialect dialect : Dialect.values()) {
            ReadResult<Table> result = reader.tables(snapshot, Set.of("src/Pet.java"), dialect);
            for (ParseProblem p : result.problems()) {
                assertTrue(p.location().line() >= 1 && p.location().line() <= lines,
                        () -> "problem outside the file: " + p);
            }
        }
    }

    @Provide
    Arbitrary<String> javaLike() {
        Arbitrary<String> noise = Arbitraries.strings().withChars("@{}()<>;=,.\"'/*\n \tabcEntity").ofMaxLength(200);
        return Arbitraries.oneOf(noise, noise.map(s -> "@Entity " + s), Arbitraries.strings().ofMaxLength(100));
    }

    @Provide
    Arbitrary<String> mutatedPet() {
        Arbitrary<String> truncated = Arbitraries.integers().between(0, PET.length()).map(n -> PET.substring(0, n));
        Arbitrary<String> deleted = Arbitraries.integers().between(0, PET.length() - 1).list().ofMaxSize(8)
                .map(cuts -> {
                    StringBuilder b = new StringBuilder(PET);
                    for (int cut : cuts) if (cut < b.length()) b.deleteCharAt(cut);
                    return b.toString();
                });
        return Arbitraries.oneOf(truncated, deleted);
    }
}
