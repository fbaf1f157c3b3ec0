package dev.migrationguard.model.schema;

import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The records whose equals and hashCode are written out (to spare a fresh JVM linking them) mean what a record's would:
 * each is held to a record of the same components, value for value, and a component added later fails here until
 * equals and hashCode take it.
 */
class WrittenOutEqualsTest {
    private record SqlTypeAsRecord(String name, Integer length, Integer precision, Integer scale, boolean array) {
    }

    private record GeneratedAsRecord(Generated.Kind kind, String expression) {
    }

    @Test
    void sqlTypeEqualsAndHashesAsItsRecordWould() {
        assertSameComponents(SqlType.class, SqlTypeAsRecord.class);
        List<SqlType> types = new ArrayList<>();
        for (String name : List.of("varchar", "integer")) {
            for (Integer length : Arrays.asList(null, 20, 255)) {
                for (Integer precision : Arrays.asList(null, 10)) {
                    for (Integer scale : Arrays.asList(null, 0, 2)) {
                        for (boolean array : List.of(false, true)) {
                            types.add(new SqlType(name, length, precision, scale, array));
                        }
                    }
                }
            }
        }
        for (SqlType a : types) {
            SqlTypeAsRecord ra = new SqlTypeAsRecord(a.name(), a.length(), a.precision(), a.scale(), a.array());
            assertEquals(ra.hashCode(), a.hashCode(), a::display);
            for (SqlType b : types) {
                // a copy, not the same object: equals must compare the values
                SqlType copy = new SqlType(b.name(), b.length(), b.precision(), b.scale(), b.array());
                SqlTypeAsRecord rb = new SqlTypeAsRecord(b.name(), b.length(), b.precision(), b.scale(), b.array());
                assertEquals(ra.equals(rb), a.equals(copy), a.display() + " vs " + b.display());
            }
            assertEquals(false, a.equals(null));
            assertEquals(false, a.equals(a.display()));
        }
    }

    @Test
    void generatedEqualsAndHashesAsItsRecordWould() {
        assertSameComponents(Generated.class, GeneratedAsRecord.class);
        List<Generated> all = new ArrayList<>();
        for (Generated.Kind kind : Generated.Kind.values()) {
            for (String expression : Arrays.asList(null, "a + b", "a * b")) all.add(new Generated(kind, expression));
        }
        for (Generated a : all) {
            GeneratedAsRecord ra = new GeneratedAsRecord(a.kind(), a.expression());
            assertEquals(ra.hashCode(), a.hashCode(), a::toString);
            for (Generated b : all) {
                Generated copy = new Generated(b.kind(), b.expression() == null ? null : new String(b.expression()));
                assertEquals(ra.equals(new GeneratedAsRecord(b.kind(), b.expression())), a.equals(copy),
                        a + " vs " + b);
            }
            assertEquals(false, a.equals(null));
        }
    }

    private static void assertSameComponents(Class<?> written, Class<?> record) {
        assertEquals(describe(record.getRecordComponents()), describe(written.getRecordComponents()),
                written.getSimpleName() + " has other components than its equals and hashCode compare");
    }

    private static List<String> describe(RecordComponent[] components) {
        return Arrays.stream(components).map(c -> c.getName() + ":" + c.getType().getName()).toList();
    }
}
