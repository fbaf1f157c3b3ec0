package dev.migrationguard.model.schema;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class TypeChangesTest {

    @ParameterizedTest(name = "{0}: {1} -> {2} narrows: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRES | varchar(320)     | varchar(100)     | true
            POSTGRES | varchar(100)     | varchar(320)     | false
            POSTGRES | varchar(100)     | varchar(100)     | false
            POSTGRES | text             | varchar(100)     | true
            POSTGRES | varchar          | varchar(100)     | true
            POSTGRES | varchar          | text             | false
            POSTGRES | varchar(100)     | text             | false
            POSTGRES | varchar(70000)   | text             | false
            POSTGRES | char(10)         | varchar(5)       | true
            POSTGRES | char(10)         | varchar(10)      | false
            POSTGRES | bigint           | integer          | true
            POSTGRES | integer          | bigint           | false
            POSTGRES | int8             | int4             | true
            POSTGRES | integer          | smallint         | true
            POSTGRES | serial           | integer          | false
            POSTGRES | numeric(10,2)    | numeric(8,2)     | true
            POSTGRES | numeric(10,2)    | numeric(12,2)    | false
            POSTGRES | numeric(10,2)    | numeric(10,1)    | true
            POSTGRES | numeric(10,2)    | numeric(11,3)    | false
            POSTGRES | numeric          | numeric(10,2)    | true
            POSTGRES | numeric(10,2)    | numeric          | false
            POSTGRES | numeric(10,2)    | integer          | true
            POSTGRES | numeric(9,0)     | integer          | false
            POSTGRES | numeric(10,0)    | integer          | true
            POSTGRES | integer          | numeric(10,0)    | false
            POSTGRES | integer          | numeric(12,4)    | true
            POSTGRES | bigint           | numeric(19,0)    | false
            POSTGRES | double precision | real             | true
            POSTGRES | real             | double precision | false
            POSTGRES | real             | integer          | true
            POSTGRES | timestamptz      | date             | true
            POSTGRES | timestamp        | time             | true
            POSTGRES | date             | timestamp        | false
            POSTGRES | timestamp(6)     | timestamptz      | false
            POSTGRES | timestamp(3)     | timestamp(0)     | true
            POSTGRES | text[]           | varchar(10)[]    | true
            POSTGRES | text[]           | varchar(10)      | false
            POSTGRES | integer          | text             | false
            POSTGRES | text             | integer          | false
            POSTGRES | uuid             | varchar(36)      | false
            POSTGRES | boolean          | smallint         | false
            MYSQL    | varchar(255)     | varchar(100)     | true
            MYSQL    | text             | varchar(1000)    | true
            MYSQL    | longtext         | text             | true
            MYSQL    | mediumtext       | tinytext         | true
            MYSQL    | text             | mediumtext       | false
            MYSQL    | varchar(255)     | text             | false
            MYSQL    | longtext         | varchar(16000)   | true
            MYSQL    | bigint           | int              | true
            MYSQL    | int              | int unsigned     | true
            MYSQL    | int unsigned     | bigint           | false
            MYSQL    | int unsigned     | int              | true
            MYSQL    | tinyint(1)       | tinyint          | false
            MYSQL    | int(11)          | int              | false
            MYSQL    | decimal(10,2)    | decimal(8,2)     | true
            MYSQL    | double           | float            | true
            MYSQL    | float            | double           | false
            MYSQL    | datetime(6)      | datetime(3)      | true
            MYSQL    | datetime         | date             | true
            MYSQL    | blob             | tinyblob         | true
            MYSQL    | varbinary(16)    | binary(8)        | true
            MYSQL    | varbinary(16)    | blob             | false
            MSSQL    | nvarchar(max)    | nvarchar(4000)   | true
            MSSQL    | nvarchar(100)    | nvarchar(max)    | false
            MSSQL    | float            | real             | true
            MSSQL    | datetime2        | date             | true
            ORACLE   | clob             | varchar2(4000)   | true
            ORACLE   | number(10,0)     | number(5,0)      | true
            ORACLE   | integer          | number(10,0)     | true
            ORACLE   | varchar2(100)    | varchar2(200)    | false
            """)
    void judgesTheChange(Dialect dialect, String from, String to, boolean narrowing) {
        assertEquals(narrowing, TypeChanges.isNarrowing(SqlType.parse(dialect, from), SqlType.parse(dialect, to)));
    }

    @org.junit.jupiter.api.Test
    void anUnknownTypeIsNoNarrowing() {
        assertFalse(TypeChanges.isNarrowing(null, SqlType.parse(Dialect.POSTGRES, "varchar(10)")));
        assertFalse(TypeChanges.isNarrowing(SqlType.parse(Dialect.POSTGRES, "text"), null));
    }
}
