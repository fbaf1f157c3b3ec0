package dev.migrationguard.typeorm;

import dev.migrationguard.model.schema.ColumnDefault;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.typeorm.TypeOrmColumnTypes.DefaultValue;
import dev.migrationguard.typeorm.TypeOrmColumnTypes.DesignType;
import dev.migrationguard.typeorm.TypeOrmColumnTypes.Kind;
import dev.migrationguard.typeorm.TypeOrmColumnTypes.Options;
import dev.migrationguard.typeorm.TypeOrmColumnTypes.Resolved;
import dev.migrationguard.typeorm.TypeOrmColumnTypes.ValueKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every entry of {@link TypeOrmColumnTypes}' tables, as the column TypeORM's schema builder would create. Columns:
 * dialect | decorator | design type | options ({@code key=value;...}) | SQL type ({@code ?} unknown) | NULL or NOT NULL
 * | generation | default | enum values.
 */
class TypeOrmColumnTypesTest {

    static final String ROWS = """
            # design types: a property with no type option
            POSTGRES | COLUMN      | STRING  |                          | varchar                 | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | NUMBER  |                          | integer                 | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | BOOLEAN |                          | boolean                 | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | DATE    |                          | timestamp               | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | OBJECT  |                          | ?                       | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | BUFFER  |                          | ?                       | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | STRING  |                          | varchar(255)            | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | NUMBER  |                          | int                     | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | BOOLEAN |                          | tinyint                 | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | DATE    |                          | datetime                | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | BUFFER  |                          | blob                    | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | NONE    |                          | ?                       | NOT NULL | NONE | no default |
            SQLITE   | COLUMN      | STRING  |                          | varchar                 | NOT NULL | NONE | no default |
            SQLITE   | COLUMN      | NUMBER  |                          | integer                 | NOT NULL | NONE | no default |
            SQLITE   | COLUMN      | BOOLEAN |                          | boolean                 | NOT NULL | NONE | no default |
            SQLITE   | COLUMN      | DATE    |                          | datetime                | NOT NULL | NONE | no default |
            SQLITE   | COLUMN      | BUFFER  |                          | blob                    | NOT NULL | NONE | no default |
            MSSQL    | COLUMN      | STRING  |                          | nvarchar(255)           | NOT NULL | NONE | no default |
            MSSQL    | COLUMN      | NUMBER  |                          | integer                 | NOT NULL | NONE | no default |
            MSSQL    | COLUMN      | BOOLEAN |                          | bit                     | NOT NULL | NONE | no default |
            MSSQL    | COLUMN      | DATE    |                          | datetime                | NOT NULL | NONE | no default |
            MSSQL    | COLUMN      | BUFFER  |                          | binary                  | NOT NULL | NONE | no default |
            ORACLE   | COLUMN      | STRING  |                          | varchar2(255)           | NOT NULL | NONE | no default |
            ORACLE   | COLUMN      | NUMBER  |                          | number                  | NOT NULL | NONE | no default |
            ORACLE   | COLUMN      | BOOLEAN |                          | number                  | NOT NULL | NONE | no default |
            ORACLE   | COLUMN      | DATE    |                          | timestamp               | NOT NULL | NONE | no default |
            ORACLE   | COLUMN      | BUFFER  |                          | blob                    | NOT NULL | NONE | no default |
            # spellings each driver rewrites
            POSTGRES | COLUMN      | OBJECT  | type=int                 | integer                 | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | OBJECT  | type=int4                | integer                 | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | OBJECT  | type=varchar             | varchar                 | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | OBJECT  | type=timestamp           | timestamp               | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | OBJECT  | type=timestamptz         | timestamptz             | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | OBJECT  | type=time                | time                    | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | OBJECT  | type=timetz              | timetz                  | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | OBJECT  | type=bool                | boolean                 | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | ARRAY   | type=simple-array        | text                    | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | OBJECT  | type=simple-json         | text                    | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | STRING  | type=simple-enum;enum=a,b | owner_status_enum      | NOT NULL | NONE | no default | a,b
            POSTGRES | COLUMN      | NUMBER  | type=int2                | smallint                | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | NUMBER  | type=int8                | bigint                  | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | NUMBER  | type=decimal;precision=10;scale=2 | numeric(10,2)  | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | NUMBER  | type=float8              | double precision        | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | NUMBER  | type=float               | double precision        | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | NUMBER  | type=float4              | real                    | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | STRING  | type=char                | char(1)                 | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | STRING  | type=varbit;length=8     | bit varying(8)          | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | NUMBER  | type=integer             | int                     | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | STRING  | type=uuid                | varchar(255)            | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | ARRAY   | type=simple-array        | text                    | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | OBJECT  | type=simple-json         | text                    | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | STRING  | type=simple-enum;enum=a,b | enum                   | NOT NULL | NONE | no default | a,b
            MYSQL    | COLUMN      | NUMBER  | type=double precision    | double                  | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | NUMBER  | type=real                | double                  | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | NUMBER  | type=dec                 | decimal(10,0)           | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | NUMBER  | type=numeric;precision=12;scale=2 | decimal(12,2)  | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | NUMBER  | type=fixed               | decimal(10,0)           | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | BOOLEAN | type=bool                | tinyint                 | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | BOOLEAN | type=boolean             | tinyint                 | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | STRING  | type=nvarchar            | varchar(255)            | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | STRING  | type=national varchar;length=80 | varchar(80)      | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | STRING  | type=national varchar    | varchar(255)            | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | STRING  | type=nchar               | char(1)                 | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | STRING  | type=national char;length=2 | char(2)              | NOT NULL | NONE | no default |
            SQLITE   | COLUMN      | NUMBER  | type=int                 | integer                 | NOT NULL | NONE | no default |
            SQLITE   | COLUMN      | STRING  | type=uuid                | varchar                 | NOT NULL | NONE | no default |
            SQLITE   | COLUMN      | ARRAY   | type=simple-array        | text                    | NOT NULL | NONE | no default |
            SQLITE   | COLUMN      | OBJECT  | type=simple-json         | text                    | NOT NULL | NONE | no default |
            SQLITE   | COLUMN      | STRING  | type=simple-enum;enum=a,b | varchar                | NOT NULL | NONE | no default | a,b
            MSSQL    | COLUMN      | NUMBER  | type=integer             | integer                 | NOT NULL | NONE | no default |
            MSSQL    | COLUMN      | STRING  | type=uuid                | uniqueidentifier        | NOT NULL | NONE | no default |
            MSSQL    | COLUMN      | ARRAY   | type=simple-array        | ntext                   | NOT NULL | NONE | no default |
            MSSQL    | COLUMN      | OBJECT  | type=simple-json         | ntext                   | NOT NULL | NONE | no default |
            MSSQL    | COLUMN      | STRING  | type=simple-enum;enum=a,b | nvarchar(255)          | NOT NULL | NONE | no default | a,b
            MSSQL    | COLUMN      | NUMBER  | type=dec                 | numeric(18,0)           | NOT NULL | NONE | no default |
            MSSQL    | COLUMN      | NUMBER  | type=double precision    | float                   | NOT NULL | NONE | no default |
            MSSQL    | COLUMN      | OBJECT  | type=rowversion          | timestamp               | NOT NULL | NONE | no default |
            ORACLE   | COLUMN      | NUMBER  | type=numeric;precision=10;scale=2 | number(10,2)   | NOT NULL | NONE | no default |
            ORACLE   | COLUMN      | NUMBER  | type=dec                 | number                  | NOT NULL | NONE | no default |
            ORACLE   | COLUMN      | NUMBER  | type=decimal;precision=5 | number(5,0)             | NOT NULL | NONE | no default |
            ORACLE   | COLUMN      | NUMBER  | type=int                 | number                  | NOT NULL | NONE | no default |
            ORACLE   | COLUMN      | NUMBER  | type=integer             | number                  | NOT NULL | NONE | no default |
            ORACLE   | COLUMN      | NUMBER  | type=smallint            | number                  | NOT NULL | NONE | no default |
            ORACLE   | COLUMN      | NUMBER  | type=real                | float(126)              | NOT NULL | NONE | no default |
            ORACLE   | COLUMN      | NUMBER  | type=double precision    | float(126)              | NOT NULL | NONE | no default |
            ORACLE   | COLUMN      | STRING  | type=varchar             | varchar2(255)           | NOT NULL | NONE | no default |
            ORACLE   | COLUMN      | STRING  | type=uuid                | varchar2(36)            | NOT NULL | NONE | no default |
            ORACLE   | COLUMN      | ARRAY   | type=simple-array        | clob                    | NOT NULL | NONE | no default |
            ORACLE   | COLUMN      | OBJECT  | type=simple-json         | clob                    | NOT NULL | NONE | no default |
            # default lengths
            MYSQL    | COLUMN      | STRING  | type=varchar             | varchar(255)            | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | BUFFER  | type=varbinary           | varbinary(255)          | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | STRING  | type=varchar;length=320  | varchar(320)            | NOT NULL | NONE | no default |
            MSSQL    | COLUMN      | STRING  | type=varchar             | varchar(255)            | NOT NULL | NONE | no default |
            MSSQL    | COLUMN      | STRING  | type=nvarchar            | nvarchar(255)           | NOT NULL | NONE | no default |
            ORACLE   | COLUMN      | STRING  | type=varchar2            | varchar2(255)           | NOT NULL | NONE | no default |
            ORACLE   | COLUMN      | STRING  | type=nvarchar2           | nvarchar2(255)          | NOT NULL | NONE | no default |
            ORACLE   | COLUMN      | BUFFER  | type=raw                 | raw(2000)               | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | STRING  | type=varchar;length=320  | varchar(320)            | NOT NULL | NONE | no default |
            # special columns
            POSTGRES | CREATE_DATE | DATE    |                          | timestamp               | NOT NULL | NONE | DEFAULT current_timestamp |
            POSTGRES | UPDATE_DATE | DATE    |                          | timestamp               | NOT NULL | NONE | DEFAULT current_timestamp |
            POSTGRES | DELETE_DATE | DATE    | nullable=false           | timestamp               | NULL     | NONE | no default |
            POSTGRES | VERSION     | NUMBER  | type=bigint              | integer                 | NOT NULL | NONE | no default |
            POSTGRES | CREATE_DATE | DATE    | type=timestamptz         | timestamptz             | NOT NULL | NONE | DEFAULT current_timestamp |
            MYSQL    | CREATE_DATE | DATE    |                          | datetime(6)             | NOT NULL | NONE | DEFAULT current_timestamp(6) |
            MYSQL    | UPDATE_DATE | DATE    |                          | datetime(6)             | NOT NULL | NONE | DEFAULT current_timestamp(6) |
            MYSQL    | DELETE_DATE | DATE    |                          | datetime(6)             | NULL     | NONE | no default |
            MYSQL    | VERSION     | NUMBER  |                          | int                     | NOT NULL | NONE | no default |
            MYSQL    | CREATE_DATE | DATE    | type=timestamp;precision=3 | timestamp(3)          | NOT NULL | NONE | DEFAULT current_timestamp(6) |
            SQLITE   | CREATE_DATE | DATE    |                          | datetime                | NOT NULL | NONE | DEFAULT datetime('now') |
            SQLITE   | UPDATE_DATE | DATE    |                          | datetime                | NOT NULL | NONE | DEFAULT datetime('now') |
            SQLITE   | DELETE_DATE | DATE    |                          | datetime                | NULL     | NONE | no default |
            SQLITE   | VERSION     | NUMBER  |                          | integer                 | NOT NULL | NONE | no default |
            MSSQL    | CREATE_DATE | DATE    |                          | datetime2               | NOT NULL | NONE | DEFAULT getdate() |
            MSSQL    | UPDATE_DATE | DATE    |                          | datetime2               | NOT NULL | NONE | DEFAULT getdate() |
            MSSQL    | DELETE_DATE | DATE    |                          | datetime2               | NULL     | NONE | no default |
            MSSQL    | VERSION     | NUMBER  |                          | integer                 | NOT NULL | NONE | no default |
            ORACLE   | CREATE_DATE | DATE    |                          | timestamp               | NOT NULL | NONE | DEFAULT current_timestamp |
            ORACLE   | UPDATE_DATE | DATE    |                          | timestamp               | NOT NULL | NONE | DEFAULT current_timestamp |
            ORACLE   | DELETE_DATE | DATE    |                          | timestamp               | NULL     | NONE | no default |
            ORACLE   | VERSION     | NUMBER  |                          | number                  | NOT NULL | NONE | no default |
            # generated keys
            POSTGRES | INCREMENT   | NUMBER  |                          | integer                 | NOT NULL | SEQUENCE | no default |
            POSTGRES | INCREMENT   | NUMBER  | type=bigint              | bigint                  | NOT NULL | SEQUENCE | no default |
            POSTGRES | IDENTITY    | NUMBER  |                          | integer                 | NOT NULL | IDENTITY_BY_DEFAULT | no default |
            POSTGRES | IDENTITY    | NUMBER  | generatedIdentity=ALWAYS | integer                 | NOT NULL | IDENTITY_ALWAYS | no default |
            POSTGRES | ROWID       | NUMBER  |                          | integer                 | NOT NULL | SEQUENCE | no default |
            POSTGRES | UUID        | STRING  |                          | uuid                    | NOT NULL | NONE | DEFAULT uuid_generate_v4() |
            POSTGRES | UUID        | STRING  | uuidExtension=pgcrypto   | uuid                    | NOT NULL | NONE | DEFAULT gen_random_uuid() |
            MYSQL    | INCREMENT   | NUMBER  |                          | int                     | NOT NULL | AUTO_INCREMENT | no default |
            MYSQL    | UUID        | STRING  |                          | varchar(36)             | NOT NULL | NONE | no default |
            MYSQL    | IDENTITY    | NUMBER  |                          | int                     | NOT NULL | NONE | no default |
            SQLITE   | INCREMENT   | NUMBER  |                          | integer                 | NOT NULL | AUTO_INCREMENT | no default |
            MSSQL    | INCREMENT   | NUMBER  |                          | integer                 | NOT NULL | AUTO_INCREMENT | no default |
            MSSQL    | UUID        | STRING  |                          | uniqueidentifier        | NOT NULL | NONE | DEFAULT newsequentialid() |
            ORACLE   | INCREMENT   | NUMBER  |                          | number                  | NOT NULL | IDENTITY_BY_DEFAULT | no default |
            # enums
            POSTGRES | COLUMN      | STRING  | type=enum;enum=a,b       | owner_status_enum       | NOT NULL | NONE | no default | a,b
            POSTGRES | COLUMN      | STRING  | type=enum;enum=a,b;enumName=Status | Status        | NOT NULL | NONE | no default | a,b
            POSTGRES | COLUMN      | ARRAY   | type=enum;enum=a;array=true | owner_status_enum[]  | NOT NULL | NONE | no default | a
            MYSQL    | COLUMN      | NUMBER  | type=enum;enum=1,2       | enum                    | NOT NULL | NONE | no default | 1,2
            SQLITE   | COLUMN      | STRING  | type=enum;enum=a         | ?                       | NOT NULL | NONE | no default |
            ORACLE   | COLUMN      | STRING  | type=simple-enum;enum=a  | ?                       | NOT NULL | NONE | no default |
            # options
            POSTGRES | COLUMN      | STRING  | nullable=true            | varchar                 | NULL     | NONE | no default |
            POSTGRES | COLUMN      | STRING  | defaultNull=true         | varchar                 | NULL     | NONE | no default |
            POSTGRES | COLUMN      | STRING  | defaultNull=true;nullable=false | varchar          | NOT NULL | NONE | no default |
            POSTGRES | PRIMARY     | STRING  | nullable=true            | varchar                 | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | ARRAY   | type=text;array=true     | text[]                  | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | ARRAY   | type=text;array=true     | ?                       | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | OBJECT  | type=String              | varchar                 | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | OBJECT  | type=jsonb               | jsonb                   | NOT NULL | NONE | no default |
            POSTGRES | COLUMN      | DATE    | type=timestamp;precision=3 | timestamp(3)          | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | BOOLEAN | type=tinyint;width=1     | tinyint(1)              | NOT NULL | NONE | no default |
            MYSQL    | COLUMN      | NUMBER  | type=int;width=11;unsigned=true | int unsigned     | NOT NULL | NONE | no default |
            MARIADB  | COLUMN      | STRING  | type=uuid                | ?                       | NOT NULL | NONE | no default |
            MARIADB  | COLUMN      | STRING  |                          | varchar(255)            | NOT NULL | NONE | no default |
            H2       | COLUMN      | STRING  |                          | ?                       | NOT NULL | UNKNOWN | no default |
            """;

