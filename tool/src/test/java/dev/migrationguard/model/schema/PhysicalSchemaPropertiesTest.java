package dev.migrationguard.model.schema;

import dev.migrationguard.model.Location;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@link PhysicalSchema#of} builds at once what adding each object in turn builds, and adding or dropping objects one
 * at a time (which shares structure with the schema before) gives what copying the maps for each step gave.
 */
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

    /**
     * Each step's schema holds what copying the maps for each step held (the old way), and still holds it after the
     * later steps: a step shares structure with the schema before it and must never change that one.
     */
    @Property(tries = 300)
    void stepsGiveWhatCopyingGave(@ForAll("dialects") Dialect d, @ForAll("steps") List<Step> steps) {
        PhysicalSchema s = PhysicalSchema.empty(d);
        Copied copied = new Copied(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), true);
        List<PhysicalSchema> schemas = new ArrayList<>();
        List<Copied> expected = new ArrayList<>();
        for (Step step : steps) {
            s = step.apply(s);
            copied = step.apply(d, copied);
            assertSame(d, copied, s);
            schemas.add(s);
            expected.add(copied);
        }
        for (int i = 0; i < schemas.size(); i++) assertSame(d, expected.get(i), schemas.get(i));
    }

    /** A schema's maps given to a schema of another dialect are keyed again for it, as any caller's maps are. */
    @Property(tries = 300)
    void anotherDialectKeysTheMapsAgain(@ForAll("dialects") Dialect d, @ForAll("dialects") Dialect other,
                                        @ForAll("steps") List<Step> steps) {
        PhysicalSchema s = PhysicalSchema.empty(d);
        for (Step step : steps) s = step.apply(s);
        PhysicalSchema again = new PhysicalSchema(other, s.tables(), s.sequences(), s.enumTypes(), s.complete());
        Copied rekeyed = new Copied(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), s.complete());
        for (Table t : s.tables().values()) rekeyed.tables.put(Identifiers.qualifiedKey(other, t.schema(), t.name()), t);
        for (Sequence q : s.sequences().values()) {
            rekeyed.sequences.put(Identifiers.qualifiedKey(other, q.schema(), q.name()), q);
        }
        for (EnumType e : s.enumTypes().values()) {
            rekeyed.enumTypes.put(Identifiers.qualifiedKey(other, e.schema(), e.name()), e);
        }
        assertSame(other, rekeyed, again);
        assertEquals(PhysicalSchema.of(other, s.tableList(), List.copyOf(s.sequences().values()),
                List.copyOf(s.enumTypes().values())).tableList(), again.tableList());
    }

    /** The schema holds what the copied maps hold: the same entries in the same order, found by every name. */
    private static void assertSame(Dialect d, Copied copied, PhysicalSchema s) {
        assertEquals(copied.complete, s.complete());
        assertSameMap(copied.tables, s.tables());
        assertSameMap(copied.sequences, s.sequences());
        assertSameMap(copied.enumTypes, s.enumTypes());
        for (String schema : new String[] {null, "s", "S", "public", "dbo"}) {
            for (String name : MANY_NAMES) {
                String key = Identifiers.qualifiedKey(d, schema, name);
                assertEquals(copied.tables.get(key), s.table(schema, name));
                assertEquals(copied.tables.containsKey(key), s.tables().containsKey(key));
                assertEquals(copied.sequences.containsKey(key), s.sequences().containsKey(key));
                assertEquals(copied.enumTypes.get(key), s.enumTypes().get(key));
            }
        }
        assertNull(s.tables().get(42));
        assertFalse(s.tables().containsKey(null));
    }

    private static <V> void assertSameMap(Map<String, V> copied, Map<String, V> map) {
        assertEquals(List.copyOf(copied.entrySet()), List.copyOf(map.entrySet()));
        assertEquals(List.copyOf(copied.keySet()), List.copyOf(map.keySet()));
        assertEquals(copied.size(), map.size());
        assertEquals(copied.isEmpty(), map.isEmpty());
        assertEquals(copied, map);
        assertEquals(map, copied);
        assertEquals(copied.hashCode(), map.hashCode());
        assertEquals(copied.toString(), map.toString());
    }

    /** The old way: a schema whose maps each step copied. */
    private record Copied(LinkedHashMap<String, Table> tables, LinkedHashMap<String, Sequence> sequences,
                          LinkedHashMap<String, EnumType> enumTypes, boolean complete) {
    }

    /** Names enough to make the trees deep, with pairs that are one key on some databases and two on others. */
    private static final List<String> MANY_NAMES = manyNames();

    private static List<String> manyNames() {
        List<String> names = new ArrayList<>(NAMES);
        for (int i = 0; i < 40; i++) {
            names.add("t" + i);
            names.add("T" + i);
        }
        return names;
    }

    /**
     * One step: add (or replace) a table, a view, a sequence or an enum type, drop one, or mark the schema incomplete.
     */
    record Step(int kind, String schema, String name, int line) {
        PhysicalSchema apply(PhysicalSchema s) {
            return switch (kind) {
                case 0, 1, 2 -> s.withTable(table());
                case 3 -> s.withoutTable(schema, name);
                case 4 -> s.withSequence(sequence());
                case 5 -> s.withoutSequence(schema, name);
                case 6 -> s.withEnumType(enumType());
                case 7 -> s.withoutEnumType(schema, name);
                default -> s.incomplete();
            };
        }

        Copied apply(Dialect d, Copied c) {
            String key = Identifiers.qualifiedKey(d, schema, name);
            Copied out = new Copied(new LinkedHashMap<>(c.tables), new LinkedHashMap<>(c.sequences),
                    new LinkedHashMap<>(c.enumTypes), c.complete && kind <= 7);
            switch (kind) {
                case 0, 1, 2 -> out.tables.put(key, table());
                case 3 -> out.tables.remove(key);
                case 4 -> out.sequences.put(key, sequence());
                case 5 -> out.sequences.remove(key);
                case 6 -> out.enumTypes.put(key, enumType());
                case 7 -> out.enumTypes.remove(key);
                default -> {
                }
            }
            return out;
        }

        private Table table() {
            Location at = Location.at("V" + line + "__step.sql", line, 1);
            return kind == 2 ? Table.view(schema, name, "select 1", at) : Table.table(schema, name, at);
        }

        private Sequence sequence() {
            return new Sequence(schema, name, (long) line, Location.at("V1__init.sql", line, 1));
        }

        private EnumType enumType() {
            return new EnumType(schema, name, List.of("x" + line), Location.at("V1__init.sql", line, 1));
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 8).edgeCases(e -> e.includeOnly(0, 3)),
                        Arbitraries.of(null, "s", "S", "public", "dbo"), Arbitraries.of(MANY_NAMES),
                        Arbitraries.integers().between(1, 99))
                .as(Step::new).list().ofMaxSize(400);
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
