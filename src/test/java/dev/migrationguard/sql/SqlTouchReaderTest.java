package dev.migrationguard.sql;

import dev.migrationguard.model.Migration.Touch;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
