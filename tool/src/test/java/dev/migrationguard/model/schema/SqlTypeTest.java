package dev.migrationguard.model.schema;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SqlTypeTest {

    @ParameterizedTest(name = "{0}: {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRES | character varying           | varchar
            POSTGRES | VARCHAR(320)                | varchar(320)
            POSTGRES | character varying(320)      | varchar(320)
            POSTGRES | "varchar"(50)               | varchar(50)
            POSTGRES | int                         | integer
            POSTGRES | int4                        | integer
            POSTGRES | INTEGER                     | integer
            POSTGRES | serial                      | integer
            POSTGRES | int8                        | bigint
            POSTGRES | bigserial                   | bigint
            POSTGRES | int2                        | smallint
            POSTGRES | bool                        | boolean
            POSTGRES | timestamp without time zone | timestamp
            POSTGRES | timestamp(6)                | timestamp
            POSTGRES | timestamp(3)                | timestamp(3)
            POSTGRES | timestamp with time zone    | timestamptz
            POSTGRES | timestamp(6) with time zone | timestamptz
            POSTGRES | timestamptz                 | timestamptz
            POSTGRES | decimal(10, 2)              | numeric(10,2)
            POSTGRES | numeric                     | numeric
            POSTGRES | float8                      | double precision
            POSTGRES | double precision            | double precision
            POSTGRES | float(24)                   | real
            POSTGRES | float                       | double precision
            POSTGRES | character(3)                | char(3)
            POSTGRES | char                        | char(1)
            POSTGRES | text[]                      | text[]
            POSTGRES | jsonb                       | jsonb
            POSTGRES | uuid                        | uuid
            POSTGRES | user_role_enum              | user_role_enum
            MYSQL    | integer                     | int
            MYSQL    | int(11)                     | int
            MYSQL    | INT UNSIGNED                | int unsigned
            MYSQL    | boolean                     | tinyint(1)
            MYSQL    | tinyint(1)                  | tinyint(1)
            MYSQL    | numeric(10,2)               | decimal(10,2)
            MYSQL    | double precision            | double
            MYSQL    | character varying(255)      | varchar(255)
            MYSQL    | datetime(6)                 | datetime(6)
            MARIADB  | bool                        | tinyint(1)
            MARIADB  | json                        | longtext
            MYSQL    | json                        | json
            MSSQL    | nvarchar(max)               | nvarchar(2147483647)
            ORACLE   | VARCHAR2(20 CHAR)           | varchar2(20)
            ORACLE   | NUMBER(19,0)                | number(19,0)
            SQLITE   | varchar(255)                | varchar(255)
            SQLITE   | integer                     | integer
            POSTGRES | numeric(10)                 | numeric(10,0)
            POSTGRES | bit                         | bit(1)
            MYSQL    | decimal                     | decimal(10,0)
            MYSQL    | decimal(12)                 | decimal(12,0)
            MYSQL    | float                       | float
            MYSQL    | float(24)                   | float
            MYSQL    | float(53)                   | double
            MYSQL    | float(10,2)                 | float(10,2)
            MYSQL    | datetime(0)                 | datetime
            MYSQL    | bit                         | bit(1)
            MSSQL    | float(53)                   | float
            MSSQL    | float(24)                   | real
            MSSQL    | double precision            | float
            MSSQL    | datetime2(7)                | datetime2
            MSSQL    | datetime2(6)                | datetime2(6)
            MSSQL    | datetimeoffset(7)           | datetimeoffset
            MSSQL    | numeric                     | numeric(18,0)
            MSSQL    | bit                         | bit
            H2       | float(53)                   | double precision
            H2       | float                       | double precision
            H2       | float(12)                   | real
            H2       | timestamp(6) with time zone | timestamp with time zone
            H2       | timestamp(3) with time zone | timestamp(3) with time zone
            H2       | time(0)                     | time
            ORACLE   | integer                     | number(38,0)
            ORACLE   | number(10)                  | number(10,0)
            ORACLE   | float(53)                   | float(53)
            ORACLE   | float                       | float(126)
            ORACLE   | double precision            | float(126)
            ORACLE   | real                        | float(63)
            ORACLE   | varchar(20)                 | varchar2(20)
            ORACLE   | timestamp(6)                | timestamp
            ORACLE   | timestamp(6) with local time zone | timestamp with local time zone
            """)
    void canonicalSpelling(Dialect dialect, String spelled, String canonical) {
        assertEquals(canonical, SqlType.parse(dialect, spelled).display());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRES | varchar              | character varying
            POSTGRES | integer              | int4
            POSTGRES | timestamp            | timestamp without time zone
            MYSQL    | int                  | integer(11)
            MYSQL    | decimal              | numeric(10,0)
            MSSQL    | float                | double precision
            ORACLE   | int                  | number(38)
            H2       | timestamp            | timestamp(6)
            """)
    void spellingsOfOneTypeAreEqual(Dialect dialect, String a, String b) {
        assertEquals(SqlType.parse(dialect, a), SqlType.parse(dialect, b));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRES | varchar(255) | varchar(320)
            POSTGRES | integer      | bigint
            POSTGRES | timestamp    | timestamptz
            MYSQL    | int          | int unsigned
            """)
    void differentTypesDiffer(Dialect dialect, String a, String b) {
        assertEquals(false, SqlType.parse(dialect, a).equals(SqlType.parse(dialect, b)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            now()
            varchar(255
            enum('a','b')
            ''
            1 + 2
            varchar(99999999999999999999)
            """)
    void notATypeIsNull(String text) {
        assertNull(SqlType.parse(Dialect.POSTGRES, text));
    }

    @Property
    void parsingNeverThrows(@ForAll String text, @ForAll Dialect dialect) {
        SqlType t = SqlType.parse(dialect, text);
        if (t != null) assertEquals(t, SqlType.parse(dialect, t.display()));
    }
}
