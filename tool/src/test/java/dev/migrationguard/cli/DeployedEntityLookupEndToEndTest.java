package dev.migrationguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.migrationguard.cli.CliEndToEndTest.MIGRATIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * On the pre-commit hook, {@code destructive-change} asks the deploy ref's entities whether the running release still
 * maps a dropped table or column, reading first only the entity files whose text names the table. Whatever the files
 * say it with, the answer (error, or silent as the second step of expand / contract) is the one a read of every entity
 * gives: a table named through a constant of another class, a column a subclass maps into its parent's table, a table
 * named by its class alone, and the drops nothing maps.
 */
class DeployedEntityLookupEndToEndTest {
    private static final String MODEL = "src/main/java/com/example/";

    @TempDir
    Path dir;

    /** A release whose entities name their tables in several ways, among unrelated entities. */
    private GitFixture deployed() {
        var g = GitFixture.init(dir)
                .write(MODEL + "Tables.java", """
                        package com.example;

                        public final class Tables {
                            public static final String LEGACY = "legacy_widgets";
                        }
                        """)
                .write(MODEL + "Widget.java", """
                        package com.example;

                        import jakarta.persistence.*;

                        @Entity
                        @Table(name = Tables.LEGACY)
                        public class Widget {
                            @Id
                            private Long id;
                            private String colour;
                        }
                        """)
                .write(MODEL + "Animal.java", """
                        package com.example;

                        import jakarta.persistence.*;

                        @Entity
                        @Table(name = "animals")
                        @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
                        public class Animal {
                            @Id
                            private Long id;
                            private String name;
                        }
                        """)
                .write(MODEL + "Dog.java", """
                        package com.example;

                        import jakarta.persistence.*;

                        @Entity
                        public class Dog extends Animal {
                            private Integer barkVolume;
                        }
                        """)
                .write(MODEL + "PriceTag.java", """
                        package com.example;

                        import jakarta.persistence.*;

                        @Entity
                        public class PriceTag {
                            @Id
                            private Long id;
                            private Integer cents;
                        }
                        """);
        for (int i = 0; i < 5; i++) {
            g.write(MODEL + "Other" + i + ".java", """
                    package com.example;

                    import jakarta.persistence.*;

                    @Entity
                    @Table(name = "other_%d")
                    public class Other%d {
                        @Id
                        private Long id;
                    }
                    """.formatted(i, i));
        }
        return g.write(MIGRATIONS + "V1__Create.sql", """
                CREATE TABLE legacy_widgets (id BIGINT PRIMARY KEY, colour VARCHAR(20), size INT);
                CREATE TABLE animals (id BIGINT PRIMARY KEY, dtype VARCHAR(31), name VARCHAR(50), bark_volume INT);
                CREATE TABLE price_tag (id BIGINT PRIMARY KEY, cents INT, old_cents INT);
                CREATE TABLE retired (id BIGINT PRIMARY KEY);
                """)
                .addAll().commit("the release");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ALTER TABLE legacy_widgets DROP COLUMN colour; | error",
            "ALTER TABLE legacy_widgets DROP COLUMN size;   | none",
            "ALTER TABLE animals DROP COLUMN bark_volume;   | error",
            "ALTER TABLE animals DROP COLUMN name;          | error",
            "ALTER TABLE price_tag DROP COLUMN cents;       | error",
            "ALTER TABLE price_tag DROP COLUMN old_cents;   | none",
            "DROP TABLE price_tag;                          | error",
            "DROP TABLE legacy_widgets;                     | error",
            "DROP TABLE retired;                            | none",
    })
    void theHookJudgesADropAsAReadOfEveryDeployedEntityWould(String sql, String expected) {
        var g = deployed();
        g.write(MIGRATIONS + "V2__Drop.sql", sql + "\n").addAll();
        Cli hook = Cli.run(g.root(), "check", "--staged", "--format", "json");
        List<String> found = new ArrayList<>();
        for (JsonNode f : hook.json().get("findings")) {
            if (f.get("rule").asText().equals("destructive-change")) found.add(f.get("severity").asText());
        }
        assertEquals(expected.equals("none") ? List.of() : List.of(expected), found, hook::toString);
    }
}