    static Stream<Arguments> rows() {
        return ROWS.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> Arguments.of((Object[]) Arrays.stream((l + " ").split("\\|")).map(String::strip).toArray(String[]::new)));
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} is {4} {5}")
    @MethodSource("rows")
    void theColumnTypeOrmCreates(String dialect, String kind, String design, String options, String type,
                                 String nullable, String generated, String dflt, String values) {
        Resolved r = resolve(dialect, kind, design, options);
        assertEquals(type, r.type() == null ? "?" : r.type().display(), "type");
        assertEquals(nullable.equals("NULL"), r.nullable(), "nullability");
        assertEquals(generated, r.generated().kind().name(), "generation");
        assertEquals(dflt, r.defaultValue().display(), "default");
        assertEquals(values.isEmpty() ? null : List.of(values.split(",")), r.enumValues(), "enum values");
    }

    @Test
    void everyEntryOfTheTablesIsExercisedByARow() {
        Set<String> used = new TreeSet<>();
        rows().forEach(a -> {
            Object[] v = a.get();
            used.addAll(resolve((String) v[0], (String) v[1], (String) v[2], (String) v[3]).rules());
        });
        Set<String> missing = new TreeSet<>(TypeOrmColumnTypes.entries());
        missing.removeAll(used);
        assertTrue(missing.isEmpty(), "entries of TypeOrmColumnTypes no row exercises: " + missing);
    }

    @Test
    void thePostgresEnumTypeIsNamedAfterTableAndColumn() {
        Resolved r = TypeOrmColumnTypes.resolve(Dialect.POSTGRES, Kind.COLUMN, DesignType.STRING,
                Options.none().withType("enum").withEnum(List.of("a"), null), "user_account", "Role");
        assertEquals("user_account_role_enum", r.enumTypeName());
        assertNull(TypeOrmColumnTypes.resolve(Dialect.MYSQL, Kind.COLUMN, DesignType.STRING,
                Options.none().withType("enum").withEnum(List.of("a"), null), "t", "c").enumTypeName());
    }

    @ParameterizedTest(name = "{0} {1} {2} (scale {3}) is {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
            POSTGRES | STRING  | it's              |   | DEFAULT 'it''s'
            POSTGRES | NUMBER  | 1                 |   | DEFAULT 1
            POSTGRES | BOOLEAN | true              |   | DEFAULT true
            POSTGRES | SQL     | CURRENT_TIMESTAMP |   | DEFAULT current_timestamp
            POSTGRES | SQL     | now()             |   | DEFAULT current_timestamp
            POSTGRES | JSON    | {"a":1}           |   | DEFAULT '{"a":1}'
            MYSQL    | NUMBER  | 1.5               |   | DEFAULT 2
            MYSQL    | NUMBER  | 1.5               | 2 | DEFAULT 1.50
            MYSQL    | BOOLEAN | false             |   | DEFAULT 0
            MYSQL    | JSON    | {"a":1}           |   | DEFAULT ?
            MYSQL    | NUMBER  | x                 |   | DEFAULT ?
            SQLITE   | BOOLEAN | true              |   | DEFAULT 1
            MSSQL    | SQL     | current_timestamp |   | DEFAULT getdate()
            MSSQL    | STRING  | a                 |   | DEFAULT 'a'
            ORACLE   | NUMBER  | 0                 |   | DEFAULT 0
            H2       | NUMBER  | 0                 |   | DEFAULT ?
            """)
    void defaultsAsTypeOrmWritesThem(Dialect dialect, ValueKind kind, String text, Integer scale, String shown) {
        ColumnDefault d = TypeOrmColumnTypes.defaultValue(dialect, new DefaultValue(kind, text), scale);
        assertEquals(shown, d.display());
    }

    @Test
    void spellingsOfOneColumnResolveToOneType() {
        Options none = Options.none();
        var string = TypeOrmColumnTypes.resolve(Dialect.POSTGRES, Kind.COLUMN, DesignType.STRING, none, "t", "c");
        for (String spelled : List.of("String", "varchar", "character varying", "VARCHAR")) {
            assertEquals(string.type(), TypeOrmColumnTypes.resolve(Dialect.POSTGRES, Kind.COLUMN, DesignType.OBJECT,
                    none.withType(spelled), "t", "c").type(), spelled);
        }
        var number = TypeOrmColumnTypes.resolve(Dialect.POSTGRES, Kind.COLUMN, DesignType.NUMBER, none, "t", "c");
        for (String spelled : List.of("Number", "int", "integer", "int4")) {
            assertEquals(number.type(), TypeOrmColumnTypes.resolve(Dialect.POSTGRES, Kind.COLUMN, DesignType.OBJECT,
                    none.withType(spelled), "t", "c").type(), spelled);
        }
    }

    /** Builds the call from a row; options are {@code key=value} pairs separated by {@code ;}. */
    private static Resolved resolve(String dialect, String kind, String design, String options) {
        Options o = Options.none();
        Integer precision = null;
        Integer scale = null;
        Integer width = null;
        boolean unsigned = false;
        Boolean nullable = null;
        boolean defaultNull = false;
        List<String> values = null;
        String enumName = null;
        String identity = null;
        String extension = null;
        for (String pair : options.isEmpty() ? new String[0] : options.split(";")) {
            String[] kv = pair.split("=", 2);
            switch (kv[0]) {
                case "type" -> o = o.withType(kv[1]);
                case "length" -> o = o.withLength(Integer.valueOf(kv[1]));
                case "precision" -> precision = Integer.valueOf(kv[1]);
                case "scale" -> scale = Integer.valueOf(kv[1]);
                case "width" -> width = Integer.valueOf(kv[1]);
                case "unsigned" -> unsigned = Boolean.parseBoolean(kv[1]);
                case "array" -> o = o.withArray(Boolean.parseBoolean(kv[1]));
                case "nullable" -> nullable = Boolean.valueOf(kv[1]);
                case "defaultNull" -> defaultNull = Boolean.parseBoolean(kv[1]);
                case "enum" -> values = List.of(kv[1].split(","));
                case "enumName" -> enumName = kv[1];
                case "generatedIdentity" -> identity = kv[1];
                case "uuidExtension" -> extension = kv[1];
                default -> throw new IllegalArgumentException("unknown option in a row: " + kv[0]);
            }
        }
        o = o.withPrecision(precision, scale).withWidth(width, unsigned).withNullable(nullable, defaultNull)
                .withEnum(values, enumName).withGeneration(identity, extension);
        return TypeOrmColumnTypes.resolve(Dialect.valueOf(dialect), Kind.valueOf(kind), DesignType.valueOf(design), o,
                "owner", "status");
    }
}
