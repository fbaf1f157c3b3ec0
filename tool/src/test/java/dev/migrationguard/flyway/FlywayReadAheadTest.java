package dev.migrationguard.flyway;

import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lint reads SQL migrations on a second thread while the first reads the entities, and again in their turn: both
 * threads must get the very same result, and that result must be what one thread alone reads.
 */
class FlywayReadAheadTest {
    private static final String FOLDER = "src/main/resources/db/migration/";

    @Test
    void onlySqlMigrationsAreReadAhead() {
        var reader = new FlywayMigrationReader();
        assertTrue(reader.readsAhead(FOLDER + "V1__init.sql"));
        assertTrue(reader.readsAhead(FOLDER + "R__views.sql"));
        assertFalse(reader.readsAhead("src/main/java/db/migration/V2__Backfill.java"));
        assertFalse(reader.readsAhead(FOLDER + "README.md"));
    }

    @Test
    void twoThreadsReadingAtOnceGetOneResultEachAndWhatOneThreadReads() throws Exception {
        MemorySnapshot side = repository(400);
        List<String> paths = side.paths().stream().filter(p -> p.endsWith(".sql")).toList();
        for (int round = 0; round < 5; round++) {
            var shared = new FlywayMigrationReader();
            var barrier = new CyclicBarrier(2);
            var second = new ArrayList<ReadResult<Migration>>();
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    barrier.await();
                    for (String p : paths) second.add(shared.read(side, p));
                } catch (Throwable e) {
                    failed.set(e);
                }
            });
            t.start();
            barrier.await();
            List<ReadResult<Migration>> first = new ArrayList<>();
            for (String p : paths) first.add(shared.read(side, p));
            t.join();
            assertNull(failed.get());
            var alone = new FlywayMigrationReader();
            for (int i = 0; i < paths.size(); i++) {
                assertSame(first.get(i), second.get(i), paths.get(i));
                assertEquals(alone.read(side, paths.get(i)), first.get(i), paths.get(i));
            }
        }
    }

    /** Tables created, altered, indexed and dropped, placeholders, undo scripts, a script config, broken SQL. */
    private static MemorySnapshot repository(int migrations) {
        var side = MemorySnapshot.of("src/main/resources/application.properties",
                "spring.flyway.placeholders.schema=app\n");
        for (int i = 1; i <= migrations; i++) {
            String sql = switch (i % 6) {
                case 0 -> "CREATE TABLE t_" + i + " (id BIGINT PRIMARY KEY, name VARCHAR(" + i + ") NOT NULL);";
                case 1 -> "ALTER TABLE t_" + (i - 1) + " ADD COLUMN c_" + i + " INT;\nCREATE INDEX i_" + i + " ON t_"
                        + (i - 1) + " (c_" + i + ");";
                case 2 -> "CREATE TABLE ${schema}.p_" + i + " (id INT);\nINSERT INTO ${schema}.p_" + i + " VALUES (1);";
                case 3 -> "DROP TABLE IF EXISTS t_" + (i - 3) + ";";
                case 4 -> "CREATE TABLE (;\nthis is not sql at all";
                default -> "-- flyway:executeInTransaction=false\nCREATE INDEX CONCURRENTLY j_" + i + " ON t_" + (i - 5)
                        + " (id);";
            };
            side.put(FOLDER + "V" + i + "__step_" + i + ".sql", sql);
            if (i % 7 == 0) side.put(FOLDER + "U" + i + "__step_" + i + ".sql", "DROP TABLE t_" + i + ";");
            if (i % 11 == 0) side.put(FOLDER + "V" + i + "__step_" + i + ".sql.conf", "executeInTransaction=false\n");
        }
        return side;
    }
}
