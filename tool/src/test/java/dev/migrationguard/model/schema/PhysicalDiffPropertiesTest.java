package dev.migrationguard.model.schema;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.schema.PhysicalDiff.Change;
import dev.migrationguard.model.schema.PhysicalDiff.Kind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The laws of {@link PhysicalDiff} over generated schemas of a few tables with every kind of fact. */
class PhysicalDiffPropertiesTest {
    private static final List<String> TABLES = List.of("a", "b", "c", "d");
    private static final List<String> COLUMNS = List.of("x", "y", "z", "w");
    private static final List<String> TYPES = List.of("integer", "bigint", "text", "varchar(10)", "varchar(20)",
            "boolean", "timestamp");
    private static final List<String> EXPRESSIONS = List.of("x > 0", "length(y) < 10", "z <> 0");

    @Property(tries = 300)
    void aSchemaDiffersFromItselfInNothing(@ForAll("schemas") PhysicalSchema s) {
        assertEquals(List.of(), PhysicalDiff.diff(s, s).changes());
    }

    @Property(tries = 300)
    void swappingTheSidesSwapsAddedAndRemoved(@ForAll("schemas") PhysicalSchema a, @ForAll("schemas") PhysicalSchema b) {
        List<Kind> forward = PhysicalDiff.diff(a, b).changes().stream().map(c -> c.kind().inverse()).sorted().toList();
        List<Kind> backward = PhysicalDiff.diff(b, a).changes().stream().map(Change::kind).sorted().toList();
        assertEquals(forward, backward);
    }

    @Property(tries = 300)
    void swappingTheSidesOfAnEditSwapsAddedAndRemoved(@ForAll("schemas") PhysicalSchema a, @ForAll long seed) {
        PhysicalSchema b = edit(a, new Random(seed));
        List<Kind> forward = PhysicalDiff.diff(a, b).changes().stream().map(c -> c.kind().inverse()).sorted().toList();
        List<Kind> backward = PhysicalDiff.diff(b, a).changes().stream().map(Change::kind).sorted().toList();
        assertEquals(forward, backward);
    }

    @Property(tries = 300)
    void anUnknownFactNeverMakesAChange(@ForAll("schemas") PhysicalSchema s, @ForAll long seed) {
        PhysicalSchema blurred = blur(s, new Random(seed));
        assertEquals(List.of(), PhysicalDiff.diff(s, blurred).changes());
        assertEquals(List.of(), PhysicalDiff.diff(blurred, s).changes());
    }

    @Property(tries = 300)
    void messagesSpeakSqlAndNameTheirObject(@ForAll("schemas") PhysicalSchema a, @ForAll("schemas") PhysicalSchema b) {
        for (Change c : PhysicalDiff.diff(a, b).changes()) {
            assertFalse(c.message().contains("null"), c.message());
            assertFalse(c.message().contains("migrationguard"), c.message());
            assertFalse(c.message().contains("Optional"), c.message());
            assertTrue(c.message().contains("\"" + c.object() + "\""), c.message());
        }
    }

    @Provide
    Arbitrary<PhysicalSchema> schemas() {
        Arbitrary<Dialect> dialect = Arbitraries.of(Dialect.POSTGRES, Dialect.MYSQL);
        return dialect.flatMap(d -> Combinators.combine(
                table(d).list().ofMaxSize(4).uniqueElements(t -> Identifiers.key(d, t.name())),
                Arbitraries.of("s1", "s2").flatMap(n -> Arbitraries.of(1L, 50L).map(i -> new Sequence(null, n, i, at(9))))
                        .list().ofMaxSize(2).uniqueElements(Sequence::name),
                Arbitraries.of("e1", "e2").flatMap(n -> Arbitraries.of(List.of("a"), List.of("a", "b"))
                        .map(v -> new EnumType(null, n, v, at(10)))).list().ofMaxSize(2).uniqueElements(EnumType::name))
                .as((tables, sequences, enums) -> PhysicalSchema.of(d, tables, sequences, enums)));
    }

    private Arbitrary<Table> table(Dialect d) {
        Arbitrary<Column> column = Combinators.combine(Arbitraries.of(COLUMNS), Arbitraries.of(TYPES),
                        Arbitraries.of(true, false), Arbitraries.of(ColumnDefault.NONE, ColumnDefault.of("0"),
                                ColumnDefault.of("'a'")), Arbitraries.of(Generated.NONE, Generated.IDENTITY_BY_DEFAULT),
                        Arbitraries.of(true, false), Arbitraries.of(false, true))
                .as((name, type, nullable, dflt, gen, unique, enumerated) -> new Column(name, SqlType.parse(d, type),
                        nullable, dflt, gen, unique, enumerated ? List.of("p", "q") : null, at(3)));
        Arbitrary<List<String>> someColumns = Arbitraries.of(COLUMNS).list().ofMinSize(1).ofMaxSize(2).uniqueElements();
        Arbitrary<ForeignKey> fk = Combinators.combine(someColumns, Arbitraries.of(TABLES),
                        Arbitraries.of("NO ACTION", "CASCADE"), Arbitraries.of(null, "fk1"))
                .as((cols, target, onDelete, name) -> new ForeignKey(name, cols, null, target, List.of("x"), onDelete,
                        null, at(5)));
        Arbitrary<Index> index = Combinators.combine(someColumns, Arbitraries.of(true, false),
                        Arbitraries.of(null, "x>0"), Arbitraries.of(null, "gin"), Arbitraries.of(null, "i1", "i2"))
                .as((cols, unique, where, method, name) -> new Index(name, cols, unique, where, method, at(6)));
        Arbitrary<CheckConstraint> check = Combinators.combine(Arbitraries.of(null, "ck1", "ck2"),
                Arbitraries.of(EXPRESSIONS)).as((name, e) -> CheckConstraint.of(name, e, at(7)));
        Arbitrary<Table> plain = Combinators.combine(Arbitraries.of(TABLES),
                        column.list().ofMaxSize(4).uniqueElements(Column::name), Arbitraries.of(true, false),
                        fk.list().ofMaxSize(2), index.list().ofMaxSize(2),
                        someColumns.map(c -> new UniqueConstraint(null, c, at(8))).list().ofMaxSize(1),
                        check.list().ofMaxSize(2))
                .as((name, columns, pk, fks, indexes, uniques, checks) -> new Table(null, name, false, columns,
                        pk && !columns.isEmpty() ? new PrimaryKey(null, List.of(columns.get(0).name()), at(2)) : null,
                        fks, indexes, uniques, checks, null, true, at(1)));
        Arbitrary<Table> view = Combinators.combine(Arbitraries.of(TABLES), Arbitraries.of("select 1", "select 2"))
                .as((name, sql) -> Table.view(null, name, sql, at(1)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, plain), net.jqwik.api.Tuple.of(1, view));
    }

