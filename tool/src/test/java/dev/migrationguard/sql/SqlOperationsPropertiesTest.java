package dev.migrationguard.sql;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Dialect;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlOperationsPropertiesTest {

    @Property(tries = 300)
    void eachSpanStartsWhereItsTextStarts(@ForAll("sqlish") String sql) {
        for (SqlStatements.Span span : SqlStatements.split(sql)) {
            assertEquals(span.text().charAt(0), sql.charAt(span.offset()), span.toString());
        }
    }

    @Property(tries = 300)
    void neverThrowsAndEveryLocationLiesInTheText(@ForAll("sqlish") String sql, @ForAll Dialect dialect,
                                                   @ForAll("bases") Location base) {
        List<Operation> ops = SqlOperations.read(sql, dialect, base, Side.UP);
        int lines = sql.split("\r\n|\r|\n", -1).length;
        for (Operation op : ops) {
            Location at = op.origin().location();
            assertEquals(base.path(), at.path());
            assertTrue(at.line() >= base.line() && at.line() < base.line() + lines, at + " in " + lines + " lines");
            assertTrue(at.column() >= 1);
            assertEquals(Side.UP, op.origin().side());
        }
    }

    @Property(tries = 200)
    void neverThrowsOnAnyString(@ForAll String sql, @ForAll Dialect dialect) {
        SqlOperations.read(sql, dialect, Location.file("x.sql"), Side.DOWN);
    }

    @Property(tries = 200)
    void eachStatementYieldsAtLeastOneOperationAtItsFirstCharacter(@ForAll("sqlish") String sql) {
        List<SqlStatements.Span> spans = SqlStatements.split(sql);
        List<Operation> ops = SqlOperations.read(sql, Dialect.POSTGRES, Location.file("x.sql"), Side.UP);
        for (SqlStatements.Span span : spans) {
            Location expected = locationOf(sql, span.offset());
            // A folded SQLite rebuild keeps only its first statement's place: only the others may be missing.
            boolean present = ops.stream().anyMatch(op -> op.origin().location().equals(expected));
            boolean folded = ops.stream().anyMatch(op -> op instanceof Operation.RebuildTable);
            assertTrue(present || folded, span + " at " + expected + " in " + ops);
        }
        assertFalse(!spans.isEmpty() && ops.isEmpty());
    }

    private static Location locationOf(String sql, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            char c = sql.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= sql.length() || sql.charAt(i + 1) != '\n')) {
                line++;
                lineStart = i + 1;
            }
        }
        return Location.at("x.sql", line, offset - lineStart + 1);
    }

    @Provide
    Arbitrary<Location> bases() {
        return Arbitraries.integers().between(1, 500).flatMap(line -> Arbitraries.integers().between(1, 120)
                .map(column -> Location.at("src/m.ts", line, column)));
    }

    @Provide
    Arbitrary<String> sqlish() {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of("CREATE", "TABLE", "ALTER", "DROP", "INSERT INTO", "UPDATE", "DELETE FROM", "RENAME",
                        "TO", "INDEX", "CONCURRENTLY", "ON", "COMMENT ON COLUMN", "IF EXISTS", "IF NOT EXISTS",
                        "ADD COLUMN", "ADD CONSTRAINT", "FOREIGN KEY", "REFERENCES", "PRIMARY KEY", "UNIQUE",
                        "CHECK", "NOT VALID", "VALIDATE", "NOT NULL", "DEFAULT", "TYPE", "USING", "AS ENUM",
                        "ADD VALUE", "MODIFY", "CHANGE", "SET", "WHERE", "SELECT", "FROM", "VIEW", "SEQUENCE",
                        "temporary_x", "DO", "(", ")", ",", ";", "'", "\"", "`", "[", "]", "$$", "$t$", "${schema}",
                        "--", "/*", "*/", "\n", "\r\n", "\r", "DELIMITER //", "GO", "TRUNCATE", "::", ".", "=", "*"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6));
        return token.list().ofMaxSize(30).map(l -> String.join(" ", l));
    }
}
