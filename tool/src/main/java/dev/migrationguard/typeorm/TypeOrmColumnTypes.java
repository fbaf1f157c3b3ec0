package dev.migrationguard.typeorm;

import dev.migrationguard.model.schema.ColumnDefault;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.Generated;
import dev.migrationguard.model.schema.SqlType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What column TypeORM makes of a column decorator, per driver: the SQL type, its length, nullability, default and
 * generation, as its schema builder would write them in {@code CREATE TABLE}. Written from TypeORM's own rules (0.3.x to
 * 1.1), read in {@code typeorm/typeorm}: {@code src/driver/postgres/PostgresDriver.ts},
 * {@code src/driver/mysql/MysqlDriver.ts}, {@code src/driver/sqlite-abstract/AbstractSqliteDriver.ts} with
 * {@code src/driver/better-sqlite3/BetterSqlite3Driver.ts}, {@code src/driver/sqlserver/SqlServerDriver.ts} and
 * {@code src/driver/oracle/OracleDriver.ts} ({@code normalizeType}, {@code getColumnLength}, {@code createFullType},
 * {@code normalizeDefault}, {@code mappedDataTypes}), each driver's {@code QueryRunner.buildCreateColumnSql}, the
 * column decorators in {@code src/decorator/columns/}, {@code src/metadata/ColumnMetadata.ts} and
 * {@code src/metadata-builder/EntityMetadataBuilder.ts}. Pure functions: the reader supplies what the source says.
 * <p>
 * Where TypeORM would refuse the column at startup (no type it can use, a type the driver lacks) or the outcome
 * depends on the server's version (MariaDB's {@code uuid} from 10.7), the type is unknown (null): the diff then
 * cannot tell, and says nothing.
 */
public final class TypeOrmColumnTypes {
    private TypeOrmColumnTypes() {
    }

    /**
     * The property's type as {@code tsc}'s {@code emitDecoratorMetadata} records it ({@code design:type}): {@code string}
     * and a string enum are {@link #STRING}; {@code number} and a numeric enum {@link #NUMBER}; {@code Buffer} (any
     * {@code Uint8Array}) {@link #BUFFER}; an object type, an interface, a mixed enum and, under
     * {@code strictNullChecks}, any union with {@code null} or {@code undefined} {@link #OBJECT}; {@code T[]}
     * {@link #ARRAY}; {@code any}, {@code unknown} or no metadata {@link #NONE}. A type alias is what it aliases.
     */
    public enum DesignType { STRING, NUMBER, BOOLEAN, DATE, BUFFER, OBJECT, ARRAY, NONE }

    /** The decorator: {@code @Column}, {@code @PrimaryColumn}, each strategy of {@code @PrimaryGeneratedColumn}, the special columns. */
    public enum Kind { COLUMN, PRIMARY, INCREMENT, IDENTITY, UUID, ROWID, CREATE_DATE, UPDATE_DATE, DELETE_DATE, VERSION }