    /** The schema with one table renamed, or one column renamed, retyped or dropped, as a commit would. */
    private static PhysicalSchema edit(PhysicalSchema s, Random r) {
        List<Table> tables = new ArrayList<>(s.tables().values());
        if (tables.isEmpty()) return s;
        int at = r.nextInt(tables.size());
        Table t = tables.get(at);
        Dialect d = s.dialect();
        Table edited = switch (t.columns().isEmpty() ? 0 : r.nextInt(4)) {
            case 0 -> t.withName(null, "renamed");
            case 1 -> t.withoutColumn(d, t.columns().get(0).name()).withColumn(d, t.columns().get(0).withName("v"));
            case 2 -> t.withColumn(d, t.columns().get(0).withType(SqlType.parse(d, "varchar(99)")));
            default -> t.withoutColumn(d, t.columns().get(0).name());
        };
        tables.set(at, edited);
        return PhysicalSchema.of(d, tables, List.copyOf(s.sequences().values()), List.copyOf(s.enumTypes().values()));
    }

    /** The schema with facts replaced by unknowns, and facts left out where an incomplete table or schema allows. */
    private static PhysicalSchema blur(PhysicalSchema s, Random r) {
        List<Table> tables = new ArrayList<>();
        boolean incomplete = r.nextInt(4) == 0;
        for (Table t : s.tables().values()) {
            if (incomplete && r.nextBoolean()) continue;
            tables.add(switch (r.nextInt(3)) {
                case 0 -> t;
                case 1 -> unknownFacts(t, r);
                default -> lessFacts(t, r).incomplete(t.location());
            });
        }
        List<Sequence> sequences = s.sequences().values().stream()
                .filter(q -> !incomplete || r.nextBoolean())
                .map(q -> r.nextBoolean() ? q : new Sequence(q.schema(), q.name(), null, q.location())).toList();
        List<EnumType> enums = s.enumTypes().values().stream()
                .filter(e -> !incomplete || r.nextBoolean())
                .map(e -> r.nextBoolean() ? e : new EnumType(e.schema(), e.name(), null, e.location())).toList();
        PhysicalSchema out = PhysicalSchema.of(s.dialect(), tables, sequences, enums);
        return incomplete ? out.incomplete() : out;
    }

    private static Table unknownFacts(Table t, Random r) {
        List<Column> columns = t.columns().stream().map(c -> switch (r.nextInt(4)) {
            case 0 -> c;
            case 1 -> Column.unknown(c.name(), c.location());
            case 2 -> c.withType(null).withNullable(null);
            default -> c.withDefault(ColumnDefault.UNKNOWN).withGenerated(Generated.UNKNOWN).withUnique(null)
                    .withEnumValues(null);
        }).toList();
        List<ForeignKey> fks = t.foreignKeys().stream().map(f -> r.nextBoolean() ? f
                : new ForeignKey(f.name(), f.columns(), null, null, null, null, null, f.location())).toList();
        List<Index> indexes = t.indexes().stream().map(i -> r.nextBoolean() ? i
                : new Index(i.name(), i.columns(), i.unique(), i.predicate(), null, i.location())).toList();
        List<CheckConstraint> checks = t.checks().stream().map(c -> r.nextBoolean() ? c
                : new CheckConstraint(c.name(), null, c.location())).toList();
        String definition = r.nextBoolean() ? t.viewDefinition() : null;
        return new Table(t.schema(), t.name(), t.view(), columns, t.primaryKey(), fks, indexes, t.uniques(), checks,
                definition, true, t.location());
    }

    private static Table lessFacts(Table t, Random r) {
        return new Table(t.schema(), t.name(), t.view(),
                t.columns().stream().filter(c -> r.nextBoolean()).toList(),
                r.nextBoolean() ? t.primaryKey() : null,
                t.foreignKeys().stream().filter(c -> r.nextBoolean()).toList(),
                t.indexes().stream().filter(c -> r.nextBoolean()).toList(),
                t.uniques().stream().filter(c -> r.nextBoolean()).toList(),
                t.checks().stream().filter(c -> r.nextBoolean()).toList(),
                r.nextBoolean() ? t.viewDefinition() : null, true, t.location());
    }

    private static Location at(int line) {
        return Location.at("src/entity.ts", line, 1);
    }
}
