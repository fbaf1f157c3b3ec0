package dev.migrationguard.flyway;

import dev.migrationguard.model.Migration.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlywayNameTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            V1__init.sql                                 | VERSIONED  | 1     | init                  | false
            db/migration/V2__Add_contest.sql             | VERSIONED  | 2     | Add_contest           | false
            db/migration/postgres/V1_2__Add_thing.sql    | VERSIONED  | 1.2   | Add_thing             | false
            V1.2__Add_thing.SQL                          | VERSIONED  | 1.2   | Add_thing             | false
            V1.0__x.sql                                  | VERSIONED  | 1     | x                     | false
            V1.0.0__x.sql                                | VERSIONED  | 1     | x                     | false
            V007__x.sql                                  | VERSIONED  | 7     | x                     | false
            V2.010__x.sql                                | VERSIONED  | 2.10  | x                     | false
            V20240105120000__Create_users.sql            | VERSIONED  | 20240105120000 | Create_users | false
            V1__Two__parts.sql                           | VERSIONED  | 1     | Two__parts            | false
            U3__Drop_things.sql                          | UNDO       | 3     | Drop_things           | false
            B5__Baseline.sql                             | BASELINE   | 5     | Baseline              | false
            R__Refresh_views.sql                         | REPEATABLE | -     | Refresh_views         | false
            src/main/java/db/migration/V3__Backfill_titles.java | VERSIONED | 3 | Backfill_titles      | true
            V1_2__Add_thing.java                         | VERSIONED  | 1.2   | Add_thing             | true
            R__Java_repeatable.java                      | REPEATABLE | -     | Java_repeatable       | true
            """)
    void readsMigrationNames(String path, Kind kind, String version, String description, boolean java) {
        FlywayName name = FlywayName.parse(path).orElseThrow();
        assertEquals(kind, name.kind());
        assertEquals(version, name.normalizedVersion());
        assertEquals(description, name.description());
        assertEquals(java, name.java());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"README.md", "V1_init.sql", "V__x.sql", "V1__x.txt", "v1__x.sql", "R1__x.sql",
            "Vx__y.sql", "V1..2__x.sql", "V1__x.sql.conf", "helper.sql", "V1.2__Add_thing.java", "V1__bad-name.java",
            "db/migration/", "", "U__x.sql", "B__x.sql", "afterMigrate.sql"})
    void ignoresOtherNames(String path) {
        assertTrue(FlywayName.parse(path).isEmpty(), path);
    }

    @Test
    void humanDescriptionHasSpaces() {
        assertEquals("Add contest divisions", FlywayName.parse("V8__Add_contest_divisions.sql").orElseThrow()
                .humanDescription());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"1_2, 1.2", "1.0, 1", "1.0.0, 1", "01, 1", "1.00.0, 1", "0, 0", "0.0, 0"})
    void equalVersions(String a, String b) {
        FlywayVersion va = FlywayVersion.parse(a);
        FlywayVersion vb = FlywayVersion.parse(b);
        assertEquals(va, vb);
        assertEquals(0, va.compareTo(vb));
        assertEquals(va.hashCode(), vb.hashCode());
    }

    @Test
    void versionsSortNumerically() {
        List<String> sorted = Stream.of("10", "2", "1.10", "1.9", "1.2.3", "1_2", "020", "1")
                .map(FlywayVersion::parse).sorted().map(FlywayVersion::written).toList();
        assertEquals(List.of("1", "1_2", "1.2.3", "1.9", "1.10", "2", "10", "020"), new ArrayList<>(sorted));
    }
}