    /**
     * The column options as written (null or false when absent).
     *
     * @param type              {@code type} (or the decorator's first argument): a spelling ({@code 'varchar'}) or a
     *                          constructor name ({@code String}, {@code Number}, {@code Boolean}, {@code Date}, {@code Buffer})
     * @param length            {@code length}
     * @param precision         {@code precision}
     * @param scale             {@code scale}
     * @param width             {@code width} (MySQL display width, TypeORM 0.3)
     * @param unsigned          {@code unsigned}
     * @param array             {@code array}
     * @param nullable          {@code nullable}
     * @param defaultNull       {@code default: null}, which makes the column nullable
     * @param enumValues        the values of {@code enum} (for a TypeScript enum, its members' values as text)
     * @param enumName          {@code enumName}
     * @param generatedIdentity {@code generatedIdentity} ({@code ALWAYS} or {@code BY DEFAULT})
     * @param uuidExtension     the data source's {@code uuidExtension} ({@code pgcrypto} or {@code uuid-ossp})
     */
    public record Options(String type, Integer length, Integer precision, Integer scale, Integer width, boolean unsigned,
                          boolean array, Boolean nullable, boolean defaultNull, List<String> enumValues, String enumName,
                          String generatedIdentity, String uuidExtension) {
        public Options {
            enumValues = enumValues == null ? null : List.copyOf(enumValues);
        }

        public static Options none() {
            return new Options(null, null, null, null, null, false, false, null, false, null, null, null, null);
        }

        public Options withType(String t) {
            return new Options(t, length, precision, scale, width, unsigned, array, nullable, defaultNull, enumValues,
                    enumName, generatedIdentity, uuidExtension);
        }

        public Options withLength(Integer l) {
            return new Options(type, l, precision, scale, width, unsigned, array, nullable, defaultNull, enumValues,
                    enumName, generatedIdentity, uuidExtension);
        }

        public Options withPrecision(Integer p, Integer s) {
            return new Options(type, length, p, s, width, unsigned, array, nullable, defaultNull, enumValues, enumName,
                    generatedIdentity, uuidExtension);
        }

        public Options withWidth(Integer w, boolean isUnsigned) {
            return new Options(type, length, precision, scale, w, isUnsigned, array, nullable, defaultNull, enumValues,
                    enumName, generatedIdentity, uuidExtension);
        }

        public Options withArray(boolean a) {
            return new Options(type, length, precision, scale, width, unsigned, a, nullable, defaultNull, enumValues,
                    enumName, generatedIdentity, uuidExtension);
        }

        public Options withNullable(Boolean n, boolean isDefaultNull) {
            return new Options(type, length, precision, scale, width, unsigned, array, n, isDefaultNull, enumValues,
                    enumName, generatedIdentity, uuidExtension);
        }

        public Options withEnum(List<String> values, String name) {
            return new Options(type, length, precision, scale, width, unsigned, array, nullable, defaultNull, values, name,
                    generatedIdentity, uuidExtension);
        }

        public Options withGeneration(String identity, String extension) {
            return new Options(type, length, precision, scale, width, unsigned, array, nullable, defaultNull, enumValues,
                    enumName, identity, extension);
        }
    }

    /**
     * The column TypeORM makes.
     *
     * @param type          the canonical SQL type; null when TypeORM would refuse the column or it cannot be told
     * @param enumValues    the values an enum column allows (a MySQL {@code enum(...)}, the named type's labels, or the
     *                      check TypeORM adds on SQLite and SQL Server); null for other columns
     * @param enumTypeName  on PostgreSQL, the enum type TypeORM creates for the column; null otherwise
     * @param nullable      whether it accepts NULL
     * @param defaultValue  the default TypeORM gives the column by itself (a date column's {@code now()}, a uuid
     *                      key's generator); an explicit {@code default} option replaces it ({@link #defaultValue})
     * @param generated     how the database fills it
     * @param rules         the entries of this class's tables that decided it, for tests and explanations
     */
    public record Resolved(SqlType type, List<String> enumValues, String enumTypeName, boolean nullable,
                           ColumnDefault defaultValue, Generated generated, List<String> rules) {
        public Resolved {
            enumValues = enumValues == null ? null : List.copyOf(enumValues);
            rules = List.copyOf(rules);
        }
    }

    /** The driver behind each dialect: MariaDB uses MySQL's. H2 has no TypeORM driver. */
    private enum Driver { POSTGRES, MYSQL, SQLITE, MSSQL, ORACLE }

    private static Driver driver(Dialect dialect) {
        return switch (dialect) {
            case POSTGRES -> Driver.POSTGRES;
            case MYSQL, MARIADB -> Driver.MYSQL;
            case SQLITE -> Driver.SQLITE;
            case MSSQL -> Driver.MSSQL;
            case ORACLE -> Driver.ORACLE;
            case H2 -> null;
        };
    }

