package dev.migrationguard.flyway;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.RunnerFacts;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What Flyway does with a migration besides running it, read from its script config file and the settings. */
class FlywayRunnerFactsTest {
    private static final String RES = "src/main/resources/";
    private static final String POM = "<project><artifactId>flyway-core</artifactId></project>";
    private final FlywayMigrationReader reader = new FlywayMigrationReader();

    private Migration read(MemorySnapshot side, String path) {
        List<Migration> items = reader.read(side, path).items();
        assertEquals(1, items.size());
        return items.get(0);
    }

    @Test
    void scriptConfigFileSaysWhetherTheScriptRunsInATransaction() {
        String script = RES + "db/migration/V2__index_users.sql";
        var side = MemorySnapshot.of("pom.xml", POM,
                RES + "application.properties", "spring.flyway.out-of-order=true\n",
                script, "CREATE INDEX CONCURRENTLY idx_users_email ON users (email);\n",
                script + ".conf", "# no transaction: the index is built concurrently\nexecuteInTransaction=false\n");
        RunnerFacts facts = read(side, script).runner();
        assertEquals(Boolean.FALSE, facts.transaction());
        assertEquals(Location.at(script + ".conf", 2, 1), facts.transactionLocation());
        assertEquals(Boolean.TRUE, facts.outOfOrder());
        assertNull(facts.mixed());
    }

    @Test
    void theScriptMaySayItInItsLeadingComments() {
        String script = RES + "db/migration/V2__index_users.sql";
        var side = MemorySnapshot.of("pom.xml", POM, script, "-- Builds the index online.\n\n"
                + "-- flyway:executeInTransaction=false\nALTER TABLE users ADD COLUMN org VARCHAR(255);\n"
                + "CREATE INDEX CONCURRENTLY idx_users_org ON users (org);\n");
        RunnerFacts facts = read(side, script).runner();
        assertEquals(Boolean.FALSE, facts.transaction());
        assertEquals(Location.at(script, 3, 1), facts.transactionLocation());
        var later = MemorySnapshot.of("pom.xml", POM, script, "ALTER TABLE users ADD COLUMN org VARCHAR(255);\n"
                + "-- flyway:executeInTransaction=false\n");
        assertNull(read(later, script).runner().transaction(), "only the leading comments configure the script");
    }

    @Test
    void unsaidSettingsStayNullAndTheVendorFolderNamesTheDatabase() {
        String script = RES + "db/migration/postgres/V2__index_users.sql";
        var side = MemorySnapshot.of("pom.xml", POM,
                RES + "application.yml", "spring:\n  flyway:\n    locations: classpath:db/migration/{vendor}\n",
                script, "CREATE INDEX idx_users_email ON users (email);\n");
        RunnerFacts facts = read(side, script).runner();
        assertNull(facts.transaction());
        assertNull(facts.outOfOrder());
        assertEquals(Dialect.POSTGRES, facts.dialect());
    }

    @Test
    void mixedAndOutOfOrderOfFlywayConfAndOfASpringProfile() {
        String script = "sql/V1__init.sql";
        var conf = MemorySnapshot.of("flyway.conf", "flyway.locations=filesystem:sql\nflyway.mixed=true\n"
                + "flyway.outOfOrder=false\n", script, "CREATE TABLE a (id int);\n");
        RunnerFacts facts = read(conf, script).runner();
        assertEquals(Boolean.TRUE, facts.mixed());
        assertEquals(Boolean.FALSE, facts.outOfOrder());

        String spring = RES + "db/migration/V1__init.sql";
        var profiles = MemorySnapshot.of("pom.xml", POM,
                RES + "application.yml", "spring:\n  flyway:\n    mixed: false\n---\nspring:\n  config:\n    activate:\n"
                        + "      on-profile: prod\n  flyway:\n    mixed: true\n",
                spring, "CREATE TABLE a (id int);\n");
        assertEquals(Boolean.TRUE, read(profiles, spring).runner().mixed(),
                "one profile that deploys with mixed=true is enough for the script to run so");
    }

    @Test
    void theUndoScriptOfTheSameVersionIsTheUndoSideWithoutChangingTheChecksum() {
        String v = RES + "db/migration/V3__add_email.sql";
        String u = RES + "db/migration/U3__add_email.sql";
        String body = "ALTER TABLE users ADD COLUMN email varchar(320);\n";
        var withUndo = MemorySnapshot.of("pom.xml", POM, v, body, u, "ALTER TABLE users DROP COLUMN email;\n");
        var without = MemorySnapshot.of("pom.xml", POM, v, body);
        Migration m = read(withUndo, v);
        assertEquals(List.of(Side.UP, Side.UNDO), m.operations().stream().map(o -> o.origin().side()).toList());
        assertInstanceOf(Operation.DropColumn.class, m.operations().get(1));
        Migration alone = read(without, v);
        assertEquals(alone.checksum(), m.checksum());
        assertEquals(alone.digest(), m.digest());
    }
}
