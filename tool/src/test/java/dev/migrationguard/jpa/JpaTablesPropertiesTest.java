package dev.migrationguard.jpa;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.PhysicalDiff;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.testing.MemorySnapshot;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.lang.model.SourceVersion;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Laws of {@link JpaEntityReader#tables}: it never throws, whatever the source, and every location it gives lies
 * inside its file; edits a reviewer calls cosmetic (comments, import order, layout, method bodies, field order) leave
 * the physical diff empty.
 */
class JpaTablesPropertiesTest {
    private static final List<String> TYPES = List.of("String", "Long", "long", "Integer", "int", "boolean",
            "java.math.BigDecimal", "java.time.Instant", "LocalDate", "byte[]", "Status", "Owner", "Double", "UUID");
    private static final List<String> ANNOTATIONS = List.of("", "@Column(length = 80)", "@Column(nullable = false)",
            "@Column(name = \"legacy_name\")", "@Column(columnDefinition = \"text\")", "@Lob",
            "@Enumerated(EnumType.STRING)", "@ManyToOne", "@Column(precision = 10, scale = 3)", "@Transient",
            "@Column(length = Limits.NAME)", "@Version", "@ElementCollection", "@Column(unique = true)");
    private static final String OWNER = """
            package com.example;
            import jakarta.persistence.*;
            @Entity
            public class Owner { @Id private Long id; }
            """;
    private static final String SUPPORT_STATUS = "package com.example;\npublic enum Status { A, B }\n";
    private static final String LIMITS = "package com.example;\npublic interface Limits { int NAME = 40; }\n";

    /** One persistent field: its annotation, type and name. */
    record FieldSpec(String annotation, String type, String name) {
    }

    /** How one rendering lays the same entity out. */
    record Layout(boolean comments, boolean reverseImports, boolean spread, int bodyVariant, long fieldOrderSeed) {
    }

    @Provide
    Arbitrary<List<FieldSpec>> fields() {
        Arbitrary<FieldSpec> field = Combinators.combine(Arbitraries.of(ANNOTATIONS), Arbitraries.of(TYPES),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6)
                        .filter(n -> !SourceVersion.isKeyword(n) && !n.equals("id")))
                .as(FieldSpec::new);
        return field.list().ofMaxSize(8).uniqueElements(FieldSpec::name);
    }

    @Provide
    Arbitrary<Layout> layouts() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 2), Arbitraries.longs()).as(Layout::new);
    }

    @Property(tries = 200)
    void cosmeticEditsLeaveTheDiffEmpty(@ForAll("fields") List<FieldSpec> fields, @ForAll("layouts") Layout one,
                                        @ForAll("layouts") Layout other) {
        var reader = new JpaEntityReader(JpaNaming.SPRING);
        var before = snapshot(render(fields, one));
        var after = snapshot(render(fields, other));
        PhysicalDiff diff = JpaTablesFixtureTest.diff(reader, before, after, Set.of("src/Pet.java"), Dialect.POSTGRES);
        assertTrue(diff.isEmpty(), () -> "cosmetic edit changed the schema: " + diff.changes());
    }

    @Property(tries = 300)
    void neverThrowsAndLocatesInsideTheFile(@ForAll("fields") List<FieldSpec> fields, @ForAll("layouts") Layout layout,
                                            @ForAll("cuts") List<Integer> cuts) {
        StringBuilder b = new StringBuilder(render(fields, layout));
        for (int cut : cuts) if (cut < b.length()) b.deleteCharAt(cut);
        String text = b.toString();
        ReadResult<Table> result = new JpaEntityReader(JpaNaming.SPRING)
                .tables(snapshot(text), Set.of("src/Pet.java"), Dialect.POSTGRES);
        long lines = text.lines().count();
        List<Location> locations = new ArrayList<>();
        for (Table t : result.items()) {
            locations.add(t.location());
            for (Column c : t.columns()) locations.add(c.location());
        }
        result.problems().forEach(p -> locations.add(p.location()));
        for (Location l : locations) {
            if (!l.path().equals("src/Pet.java")) continue;
            assertTrue(l.line() >= 1 && l.line() <= lines, () -> "location outside the file: " + l);
        }
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 600).list().ofMaxSize(6);
    }

    private static MemorySnapshot snapshot(String pet) {
        return MemorySnapshot.of("src/Pet.java", pet, "src/Owner.java", OWNER, "src/Status.java", SUPPORT_STATUS,
                "src/Limits.java", LIMITS);
    }

    private static String render(List<FieldSpec> fields, Layout layout) {
        String nl = layout.spread() ? "\n\n" : "\n";
        List<String> imports = new ArrayList<>(List.of("import jakarta.persistence.*;", "import java.util.UUID;",
                "import java.time.LocalDate;"));
        if (layout.reverseImports()) Collections.reverse(imports);
        StringBuilder b = new StringBuilder("package com.example;").append(nl);
        for (String i : imports) b.append(i).append('\n');
        if (layout.comments()) b.append("/** A pet. */").append(nl);
        b.append("@Entity").append(nl).append("public class Pet {").append(nl);
        b.append(layout.spread() ? "    @Id\n    private   Long id ;" : "    @Id private Long id;").append(nl);
        List<FieldSpec> ordered = new ArrayList<>(fields);
        Collections.shuffle(ordered, new Random(layout.fieldOrderSeed()));
        for (FieldSpec f : ordered) {
            if (layout.comments()) b.append("    // the ").append(f.name()).append('\n');
            String type = f.annotation().equals("@ElementCollection") ? "java.util.Set<" + boxed(f.type()) + ">"
                    : f.type();
            b.append("    ").append(f.annotation()).append(layout.spread() ? "\n    " : " ")
                    .append("private ").append(type).append(' ').append(f.name()).append(';').append(nl);
        }
        b.append("    public String describe() {").append(nl);
        b.append(switch (layout.bodyVariant()) {
            case 0 -> "        return \"pet\";";
            case 1 -> "        StringBuilder s = new StringBuilder();\n        return s.append(\"pet\").toString();";
            default -> "        /* layout */ return String.valueOf(id);";
        }).append("\n    }\n}\n");
        return b.toString();
    }

    private static String boxed(String type) {
        return switch (type) {
            case "long" -> "Long";
            case "int" -> "Integer";
            case "boolean" -> "Boolean";
            case "byte[]" -> "String";
            default -> type;
        };
    }
}