    /** {@code normalizeType} on a constructor: the type each driver gives a property with no explicit {@code type}. */
    static final Map<Driver, Map<DesignType, String>> DESIGN = Map.of(
            Driver.POSTGRES, Map.of(DesignType.STRING, "character varying", DesignType.NUMBER, "integer",
                    DesignType.BOOLEAN, "boolean", DesignType.DATE, "timestamp without time zone"),
            Driver.MYSQL, Map.of(DesignType.STRING, "varchar", DesignType.NUMBER, "int", DesignType.BOOLEAN, "tinyint",
                    DesignType.DATE, "datetime", DesignType.BUFFER, "blob"),
            // Buffer is better-sqlite3's; the sqlite3 driver refuses it, so a project that runs uses the former.
            Driver.SQLITE, Map.of(DesignType.STRING, "varchar", DesignType.NUMBER, "integer", DesignType.BOOLEAN, "boolean",
                    DesignType.DATE, "datetime", DesignType.BUFFER, "blob"),
            Driver.MSSQL, Map.of(DesignType.STRING, "nvarchar", DesignType.NUMBER, "int", DesignType.BOOLEAN, "bit",
                    DesignType.DATE, "datetime", DesignType.BUFFER, "binary"),
            Driver.ORACLE, Map.of(DesignType.STRING, "varchar2", DesignType.NUMBER, "number", DesignType.BOOLEAN, "number",
                    DesignType.DATE, "timestamp", DesignType.BUFFER, "blob"));

    /** {@code normalizeType} on a spelled type: the spellings each driver rewrites before writing DDL. */
    static final Map<Driver, Map<String, String>> ALIASES = Map.of(
            Driver.POSTGRES, Map.ofEntries(Map.entry("int", "integer"), Map.entry("int4", "integer"),
                    Map.entry("varchar", "character varying"), Map.entry("timestamp", "timestamp without time zone"),
                    Map.entry("timestamptz", "timestamp with time zone"), Map.entry("time", "time without time zone"),
                    Map.entry("timetz", "time with time zone"), Map.entry("bool", "boolean"),
                    Map.entry("simple-array", "text"), Map.entry("simple-json", "text"), Map.entry("simple-enum", "enum"),
                    Map.entry("int2", "smallint"), Map.entry("int8", "bigint"), Map.entry("decimal", "numeric"),
                    Map.entry("float8", "double precision"), Map.entry("float", "double precision"),
                    Map.entry("float4", "real"), Map.entry("char", "character"), Map.entry("varbit", "bit varying")),
            Driver.MYSQL, Map.ofEntries(Map.entry("integer", "int"), Map.entry("uuid", "varchar"),
                    Map.entry("simple-array", "text"), Map.entry("simple-json", "text"), Map.entry("simple-enum", "enum"),
                    Map.entry("double precision", "double"), Map.entry("real", "double"), Map.entry("dec", "decimal"),
                    Map.entry("numeric", "decimal"), Map.entry("fixed", "decimal"), Map.entry("bool", "tinyint"),
                    Map.entry("boolean", "tinyint"), Map.entry("nvarchar", "varchar"),
                    Map.entry("national varchar", "varchar"), Map.entry("nchar", "char"),
                    Map.entry("national char", "char")),
            Driver.SQLITE, Map.of("int", "integer", "uuid", "varchar", "simple-array", "text", "simple-json", "text",
                    "simple-enum", "varchar"),
            Driver.MSSQL, Map.of("integer", "int", "uuid", "uniqueidentifier", "simple-array", "ntext",
                    "simple-json", "ntext", "simple-enum", "nvarchar", "dec", "decimal", "double precision", "float",
                    "rowversion", "timestamp"),
            Driver.ORACLE, Map.ofEntries(Map.entry("numeric", "number"), Map.entry("dec", "number"),
                    Map.entry("decimal", "number"), Map.entry("int", "number"), Map.entry("integer", "number"),
                    Map.entry("smallint", "number"), Map.entry("real", "float"), Map.entry("double precision", "float"),
                    Map.entry("varchar", "varchar2"), Map.entry("uuid", "varchar2"), Map.entry("simple-array", "clob"),
                    Map.entry("simple-json", "clob")));

