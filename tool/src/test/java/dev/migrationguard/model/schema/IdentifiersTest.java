package dev.migrationguard.model.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class IdentifiersTest {

    @ParameterizedTest(name = "{0}: {1} (quoted {2}) is stored as {3}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRES | UserAccount | false | useraccount
            POSTGRES | UserAccount | true  | UserAccount
            ORACLE   | user_account| false | USER_ACCOUNT
            H2       | userAccount | false | USERACCOUNT
            MYSQL    | UserAccount | false | UserAccount
            MSSQL    | UserAccount | false | UserAccount
            SQLITE   | UserAccount | false | UserAccount
            """)
    void storedNames(Dialect dialect, String name, boolean quoted, String stored) {
        assertEquals(stored, Identifiers.stored(dialect, name, quoted));
    }

    @ParameterizedTest
    @CsvSource({"MYSQL", "MARIADB", "MSSQL", "SQLITE"})
    void caseInsensitiveDatabasesIgnoreCase(Dialect dialect) {
        assertEquals(Identifiers.key(dialect, "UserAccount"), Identifiers.key(dialect, "useraccount"));
    }

    @ParameterizedTest
    @CsvSource({"POSTGRES", "ORACLE", "H2"})
    void foldingDatabasesCompareStoredNamesExactly(Dialect dialect) {
        assertNotEquals(Identifiers.key(dialect, "UserAccount"), Identifiers.key(dialect, "useraccount"));
    }

    @Test
    void theDefaultSchemaIsNoSchema() {
        assertEquals(Identifiers.qualifiedKey(Dialect.POSTGRES, null, "owner"),
                Identifiers.qualifiedKey(Dialect.POSTGRES, "public", "owner"));
        assertEquals(Identifiers.qualifiedKey(Dialect.MSSQL, "DBO", "Owner"),
                Identifiers.qualifiedKey(Dialect.MSSQL, null, "owner"));
        assertNotEquals(Identifiers.qualifiedKey(Dialect.POSTGRES, "audit", "owner"),
                Identifiers.qualifiedKey(Dialect.POSTGRES, null, "owner"));
        assertEquals("\"audit\".\"owner\"", Identifiers.display(Dialect.POSTGRES, "audit", "owner"));
        assertEquals("\"owner\"", Identifiers.display(Dialect.POSTGRES, "public", "owner"));
    }
}
