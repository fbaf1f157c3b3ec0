package dev.migrationguard.model.schema;

import dev.migrationguard.model.Location;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link PhysicalSchema#of} builds at once what adding each object in turn builds. */
class PhysicalSchemaPropertiesTest {
    /** Names that are one key on some databases and two on others, in and out of a schema. */
    private static final List<String> NAMES = List.of("a", "A", "b", "\"a\"", "`b`", "[a]");

    @Property(tries = 500)
    void ofIsAddingEachInTurn(@ForAll("dialects") Dialect d, @ForAll("tables") List<Table> tables,
                              @ForAll("sequences") List<Sequence> sequences, @ForAll("enums") List<EnumType> enums) {
        PhysicalSchema inTurn = PhysicalSchema.empty(d);
        for (Table t : tables) inTurn = inTurn.withTable(t);
        for (Sequence q : sequences) inTurn = inTurn.withSequence(q);
        for (EnumType e : enums) inTurn = inTurn.withEnumType(e);
        PhysicalSchema atOnce = PhysicalSchema.of(d, tables, sequences, enums);
        assertEquals(inTurn, atOnce);
        // record equality does not see the order: the tables' order is the one they were first added in
        assertEquals(inTurn.tableList(), atOnce.tableList());
        assertEquals(List.copyOf(inTurn.sequences().keySet()), List.copyOf(atOnce.sequences().keySet()));
        assertEquals(List.copyOf(inTurn.enumTypes().keySet()), List.copyOf(atOnce.enumTypes().keySet()));
    }

    @Provide
    Arbitrary<Dialect> dialects() {
        return Arbitraries.of(Dialect.values());
    }

    @Provide
    Arbitrary<List<Table>> tables() {
        return Combinators.combine(Arbitraries.of(null, "s", "S"), Arbitraries.of(NAMES), Arbitraries.integers()
                        .between(1, 9))
                .as((schema, name, line) -> Table.table(schema, name, Location.at("V1__init.sql", line, 1)))
                .list().ofMaxSize(8).map(ArrayList::new);
    }

    @Provide
    Arbitrary<List<Sequence>> sequences() {
        return Combinators.combine(Arbitraries.of(null, "s"), Arbitraries.of(NAMES), Arbitraries.of(1L, 50L))
                .as((schema, name, step) -> new Sequence(schema, name, step, Location.at("V1__init.sql", 1, 1)))
                .list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<EnumType>> enums() {
        return Combinators.combine(Arbitraries.of(null, "s"), Arbitraries.of(NAMES),
                        Arbitraries.of(List.of("x"), List.of("x", "y")))
                .as((schema, name, values) -> new EnumType(schema, name, values, Location.at("V1__init.sql", 1, 1)))
                .list().ofMaxSize(4);
    }
}
