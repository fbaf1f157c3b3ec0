package dev.migrationguard.jpa;

import dev.migrationguard.model.schema.ColumnDefault;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.Generated;
import dev.migrationguard.model.schema.SqlType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What column Hibernate's schema export makes of a persistent field, per dialect: the SQL type with its length,
 * precision and scale, and nullability. Hibernate resolves a field in two steps, and so does this class: the Java type
 * (with {@code @Enumerated}, {@code @Lob}, {@code @Nationalized}, {@code @Temporal}, {@code @JdbcTypeCode}) gives a JDBC
 * type and a default size ({@link #JAVA}), and the dialect gives that JDBC type its DDL ({@link #DDL}, with
 * {@link #CAPACITY} for types that change name when they grow). Hibernate 6 is the base; Hibernate 5 ({@code javax}
 * projects) differs where {@link #JAVA_V5} and {@link #DDL_V5} say. Written from {@code hibernate/hibernate-orm} 6.6
 * and 5.6: {@code dialect/Dialect.java} ({@code columnType}, {@code registerColumnTypes}, {@code SizeStrategyImpl}),
 * {@code PostgreSQLDialect}, {@code MySQLDialect}, {@code MariaDBDialect}, {@code H2Dialect}, {@code SQLServerDialect}
 * with {@code AbstractTransactSQLDialect}, {@code OracleDialect}, the {@code type/descriptor/java/*JavaType} classes,
 * {@code EnumJavaType}, {@code JdbcTypeIndicators} (time zone storage), {@code boot/model/internal/PropertyBinder} and
 * {@code AnnotatedColumn} (nullability), {@code tool/schema/internal/ColumnDefinitions}, {@code dialect/identity/*},
 * {@code beanvalidation/TypeSafeActivator}; for 5.6 the {@code registerColumnType} calls of its dialects.
 * <p>
 * The dialect's version is not known here: a mapping that depends on it (Oracle's {@code boolean} from 23, its
 * {@code json} from 21, MariaDB's {@code uuid} from 10.7, SQL Server's JSON, Hibernate 5's PostgreSQL identity) is
 * unknown, and so is anything on SQLite, which Hibernate only supports through a community dialect.
 */
public final class HibernateColumnTypes {
    private HibernateColumnTypes() {
    }

    /** Hibernate 5 ({@code javax.persistence}, Spring Boot 2) or 6 and later ({@code jakarta.persistence}). */
    public enum Version { V5, V6 }

    public enum EnumMapping { ORDINAL, STRING }

    public enum Temporal { DATE, TIME, TIMESTAMP }

    public enum Generation { AUTO, IDENTITY, SEQUENCE, TABLE, UUID }

    /**
     * A persistent field as its source declares it (null or false where an annotation or attribute is absent).
     *
     * @param javaType          the field's type: a primitive, a simple or qualified class name ({@code String},
     *                          {@code java.time.Instant}, {@code byte[]}); {@code Date} is {@code java.util.Date}
     * @param enumConstants     for an enum field, its constants in order; null otherwise
     * @param enumerated        {@code @Enumerated}'s value; null for none (ORDINAL)
     * @param lob               {@code @Lob}
     * @param nationalized      {@code @Nationalized}
     * @param temporal          {@code @Temporal}'s value
     * @param jdbcTypeCode      {@code @JdbcTypeCode}'s {@code SqlTypes} constant by name ({@code JSON}, {@code LONG32VARCHAR})
     * @param column            whether {@code @Column} is present
     * @param length            {@code @Column(length)}
     * @param precision         {@code @Column(precision)} (0, the default, is absent)
     * @param scale             {@code @Column(scale)}
     * @param nullable          {@code @Column(nullable)}
     * @param unique            {@code @Column(unique)}
     * @param columnDefinition  {@code @Column(columnDefinition)}
     * @param columnDefault     Hibernate's {@code @ColumnDefault}
     * @param id                {@code @Id} (or part of an {@code @EmbeddedId})
     * @param generation        {@code @GeneratedValue}'s strategy on an id
     * @param basicOptional     {@code @Basic(optional)}
     * @param embedded          the field belongs to an {@code @Embeddable}
     * @param singleTableSubclass the field belongs to a subclass in single-table inheritance
     * @param notNull           {@code @NotNull}, {@code @NotEmpty} or {@code @NotBlank}
     * @param sizeMax           {@code @Size(max)} or {@code @Length(max)} on a string
     */
    public record Field(String javaType, List<String> enumConstants, EnumMapping enumerated, boolean lob,
                        boolean nationalized, Temporal temporal, String jdbcTypeCode, boolean column, Integer length,
                        Integer precision, Integer scale, Boolean nullable, boolean unique, String columnDefinition,
                        String columnDefault, boolean id, Generation generation, Boolean basicOptional, boolean embedded,
                        boolean singleTableSubclass, boolean notNull, Integer sizeMax) {
        public Field {
            enumConstants = enumConstants == null ? null : List.copyOf(enumConstants);
        }

        /** A field of that type with no annotation but {@code @Entity}'s. */
        public static Field of(String javaType) {
            return new Field(javaType, null, null, false, false, null, null, false, null, null, null, null, false, null,
                    null, false, null, null, false, false, false, null);
        }

        public Field withEnum(List<String> constants, EnumMapping mapping) {
            return new Field(javaType, constants, mapping, lob, nationalized, temporal, jdbcTypeCode, column, length,
                    precision, scale, nullable, unique, columnDefinition, columnDefault, id, generation, basicOptional,
                    embedded, singleTableSubclass, notNull, sizeMax);
        }

        public Field withLob(boolean isLob, boolean isNationalized) {
            return new Field(javaType, enumConstants, enumerated, isLob, isNationalized, temporal, jdbcTypeCode, column,
                    length, precision, scale, nullable, unique, columnDefinition, columnDefault, id, generation,
                    basicOptional, embedded, singleTableSubclass, notNull, sizeMax);
        }

        public Field withTemporal(Temporal t) {
            return new Field(javaType, enumConstants, enumerated, lob, nationalized, t, jdbcTypeCode, column, length,
                    precision, scale, nullable, unique, columnDefinition, columnDefault, id, generation, basicOptional,
                    embedded, singleTableSubclass, notNull, sizeMax);
        }

        public Field withJdbcTypeCode(String code) {
            return new Field(javaType, enumConstants, enumerated, lob, nationalized, temporal, code, column, length,
                    precision, scale, nullable, unique, columnDefinition, columnDefault, id, generation, basicOptional,
                    embedded, singleTableSubclass, notNull, sizeMax);
        }

        /** {@code @Column} with these attributes (null where left at JPA's default). */
        public Field withColumn(Integer l, Integer p, Integer s, Boolean n, boolean u, String definition) {
            return new Field(javaType, enumConstants, enumerated, lob, nationalized, temporal, jdbcTypeCode, true, l, p,
                    s, n, u, definition, columnDefault, id, generation, basicOptional, embedded, singleTableSubclass,
                    notNull, sizeMax);
        }

        public Field withColumnDefault(String sql) {
            return new Field(javaType, enumConstants, enumerated, lob, nationalized, temporal, jdbcTypeCode, column,
                    length, precision, scale, nullable, unique, columnDefinition, sql, id, generation, basicOptional,
                    embedded, singleTableSubclass, notNull, sizeMax);
        }

        public Field withId(Generation g) {
            return new Field(javaType, enumConstants, enumerated, lob, nationalized, temporal, jdbcTypeCode, column,
                    length, precision, scale, nullable, unique, columnDefinition, columnDefault, true, g, basicOptional,
                    embedded, singleTableSubclass, notNull, sizeMax);
        }

        /** {@code @Basic(optional)}, and where the field lives. */
        public Field withPlace(Boolean optional, boolean inEmbeddable, boolean inSingleTableSubclass) {
            return new Field(javaType, enumConstants, enumerated, lob, nationalized, temporal, jdbcTypeCode, column,
                    length, precision, scale, nullable, unique, columnDefinition, columnDefault, id, generation, optional,
                    inEmbeddable, inSingleTableSubclass, notNull, sizeMax);
        }

        public Field withValidation(boolean isNotNull, Integer max) {
            return new Field(javaType, enumConstants, enumerated, lob, nationalized, temporal, jdbcTypeCode, column,
                    length, precision, scale, nullable, unique, columnDefinition, columnDefault, id, generation,
                    basicOptional, embedded, singleTableSubclass, isNotNull, max);
        }
    }

    /**
     * The column Hibernate makes.
     *
     * @param type           the canonical SQL type; null when it cannot be told
     * @param enumValues     the values of a native enum type ({@code enum('A','B')} on MySQL and H2); null otherwise
     * @param checkValues    the values of the check Hibernate 6.2+ adds to a string enum column where the database has
     *                       no enum type ({@code check (status in ('A','B'))}); null otherwise. Only schema generation
     *                       writes it: whether it counts is the caller's choice
     * @param nullable       whether it accepts NULL
     * @param unique         {@code @Column(unique = true)}
     * @param defaultValue   {@code @ColumnDefault}, or a {@code default} in the column definition
     * @param generated      an identity key's mechanism; {@link Generated#NONE} otherwise (a sequence is not the column's)
     * @param fromValidation the facts that only Bean Validation gives ({@code NOT NULL from @NotNull}), for messages
     * @param rules          the entries of this class's tables that decided it, for tests and explanations
     */
    public record Resolved(SqlType type, List<String> enumValues, List<String> checkValues, boolean nullable,
                           boolean unique, ColumnDefault defaultValue, Generated generated, List<String> fromValidation,
                           List<String> rules) {
        public Resolved {
            enumValues = enumValues == null ? null : List.copyOf(enumValues);
            checkValues = checkValues == null ? null : List.copyOf(checkValues);
            fromValidation = List.copyOf(fromValidation);
            rules = List.copyOf(rules);
        }
    }

    /** JDBC types as Hibernate's DDL type registry knows them ({@code SqlTypes}), plus the time-zone dependent ones. */
    enum Jdbc {
        BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE, NUMERIC, DATE, TIME, TIME_WITH_TIMEZONE, TIMESTAMP,
        TIMESTAMP_WITH_TIMEZONE, CHAR, VARCHAR, NVARCHAR, CLOB, NCLOB, BLOB, BINARY, VARBINARY, LONG32VARCHAR, UUID,
        JSON, ENUM,
        /** {@code java.time.Instant}: with time zone where the database keeps one, else a plain timestamp in UTC. */
        TIMESTAMP_UTC,
        /** {@code OffsetDateTime}, {@code ZonedDateTime} under the default storage: native, else {@link #TIMESTAMP_UTC}. */
        ZONED_TIMESTAMP,
        /** {@code OffsetTime}: {@code time with time zone} where native, else a plain {@code time} in UTC. */
        ZONED_TIME,
        /** {@code java.util.Date} and {@code Calendar}: what {@code @Temporal} says, a timestamp by default. */
        TEMPORAL
    }

    /** A JDBC type with its default size: length for characters and bytes, precision and scale for numbers and time. */
    record Sized(Jdbc jdbc, Integer length, Integer precision, Integer scale) {
        static Sized of(Jdbc j) {
            return new Sized(j, null, null, null);
        }

        static Sized length(Jdbc j, int l) {
            return new Sized(j, l, null, null);
        }

        static Sized precision(Jdbc j, int p, Integer s) {
            return new Sized(j, null, p, s);
        }
    }

    /** Hibernate 6's Java type to JDBC type, with the defaults of each {@code JavaType} ({@code getDefaultSql...}). */
    static final Map<String, Sized> JAVA = Map.ofEntries(
            Map.entry("boolean", Sized.of(Jdbc.BOOLEAN)), Map.entry("Boolean", Sized.of(Jdbc.BOOLEAN)),
            Map.entry("byte", Sized.of(Jdbc.TINYINT)), Map.entry("Byte", Sized.of(Jdbc.TINYINT)),
            Map.entry("short", Sized.of(Jdbc.SMALLINT)), Map.entry("Short", Sized.of(Jdbc.SMALLINT)),
            Map.entry("int", Sized.of(Jdbc.INTEGER)), Map.entry("Integer", Sized.of(Jdbc.INTEGER)),
            Map.entry("long", Sized.of(Jdbc.BIGINT)), Map.entry("Long", Sized.of(Jdbc.BIGINT)),
            // Dialect.getFloatPrecision() and getDoublePrecision(): binary digits, written float(24) and float(53).
            Map.entry("float", Sized.precision(Jdbc.FLOAT, 24, null)), Map.entry("Float", Sized.precision(Jdbc.FLOAT, 24, null)),
            Map.entry("double", Sized.precision(Jdbc.FLOAT, 53, null)),
            Map.entry("Double", Sized.precision(Jdbc.FLOAT, 53, null)),
            Map.entry("char", Sized.length(Jdbc.CHAR, 1)), Map.entry("Character", Sized.length(Jdbc.CHAR, 1)),
            Map.entry("String", Sized.length(Jdbc.VARCHAR, 255)),
            Map.entry("BigDecimal", Sized.precision(Jdbc.NUMERIC, 38, 2)),
            Map.entry("BigInteger", Sized.precision(Jdbc.NUMERIC, 38, 0)),
            Map.entry("LocalDate", Sized.of(Jdbc.DATE)), Map.entry("java.sql.Date", Sized.of(Jdbc.DATE)),
            Map.entry("LocalTime", Sized.precision(Jdbc.TIME, 6, null)),
            Map.entry("java.sql.Time", Sized.precision(Jdbc.TIME, 6, null)),
            Map.entry("LocalDateTime", Sized.precision(Jdbc.TIMESTAMP, 6, null)),
            Map.entry("java.sql.Timestamp", Sized.precision(Jdbc.TIMESTAMP, 6, null)),
            Map.entry("Instant", Sized.precision(Jdbc.TIMESTAMP_UTC, 6, null)),
            Map.entry("OffsetDateTime", Sized.precision(Jdbc.ZONED_TIMESTAMP, 6, null)),
            Map.entry("ZonedDateTime", Sized.precision(Jdbc.ZONED_TIMESTAMP, 6, null)),
            Map.entry("OffsetTime", Sized.precision(Jdbc.ZONED_TIME, 6, null)),
            Map.entry("Date", Sized.precision(Jdbc.TEMPORAL, 6, null)),
            Map.entry("Calendar", Sized.precision(Jdbc.TEMPORAL, 6, null)),
            // UUIDJavaType: 16 bytes where the database has no uuid type and the value is stored as binary.
            Map.entry("UUID", Sized.length(Jdbc.UUID, 16)),
            Map.entry("byte[]", Sized.length(Jdbc.VARBINARY, 255)), Map.entry("Byte[]", Sized.length(Jdbc.VARBINARY, 255)),
            // PREFERRED_DURATION_JDBC_TYPE is NUMERIC; DurationJavaType: precision min(21, 38), scale 0 (nanoseconds).
            Map.entry("Duration", Sized.precision(Jdbc.NUMERIC, 21, 0)));

    /** Where Hibernate 5 maps a Java type otherwise (its {@code *Type} classes; {@code Column}'s defaults 255, 19, 2). */
    static final Map<String, Sized> JAVA_V5 = Map.ofEntries(
            Map.entry("double", Sized.of(Jdbc.DOUBLE)), Map.entry("Double", Sized.of(Jdbc.DOUBLE)),
            Map.entry("float", Sized.of(Jdbc.FLOAT)), Map.entry("Float", Sized.of(Jdbc.FLOAT)),
            Map.entry("BigDecimal", Sized.precision(Jdbc.NUMERIC, 19, 2)),
            Map.entry("BigInteger", Sized.precision(Jdbc.NUMERIC, 19, 2)),
            Map.entry("LocalTime", Sized.of(Jdbc.TIME)), Map.entry("OffsetTime", Sized.of(Jdbc.TIME)),
            Map.entry("java.sql.Time", Sized.of(Jdbc.TIME)),
            Map.entry("LocalDateTime", Sized.of(Jdbc.TIMESTAMP)), Map.entry("java.sql.Timestamp", Sized.of(Jdbc.TIMESTAMP)),
            Map.entry("Instant", Sized.of(Jdbc.TIMESTAMP)), Map.entry("OffsetDateTime", Sized.of(Jdbc.TIMESTAMP)),
            Map.entry("ZonedDateTime", Sized.of(Jdbc.TIMESTAMP)),
            Map.entry("Date", Sized.of(Jdbc.TEMPORAL)), Map.entry("Calendar", Sized.of(Jdbc.TEMPORAL)),
            // UUIDBinaryType: binary(255), bytea on PostgreSQL.
            Map.entry("UUID", Sized.length(Jdbc.BINARY, 255)),
            // DurationType: nanoseconds in a bigint.
            Map.entry("Duration", Sized.of(Jdbc.BIGINT)));

    /** One size band of a type that changes name as it grows ({@code varchar} up to a limit, then {@code text}...). */
    record Tier(long upTo, String template) {
    }

    /** The dialects' {@code columnType}: DDL templates with Hibernate's {@code $l}, {@code $p} and {@code $s}. */
    static final Map<String, Map<Jdbc, String>> DDL = Map.of(
            "POSTGRES", Map.ofEntries(Map.entry(Jdbc.BOOLEAN, "boolean"), Map.entry(Jdbc.TINYINT, "smallint"),
                    Map.entry(Jdbc.SMALLINT, "smallint"), Map.entry(Jdbc.INTEGER, "integer"),
                    Map.entry(Jdbc.BIGINT, "bigint"), Map.entry(Jdbc.FLOAT, "float($p)"),
                    Map.entry(Jdbc.NUMERIC, "numeric($p,$s)"), Map.entry(Jdbc.DATE, "date"),
                    Map.entry(Jdbc.TIME, "time($p)"), Map.entry(Jdbc.TIME_WITH_TIMEZONE, "time($p) with time zone"),
                    Map.entry(Jdbc.TIMESTAMP, "timestamp($p)"),
                    Map.entry(Jdbc.TIMESTAMP_WITH_TIMEZONE, "timestamp($p) with time zone"),
                    Map.entry(Jdbc.CHAR, "char($l)"), Map.entry(Jdbc.CLOB, "oid"), Map.entry(Jdbc.NCLOB, "oid"),
                    Map.entry(Jdbc.BLOB, "oid"), Map.entry(Jdbc.BINARY, "bytea"), Map.entry(Jdbc.VARBINARY, "bytea"),
                    Map.entry(Jdbc.LONG32VARCHAR, "text"), Map.entry(Jdbc.UUID, "uuid"), Map.entry(Jdbc.JSON, "jsonb")),
            "MYSQL", Map.ofEntries(Map.entry(Jdbc.BOOLEAN, "bit"), Map.entry(Jdbc.TINYINT, "tinyint"),
                    Map.entry(Jdbc.SMALLINT, "smallint"), Map.entry(Jdbc.INTEGER, "integer"),
                    Map.entry(Jdbc.BIGINT, "bigint"), Map.entry(Jdbc.FLOAT, "float($p)"),
                    Map.entry(Jdbc.NUMERIC, "decimal($p,$s)"), Map.entry(Jdbc.DATE, "date"),
                    Map.entry(Jdbc.TIME, "time($p)"), Map.entry(Jdbc.TIMESTAMP, "datetime($p)"),
                    Map.entry(Jdbc.TIMESTAMP_WITH_TIMEZONE, "timestamp($p)"), Map.entry(Jdbc.CHAR, "char($l)"),
                    Map.entry(Jdbc.BINARY, "binary($l)"), Map.entry(Jdbc.LONG32VARCHAR, "longtext"),
                    // no uuid type: the fallback is BINARY, 16 bytes
                    Map.entry(Jdbc.UUID, "binary($l)"), Map.entry(Jdbc.JSON, "json"), Map.entry(Jdbc.ENUM, "enum")),
            "H2", Map.ofEntries(Map.entry(Jdbc.BOOLEAN, "boolean"), Map.entry(Jdbc.TINYINT, "tinyint"),
                    Map.entry(Jdbc.SMALLINT, "smallint"), Map.entry(Jdbc.INTEGER, "integer"),
                    Map.entry(Jdbc.BIGINT, "bigint"), Map.entry(Jdbc.FLOAT, "float($p)"),
                    Map.entry(Jdbc.NUMERIC, "numeric($p,$s)"), Map.entry(Jdbc.DATE, "date"),
                    Map.entry(Jdbc.TIME, "time($p)"), Map.entry(Jdbc.TIME_WITH_TIMEZONE, "time($p) with time zone"),
                    Map.entry(Jdbc.TIMESTAMP, "timestamp($p)"),
                    Map.entry(Jdbc.TIMESTAMP_WITH_TIMEZONE, "timestamp($p) with time zone"),
                    Map.entry(Jdbc.CHAR, "char($l)"), Map.entry(Jdbc.CLOB, "clob"), Map.entry(Jdbc.NCLOB, "nclob"),
                    Map.entry(Jdbc.BLOB, "blob"), Map.entry(Jdbc.BINARY, "binary($l)"),
                    Map.entry(Jdbc.LONG32VARCHAR, "clob"), Map.entry(Jdbc.UUID, "uuid"), Map.entry(Jdbc.JSON, "json"),
                    Map.entry(Jdbc.ENUM, "enum")),
            "MSSQL", Map.ofEntries(Map.entry(Jdbc.BOOLEAN, "bit"), Map.entry(Jdbc.TINYINT, "smallint"),
                    Map.entry(Jdbc.SMALLINT, "smallint"), Map.entry(Jdbc.INTEGER, "int"),
                    Map.entry(Jdbc.BIGINT, "bigint"), Map.entry(Jdbc.FLOAT, "float($p)"),
                    Map.entry(Jdbc.NUMERIC, "numeric($p,$s)"), Map.entry(Jdbc.DATE, "date"), Map.entry(Jdbc.TIME, "time"),
                    Map.entry(Jdbc.TIME_WITH_TIMEZONE, "datetimeoffset($p)"), Map.entry(Jdbc.TIMESTAMP, "datetime2($p)"),
                    Map.entry(Jdbc.TIMESTAMP_WITH_TIMEZONE, "datetimeoffset($p)"), Map.entry(Jdbc.CHAR, "char($l)"),
                    Map.entry(Jdbc.CLOB, "varchar(max)"), Map.entry(Jdbc.NCLOB, "nvarchar(max)"),
                    Map.entry(Jdbc.BLOB, "varbinary(max)"), Map.entry(Jdbc.BINARY, "binary($l)"),
                    Map.entry(Jdbc.LONG32VARCHAR, "varchar(max)"), Map.entry(Jdbc.UUID, "uniqueidentifier")),
            "ORACLE", Map.ofEntries(Map.entry(Jdbc.TINYINT, "number(3,0)"), Map.entry(Jdbc.SMALLINT, "number(5,0)"),
                    Map.entry(Jdbc.INTEGER, "number(10,0)"), Map.entry(Jdbc.BIGINT, "number(19,0)"),
                    Map.entry(Jdbc.FLOAT, "float($p)"), Map.entry(Jdbc.NUMERIC, "number($p,$s)"),
                    Map.entry(Jdbc.DATE, "date"), Map.entry(Jdbc.TIME, "timestamp($p)"),
                    Map.entry(Jdbc.TIME_WITH_TIMEZONE, "timestamp($p) with time zone"),
                    Map.entry(Jdbc.TIMESTAMP, "timestamp($p)"),
                    Map.entry(Jdbc.TIMESTAMP_WITH_TIMEZONE, "timestamp($p) with time zone"),
                    Map.entry(Jdbc.CHAR, "char($l)"), Map.entry(Jdbc.CLOB, "clob"), Map.entry(Jdbc.NCLOB, "nclob"),
                    Map.entry(Jdbc.BLOB, "blob"), Map.entry(Jdbc.BINARY, "raw($l)"),
                    Map.entry(Jdbc.LONG32VARCHAR, "clob"), Map.entry(Jdbc.UUID, "raw($l)")));

    /**
     * Types whose name depends on their size ({@code CapacityDependentDdlType}), by the dialects' maximum lengths:
     * PostgreSQL 10,485,760; MySQL 16,383 characters (utf8mb4, Hibernate's assumption without a connection) and
     * 65,535 bytes, then its text and blob sizes; H2 1,048,576; SQL Server 8,000 (4,000 national); Oracle 4,000
     * (2,000 bytes). The last tier takes everything larger.
     */
    static final Map<String, Map<Jdbc, List<Tier>>> CAPACITY = Map.of(
            "POSTGRES", Map.of(
                    Jdbc.VARCHAR, List.of(new Tier(10_485_760, "varchar($l)"), new Tier(Long.MAX_VALUE, "text")),
                    Jdbc.NVARCHAR, List.of(new Tier(10_485_760, "varchar($l)"), new Tier(Long.MAX_VALUE, "text"))),
            "MYSQL", Map.of(
                    Jdbc.VARCHAR, List.of(new Tier(16_383, "varchar($l)"), new Tier(65_535, "text"),
                            new Tier(16_777_215, "mediumtext"), new Tier(Long.MAX_VALUE, "longtext")),
                    Jdbc.NVARCHAR, List.of(new Tier(16_383, "varchar($l)"), new Tier(65_535, "text"),
                            new Tier(16_777_215, "mediumtext"), new Tier(Long.MAX_VALUE, "longtext")),
                    Jdbc.VARBINARY, List.of(new Tier(65_535, "varbinary($l)"), new Tier(16_777_215, "mediumblob"),
                            new Tier(Long.MAX_VALUE, "longblob")),
                    Jdbc.CLOB, List.of(new Tier(255, "tinytext"), new Tier(65_535, "text"),
                            new Tier(16_777_215, "mediumtext"), new Tier(Long.MAX_VALUE, "longtext")),
                    Jdbc.NCLOB, List.of(new Tier(255, "tinytext"), new Tier(65_535, "text"),
                            new Tier(16_777_215, "mediumtext"), new Tier(Long.MAX_VALUE, "longtext")),
                    Jdbc.BLOB, List.of(new Tier(255, "tinyblob"), new Tier(65_535, "blob"),
                            new Tier(16_777_215, "mediumblob"), new Tier(Long.MAX_VALUE, "longblob"))),
            "H2", Map.of(
                    Jdbc.VARCHAR, List.of(new Tier(1_048_576, "varchar($l)"), new Tier(Long.MAX_VALUE, "clob")),
                    Jdbc.NVARCHAR, List.of(new Tier(1_048_576, "varchar($l)"), new Tier(Long.MAX_VALUE, "clob")),
                    Jdbc.VARBINARY, List.of(new Tier(1_048_576, "varbinary($l)"), new Tier(Long.MAX_VALUE, "blob"))),
            "MSSQL", Map.of(
                    Jdbc.VARCHAR, List.of(new Tier(8_000, "varchar($l)"), new Tier(Long.MAX_VALUE, "varchar(max)")),
                    Jdbc.NVARCHAR, List.of(new Tier(4_000, "nvarchar($l)"), new Tier(Long.MAX_VALUE, "nvarchar(max)")),
                    Jdbc.VARBINARY, List.of(new Tier(8_000, "varbinary($l)"), new Tier(Long.MAX_VALUE, "varbinary(max)"))),
            "ORACLE", Map.of(
                    Jdbc.VARCHAR, List.of(new Tier(4_000, "varchar2($l char)"), new Tier(Long.MAX_VALUE, "clob")),
                    Jdbc.NVARCHAR, List.of(new Tier(4_000, "nvarchar2($l)"), new Tier(Long.MAX_VALUE, "nclob")),
                    Jdbc.VARBINARY, List.of(new Tier(2_000, "raw($l)"), new Tier(Long.MAX_VALUE, "blob"))));

    /**
     * Hibernate 5's {@code registerColumnType} where it writes a JDBC type otherwise than Hibernate 6's template
     * (PostgreSQL10Dialect, MySQL8Dialect, H2Dialect, SQLServer2012Dialect, Oracle12cDialect); elsewhere it writes
     * what Hibernate 6 does.
     */
    static final Map<String, Map<Jdbc, String>> DDL_V5 = Map.of(
            // PostgreSQL81Dialect: a CLOB (an @Lob String) is text; Hibernate 6 made it oid.
            "POSTGRES", Map.of(Jdbc.DOUBLE, "float8", Jdbc.FLOAT, "float4", Jdbc.TIME, "time", Jdbc.TIMESTAMP, "timestamp",
                    Jdbc.CLOB, "text"),
            "MYSQL", Map.of(Jdbc.DOUBLE, "double precision", Jdbc.FLOAT, "float", Jdbc.TIME, "time",
                    Jdbc.TIMESTAMP, "datetime(6)"),
            "H2", Map.of(Jdbc.DOUBLE, "double", Jdbc.FLOAT, "float", Jdbc.TIME, "time", Jdbc.TIMESTAMP, "timestamp"),
            "MSSQL", Map.of(Jdbc.DOUBLE, "double precision", Jdbc.FLOAT, "float", Jdbc.TIME, "time",
                    Jdbc.TIMESTAMP, "datetime2"),
            "ORACLE", Map.of(Jdbc.DOUBLE, "double precision", Jdbc.FLOAT, "float", Jdbc.TIME, "date",
                    Jdbc.TIMESTAMP, "timestamp", Jdbc.BOOLEAN, "number(1,0)"));

    /** Hibernate 5's size bands where they differ: MySQL's blobs for bytes and longtext past 65,535; Oracle's long. */
    static final Map<String, Map<Jdbc, List<Tier>>> CAPACITY_V5 = Map.of(
            "MYSQL", Map.of(
                    Jdbc.VARCHAR, List.of(new Tier(65_535, "varchar($l)"), new Tier(Long.MAX_VALUE, "longtext")),
                    Jdbc.VARBINARY, List.of(new Tier(255, "tinyblob"), new Tier(65_535, "blob"),
                            new Tier(16_777_215, "mediumblob"), new Tier(Long.MAX_VALUE, "longblob"))),
            "ORACLE", Map.of(
                    Jdbc.VARCHAR, List.of(new Tier(4_000, "varchar2($l char)"), new Tier(Long.MAX_VALUE, "long"))));

    /**
     * Whether the dialect keeps a time zone in the column ({@code TimeZoneSupport.NATIVE}): H2, SQL Server and Oracle
     * do; PostgreSQL normalises to UTC but still declares {@code timestamp with time zone} for an instant; MySQL has
     * neither.
     */
    static final Map<String, Boolean> NATIVE_TIME_ZONE = Map.of("POSTGRES", false, "MYSQL", false, "H2", true,
            "MSSQL", true, "ORACLE", true);

    /** {@code getIdentityColumnString}: by default as identity, {@code auto_increment}, SQL Server's {@code identity}. */
    static final Map<String, Generated> IDENTITY = Map.of("POSTGRES", Generated.IDENTITY_BY_DEFAULT,
            "MYSQL", Generated.AUTO_INCREMENT, "H2", Generated.IDENTITY_BY_DEFAULT, "MSSQL", Generated.AUTO_INCREMENT,
            "ORACLE", Generated.IDENTITY_BY_DEFAULT);

    /** Every entry of the tables above, as {@link Resolved#rules} names them. */
    static Set<String> entries() {
        Set<String> out = new TreeSet<>();
        JAVA.keySet().forEach(k -> out.add("java:" + k));
        JAVA_V5.keySet().forEach(k -> out.add("java5:" + k));
        DDL.forEach((d, m) -> m.keySet().forEach(k -> out.add("ddl:" + d + ":" + k)));
        CAPACITY.forEach((d, m) -> m.forEach((k, tiers) -> tiers.forEach(t -> out.add(tierRule(d, k, t)))));
        DDL_V5.forEach((d, m) -> m.keySet().forEach(k -> out.add("ddl5:" + d + ":" + k)));
        CAPACITY_V5.forEach((d, m) -> m.forEach((k, tiers) -> tiers.forEach(t -> out.add("5" + tierRule(d, k, t)))));
        NATIVE_TIME_ZONE.keySet().forEach(d -> out.add("zone:" + d));
        IDENTITY.keySet().forEach(d -> out.add("identity:" + d));
        return out;
    }

    private static String tierRule(String dialect, Jdbc jdbc, Tier t) {
        return "capacity:" + dialect + ":" + jdbc + ":" + (t.upTo() == Long.MAX_VALUE ? "max" : t.upTo());
    }

    private static String tables(Dialect dialect) {
        return switch (dialect) {
            case POSTGRES -> "POSTGRES";
            case MYSQL, MARIADB -> "MYSQL";
            case H2 -> "H2";
            case MSSQL -> "MSSQL";
            case ORACLE -> "ORACLE";
            case SQLITE -> null;
        };
    }

    /**
     * The column Hibernate makes of {@code field}. With {@code validationDdl} (Hibernate's
     * {@code hibernate.validator.apply_to_ddl}, the project's {@code entities.validation-ddl}), {@code @NotNull} makes
     * it NOT NULL and {@code @Size(max)}/{@code @Length(max)} sets a string's length.
     */
    public static Resolved resolve(Dialect dialect, Version version, Field field, boolean validationDdl) {
        List<String> rules = new ArrayList<>();
        List<String> fromValidation = new ArrayList<>();
        String d = tables(dialect);
        ColumnDefault dflt = field.columnDefault() == null ? ColumnDefault.NONE : ColumnDefault.of(field.columnDefault());
        boolean nullable = nullable(field, validationDdl, fromValidation);
        Generated generated = Generated.NONE;
        if (field.id() && field.generation() == Generation.IDENTITY) {
            boolean versionDependent = version == Version.V5 && (dialect == Dialect.POSTGRES || dialect == Dialect.ORACLE);
            generated = d == null || versionDependent ? Generated.UNKNOWN : IDENTITY.get(d);
            if (d != null && !versionDependent) rules.add("identity:" + d);
        }
        if (d == null) {
            return new Resolved(null, null, null, nullable, field.unique(), dflt, generated, fromValidation, rules);
        }

        if (field.columnDefinition() != null) {
            Definition def = Definition.parse(dialect, field.columnDefinition());
            if (def.notNull()) nullable = false;
            if (def.defaultSql() != null) dflt = ColumnDefault.of(def.defaultSql());
            return new Resolved(def.type(), def.enumValues(), null, nullable, field.unique() || def.unique(), dflt,
                    generated, fromValidation, rules);
        }

        Sized sized = sized(dialect, version, field, rules);
        if (sized == null) {
            return new Resolved(null, null, null, nullable, field.unique(), dflt, generated, fromValidation, rules);
        }
        boolean stringEnum = field.enumConstants() != null && field.enumerated() == EnumMapping.STRING;
        List<String> enumValues = sized.jdbc() == Jdbc.ENUM ? field.enumConstants() : null;
        List<String> checkValues = stringEnum && version == Version.V6 && sized.jdbc() != Jdbc.ENUM
                ? field.enumConstants() : null;
        Integer length = field.length() != null ? field.length() : sized.length();
        if (validationDdl && field.sizeMax() != null && sized.jdbc() == Jdbc.VARCHAR) {
            length = field.sizeMax();
            fromValidation.add("length " + length + " from @Size(max)/@Length(max)");
        }
        Integer precision = field.precision() != null ? field.precision() : sized.precision();
        Integer scale = field.scale() != null ? field.scale() : sized.scale();
        if (sized.jdbc() == Jdbc.FLOAT && field.precision() != null) {
            // @Column(precision) counts decimal digits; SQL's float(p) counts bits.
            precision = (int) Math.ceil(field.precision() * Math.log(10) / Math.log(2));
        }
        String template = template(d, version, sized.jdbc(), length, rules);
        SqlType type = template == null ? null : SqlType.parse(dialect, render(template, length, precision, scale));
        return new Resolved(type, enumValues, checkValues, nullable, field.unique(), dflt, generated, fromValidation,
                rules);
    }

    /** The JDBC type and default size of the field, after the annotations that choose them; null when unknown. */
    private static Sized sized(Dialect dialect, Version version, Field field, List<String> rules) {
        String d = tables(dialect);
        if (field.jdbcTypeCode() != null) {
            Jdbc j = jdbc(field.jdbcTypeCode());
            Sized base = javaSized(version, simpleName(field.javaType()), new ArrayList<>());
            if (j == null) return null;
            // Hibernate 6 declares a DOUBLE as float(53) (DoubleJdbcType's DDL type is FLOAT).
            if (j == Jdbc.DOUBLE && version == Version.V6) return Sized.precision(Jdbc.FLOAT, 53, null);
            return new Sized(j, base != null && base.length() != null ? base.length() : 255,
                    base == null ? null : base.precision(), base == null ? null : base.scale());
        }
        if (field.enumConstants() != null) return enumSized(d, version, field);
        String name = simpleName(field.javaType());
        if (field.lob()) {
            boolean text = name.equals("String") || name.equals("char[]") || name.equals("Character[]");
            boolean bytes = name.equals("byte[]") || name.equals("Byte[]");
            if (!text && !bytes) return null;
            // A lob's default length: the database's largest (MySQL, SQL Server), else Hibernate's 1 MiB default.
            long lobLength = d.equals("MYSQL") || d.equals("MSSQL") ? Integer.MAX_VALUE : 1_048_576;
            Jdbc j = bytes ? Jdbc.BLOB : field.nationalized() ? Jdbc.NCLOB : Jdbc.CLOB;
            return new Sized(j, (int) Math.min(lobLength, Integer.MAX_VALUE), null, null);
        }
        Sized s = javaSized(version, name, rules);
        if (s == null) return null;
        if (s.jdbc() == Jdbc.VARCHAR && field.nationalized()) s = new Sized(Jdbc.NVARCHAR, s.length(), null, null);
        if (s.jdbc() == Jdbc.TEMPORAL) {
            Temporal t = field.temporal() == null ? Temporal.TIMESTAMP : field.temporal();
            Jdbc j = switch (t) {
                case DATE -> Jdbc.DATE;
                case TIME -> Jdbc.TIME;
                case TIMESTAMP -> Jdbc.TIMESTAMP;
            };
            s = new Sized(j, null, j == Jdbc.DATE ? null : s.precision(), null);
        }
        boolean nativeZone = NATIVE_TIME_ZONE.get(d);
        if (s.jdbc() == Jdbc.ZONED_TIMESTAMP || s.jdbc() == Jdbc.ZONED_TIME || s.jdbc() == Jdbc.TIMESTAMP_UTC) {
            rules.add("zone:" + d);
        }
        if (s.jdbc() == Jdbc.ZONED_TIMESTAMP) {
            s = new Sized(nativeZone ? Jdbc.TIMESTAMP_WITH_TIMEZONE : Jdbc.TIMESTAMP_UTC, null, s.precision(), null);
        }
        if (s.jdbc() == Jdbc.ZONED_TIME) {
            s = new Sized(nativeZone ? Jdbc.TIME_WITH_TIMEZONE : Jdbc.TIME, null, s.precision(), null);
        }
        if (s.jdbc() == Jdbc.TIMESTAMP_UTC) {
            // PostgreSQL declares an instant with time zone though it does not keep the zone (TIMESTAMP_UTC override).
            boolean zoned = nativeZone || d.equals("POSTGRES");
            s = new Sized(zoned ? Jdbc.TIMESTAMP_WITH_TIMEZONE : Jdbc.TIMESTAMP, null, s.precision(), null);
        }
        if (s.jdbc() == Jdbc.UUID && dialect == Dialect.MARIADB) return null;
        return s;
    }

    private static Sized javaSized(Version version, String name, List<String> rules) {
        if (version == Version.V5 && JAVA_V5.containsKey(name)) {
            rules.add("java5:" + name);
            return JAVA_V5.get(name);
        }
        Sized s = JAVA.get(name);
        if (s != null) rules.add("java:" + name);
        return s;
    }

    /**
     * {@code EnumJavaType}: ORDINAL is a tinyint (a smallint past 128 constants; Hibernate 5: an integer); STRING is the
     * database's enum type where Hibernate registers one (MySQL, H2), else a char for length 1, else a varchar(255).
     */
    private static Sized enumSized(String d, Version version, Field field) {
        if (field.enumerated() != EnumMapping.STRING) {
            if (version == Version.V5) return Sized.of(Jdbc.INTEGER);
            return Sized.of(field.enumConstants().size() > 128 ? Jdbc.SMALLINT : Jdbc.TINYINT);
        }
        if (version == Version.V6 && DDL.get(d).containsKey(Jdbc.ENUM)) return Sized.of(Jdbc.ENUM);
        if (field.length() != null && field.length() == 1) return Sized.length(Jdbc.CHAR, 1);
        return Sized.length(field.nationalized() ? Jdbc.NVARCHAR : Jdbc.VARCHAR, 255);
    }

    /** The DDL template for the JDBC type at this length: Hibernate 5's where it differs, the size's tier, the base. */
    private static String template(String d, Version version, Jdbc jdbc, Integer length, List<String> rules) {
        long l = length == null ? 255 : length;
        if (version == Version.V5) {
            Tier t = tier(CAPACITY_V5.getOrDefault(d, Map.of()).get(jdbc), l);
            if (t != null) {
                rules.add("5" + tierRule(d, jdbc, t));
                return t.template();
            }
            if (DDL_V5.get(d).containsKey(jdbc)) {
                rules.add("ddl5:" + d + ":" + jdbc);
                return DDL_V5.get(d).get(jdbc);
            }
        }
        Tier t = tier(CAPACITY.get(d).get(jdbc), l);
        if (t != null) {
            rules.add(tierRule(d, jdbc, t));
            return t.template();
        }
        String base = DDL.get(d).get(jdbc);
        if (base != null) rules.add("ddl:" + d + ":" + jdbc);
        return base;
    }

    private static Tier tier(List<Tier> tiers, long length) {
        if (tiers == null) return null;
        for (Tier t : tiers) {
            if (length <= t.upTo()) return t;
        }
        return null;
    }

    private static String render(String template, Integer length, Integer precision, Integer scale) {
        return template.replace("$l", String.valueOf(length)).replace("$p", String.valueOf(precision))
                .replace("$s", String.valueOf(scale));
    }

    /**
     * Nullability as {@code PropertyBinder} and {@code AnnotatedColumn} decide it: an id, {@code @Basic(optional =
     * false)} and {@code @Column(nullable = false)} are NOT NULL; {@code @Column} otherwise leaves the column nullable
     * even on a primitive; without {@code @Column} a primitive outside an embeddable is NOT NULL. A subclass's column
     * in single-table inheritance is always nullable (other subclasses' rows leave it empty).
     */
    private static boolean nullable(Field field, boolean validationDdl, List<String> fromValidation) {
        if (field.id()) return false;
        if (field.singleTableSubclass()) return true;
        if (Boolean.FALSE.equals(field.basicOptional())) return false;
        boolean nullable;
        if (field.column()) {
            nullable = field.nullable() == null || field.nullable();
        } else {
            boolean primitive = PRIMITIVES.contains(field.javaType());
            nullable = !primitive || field.embedded() || Boolean.TRUE.equals(field.basicOptional());
        }
        if (nullable && validationDdl && field.notNull()) {
            fromValidation.add("NOT NULL from @NotNull");
            return false;
        }
        return nullable;
    }

    private static final Set<String> PRIMITIVES = Set.of("boolean", "byte", "short", "int", "long", "float", "double",
            "char");

    private static final Map<String, String> QUALIFIED = new HashMap<>();

    static {
        Map<String, List<String>> packages = Map.of(
                "java.lang.", List.of("Boolean", "Byte", "Short", "Integer", "Long", "Float", "Double", "Character",
                        "String"),
                "java.math.", List.of("BigDecimal", "BigInteger"),
                "java.time.", List.of("LocalDate", "LocalTime", "LocalDateTime", "Instant", "OffsetDateTime",
                        "ZonedDateTime", "OffsetTime", "Duration"),
                "java.util.", List.of("Date", "Calendar", "UUID"));
        packages.forEach((p, names) -> names.forEach(n -> QUALIFIED.put(p + n, n)));
    }

    /** {@code java.time.Instant} is {@code Instant}; {@code java.sql} types keep their package (they differ). */
    private static String simpleName(String javaType) {
        String t = javaType.strip().replaceAll("\\s+", "");
        return QUALIFIED.getOrDefault(t, t);
    }

    private static Jdbc jdbc(String code) {
        String c = code.strip();
        int dot = c.lastIndexOf('.');
        if (dot >= 0) c = c.substring(dot + 1);
        try {
            Jdbc j = Jdbc.valueOf(c.toUpperCase(Locale.ROOT));
            return j.ordinal() <= Jdbc.ENUM.ordinal() ? j : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A {@code columnDefinition}, which Hibernate writes in place of the type (then adds {@code not null} for a
     * non-nullable column): the type when the text starts with one, a {@code not null}, a {@code default} and a
     * {@code unique} when it says so.
     */
    record Definition(SqlType type, List<String> enumValues, boolean notNull, boolean unique, String defaultSql) {
        private static final Pattern CLAUSE = Pattern.compile(
                "(?<!not) (?=(?:not null|null|default|unique|primary key|check|references|collate|character set"
                        + "|charset|generated|auto_increment|identity|comment|constraint)\\b)",
                Pattern.CASE_INSENSITIVE);
        private static final Pattern ENUM = Pattern.compile("(?i)\\s*enum\\s*\\((.*)\\)\\s*");

        static Definition parse(Dialect dialect, String text) {
            String[] parts = CLAUSE.split(text.strip().replaceAll("\\s+", " "));
            String typeText = parts[0];
            SqlType type;
            List<String> values = null;
            Matcher e = ENUM.matcher(typeText);
            if (e.matches()) {
                type = SqlType.of("enum");
                values = quoted(e.group(1));
            } else {
                type = SqlType.parse(dialect, typeText);
            }
            boolean notNull = false;
            boolean unique = false;
            String dflt = null;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip();
                String lower = p.toLowerCase(Locale.ROOT);
                if (lower.equals("not null")) notNull = true;
                else if (lower.startsWith("unique")) unique = true;
                else if (lower.startsWith("primary")) notNull = true;
                else if (lower.startsWith("default")) dflt = p.substring("default".length()).strip();
            }
            return new Definition(type, values, notNull, unique, dflt);
        }

        private static List<String> quoted(String list) {
            List<String> out = new ArrayList<>();
            Matcher m = Pattern.compile("'((?:[^']|'')*)'").matcher(list);
            while (m.find()) out.add(m.group(1).replace("''", "'"));
            return out;
        }
    }
}
