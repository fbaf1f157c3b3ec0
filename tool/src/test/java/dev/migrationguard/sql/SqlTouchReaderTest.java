package dev.migrationguard.sql;

import dev.migrationguard.model.Migration.Touch;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlTouchReaderTest {

    @Test
    void firstParseCostIsMeasured() {
        long start = System.nanoTime();
        List<Touch> first = SqlTouchReader.touches("ALTER TABLE contest ADD COLUMN divisions int;");
        long firstNanos = System.nanoTime() - start;
        start = System.nanoTime();
        for (int i = 0; i < 100; i++) SqlTouchReader.touches("ALTER TABLE contest ADD COLUMN d" + i + " int;");
        long nextNanos = (System.nanoTime() - start) / 100;
        System.out.printf("SqlTouchReader: first statement %.1f ms, then %.3f ms per statement%n",
                firstNanos / 1e6, nextNanos / 1e6);
        assertTrue(first.contains(new Touch("contest", "divisions", "add-column")));
    }

    @Test
    void splitRespectsQuotesCommentsAndDollarQuotes() {
        List<String> statements = SqlScript.split("""
                INSERT INTO a VALUES ('x;y', "q;r", `b;t`); -- c; d
                /* e; f */ CREATE FUNCTION g() AS $tag$ SELECT 1; $tag$;
                SELECT $1, $$;$$;
                """);
        assertEquals(3, statements.size(), statements.toString());
        assertTrue(statements.get(1).startsWith("CREATE FUNCTION"));
    }

    @Test
    void unterminatedInputStillReturns() {
        assertEquals(List.of(new Touch("a", null, "write")), SqlTouchReader.touches("INSERT INTO a VALUES ('x"));
        assertTrue(SqlTouchReader.touches("/* never closed").isEmpty());
        assertTrue(SqlTouchReader.touches("").isEmpty());
        assertTrue(SqlTouchReader.touches(null).isEmpty());
    }

    @Test
    void statementsThatTouchNoTableAreSkipped() {
        assertTrue(SqlTouchReader.touches("SET x = 1; GRANT ALL ON t TO u; SELECT * FROM t; VACUUM t;").isEmpty());
    }

    @Test
    void dataStatementsAreReadFromTheirFirstWordsNotParsed() {
        assertEquals(SqlTouchReader.StatementKind.DATA, SqlTouchReader.StatementKind.of("INSERT INTO a VALUES (1)"));
        assertEquals(SqlTouchReader.StatementKind.DATA, SqlTouchReader.StatementKind.of("replace into a values (1)"));
        assertEquals(SqlTouchReader.StatementKind.DATA, SqlTouchReader.StatementKind.of("UPDATE a SET b = 1"));
        assertEquals(SqlTouchReader.StatementKind.RELEVANT, SqlTouchReader.StatementKind.of("DELETE FROM a"));
        assertEquals(List.of(new Touch("app.customer", null, "write"), new Touch("audit", null, "write")),
                SqlTouchReader.touches("""
                        INSERT INTO "app"."customer" (id, name) VALUES (1, 'a; b') ON CONFLICT DO NOTHING;
                        INSERT IGNORE INTO app.customer VALUES (2, 'c');
                        UPDATE audit SET seen = true WHERE id = 1;
                        """));
    }

    /**
     * A seed script of one INSERT over 200,000 lines: the splitter asked its buffer "blank so far?" at each line start
     * by copying it, quadratic in the statement (minutes here); a linear one takes milliseconds.
     */
    @Test
    void splittingIsLinearInTheLengthOfAStatement() {
        StringBuilder sql = new StringBuilder("INSERT INTO item (id, label) VALUES\n");
        for (int i = 0; i < 200_000; i++) sql.append("  (").append(i).append(", 'label ").append(i).append("'),\n");
        sql.append("  (-1, 'last');\n");
        List<String> statements = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> SqlScript.split(sql.toString()));
        assertEquals(1, statements.size());
        assertEquals(List.of(new Touch("item", null, "write")), SqlTouchReader.touches(sql.toString()));
    }
}
