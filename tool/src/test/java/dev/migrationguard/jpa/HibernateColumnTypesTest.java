package dev.migrationguard.jpa;

import dev.migrationguard.jpa.HibernateColumnTypes.EnumMapping;
import dev.migrationguard.jpa.HibernateColumnTypes.Field;
import dev.migrationguard.jpa.HibernateColumnTypes.Generation;
import dev.migrationguard.jpa.HibernateColumnTypes.Resolved;
import dev.migrationguard.jpa.HibernateColumnTypes.Temporal;
import dev.migrationguard.jpa.HibernateColumnTypes.Version;
import dev.migrationguard.model.schema.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every entry of {@link HibernateColumnTypes}' tables, as the column Hibernate's schema export would create. Columns:
 * dialect | Hibernate version | Java type | field annotations ({@code key=value;...}) | SQL type ({@code ?} unknown) |
 * NULL or NOT NULL | other expectations ({@code gen=}, {@code enum=}, {@code check=}, {@code default=}, {@code unique},
 * {@code validation}). Validation annotations count when the annotations say {@code validationDdl}.
 */
class HibernateColumnTypesTest {

    static final String ROWS = """
            # PostgreSQL, Hibernate 6
            POSTGRES | V6 | Boolean            |                          | boolean                 | NULL     |
            POSTGRES | V6 | boolean            |                          | boolean                 | NOT NULL |
            POSTGRES | V6 | Byte               |                          | smallint                | NULL     |
            POSTGRES | V6 | byte               |                          | smallint                | NOT NULL |
            POSTGRES | V6 | Short              |                          | smallint                | NULL     |
            POSTGRES | V6 | short              |                          | smallint                | NOT NULL |
            POSTGRES | V6 | Integer            |                          | integer                 | NULL     |
            POSTGRES | V6 | int                |                          | integer                 | NOT NULL |
            POSTGRES | V6 | java.lang.Long     |                          | bigint                  | NULL     |
            POSTGRES | V6 | long               |                          | bigint                  | NOT NULL |
            POSTGRES | V6 | Float              |                          | real                    | NULL     |
            POSTGRES | V6 | float              |                          | real                    | NOT NULL |
            POSTGRES | V6 | Double             |                          | double precision        | NULL     |
            POSTGRES | V6 | double             |                          | double precision        | NOT NULL |
            POSTGRES | V6 | Character          |                          | char(1)                 | NULL     |
            POSTGRES | V6 | char               |                          | char(1)                 | NOT NULL |
            POSTGRES | V6 | String             |                          | varchar(255)            | NULL     |
            POSTGRES | V6 | String             | length=320;nullable=false | varchar(320)           | NOT NULL |
            POSTGRES | V6 | String             | length=20000000          | text                    | NULL     |
            POSTGRES | V6 | String             | nationalized             | varchar(255)            | NULL     |
            POSTGRES | V6 | String             | nationalized;length=20000000 | text                | NULL     |
            POSTGRES | V6 | BigDecimal         |                          | numeric(38,2)           | NULL     |
            POSTGRES | V6 | java.math.BigDecimal | precision=10;scale=2   | numeric(10,2)           | NULL     |
            POSTGRES | V6 | BigInteger         |                          | numeric(38,0)           | NULL     |
            POSTGRES | V6 | LocalDate          |                          | date                    | NULL     |
            POSTGRES | V6 | java.sql.Date      |                          | date                    | NULL     |
            POSTGRES | V6 | LocalTime          |                          | time                    | NULL     |
            POSTGRES | V6 | java.sql.Time      |                          | time                    | NULL     |
            POSTGRES | V6 | LocalDateTime      |                          | timestamp               | NULL     |
            POSTGRES | V6 | java.sql.Timestamp |                          | timestamp               | NULL     |
            POSTGRES | V6 | Instant            |                          | timestamptz             | NULL     |
            POSTGRES | V6 | OffsetDateTime     |                          | timestamptz             | NULL     |
            POSTGRES | V6 | ZonedDateTime      |                          | timestamptz             | NULL     |
            POSTGRES | V6 | OffsetTime         |                          | time                    | NULL     |
            POSTGRES | V6 | Date               |                          | timestamp               | NULL     |
            POSTGRES | V6 | java.util.Date     | temporal=DATE            | date                    | NULL     |
            POSTGRES | V6 | Calendar           | temporal=TIME            | time                    | NULL     |
            POSTGRES | V6 | UUID               |                          | uuid                    | NULL     |
            POSTGRES | V6 | byte[]             |                          | bytea                   | NULL     |
            POSTGRES | V6 | Byte[]             |                          | bytea                   | NULL     |
            POSTGRES | V6 | Duration           |                          | numeric(21,0)           | NULL     |
            POSTGRES | V6 | String             | lob                      | oid                     | NULL     |
            POSTGRES | V6 | String             | lob;nationalized         | oid                     | NULL     |
            POSTGRES | V6 | byte[]             | lob                      | oid                     | NULL     |
            POSTGRES | V6 | Long               | lob                      | ?                       | NULL     |
            POSTGRES | V6 | String             | jdbc=JSON                | jsonb                   | NULL     |
            POSTGRES | V6 | Map                | jdbc=SqlTypes.JSON       | jsonb                   | NULL     |
            POSTGRES | V6 | String             | jdbc=LONG32VARCHAR       | text                    | NULL     |
            POSTGRES | V6 | OffsetTime         | jdbc=TIME_WITH_TIMEZONE  | timetz                  | NULL     |
            POSTGRES | V6 | byte[]             | jdbc=BINARY              | bytea                   | NULL     |
            POSTGRES | V6 | Double             | jdbc=DOUBLE              | double precision        | NULL     |
            POSTGRES | V6 | String             | jdbc=NO_SUCH_CODE        | ?                       | NULL     |
            POSTGRES | V6 | Status             | enum=A,B                 | smallint                | NULL     |
            POSTGRES | V6 | Status             | enum=A,B;enumerated=STRING | varchar(255)          | NULL     | check=A,B
            POSTGRES | V6 | Status             | enum=A,B;enumerated=STRING;length=1 | char(1)      | NULL     | check=A,B
            POSTGRES | V6 | Status             | enum=MANY;enumerated=ORDINAL | smallint            | NULL     |
            POSTGRES | V6 | SomeEntity         |                          | ?                       | NULL     |
            # MySQL, Hibernate 6
            MYSQL    | V6 | Boolean            |                          | bit(1)                  | NULL     |
            MYSQL    | V6 | Byte               |                          | tinyint                 | NULL     |
            MYSQL    | V6 | Short              |                          | smallint                | NULL     |
            MYSQL    | V6 | Integer            |                          | int                     | NULL     |
            MYSQL    | V6 | Long               |                          | bigint                  | NULL     |
            MYSQL    | V6 | Float              |                          | float                   | NULL     |
            MYSQL    | V6 | Double             |                          | double                  | NULL     |
            MYSQL    | V6 | BigDecimal         |                          | decimal(38,2)           | NULL     |
            MYSQL    | V6 | LocalDate          |                          | date                    | NULL     |
            MYSQL    | V6 | LocalTime          |                          | time(6)                 | NULL     |
            MYSQL    | V6 | LocalDateTime      |                          | datetime(6)             | NULL     |
            MYSQL    | V6 | Instant            |                          | datetime(6)             | NULL     |
            MYSQL    | V6 | OffsetDateTime     |                          | datetime(6)             | NULL     |
            MYSQL    | V6 | OffsetDateTime     | jdbc=TIMESTAMP_WITH_TIMEZONE | timestamp(6)        | NULL     |
            MYSQL    | V6 | Character          |                          | char(1)                 | NULL     |
            MYSQL    | V6 | String             |                          | varchar(255)            | NULL     |
            MYSQL    | V6 | String             | length=16383             | varchar(16383)          | NULL     |
            MYSQL    | V6 | String             | length=16384             | text                    | NULL     |
            MYSQL    | V6 | String             | length=70000             | mediumtext              | NULL     |
            MYSQL    | V6 | String             | length=20000000          | longtext                | NULL     |
            MYSQL    | V6 | String             | nationalized             | varchar(255)            | NULL     |
            MYSQL    | V6 | String             | nationalized;length=20000 | text                   | NULL     |
            MYSQL    | V6 | String             | nationalized;length=70000 | mediumtext             | NULL     |
            MYSQL    | V6 | String             | nationalized;length=20000000 | longtext            | NULL     |
            MYSQL    | V6 | byte[]             |                          | varbinary(255)          | NULL     |
            MYSQL    | V6 | byte[]             | length=70000             | mediumblob              | NULL     |
            MYSQL    | V6 | byte[]             | length=20000000          | longblob                | NULL     |
            MYSQL    | V6 | String             | lob;length=200           | tinytext                | NULL     |
            MYSQL    | V6 | String             | lob;length=1000          | text                    | NULL     |
            MYSQL    | V6 | String             | lob;length=70000         | mediumtext              | NULL     |
            MYSQL    | V6 | String             | lob                      | longtext                | NULL     |
            MYSQL    | V6 | String             | lob;nationalized;length=200 | tinytext             | NULL     |
            MYSQL    | V6 | String             | lob;nationalized;length=1000 | text                | NULL     |
            MYSQL    | V6 | String             | lob;nationalized;length=70000 | mediumtext         | NULL     |
            MYSQL    | V6 | String             | lob;nationalized         | longtext                | NULL     |
            MYSQL    | V6 | byte[]             | lob;length=200           | tinyblob                | NULL     |
            MYSQL    | V6 | byte[]             | lob;length=1000          | blob                    | NULL     |
            MYSQL    | V6 | byte[]             | lob;length=70000         | mediumblob              | NULL     |
            MYSQL    | V6 | byte[]             | lob                      | longblob                | NULL     |
            MYSQL    | V6 | String             | jdbc=LONG32VARCHAR       | longtext                | NULL     |
            MYSQL    | V6 | byte[]             | jdbc=BINARY;length=16    | binary(16)              | NULL     |
            MYSQL    | V6 | UUID               |                          | binary(16)              | NULL     |
            MYSQL    | V6 | String             | jdbc=JSON                | json                    | NULL     |
            MYSQL    | V6 | Status             | enum=A,B;enumerated=STRING | enum                  | NULL     | enum=A,B
            MYSQL    | V6 | Status             | enum=A,B                 | tinyint                 | NULL     |
            MARIADB  | V6 | UUID               |                          | ?                       | NULL     |
            MARIADB  | V6 | String             | jdbc=JSON                | longtext                | NULL     |
            MARIADB  | V6 | Boolean            |                          | bit(1)                  | NULL     |
            # H2, Hibernate 6
            H2       | V6 | Boolean            |                          | boolean                 | NULL     |
            H2       | V6 | Byte               |                          | tinyint                 | NULL     |
            H2       | V6 | Short              |                          | smallint                | NULL     |
            H2       | V6 | Integer            |                          | integer                 | NULL     |
            H2       | V6 | Long               |                          | bigint                  | NULL     |
            H2       | V6 | Double             |                          | double precision        | NULL     |
            H2       | V6 | BigDecimal         |                          | numeric(38,2)           | NULL     |
            H2       | V6 | LocalDate          |                          | date                    | NULL     |
            H2       | V6 | LocalTime          |                          | time(6)                 | NULL     |
            H2       | V6 | OffsetTime         |                          | time(6) with time zone  | NULL     |
            H2       | V6 | LocalDateTime      |                          | timestamp               | NULL     |
            H2       | V6 | Instant            |                          | timestamp with time zone | NULL    |
            H2       | V6 | OffsetDateTime     |                          | timestamp with time zone | NULL    |
            H2       | V6 | Character          |                          | char(1)                 | NULL     |
            H2       | V6 | String             |                          | varchar(255)            | NULL     |
            H2       | V6 | String             | length=2000000           | clob                    | NULL     |
            H2       | V6 | String             | nationalized             | varchar(255)            | NULL     |
            H2       | V6 | String             | nationalized;length=2000000 | clob                 | NULL     |
            H2       | V6 | String             | lob                      | clob                    | NULL     |
            H2       | V6 | String             | lob;nationalized         | nclob                   | NULL     |
            H2       | V6 | byte[]             | lob                      | blob                    | NULL     |
            H2       | V6 | byte[]             |                          | varbinary(255)          | NULL     |
            H2       | V6 | byte[]             | length=2000000           | blob                    | NULL     |
            H2       | V6 | byte[]             | jdbc=BINARY;length=16    | binary(16)              | NULL     |
            H2       | V6 | String             | jdbc=LONG32VARCHAR       | clob                    | NULL     |
            H2       | V6 | UUID               |                          | uuid                    | NULL     |
            H2       | V6 | String             | jdbc=JSON                | json                    | NULL     |
            H2       | V6 | Status             | enum=A,B;enumerated=STRING | enum                  | NULL     | enum=A,B
            # SQL Server, Hibernate 6
            MSSQL    | V6 | Boolean            |                          | bit                     | NULL     |
            MSSQL    | V6 | Byte               |                          | smallint                | NULL     |
            MSSQL    | V6 | Short              |                          | smallint                | NULL     |
            MSSQL    | V6 | Integer            |                          | integer                 | NULL     |
            MSSQL    | V6 | Long               |                          | bigint                  | NULL     |
            MSSQL    | V6 | Float              |                          | real                    | NULL     |
            MSSQL    | V6 | Double             |                          | float                   | NULL     |
            MSSQL    | V6 | BigDecimal         |                          | numeric(38,2)           | NULL     |
            MSSQL    | V6 | LocalDate          |                          | date                    | NULL     |
            MSSQL    | V6 | LocalTime          |                          | time                    | NULL     |
            MSSQL    | V6 | OffsetTime         |                          | datetimeoffset(6)       | NULL     |
            MSSQL    | V6 | LocalDateTime      |                          | datetime2(6)            | NULL     |
            MSSQL    | V6 | Instant            |                          | datetimeoffset(6)       | NULL     |
            MSSQL    | V6 | ZonedDateTime      |                          | datetimeoffset(6)       | NULL     |
            MSSQL    | V6 | Character          |                          | char(1)                 | NULL     |
            MSSQL    | V6 | String             |                          | varchar(255)            | NULL     |
            MSSQL    | V6 | String             | length=8001              | varchar(2147483647)     | NULL     |
            MSSQL    | V6 | String             | nationalized             | nvarchar(255)           | NULL     |
            MSSQL    | V6 | String             | nationalized;length=4001 | nvarchar(2147483647)    | NULL     |
            MSSQL    | V6 | byte[]             |                          | varbinary(255)          | NULL     |
            MSSQL    | V6 | byte[]             | length=8001              | varbinary(2147483647)   | NULL     |
            MSSQL    | V6 | String             | lob                      | varchar(2147483647)     | NULL     |
            MSSQL    | V6 | String             | lob;nationalized         | nvarchar(2147483647)    | NULL     |
            MSSQL    | V6 | byte[]             | lob                      | varbinary(2147483647)   | NULL     |
            MSSQL    | V6 | byte[]             | jdbc=BINARY;length=16    | binary(16)              | NULL     |
            MSSQL    | V6 | String             | jdbc=LONG32VARCHAR       | varchar(2147483647)     | NULL     |
            MSSQL    | V6 | UUID               |                          | uniqueidentifier        | NULL     |
            MSSQL    | V6 | String             | jdbc=JSON                | ?                       | NULL     |
            MSSQL    | V6 | Status             | enum=A,B                 | smallint                | NULL     |
            # Oracle, Hibernate 6
            ORACLE   | V6 | Boolean            |                          | ?                       | NULL     |
            ORACLE   | V6 | Byte               |                          | number(3,0)             | NULL     |
            ORACLE   | V6 | Short              |                          | number(5,0)             | NULL     |
            ORACLE   | V6 | Integer            |                          | number(10,0)            | NULL     |
            ORACLE   | V6 | Long               |                          | number(19,0)            | NULL     |
            ORACLE   | V6 | Double             |                          | float(53)               | NULL     |
            ORACLE   | V6 | BigDecimal         |                          | number(38,2)            | NULL     |
            ORACLE   | V6 | LocalDate          |                          | date                    | NULL     |
            ORACLE   | V6 | LocalTime          |                          | timestamp               | NULL     |
            ORACLE   | V6 | OffsetTime         |                          | timestamp with time zone | NULL    |
            ORACLE   | V6 | LocalDateTime      |                          | timestamp               | NULL     |
            ORACLE   | V6 | OffsetDateTime     |                          | timestamp with time zone | NULL    |
            ORACLE   | V6 | Character          |                          | char(1)                 | NULL     |
            ORACLE   | V6 | String             |                          | varchar2(255)           | NULL     |
            ORACLE   | V6 | String             | length=4001              | clob                    | NULL     |
            ORACLE   | V6 | String             | nationalized             | nvarchar2(255)          | NULL     |
            ORACLE   | V6 | String             | nationalized;length=4001 | nclob                   | NULL     |
            ORACLE   | V6 | byte[]             |                          | raw(255)                | NULL     |
            ORACLE   | V6 | byte[]             | length=2001              | blob                    | NULL     |
            ORACLE   | V6 | String             | lob                      | clob                    | NULL     |
            ORACLE   | V6 | String             | lob;nationalized         | nclob                   | NULL     |
            ORACLE   | V6 | byte[]             | lob                      | blob                    | NULL     |
            ORACLE   | V6 | byte[]             | jdbc=BINARY;length=16    | raw(16)                 | NULL     |
            ORACLE   | V6 | String             | jdbc=LONG32VARCHAR       | clob                    | NULL     |
            ORACLE   | V6 | UUID               |                          | raw(16)                 | NULL     |
            ORACLE   | V6 | String             | jdbc=JSON                | ?                       | NULL     |
            ORACLE   | V6 | Status             | enum=A,B;enumerated=STRING | varchar2(255)         | NULL     | check=A,B
            SQLITE   | V6 | String             |                          | ?                       | NULL     |
            # Hibernate 5
            POSTGRES | V5 | Double             |                          | double precision        | NULL     |
            POSTGRES | V5 | double             |                          | double precision        | NOT NULL |
            POSTGRES | V5 | Float              |                          | real                    | NULL     |
            POSTGRES | V5 | float              |                          | real                    | NOT NULL |
            POSTGRES | V5 | BigDecimal         |                          | numeric(19,2)           | NULL     |
            POSTGRES | V5 | BigInteger         |                          | numeric(19,2)           | NULL     |
            POSTGRES | V5 | LocalTime          |                          | time                    | NULL     |
            POSTGRES | V5 | OffsetTime         |                          | time                    | NULL     |
            POSTGRES | V5 | java.sql.Time      |                          | time                    | NULL     |
            POSTGRES | V5 | LocalDateTime      |                          | timestamp               | NULL     |
            POSTGRES | V5 | String             | lob                      | text                    | NULL     |
            POSTGRES | V5 | java.sql.Timestamp |                          | timestamp               | NULL     |
            POSTGRES | V5 | Instant            |                          | timestamp               | NULL     |
            POSTGRES | V5 | OffsetDateTime     |                          | timestamp               | NULL     |
            POSTGRES | V5 | ZonedDateTime      |                          | timestamp               | NULL     |
            POSTGRES | V5 | Date               |                          | timestamp               | NULL     |
            POSTGRES | V5 | Calendar           | temporal=DATE            | date                    | NULL     |
            POSTGRES | V5 | UUID               |                          | bytea                   | NULL     |
            POSTGRES | V5 | Duration           |                          | bigint                  | NULL     |
            POSTGRES | V5 | Status             | enum=A,B                 | integer                 | NULL     |
            POSTGRES | V5 | Status             | enum=A,B;enumerated=STRING | varchar(255)          | NULL     |
            POSTGRES | V5 | String             |                          | varchar(255)            | NULL     |
            MYSQL    | V5 | Double             |                          | double                  | NULL     |
            MYSQL    | V5 | Float              |                          | float                   | NULL     |
            MYSQL    | V5 | LocalTime          |                          | time                    | NULL     |
            MYSQL    | V5 | LocalDateTime      |                          | datetime(6)             | NULL     |
            MYSQL    | V5 | UUID               |                          | binary(255)             | NULL     |
            MYSQL    | V5 | String             | length=20000             | varchar(20000)          | NULL     |
            MYSQL    | V5 | String             | length=70000             | longtext                | NULL     |
            MYSQL    | V5 | byte[]             |                          | tinyblob                | NULL     |
            MYSQL    | V5 | byte[]             | length=1000              | blob                    | NULL     |
            MYSQL    | V5 | byte[]             | length=70000             | mediumblob              | NULL     |
            MYSQL    | V5 | byte[]             | length=20000000          | longblob                | NULL     |
            MYSQL    | V5 | Status             | enum=A,B;enumerated=STRING | varchar(255)          | NULL     |
            H2       | V5 | Double             |                          | double precision        | NULL     |
            H2       | V5 | Float              |                          | double precision        | NULL     |
            H2       | V5 | LocalTime          |                          | time                    | NULL     |
            H2       | V5 | LocalDateTime      |                          | timestamp               | NULL     |
            MSSQL    | V5 | Double             |                          | float                   | NULL     |
            MSSQL    | V5 | Float              |                          | float                   | NULL     |
            MSSQL    | V5 | LocalTime          |                          | time                    | NULL     |
            MSSQL    | V5 | Instant            |                          | datetime2               | NULL     |
            ORACLE   | V5 | Double             |                          | float(126)              | NULL     |
            ORACLE   | V5 | Float              |                          | float(126)              | NULL     |
            ORACLE   | V5 | LocalTime          |                          | date                    | NULL     |
            ORACLE   | V5 | LocalDateTime      |                          | timestamp               | NULL     |
            ORACLE   | V5 | Boolean            |                          | number(1,0)             | NULL     |
            ORACLE   | V5 | String             | length=4000              | varchar2(4000)          | NULL     |
            ORACLE   | V5 | String             | length=4001              | long                    | NULL     |
            # nullability
            POSTGRES | V6 | int                | column                   | integer                 | NULL     |
            POSTGRES | V6 | int                | nullable=false           | integer                 | NOT NULL |
            POSTGRES | V6 | Integer            | optional=false           | integer                 | NOT NULL |
            POSTGRES | V6 | int                | optional=true            | integer                 | NULL     |
            POSTGRES | V6 | int                | embedded                 | integer                 | NULL     |
            POSTGRES | V6 | String             | subclass;nullable=false  | varchar(255)            | NULL     |
            POSTGRES | V6 | String             | notNull                  | varchar(255)            | NULL     |
            POSTGRES | V6 | String             | notNull;validationDdl    | varchar(255)            | NOT NULL | validation
            POSTGRES | V6 | String             | size=50                  | varchar(255)            | NULL     |
            POSTGRES | V6 | String             | size=50;length=80;validationDdl | varchar(50)      | NULL     | validation
            POSTGRES | V6 | String             | subclass;notNull;validationDdl | varchar(255)      | NULL     |
            # identifiers
            POSTGRES | V6 | Long               | id=IDENTITY              | bigint                  | NOT NULL | gen=IDENTITY_BY_DEFAULT
            POSTGRES | V6 | Long               | id=SEQUENCE              | bigint                  | NOT NULL |
            POSTGRES | V6 | long               | id=AUTO                  | bigint                  | NOT NULL |
            MYSQL    | V6 | Long               | id=IDENTITY              | bigint                  | NOT NULL | gen=AUTO_INCREMENT
            H2       | V6 | Long               | id=IDENTITY              | bigint                  | NOT NULL | gen=IDENTITY_BY_DEFAULT
            MSSQL    | V6 | Long               | id=IDENTITY              | bigint                  | NOT NULL | gen=AUTO_INCREMENT
            ORACLE   | V6 | Long               | id=IDENTITY              | number(19,0)            | NOT NULL | gen=IDENTITY_BY_DEFAULT
            POSTGRES | V5 | Long               | id=IDENTITY              | bigint                  | NOT NULL | gen=UNKNOWN
            # column definitions
            POSTGRES | V6 | String             | definition=jsonb         | jsonb                   | NULL     |
            POSTGRES | V6 | Map                | definition=jsonb;jdbc=JSON | jsonb                 | NULL     |
            POSTGRES | V6 | String             | definition=varchar(64) NOT  NULL | varchar(64)     | NOT NULL |
            POSTGRES | V6 | Long               | definition=integer       | integer                 | NULL     |
            POSTGRES | V6 | String             | definition=text default 'x' unique | text          | NULL     | default='x';unique
            POSTGRES | V6 | String             | definition=serial primary key | integer            | NOT NULL |
            POSTGRES | V6 | String             | definition=my_domain(     | ?                      | NULL     |
            MYSQL    | V6 | Status             | definition=enum('A','B') not null | enum           | NOT NULL | enum=A,B
            MYSQL    | V6 | String             | definition=varchar(100) character set utf8mb4 | varchar(100) | NULL |
            POSTGRES | V6 | String             | columnDefault='x';unique | varchar(255)            | NULL     | default='x';unique
            """;

