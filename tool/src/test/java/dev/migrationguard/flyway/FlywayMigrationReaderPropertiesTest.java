package dev.migrationguard.flyway;

import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.testing.Locations;
import dev.migrationguard.testing.MemorySnapshot;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

    /** The view and the advisor skip names that fail {@link FlywayName#mayBe}: none of them may be a migration. */
    @Property(tries = 1000)
    void everyNameThatParsesPassesTheQuickTest(@ForAll("names") String name) {
        if (FlywayName.parse("db/migration/" + name).isPresent()) assertTrue(FlywayName.mayBe(name), name);
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> prefix = Arbitraries.of("V", "U", "B", "R", "v", "r", "X", "", "VV");
        Arbitrary<String> version = Arbitraries.strings().withChars("0123456789._-a").ofMaxLength(6);
        Arbitrary<String> separator = Arbitraries.of("__", "_", "___", "", "-");
        Arbitrary<String> description = Arbitraries.strings().withChars("ab_. 1").ofMaxLength(5);
        Arbitrary<String> suffix = Arbitraries.of(".sql", ".SQL", ".Sql", ".java", ".JAVA", ".sql.conf", ".txt", "",
                ".kt");
        return Combinators.combine(prefix, version, separator, description, suffix)
                .as((p, v, s, d, x) -> p + v + s + d + x);
    }

    private void check(String path, String content) {
        ReadResult<Migration> result = reader.read(MemorySnapshot.of(path, content), path);
        assertEquals(1, result.items().size());
        for (ParseProblem p : result.problems()) {
            assertTrue(Locations.inside(p.location(), content), p.toString());
        }
    }
}
