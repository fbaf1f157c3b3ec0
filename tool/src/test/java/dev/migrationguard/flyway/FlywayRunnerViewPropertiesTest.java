package dev.migrationguard.flyway;

import dev.migrationguard.model.NotRun;
import dev.migrationguard.testing.MemorySnapshot;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

class FlywayRunnerViewPropertiesTest {
    private static final String FOLDER = "src/main/resources/db/migration/";

    /** Names near Flyway's: a prefix in either case, a version, a separator of one or two characters, a suffix. */
    @Provide
    Arbitrary<String> nearNames() {
        return Combinators.combine(
                Arbitraries.of("V", "v", "U", "R", "r", "B"),
                Arbitraries.of("", "3", "3.1", "3_1", "007", "3a", "20240101120000"),
                Arbitraries.of("__", "_", "-", ".", "", "___"),
                Arbitraries.of("add_x", "Add", "x__y", ""),
                Arbitraries.of(".sql", ".SQL", ".txt", ".ddl", ".sql.bak", ".md"))
                .as((p, v, s, d, x) -> p + v + s + d + x);
    }

    /** A rename the tool proposes is a name Flyway runs: following the fix never leaves the file skipped. */
    @Property(tries = 300)
    void theProposedNameIsOneFlywayRuns(@ForAll("nearNames") String name) {
        Optional<FlywayView.Misnamed> misnamed = FlywayView.misnamed(name, FlywayConfig.DEFAULTS);
        if (misnamed.isEmpty() || misnamed.get().rename().contains("<")) return;
        String rename = misnamed.get().rename();
        assertTrue(FlywayView.name(FOLDER + rename, FlywayConfig.DEFAULTS).isPresent(), name + " -> " + rename);
        assertTrue(FlywayView.misnamed(rename, FlywayConfig.DEFAULTS).isEmpty(), name + " -> " + rename);
    }

    /** A name Flyway runs is never reported as misnamed. */
    @Property(tries = 300)
    void aNameFlywayRunsIsNeverMisnamed(@ForAll("nearNames") String name) {
        if (FlywayView.name(FOLDER + name, FlywayConfig.DEFAULTS).isEmpty()) return;
        assertTrue(FlywayView.misnamed(name, FlywayConfig.DEFAULTS).isEmpty(), name);
    }

    @Property(tries = 100)
    void notRunNeverThrowsOnAnyPathOrSettings(@ForAll @StringLength(max = 40) String name,
                                              @ForAll @StringLength(max = 200) String settings) {
        var side = MemorySnapshot.of(
                "src/main/resources/application.yml", settings,
                "src/main/resources/application.properties", settings,
                "flyway.toml", settings,
                "pom.xml", "<project>" + settings + "</project>",
                FOLDER + "V1__init.sql", "CREATE TABLE a (id int);");
        var reader = new FlywayMigrationReader();
        Optional<NotRun> n = reader.notRun(side, FOLDER + name.replace('/', '_'));
        n.ifPresent(r -> assertTrue(!r.reason().isBlank() && !r.fix().isBlank()));
        reader.sets(side);
    }
}
