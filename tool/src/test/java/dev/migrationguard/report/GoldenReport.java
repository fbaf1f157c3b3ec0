package dev.migrationguard.report;

import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Severity;
import dev.migrationguard.rules.RuleCatalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One fixed report that every format's golden file shows: each severity, a finding on a line and one about a whole
 * file, an inline suppression, a baseline suppression, and text that each format must escape.
 */
final class GoldenReport {
    static final String ENTITY = "src/main/java/com/example/Contest.java";
    static final String V3 = "src/main/resources/db/migration/V3__Update_schema.sql";
    static final String PROPS = "src/main/resources/application-staging.properties";
    static final String ODD = "db/odd name,with:colon%.sql";

    static final Map<String, String> SOURCES = Map.of(
            ENTITY, """
                    package com.example;

                    @Entity
                    public class Contest {
                    \t@Id private Long id;
                        private Integer divisions;
                    }
                    """,
            V3, "-- migration-guard-ignore missing-down-migration\nALTER TABLE contest ADD COLUMN note TEXT;\n",
            PROPS, "spring.jpa.hibernate.ddl-auto=update\n",
            ODD, "SELECT '<&>' AS \"x\";\n");

    static final Function<String, Optional<String>> SOURCE_OF = path -> Optional.ofNullable(SOURCES.get(path));

    static Report report() {
        List<Finding> findings = List.of(
                Finding.of("entity-change-without-migration", Severity.ERROR, Location.at(ENTITY, 6, 5),
                        "Column Contest.divisions was added, but this change adds no migration that alters table \"contest\".",
                        "Add src/main/resources/db/migration/V4__Add_contest_divisions.sql"),
                Finding.of("synchronize-in-production", Severity.ERROR, Location.at(PROPS, 1, 1),
                        "spring.jpa.hibernate.ddl-auto = update lets the ORM change the schema by itself for profile 'staging'.",
                        "Use validate (or none) here and let migrations change the schema."),
                new Finding("missing-down-migration", Severity.ERROR, Location.file(V3),
                        "Versioned migration " + V3 + " has no undo script U3__Update_schema.sql.",
                        "Add the undo script beside it.", new Finding.Suppression("baseline", "in .migration-guard-baseline.json")),
                Finding.of("vague-migration-name", Severity.WARNING, Location.file(V3),
                        "Migration name \"Update_schema\" says nothing about what the migration does.",
                        "Name it after the change, such as Add_contest_note."),
                Finding.of("invalid-suppression", Severity.WARNING, Location.at(V3, 1, 4),
                        "Suppression of missing-down-migration gives no reason.",
                        "Write: migration-guard-ignore missing-down-migration: <why this is safe>."),
                new Finding("parse-error", Severity.ERROR, Location.at(ODD, 1, 8),
                        "Could not parse: 100% sure it's <&> \"odd\",\r\nsecond line", null,
                        new Finding.Suppression("inline", "vendor syntax, checked by hand")),
                Finding.of("vague-migration-name", Severity.INFO, Location.file(ODD),
                        "Migration name \"odd name,with:colon%\" says little, 50% of it: punctuation.", null));
        return new Report("range", findings, 4, Fingerprints.of(findings, SOURCE_OF));
    }

    private GoldenReport() {
    }

    /** Every rule of the catalog as SARIF describes it, with {@code page} giving each rule's page. */
    static List<RuleHelp> catalog(Function<String, String> page) {
        return RuleCatalog.all().stream()
                .map(m -> new RuleHelp(m.id(), m.severity(), m.summary(), page.apply(m.id()))).toList();
    }
}
