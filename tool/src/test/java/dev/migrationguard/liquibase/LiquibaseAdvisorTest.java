package dev.migrationguard.liquibase;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.SchemaChange;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LiquibaseAdvisorTest {
    private static final String MASTER = "src/main/resources/db/changelog/db.changelog-master.yaml";

    private static Optional<String> advise(String masterContent) {
        return new LiquibaseAdvisor(List.of()).advise(change(), "AddContestDivisions",
                MemorySnapshot.of(MASTER, masterContent));
    }

    private static SchemaChange change() {
        Location at = Location.at("src/main/java/com/example/Contest.java", 12, 5);
        return new SchemaChange(SchemaChange.Kind.ADDED, SchemaChange.Target.COLUMN, null, "contest", null, "divisions",
                "column \"contest\".\"divisions\" added: integer NULL", at);
    }

    @Test
    void appendsToAMasterThatHoldsItsChangeSets() {
        assertEquals(Optional.of("Append a changeSet that alters table \"contest\" to " + MASTER + "."),
                advise("databaseChangeLog:\n  - changeSet:\n      id: a\n      author: b\n      changes: []\n"));
    }

    @Test
    void addsAFileBesideTheIncludedOnesOrInTheIncludedFolder() {
        assertEquals(Optional.of("Add src/main/resources/db/changelog/changes/add-contest-divisions.xml with a changeSet"
                        + " that alters table \"contest\", and include it from db.changelog-master.yaml."),
                advise("databaseChangeLog:\n  - include:\n      file: changes/001-init.xml\n      relativeToChangelogFile: true\n"));
        assertEquals(Optional.of("Add src/main/resources/db/changelog/changes/add-contest-divisions.yaml with a"
                        + " changeSet that alters table \"contest\"."),
                advise("databaseChangeLog:\n  - includeAll:\n      path: db/changelog/changes/\n"));
    }

    @Test
    void saysNothingWithoutAMaster() {
        assertEquals(Optional.empty(), new LiquibaseAdvisor(List.of()).advise(change(), "AddContestDivisions",
                MemorySnapshot.of("src/main/resources/application.yml", "x: 1\n")));
    }
}
