package dev.migrationguard.liquibase;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.RunnerFacts;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What Liquibase does with a changeSet besides running it, as the reader writes it into {@link RunnerFacts}. */
class LiquibaseRunnerFactsTest {
    private final LiquibaseMigrationReader reader = new LiquibaseMigrationReader();

    private List<Migration> read(String path, String content) {
        return reader.read(MemorySnapshot.of(path, content), path).items();
    }

    @Test
    void xmlChangeSetAttributesBecomeFacts() {
        String path = "db/changelog/idx.xml";
        List<Migration> ms = read(path, """
                <?xml version="1.0"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a" runInTransaction="false" context="prod and !test" labels="v2" dbms="postgresql">
                    <sql>CREATE INDEX CONCURRENTLY idx_a ON a (b)</sql>
                  </changeSet>
                  <changeSet id="2" author="a" dbms="postgresql, mysql">
                    <sql>SELECT 1</sql>
                  </changeSet>
                </databaseChangeLog>
                """);
        RunnerFacts first = ms.get(0).runner();
        assertEquals(Boolean.FALSE, first.transaction());
        assertEquals(Location.at(path, 3, 3), first.transactionLocation());
        assertEquals(List.of("prod and !test"), first.contexts());
        assertEquals(List.of("v2"), first.labels());
        assertEquals(Dialect.POSTGRES, first.dialect());
        RunnerFacts second = ms.get(1).runner();
        assertNull(second.transaction(), "unsaid: Liquibase's default (a transaction) holds");
        assertNull(second.dialect(), "two databases named: none is the changeSet's");
        assertEquals(List.of(), second.contexts());
    }

    @Test
    void yamlAndFormattedSqlSayItToo() {
        RunnerFacts yaml = read("db/changelog/idx.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      runInTransaction: false
                      contextFilter: dev
                      changes:
                        - sql:
                            sql: CREATE INDEX CONCURRENTLY idx_a ON a (b)
                """).get(0).runner();
        assertEquals(Boolean.FALSE, yaml.transaction());
        assertEquals(List.of("dev"), yaml.contexts());

        RunnerFacts sql = read("db/changelog/idx.sql", """
                --liquibase formatted sql
                --changeset a:1 runInTransaction:false context:prod labels:hot dbms:mysql
                CREATE INDEX idx_a ON a (b);
                """).get(0).runner();
        assertEquals(Boolean.FALSE, sql.transaction());
        assertEquals(List.of("prod"), sql.contexts());
        assertEquals(List.of("hot"), sql.labels());
        assertEquals(Dialect.MYSQL, sql.dialect());
    }

    @Test
    void aDbmsThatExcludesNamesNoDatabase() {
        assertNull(ChangeSetFacts.onlyDatabase("!h2"));
        assertNull(ChangeSetFacts.onlyDatabase("all"));
        assertEquals(Dialect.MARIADB, ChangeSetFacts.onlyDatabase(" mariadb "));
    }
}