    static Stream<Arguments> rows() {
        return ROWS.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> Arguments.of((Object[]) Arrays.stream((l + " ").split("\\|")).map(String::strip)
                        .toArray(String[]::new)));
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} is {4} {5}")
    @MethodSource("rows")
    void theColumnHibernateCreates(String dialect, String version, String javaType, String annotations, String type,
                                   String nullable, String others) {
        Resolved r = resolve(dialect, version, javaType, annotations);
        assertEquals(type, r.type() == null ? "?" : r.type().display(), "type");
        assertEquals(nullable.equals("NULL"), r.nullable(), "nullability");
        String gen = "NONE";
        List<String> enumValues = null;
        List<String> checkValues = null;
        String dflt = "no default";
        boolean unique = false;
        boolean validation = false;
        for (String o : others.isEmpty() ? new String[0] : others.split(";")) {
            String[] kv = o.split("=", 2);
            switch (kv[0]) {
                case "gen" -> gen = kv[1];
                case "enum" -> enumValues = List.of(kv[1].split(","));
                case "check" -> checkValues = List.of(kv[1].split(","));
                case "default" -> dflt = "DEFAULT " + kv[1];
                case "unique" -> unique = true;
                case "validation" -> validation = true;
                default -> throw new IllegalArgumentException("unknown expectation in a row: " + kv[0]);
            }
        }
        assertEquals(gen, r.generated().kind().name(), "generation");
        assertEquals(enumValues, r.enumValues(), "enum values");
        assertEquals(checkValues, r.checkValues(), "check values");
        assertEquals(dflt, r.defaultValue().display(), "default");
        assertEquals(unique, r.unique(), "unique");
        assertEquals(validation, !r.fromValidation().isEmpty(), "from validation: " + r.fromValidation());
    }

    @Test
    void everyEntryOfTheTablesIsExercisedByARow() {
        Set<String> used = new TreeSet<>();
        rows().forEach(a -> {
            Object[] v = a.get();
            used.addAll(resolve((String) v[0], (String) v[1], (String) v[2], (String) v[3]).rules());
        });
        Set<String> missing = new TreeSet<>(HibernateColumnTypes.entries());
        missing.removeAll(used);
        assertTrue(missing.isEmpty(), "entries of HibernateColumnTypes no row exercises: " + missing);
    }

    @Test
    void longAndItsBoxAreOneColumnOnAnId() {
        for (Dialect d : List.of(Dialect.POSTGRES, Dialect.MYSQL, Dialect.H2, Dialect.MSSQL, Dialect.ORACLE)) {
            for (Version v : Version.values()) {
                Resolved primitive = HibernateColumnTypes.resolve(d, v, Field.of("long").withId(Generation.IDENTITY), false);
                Resolved boxed = HibernateColumnTypes.resolve(d, v, Field.of("Long").withId(Generation.IDENTITY), false);
                assertEquals(primitive.type(), boxed.type(), d + " " + v);
                assertEquals(primitive.nullable(), boxed.nullable(), d + " " + v);
                assertEquals(primitive.generated(), boxed.generated(), d + " " + v);
            }
        }
    }

    @Test
    void aColumnDefinitionFixesTheTypeWhateverTheJavaType() {
        Resolved json = HibernateColumnTypes.resolve(Dialect.POSTGRES, Version.V6,
                Field.of("Map").withJdbcTypeCode("JSON"), false);
        Resolved definition = HibernateColumnTypes.resolve(Dialect.POSTGRES, Version.V6,
                Field.of("String").withColumn(null, null, null, null, false, "jsonb"), false);
        assertEquals(json.type(), definition.type());
    }

    /** Builds the call from a row; annotations are {@code key=value} pairs separated by {@code ;}. */
    private static Resolved resolve(String dialect, String version, String javaType, String annotations) {
        Field f = Field.of(javaType);
        boolean column = false;
        Integer length = null;
        Integer precision = null;
        Integer scale = null;
        Boolean nullable = null;
        boolean unique = false;
        String definition = null;
        boolean lob = false;
        boolean nationalized = false;
        List<String> constants = null;
        EnumMapping mapping = null;
        Boolean optional = null;
        boolean embedded = false;
        boolean subclass = false;
        boolean notNull = false;
        Integer size = null;
        boolean validationDdl = false;
        for (String pair : annotations.isEmpty() ? new String[0] : annotations.split(";")) {
            String[] kv = pair.split("=", 2);
            switch (kv[0]) {
                case "column" -> column = true;
                case "length" -> length = Integer.valueOf(kv[1]);
                case "precision" -> precision = Integer.valueOf(kv[1]);
                case "scale" -> scale = Integer.valueOf(kv[1]);
                case "nullable" -> nullable = Boolean.valueOf(kv[1]);
                case "unique" -> unique = true;
                case "definition" -> definition = kv[1];
                case "lob" -> lob = true;
                case "nationalized" -> nationalized = true;
                case "temporal" -> f = f.withTemporal(Temporal.valueOf(kv[1]));
                case "jdbc" -> f = f.withJdbcTypeCode(kv[1]);
                case "enum" -> constants = kv[1].equals("MANY")
                        ? java.util.stream.IntStream.range(0, 200).mapToObj(i -> "C" + i).toList()
                        : List.of(kv[1].split(","));
                case "enumerated" -> mapping = EnumMapping.valueOf(kv[1]);
                case "id" -> f = f.withId(Generation.valueOf(kv[1]));
                case "optional" -> optional = Boolean.valueOf(kv[1]);
                case "embedded" -> embedded = true;
                case "subclass" -> subclass = true;
                case "notNull" -> notNull = true;
                case "size" -> size = Integer.valueOf(kv[1]);
                case "validationDdl" -> validationDdl = true;
                case "columnDefault" -> f = f.withColumnDefault(kv[1]);
                default -> throw new IllegalArgumentException("unknown annotation in a row: " + kv[0]);
            }
        }
        boolean anyColumn = column || length != null || precision != null || scale != null || nullable != null
                || unique || definition != null;
        if (anyColumn) f = f.withColumn(length, precision, scale, nullable, unique, definition);
        if (constants != null) f = f.withEnum(constants, mapping);
        f = f.withLob(lob, nationalized).withPlace(optional, embedded, subclass).withValidation(notNull, size);
        return HibernateColumnTypes.resolve(Dialect.valueOf(dialect), Version.valueOf(version), f, validationDdl);
    }
}
