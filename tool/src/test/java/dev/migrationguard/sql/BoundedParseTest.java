package dev.migrationguard.sql;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JSqlParser run on the caller's thread reads what JSqlParser's own timed parse reads, and a parse that runs past its
 * limit is stopped.
 */
class BoundedParseTest {
    /** Simple parsing, complex parsing after simple failed, square brackets, and statements that fail either way. */
    private static final List<String> STATEMENTS = List.of(
            "CREATE TABLE account (id BIGINT PRIMARY KEY, name VARCHAR(120) NOT NULL)",
            "ALTER TABLE account ADD COLUMN email VARCHAR(255), DROP COLUMN name",
            "CREATE UNIQUE INDEX ux_account_email ON account (email)",
            "INSERT INTO account (id, name) SELECT id, CASE WHEN a IN (SELECT x FROM y WHERE (b = 1 OR (c = 2 AND d "
                    + "IN (1, 2)))) THEN 'a' ELSE 'b' END FROM legacy",
            "SELECT * FROM t WHERE (a = 1 AND (b = 2 AND (c = 3 AND (d = 4))))",
            "UPDATE account SET name = (SELECT max(n) FROM (SELECT name AS n FROM other) s) WHERE id = 1",
            "CREATE TABLE [dbo].[account] ([id] INT NOT NULL)",
            "DROP TABLE IF EXISTS account CASCADE",
            "this is not sql",
            "CREATE TABLE (");

    @Test
    void readsWhatJSqlParsersTimedParseReads() {
        for (String sql : STATEMENTS) {
            for (boolean brackets : new boolean[]{false, true}) {
                String expected;
                try {
                    expected = String.valueOf(CCJSqlParserUtil.parse(sql, p -> p.withSquareBracketQuotation(brackets)));
                } catch (JSQLParserException e) {
                    expected = "fails";
                }
                String actual;
                try {
                    actual = String.valueOf(BoundedParse.parse(sql, brackets));
                } catch (JSQLParserException e) {
                    actual = "fails";
                }
                assertEquals(expected, actual, sql + (brackets ? " with square brackets" : ""));
            }
        }
    }

    @Test
    @Timeout(60)
    void aParsePastItsLimitIsStoppedAndTheNextOneIsNot() throws JSQLParserException {
        // Fourteen nested parentheses take JSqlParser's complex parsing well over a minute.
        String pathological = "SELECT " + "(".repeat(14) + "1" + ")".repeat(14) + " FROM t";
        long start = System.nanoTime();
        JSQLParserException e = assertThrows(JSQLParserException.class,
                () -> BoundedParse.attempt(pathological, false, true, 300));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(e.getMessage().contains("Time out"), e.getMessage());
        assertTrue(millis < 10_000, "stopped after " + millis + " ms");
        Statement next = BoundedParse.parse("CREATE TABLE t (id INT)", false);
        assertEquals("CREATE TABLE t (id INT)", next.toString());
    }
}
