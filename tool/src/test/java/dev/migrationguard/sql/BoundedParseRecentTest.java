package dev.migrationguard.sql;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.statement.Statement;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A statement read twice in a row (for its tables, then its operations) is parsed once per thread. */
class BoundedParseRecentTest {
    @Test
    void aStatementParsedAgainIsTheSameTreeAndAFailureFailsAgain() throws Exception {
        String sql = "CREATE TABLE recent_" + System.nanoTime() + " (id INT)";
        Statement first = BoundedParse.parse(sql, false);
        assertSame(first, BoundedParse.parse(sql, false));
        assertNotSame(first, BoundedParse.parse(sql, true), "square brackets read apart");
        String broken = "this is not sql " + System.nanoTime();
        JSQLParserException failed = assertThrows(JSQLParserException.class, () -> BoundedParse.parse(broken, false));
        assertSame(failed, assertThrows(JSQLParserException.class, () -> BoundedParse.parse(broken, false)));
    }

    @Test
    void anotherThreadParsesItsOwn() throws Exception {
        String sql = "CREATE TABLE other_" + System.nanoTime() + " (id INT)";
        Statement mine = BoundedParse.parse(sql, false);
        Statement[] theirs = new Statement[1];
        Thread t = new Thread(() -> {
            try {
                theirs[0] = BoundedParse.parse(sql, false);
            } catch (JSQLParserException e) {
                throw new AssertionError(e);
            }
        });
        t.start();
        t.join();
        assertNotSame(mine, theirs[0]);
        assertEquals(mine.toString(), theirs[0].toString());
    }
}