    /**
     * {@code getColumnLength}: the length each driver writes when none is given, by the type as declared
     * ({@code String} standing for the constructor) and, failing that, by the type it normalises to.
     */
    static final Map<Driver, Map<String, Integer>> LENGTHS = Map.of(
            Driver.POSTGRES, Map.of(),
            Driver.MYSQL, Map.of("String", 255, "varchar", 255, "nvarchar", 255, "national varchar", 255,
                    "varbinary", 255),
            Driver.SQLITE, Map.of(),
            Driver.MSSQL, Map.of("String", 255, "varchar", 255, "nvarchar", 255),
            Driver.ORACLE, Map.of("String", 255, "varchar", 255, "varchar2", 255, "nvarchar2", 255, "raw", 2000,
                    "uuid", 36));

    /** A special column's type, fractional precision and default ({@code mappedDataTypes}). */
    record Special(String type, Integer precision, String defaultSql) {
    }

    static final Map<Driver, Map<Kind, Special>> SPECIAL = Map.of(
            Driver.POSTGRES, Map.of(Kind.CREATE_DATE, new Special("timestamp", null, "now()"),
                    Kind.UPDATE_DATE, new Special("timestamp", null, "now()"),
                    Kind.DELETE_DATE, new Special("timestamp", null, null), Kind.VERSION, new Special("int4", null, null)),
            Driver.MYSQL, Map.of(Kind.CREATE_DATE, new Special("datetime", 6, "CURRENT_TIMESTAMP(6)"),
                    Kind.UPDATE_DATE, new Special("datetime", 6, "CURRENT_TIMESTAMP(6)"),
                    Kind.DELETE_DATE, new Special("datetime", 6, null), Kind.VERSION, new Special("int", null, null)),
            Driver.SQLITE, Map.of(Kind.CREATE_DATE, new Special("datetime", null, "datetime('now')"),
                    Kind.UPDATE_DATE, new Special("datetime", null, "datetime('now')"),
                    Kind.DELETE_DATE, new Special("datetime", null, null), Kind.VERSION, new Special("integer", null, null)),
            Driver.MSSQL, Map.of(Kind.CREATE_DATE, new Special("datetime2", null, "getdate()"),
                    Kind.UPDATE_DATE, new Special("datetime2", null, "getdate()"),
                    Kind.DELETE_DATE, new Special("datetime2", null, null), Kind.VERSION, new Special("int", null, null)),
            Driver.ORACLE, Map.of(Kind.CREATE_DATE, new Special("timestamp", null, "CURRENT_TIMESTAMP"),
                    Kind.UPDATE_DATE, new Special("timestamp", null, "CURRENT_TIMESTAMP"),
                    Kind.DELETE_DATE, new Special("timestamp", null, null), Kind.VERSION, new Special("number", null, null)));

    /**
     * How each driver's {@code buildCreateColumnSql} makes a generated key: PostgreSQL {@code SERIAL} (a sequence) or
     * an identity, MySQL {@code AUTO_INCREMENT}, SQLite {@code AUTOINCREMENT}, SQL Server {@code IDENTITY(1,1)},
     * Oracle {@code GENERATED BY DEFAULT AS IDENTITY}. A strategy not listed adds nothing to the DDL (a uuid is
     * made by TypeORM or by the default of {@link #UUID_DEFAULTS}).
     */
    static final Map<Driver, Map<Kind, Generated>> GENERATION = Map.of(
            Driver.POSTGRES, Map.of(Kind.INCREMENT, Generated.SEQUENCE, Kind.IDENTITY, Generated.IDENTITY_BY_DEFAULT,
                    Kind.ROWID, Generated.SEQUENCE),
            Driver.MYSQL, Map.of(Kind.INCREMENT, Generated.AUTO_INCREMENT),
            Driver.SQLITE, Map.of(Kind.INCREMENT, Generated.AUTO_INCREMENT),
            Driver.MSSQL, Map.of(Kind.INCREMENT, Generated.AUTO_INCREMENT),
            Driver.ORACLE, Map.of(Kind.INCREMENT, Generated.IDENTITY_BY_DEFAULT));

