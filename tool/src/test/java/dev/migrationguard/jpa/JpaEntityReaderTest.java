package dev.migrationguard.jpa;

import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.PhysicalDiff;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JpaEntityReaderTest {
    private static final String DIVISION = """
            package com.example;

            import jakarta.persistence.*;
            import java.util.Set;

            @Entity
            public class ContestDivision {
                @Id
                private Long id;

                private String displayName;

                @ManyToOne
                private PetType petType;

                @ManyToMany
                private Set<PetType> allowedTypes;

                @ElementCollection
                private Set<String> nickNames;
            }
            """;
    private static final String PET_TYPE = """
            package com.example;

            import jakarta.persistence.*;

            @Entity
            @Table(name = "PetType")
            public class PetType {
                @Id
                private Long id;
            }
            """;

    @Test
    void springNamesEverythingInSnakeCaseIncludingExplicitNames() {
        var snapshot = MemorySnapshot.of("src/ContestDivision.java", DIVISION, "src/PetType.java", PET_TYPE);
        Set<String> tables = identities(new JpaEntityReader(JpaNaming.SPRING)
                .tables(snapshot, Set.of("src/ContestDivision.java", "src/PetType.java"), Dialect.POSTGRES));

        assertEquals(new TreeSet<>(List.of(
                "contest_division table", "contest_division column:id", "contest_division column:display_name",
                "contest_division column:pet_type_id",
                "contest_division_allowed_types table", "contest_division_allowed_types column:contest_division_id",
                "contest_division_allowed_types column:allowed_types_id",
                "contest_division_nick_names table", "contest_division_nick_names column:contest_division_id",
                "contest_division_nick_names column:nick_names",
                "pet_type table", "pet_type column:id")), tables);
    }

    @Test
    void hibernateKeepsNamesAndNamesJoinTablesAfterBothTables() {
        var snapshot = MemorySnapshot.of("src/ContestDivision.java", DIVISION, "src/PetType.java", PET_TYPE);
        // SQL Server keeps the case of unquoted names, so Hibernate's names show as it writes them.
        Set<String> tables = identities(new JpaEntityReader(JpaNaming.HIBERNATE)
                .tables(snapshot, Set.of("src/ContestDivision.java", "src/PetType.java"), Dialect.MSSQL));

        assertEquals(new TreeSet<>(List.of(
                "ContestDivision table", "ContestDivision column:id", "ContestDivision column:displayName",
                "ContestDivision column:petType_id",
                "ContestDivision_PetType table", "ContestDivision_PetType column:ContestDivision_id",
                "ContestDivision_PetType column:allowedTypes_id",
                "ContestDivision_nickNames table", "ContestDivision_nickNames column:ContestDivision_id",
                "ContestDivision_nickNames column:nickNames",
                "PetType table", "PetType column:id")), tables);
    }

    @Test
    void springStrategyFollowsTheThreeCharacterRule() {
        assertEquals("pet_type", JpaNaming.SPRING.physical("PetType"));
        assertEquals("contest_division", JpaNaming.SPRING.physical("ContestDivision"));
        assertEquals("home_address_street", JpaNaming.SPRING.physical("homeAddress.street"));
        assertEquals("userid", JpaNaming.SPRING.physical("userID"));
        assertEquals("PetType", JpaNaming.HIBERNATE.physical("PetType"));
    }

    @Test
    void dependentsFollowEmbeddablesAndMappedSuperclassChains() {
        var snapshot = MemorySnapshot.of(
                "a/Address.java", "import jakarta.persistence.*; @Embeddable public class Address { String street; }",
                "a/Base.java", "import jakarta.persistence.*; @MappedSuperclass public class Base { @Id Long id; }",
                "a/Audited.java", "import jakarta.persistence.*; @MappedSuperclass public class Audited extends Base {}",
                "a/Owner.java", "import jakarta.persistence.*; @Entity public class Owner { @Embedded Address home; }",
                "a/Pet.java", "import jakarta.persistence.*; @Entity public class Pet extends Audited { }",
                "a/Vet.java", "import jakarta.persistence.*; @Entity public class Vet { @Id Long id; }",
                "a/Service.java", "public class Service { Address address; Base base; }");
        var reader = new JpaEntityReader(JpaNaming.SPRING);

        assertEquals(Set.of("a/Owner.java"), reader.dependents(snapshot, Set.of("a/Address.java")));
        assertEquals(Set.of("a/Pet.java"), reader.dependents(snapshot, Set.of("a/Base.java")));
        assertEquals(Set.of(), reader.dependents(snapshot, Set.of("a/Vet.java", "a/Service.java")));
    }

    @Test
    void embeddableChangeShowsAsAColumnChangeOfTheEntity() {
        String owner = "import jakarta.persistence.*; @Entity public class Owner { @Id Long id; @Embedded Address home; }";
        var before = MemorySnapshot.of("a/Owner.java", owner, "a/Address.java",
                "import jakarta.persistence.*; @Embeddable public class Address { @Column(length = 10) String zip; }");
        var after = before.copy().put("a/Address.java",
                "import jakarta.persistence.*; @Embeddable public class Address { @Column(length = 12) String zip; }");
        var reader = new JpaEntityReader(JpaNaming.SPRING);
        Set<String> changed = Set.of("a/Address.java");

        var was = reader.tables(before, union(changed, reader.dependents(before, changed)), Dialect.POSTGRES);
        var is = reader.tables(after, union(changed, reader.dependents(after, changed)), Dialect.POSTGRES);
        var diff = PhysicalDiff.diff(PhysicalSchema.of(Dialect.POSTGRES, was.items(), List.of(), List.of()),
                PhysicalSchema.of(Dialect.POSTGRES, is.items(), List.of(), List.of())).changes();

        assertEquals(1, diff.size(), diff::toString);
        assertEquals("owner", diff.get(0).object());
        assertTrue(diff.get(0).message().contains("\"zip\""), diff.get(0).message());
        assertEquals("a/Address.java", diff.get(0).location().path());
    }

    @Test
    void syntaxErrorBecomesAProblemAtItsPlace() {
        var snapshot = MemorySnapshot.of("a/Pet.java", """
                import jakarta.persistence.*;
                @Entity
                public class Pet {
                    @Id Long id
                    String name;
                }
                """);
        ReadResult<Table> result = new JpaEntityReader(JpaNaming.SPRING).tables(snapshot, Set.of("a/Pet.java"),
                Dialect.POSTGRES);

        assertTrue(result.items().isEmpty());
        assertEquals(1, result.problems().size());
        var problem = result.problems().get(0);
        assertEquals("a/Pet.java", problem.location().path());
        assertEquals(4, problem.location().line());
        assertTrue(problem.message().startsWith("Java syntax error"), problem.message());
    }

    @Test
    void filesWithoutMarkersAreNotParsed() {
        var snapshot = MemorySnapshot.of("a/Broken.java", "this is { not java", "a/notes.txt", "@Entity");
        var result = new JpaEntityReader(JpaNaming.SPRING).tables(snapshot, Set.of("a/Broken.java", "a/notes.txt"),
                Dialect.POSTGRES);

        assertTrue(result.items().isEmpty());
        assertTrue(result.problems().isEmpty());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Set<String> identities(ReadResult<Table> result) {
        assertTrue(result.problems().isEmpty(), result.problems()::toString);
        Set<String> ids = new TreeSet<>();
        for (Table t : result.items()) {
            ids.add(t.name() + " table");
            for (Column c : t.columns()) ids.add(t.name() + " column:" + c.name());
        }
        return ids;
    }
}
