package dev.migrationguard.sql;

import dev.migrationguard.model.Migration.Touch;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader swallows every failure by design (a statement it cannot read yields nothing), so "it does not throw" proves
 * nothing: these properties hold what it returns to its contract instead. Every touch is one of the documented actions,
 * on a table and column the script itself writes: the reader never invents a name, whatever the input.
 */
class SqlTouchReaderPropertiesTest {
    private static final Set<String> ACTIONS = Set.of("create", "alter", "rename", "drop", "truncate", "index",
            "comment", "write", "add-column", "drop-column", "alter-column", "rename-column");

    @Property(tries = 300)
    void anyStringYieldsOnlyTouchesOfNamesItWrites(@ForAll String sql) {
        assertWellFormed(sql);
    }

    @Property(tries = 300)
    void sqlLikeFragmentsYieldOnlyTouchesOfNamesTheyWrite(@ForAll("sqlish") String sql) {
        assertWellFormed(sql);
    }

    /** The splitter runs outside the reader's safety net of the patterns: it must never throw on its own. */
    @Property(tries = 300)
    void splittingNeverThrows(@ForAll("sqlish") String sql) {
        assertNotNull(SqlScript.split(sql));
    }

    private static void assertWellFormed(String sql) {
        String written = bare(sql);
        for (Touch t : SqlTouchReader.touches(sql)) {
            assertTrue(ACTIONS.contains(t.action()), "undocumented action " + t + " in: " + sql);
            for (String part : t.table().split("\\.", -1)) {
                assertTrue(written.contains(bare(part)), "table " + t.table() + " is not in: " + sql);
            }
            if (t.column() != null) {
                assertTrue(written.contains(bare(t.column())), "column " + t.column() + " is not in: " + sql);
            }
        }
    }

    /** A name as compared: lower case, without the quotes, backticks, brackets and blanks that may surround it. */
    private static String bare(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\"`\\[\\]\\s]", "");
    }

    @Provide
    Arbitrary<String> sqlish() {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of("CREATE", "TABLE", "ALTER", "DROP", "INSERT INTO", "UPDATE", "DELETE FROM", "RENAME",
                        "TO", "INDEX", "ON", "COMMENT ON COLUMN", "IF EXISTS", "ADD COLUMN", "(", ")", ",", ";", "'",
                        "\"", "`", "[", "]", "$$", "$t$", "--", "/*", "*/", "\n", "DELIMITER //", "GO", "TRUNCATE",
                        ".", "SET", "VALUES", "COLUMN"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6));
        return token.list().ofMaxSize(25).map(l -> String.join(" ", l));
    }
}