    /** The default a uuid key gets in the database (PostgreSQL's depends on the data source's {@code uuidExtension}). */
    static final Map<Driver, String> UUID_DEFAULTS = Map.of(Driver.POSTGRES, "uuid_generate_v4()",
            Driver.MSSQL, "NEWSEQUENTIALID()");

    /**
     * The enum spellings each driver accepts: PostgreSQL makes a named type, MySQL an inline {@code enum(...)}, SQLite
     * a {@code varchar} and SQL Server an {@code nvarchar(255)} with a check of the values; Oracle has none.
     */
    static final Map<Driver, Set<String>> ENUMS = Map.of(
            Driver.POSTGRES, Set.of("enum", "simple-enum"), Driver.MYSQL, Set.of("enum", "simple-enum"),
            Driver.SQLITE, Set.of("simple-enum"), Driver.MSSQL, Set.of("simple-enum"));

    /** Every entry of the tables above, as {@link Resolved#rules} names them. */
    static Set<String> entries() {
        Set<String> out = new TreeSet<>();
        DESIGN.forEach((d, m) -> m.keySet().forEach(k -> out.add(rule("design", d, k))));
        ALIASES.forEach((d, m) -> m.keySet().forEach(k -> out.add(rule("alias", d, k))));
        LENGTHS.forEach((d, m) -> m.keySet().forEach(k -> out.add(rule("length", d, k))));
        SPECIAL.forEach((d, m) -> m.keySet().forEach(k -> out.add(rule("special", d, k))));
        GENERATION.forEach((d, m) -> m.keySet().forEach(k -> out.add(rule("generation", d, k))));
        UUID_DEFAULTS.keySet().forEach(d -> out.add(rule("uuid-default", d, "")));
        ENUMS.forEach((d, s) -> s.forEach(k -> out.add(rule("enum", d, k))));
        return out;
    }

    private static String rule(String table, Driver driver, Object key) {
        return table + ":" + driver.name().toLowerCase(Locale.ROOT) + (key.toString().isEmpty() ? "" : ":" + key);
    }

    private static final Map<String, DesignType> CONSTRUCTORS = Map.of("String", DesignType.STRING,
            "Number", DesignType.NUMBER, "Boolean", DesignType.BOOLEAN, "Date", DesignType.DATE,
            "Buffer", DesignType.BUFFER);

    /**
     * The column TypeORM makes of a decorator on {@code table}.{@code column} (names as TypeORM gives them: the enum type
     * it creates on PostgreSQL is named after both).
     */
    public static Resolved resolve(Dialect dialect, Kind kind, DesignType design, Options options, String table,
                                   String column) {
        Driver driver = driver(dialect);
        List<String> rules = new ArrayList<>();
        boolean nullable = nullable(kind, options);
        if (driver == null) {
            return new Resolved(null, null, null, nullable, ColumnDefault.NONE, Generated.UNKNOWN, rules);
        }
        Special special = SPECIAL.get(driver).get(kind);
        Object declared = declared(driver, kind, design, options, special, rules);

        String normalised;
        if (declared instanceof DesignType d) {
            normalised = DESIGN.get(driver).get(d);
            if (normalised != null) rules.add(rule("design", driver, d));
        } else {
            String spelled = (String) declared;
            normalised = ALIASES.get(driver).get(spelled);
            if (normalised != null) rules.add(rule("alias", driver, spelled));
            else normalised = spelled;
        }

        Generated generated = generation(driver, kind, options, rules);
        ColumnDefault dflt = ColumnDefault.NONE;
        if (special != null && special.defaultSql() != null) dflt = ColumnDefault.of(special.defaultSql());
        if (kind == Kind.UUID && UUID_DEFAULTS.containsKey(driver)) {
            rules.add(rule("uuid-default", driver, ""));
            boolean pgcrypto = driver == Driver.POSTGRES && "pgcrypto".equals(options.uuidExtension());
            dflt = ColumnDefault.of(pgcrypto ? "gen_random_uuid()" : UUID_DEFAULTS.get(driver));
        }

        boolean mariaDbUuid = dialect == Dialect.MARIADB && "uuid".equals(declared);
        if (normalised == null || mariaDbUuid) {
            return new Resolved(null, null, null, nullable, dflt, generated, rules);
        }
        if (declared instanceof String s && (s.equals("enum") || s.equals("simple-enum"))) {
            return enumColumn(dialect, driver, s, options, table, column, nullable, dflt, generated, rules);
        }

        Integer length = length(driver, kind, declared, normalised, options, rules);
        Integer precision = options.precision();
        if (precision == null && special != null && kind != Kind.VERSION) precision = special.precision();
        SqlType type = SqlType.parse(dialect, fullType(normalised, length, options.width(), precision, options.scale(),
                options.unsigned()));
        if (type != null && options.array()) type = driver == Driver.POSTGRES ? type.asArray() : null;
        return new Resolved(type, null, null, nullable, dflt, generated, rules);
    }

