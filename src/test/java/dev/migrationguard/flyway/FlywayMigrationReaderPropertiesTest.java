package dev.migrationguard.flyway;

import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.testing.Locations;
import dev.migrationguard.testing.MemorySnapshot;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlywayMigrationReaderPropertiesTest {
    private final FlywayMigrationReader reader = new FlywayMigrationReader();

    @Property(tries = 200)
    void sqlMigrationsNeverThrow(@ForAll String content) {
        check("db/migration/V1__Any.sql", content);
    }

    @Property(tries = 200)
    void javaMigrationsNeverThrowAndProblemsLieInside(@ForAll String content) {
        check("src/main/java/db/migration/V2__Any.java", content);
        check("src/main/java/db/migration/V3__Any.java", "class V3__Any { void m() { x(\"UPDATE t SET a = 1\" + " + content);
    }

    @Property(tries = 100)
    void namesNeverThrow(@ForAll @StringLength(max = 40) String name) {
        FlywayName.parse(name);
        reader.accepts(name);
    }

    private void check(String path, String content) {
        ReadResult<Migration> result = reader.read(MemorySnapshot.of(path, content), path);
        assertEquals(1, result.items().size());
        for (ParseProblem p : result.problems()) {
            assertTrue(Locations.inside(p.location(), content), p.toString());
        }
    }
}
