package dev.migrationguard.engine;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.SchemaChange;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.SqlType;
import dev.migrationguard.model.schema.Table;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The laws of the engine's physical comparison over generated tables whose facts come from a few files: what an
 * unreliable file declares never makes a change, and every change names the table and column it is about.
 */
class PhysicalChangesPropertiesTest {
    private static final List<String> FILES = List.of("A.java", "B.java", "Base.java");
    private static final List<String> TYPES = List.of("integer", "bigint", "text", "varchar(10)", "varchar(20)");

    private static PhysicalChanges changes(Map<String, String> unreliable, List<String> debug) {
        return new PhysicalChanges(Dialect.POSTGRES, false, unreliable, debug::add);
    }

    @Property
    void tablesDifferFromThemselvesInNothing(@ForAll("sides") List<Table> tables) {
        assertEquals(List.of(), changes(Map.of(), new ArrayList<>()).between(tables, tables));
    }

    @Property
    void nothingAnUnreliableFileDeclaresMakesAChange(@ForAll("sides") List<Table> before,
                                                     @ForAll("sides") List<Table> after,
                                                     @ForAll("files") Set<String> unreliableFiles) {
        Map<String, String> unreliable = new HashMap<>();
        for (String f : unreliableFiles) unreliable.put(f, "could not be parsed on the after side");
        List<String> debug = new ArrayList<>();
        List<SchemaChange> found = changes(unreliable, debug).between(before, after);
        Set<String> fromUnreliable = new HashSet<>();
        for (Table t : before) collect(t, unreliableFiles, fromUnreliable);
        for (Table t : after) collect(t, unreliableFiles, fromUnreliable);
        for (SchemaChange c : found) {
            assertFalse(unreliableFiles.contains(c.location().path()), c.toString());
            String subject = c.column() == null ? c.table() : c.table() + "." + c.column();
            assertFalse(fromUnreliable.contains(subject), "a table of an unreliable file made " + c.message());
        }
        if (unreliableFiles.containsAll(FILES)) assertEquals(List.of(), found);
        for (String line : debug) assertTrue(line.contains("not compared"), line);
    }

    @Property
    void everyChangeNamesItsTableAndColumn(@ForAll("sides") List<Table> before, @ForAll("sides") List<Table> after) {
        for (SchemaChange c : changes(Map.of(), new ArrayList<>()).between(before, after)) {
            assertTrue(c.message().contains("\"" + c.table() + "\""), c.message());
            if (c.target() == SchemaChange.Target.COLUMN) {
                assertNotNull(c.column(), c.message());
                assertTrue(c.message().contains("\"" + c.column() + "\""), c.message());
            }
            if (c.kind() == SchemaChange.Kind.RENAMED && c.target().whole()) assertNotNull(c.previousTable());
        }
    }

    /** The subjects ({@code table}, {@code table.column}) an unreliable file declares. */
    private static void collect(Table t, Set<String> unreliable, Set<String> out) {
        if (unreliable.contains(t.location().path())) {
            out.add(t.name());
            for (Column c : t.columns()) out.add(t.name() + "." + c.name());
            return;
        }
        for (Column c : t.columns()) {
            if (unreliable.contains(c.location().path())) out.add(t.name() + "." + c.name());
        }
    }

    @Provide
    Arbitrary<Set<String>> files() {
        return Arbitraries.of(FILES).set().ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<Table>> sides() {
        return table().list().ofMaxSize(3).uniqueElements(Table::name);
    }

    private Arbitrary<Table> table() {
        Arbitrary<Column> column = Combinators.combine(Arbitraries.of("id", "name", "email", "rank"),
                Arbitraries.of(TYPES), Arbitraries.of(true, false), Arbitraries.of(FILES), Arbitraries.integers()
                        .between(1, 40)).as((n, type, nullable, file, line) ->
                Column.of(n, SqlType.parse(Dialect.POSTGRES, type), nullable, Location.at(file, line, 5)));
        return Combinators.combine(Arbitraries.of("owner", "pet", "visit", "vet"), Arbitraries.of("A.java", "B.java"),
                column.list().ofMaxSize(4).uniqueElements(Column::name)).as((name, file, columns) -> {
                    Table t = Table.table(null, name, Location.at(file, 1, 1));
                    for (Column c : columns) t = t.withColumn(Dialect.POSTGRES, c);
                    return t;
                });
    }
}
