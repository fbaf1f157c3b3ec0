package dev.migrationguard.model.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypeRewritesTest {

    @ParameterizedTest(name = "postgres {0} -> {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "varchar(100)   | varchar(200)    | false",
            "varchar(100)   | varchar(100)    | false",
            "varchar(100)   | text            | false",
            "varchar(100)   | varchar         | false",
            "varchar(100)   | citext          | false",
            "text           | varchar         | false",
            "text           | varchar(255)    | true",
            "varchar        | varchar(10)     | true",
            "varchar(320)   | varchar(100)    | true",
            "numeric(10,2)  | numeric(12,2)   | false",
            "numeric(10,2)  | numeric         | false",
            "numeric(10,2)  | numeric(12,3)   | true",
            "numeric(10,2)  | numeric(8,2)    | true",
            "numeric        | numeric(10,2)   | true",
            "timestamp(3)   | timestamp       | false",
            "timestamp(3)   | timestamp(5)    | false",
            "timestamp      | timestamp(3)    | true",
            "timestamp      | timestamptz     | false",
            "cidr           | inet            | false",
            "integer        | bigint          | true",
            "int4           | int8            | true",
            "smallint       | integer         | true",
            "json           | jsonb           | true",
            "char(5)        | char(10)        | true",
            "varchar(10)    | integer         | true",
            "integer        | mood_enum       | false",
            "text[]         | varchar[]       | false",
    })
    void postgres(String from, String to, boolean rewrites) {
        assertEquals(rewrites, TypeRewrites.rewritesTable(Dialect.POSTGRES, SqlType.parse(Dialect.POSTGRES, from),
                SqlType.parse(Dialect.POSTGRES, to)));
    }

    @ParameterizedTest(name = "mysql {0} -> {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "varchar(40)    | varchar(60)     | false",
            "varchar(63)    | varchar(64)     | true",
            "varchar(100)   | varchar(300)    | false",
            "varchar(100)   | varchar(50)     | true",
            "varbinary(200) | varbinary(255)  | false",
            "varbinary(200) | varbinary(256)  | true",
            "int(11)        | int             | false",
            "int            | bigint          | true",
            "int            | int unsigned    | true",
            "text           | mediumtext      | true",
            "decimal(10,2)  | decimal(12,2)   | true",
    })
    void mysql(String from, String to, boolean copies) {
        assertEquals(copies, TypeRewrites.rewritesTable(Dialect.MYSQL, SqlType.parse(Dialect.MYSQL, from),
                SqlType.parse(Dialect.MYSQL, to)));
    }

    /** hawkbit's MySQL scripts: CHANGE COLUMN status status integer, on a column created as int, read with PostgreSQL's names. */
    @Test
    void typesNamedForAnotherDatabaseAreComparedAsThisOneNamesThem() {
        assertFalse(TypeRewrites.rewritesTable(Dialect.MYSQL, SqlType.parse(Dialect.MYSQL, "int"),
                SqlType.parse(Dialect.POSTGRES, "integer")));
        assertFalse(TypeRewrites.rewritesTable(Dialect.POSTGRES, SqlType.parse(Dialect.MYSQL, "varchar(20)"),
                SqlType.parse(Dialect.POSTGRES, "character varying(40)")));
        assertTrue(TypeRewrites.rewritesTable(Dialect.MYSQL, SqlType.parse(Dialect.MYSQL, "int"),
                SqlType.parse(Dialect.POSTGRES, "bigint")));
    }

    @Test
    void unknownTypesAndOtherDatabasesAreNeverARewrite() {
        assertFalse(TypeRewrites.rewritesTable(Dialect.POSTGRES, null, SqlType.of("bigint")));
        assertFalse(TypeRewrites.rewritesTable(Dialect.SQLITE, SqlType.of("integer"), SqlType.of("text")));
        assertFalse(TypeRewrites.rewritesTable(Dialect.MSSQL, SqlType.of("int"), SqlType.of("bigint")));
    }

    @Test
    void volatileDefaultsAreThoseComputedPerRow() {
        assertTrue(TypeRewrites.volatileDefault("gen_random_uuid()"));
        assertTrue(TypeRewrites.volatileDefault("uuid_generate_v4()"));
        assertTrue(TypeRewrites.volatileDefault("nextval('users_id_seq'::regclass)"));
        assertTrue(TypeRewrites.volatileDefault("(random() * 100)::int"));
        assertTrue(TypeRewrites.volatileDefault("CLOCK_TIMESTAMP()"));
        assertFalse(TypeRewrites.volatileDefault("now()"));
        assertFalse(TypeRewrites.volatileDefault("CURRENT_TIMESTAMP"));
        assertFalse(TypeRewrites.volatileDefault("'random()'"));
        assertFalse(TypeRewrites.volatileDefault(null));
    }
}