    /** The type TypeORM records before the driver normalises it: a constructor or a lower-case spelling. */
    private static Object declared(Driver driver, Kind kind, DesignType design, Options options, Special special,
                                   List<String> rules) {
        Object explicit = options.type() == null ? null
                : CONSTRUCTORS.containsKey(options.type().strip()) ? CONSTRUCTORS.get(options.type().strip())
                : options.type().strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return switch (kind) {
            case VERSION -> {
                // VersionColumn's type is the driver's, whatever the options say.
                rules.add(rule("special", driver, kind));
                yield special.type();
            }
            case CREATE_DATE, UPDATE_DATE, DELETE_DATE -> {
                rules.add(rule("special", driver, kind));
                yield explicit != null ? explicit : special.type();
            }
            case INCREMENT, IDENTITY -> explicit != null ? explicit : DesignType.NUMBER;
            case UUID -> "uuid";
            case ROWID -> "int";
            case COLUMN, PRIMARY -> explicit != null ? explicit : design;
        };
    }

    /** {@code getColumnLength}, first on the declared type, then (in {@code createFullType}) on the normalised one. */
    private static Integer length(Driver driver, Kind kind, Object declared, String normalised, Options options,
                                  List<String> rules) {
        if (options.length() != null) return options.length();
        // MySQL writes a generated uuid as varchar(36) (TypeORM issue 1139); any other uuid column gets varchar(255).
        if (driver == Driver.MYSQL && kind == Kind.UUID) return 36;
        String key = declared == DesignType.STRING ? "String" : declared instanceof String s ? s : null;
        Map<String, Integer> lengths = LENGTHS.get(driver);
        if (key != null && lengths.containsKey(key)) {
            rules.add(rule("length", driver, key));
            return lengths.get(key);
        }
        if (lengths.containsKey(normalised)) {
            rules.add(rule("length", driver, normalised));
            return lengths.get(normalised);
        }
        return null;
    }

    /** {@code createFullType}: the length, else the display width (0.3), else precision and scale. */
    private static String fullType(String type, Integer length, Integer width, Integer precision, Integer scale,
                                   boolean unsigned) {
        StringBuilder b = new StringBuilder(type);
        if (length != null) b.append('(').append(length).append(')');
        else if (width != null) b.append('(').append(width).append(')');
        else if (precision != null && scale != null) b.append('(').append(precision).append(',').append(scale).append(')');
        else if (precision != null) b.append('(').append(precision).append(')');
        if (unsigned) b.append(" unsigned");
        return b.toString();
    }

