package dev.migrationguard.sql;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertNotNull;

class SqlTouchReaderPropertiesTest {

    @Property(tries = 300)
    void neverThrowsOnAnyString(@ForAll String sql) {
        assertNotNull(SqlTouchReader.touches(sql));
    }

    @Property(tries = 300)
    void neverThrowsOnSqlLikeFragments(@ForAll("sqlish") String sql) {
        assertNotNull(SqlTouchReader.touches(sql));
    }

    @Provide
    Arbitrary<String> sqlish() {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of("CREATE", "TABLE", "ALTER", "DROP", "INSERT INTO", "UPDATE", "DELETE FROM", "RENAME",
                        "TO", "INDEX", "ON", "COMMENT ON COLUMN", "IF EXISTS", "ADD COLUMN", "(", ")", ",", ";", "'",
                        "\"", "`", "[", "]", "$$", "$t$", "--", "/*", "*/", "\n", "DELIMITER //", "GO", "TRUNCATE"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6));
        return token.list().ofMaxSize(25).map(l -> String.join(" ", l));
    }
}