    private static Resolved enumColumn(Dialect dialect, Driver driver, String spelled, Options options, String table,
                                       String column, boolean nullable, ColumnDefault dflt, Generated generated,
                                       List<String> rules) {
        if (!ENUMS.getOrDefault(driver, Set.of()).contains(spelled)) {
            return new Resolved(null, null, null, nullable, dflt, generated, rules);
        }
        rules.add(rule("enum", driver, spelled));
        List<String> values = options.enumValues();
        return switch (driver) {
            case POSTGRES -> {
                String name = options.enumName() != null ? options.enumName()
                        : table + "_" + column.toLowerCase(Locale.ROOT) + "_enum";
                SqlType type = SqlType.of(name);
                yield new Resolved(options.array() ? type.asArray() : type, values, name, nullable, dflt, generated, rules);
            }
            case MYSQL -> new Resolved(SqlType.of("enum"), values, null, nullable, dflt, generated, rules);
            case SQLITE -> new Resolved(SqlType.parse(dialect, "varchar"), values, null, nullable, dflt, generated, rules);
            default -> new Resolved(SqlType.parse(dialect, "nvarchar(255)"), values, null, nullable, dflt, generated,
                    rules);
        };
    }

    private static Generated generation(Driver driver, Kind kind, Options options, List<String> rules) {
        Generated g = GENERATION.get(driver).get(kind);
        if (g == null) return Generated.NONE;
        rules.add(rule("generation", driver, kind));
        if (kind == Kind.IDENTITY && options.generatedIdentity() != null
                && options.generatedIdentity().strip().equalsIgnoreCase("ALWAYS")) {
            return Generated.IDENTITY_ALWAYS;
        }
        return g;
    }

    /**
     * {@code nullable} wins; else {@code default: null} makes the column nullable; a delete-date column is always
     * nullable (its null is "not deleted"); a key never is.
     */
    private static boolean nullable(Kind kind, Options options) {
        return switch (kind) {
            case DELETE_DATE -> true;
            case PRIMARY, INCREMENT, IDENTITY, UUID, ROWID -> false;
            default -> options.nullable() != null ? options.nullable() : options.defaultNull();
        };
    }

    /** A {@code default} option's value as the source writes it. */
    public record DefaultValue(ValueKind kind, String text) {
    }

    /**
     * What a {@code default} is: a string or enum member's value, a number, {@code true}/{@code false}, a function
     * returning SQL ({@code () => 'now()'}, text is the SQL), an object or array ({@code text} is its JSON).
     */
    public enum ValueKind { STRING, NUMBER, BOOLEAN, SQL, JSON }

    /**
     * The default TypeORM writes for a {@code default} option ({@code normalizeDefault}): strings quoted, numbers as
     * PostgreSQL and MySQL store them (quoted, and on MySQL with the column's scale), booleans as {@code true}/{@code
     * false} on PostgreSQL and {@code 1}/{@code 0} elsewhere, SQL as written ({@code CURRENT_TIMESTAMP} is SQL Server's
     * {@code getdate()}), JSON quoted (unknown on MySQL, which writes {@code [object Object]}).
     *
     * @param scale the column's {@code scale}, which MySQL applies to a number
     */
    public static ColumnDefault defaultValue(Dialect dialect, DefaultValue value, Integer scale) {
        Driver driver = driver(dialect);
        if (driver == null || value == null) return ColumnDefault.UNKNOWN;
        String t = value.text();
        return switch (value.kind()) {
            case STRING -> ColumnDefault.of(quote(t));
            case NUMBER -> driver == Driver.MYSQL ? mysqlNumber(t, scale) : ColumnDefault.of(t);
            case BOOLEAN -> ColumnDefault.of(driver == Driver.POSTGRES ? t : Boolean.parseBoolean(t) ? "1" : "0");
            case SQL -> ColumnDefault.of(driver == Driver.MSSQL && t.strip().equalsIgnoreCase("CURRENT_TIMESTAMP")
                    ? "getdate()" : t);
            case JSON -> driver == Driver.MYSQL ? ColumnDefault.UNKNOWN : ColumnDefault.of(quote(t));
        };
    }

    /** MySQL writes {@code number.toFixed(scale)} in quotes: 1.5 with no scale is {@code '2'}. */
    private static ColumnDefault mysqlNumber(String text, Integer scale) {
        try {
            return ColumnDefault.of(quote(new BigDecimal(text.strip()).setScale(scale == null ? 0 : scale,
                    RoundingMode.HALF_UP).toPlainString()));
        } catch (NumberFormatException | ArithmeticException e) {
            return ColumnDefault.UNKNOWN;
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
