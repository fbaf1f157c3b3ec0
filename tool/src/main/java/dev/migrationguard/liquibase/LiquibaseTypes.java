package dev.migrationguard.liquibase;

import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.SqlType;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liquibase's type names as the database gets them: Liquibase translates its own names per database
 * ({@code BOOLEAN} is {@code BIT(1)} on MySQL, {@code CLOB} is {@code TEXT} on PostgreSQL, {@code UUID} is
 * {@code CHAR(36)} on MySQL) and passes any other spelling through; the result is then canonicalised as DDL is.
 */
final class LiquibaseTypes {
    private static final Pattern NAME = Pattern.compile("\\s*(?:java\\.sql\\.types\\.)?([a-z_][a-z0-9_ ]*?)"
            + "\\s*(\\(.*\\))?" + "\\s*((?:with|without)\\s+(?:local\\s+)?time\\s+zone)?\\s*");

    private LiquibaseTypes() {
    }

    /** The column type for {@code dialect}; null when unknown (an unresolved {@code ${property}}, an expression). */
    static SqlType of(Dialect dialect, String written) {
        if (written == null || written.isBlank() || written.contains("${")) return null;
        String lower = written.strip().toLowerCase(Locale.ROOT);
        Matcher m = NAME.matcher(lower);
        if (!m.matches()) return SqlType.parse(dialect, written);
        String name = m.group(1).strip();
        String args = m.group(2) == null ? "" : m.group(2);
        String zone = m.group(3) == null ? "" : " " + m.group(3);
        String translated = translate(dialect, name, args, zone);
        return SqlType.parse(dialect, translated != null ? translated : name + args + zone);
    }

    /** Liquibase's own translation of its type names, or null when it passes the spelling through. */
    private static String translate(Dialect d, String name, String args, String zone) {
        boolean mysql = d.isMysqlFamily();
        return switch (name) {
            case "boolean", "bool", "bit" -> switch (d) {
                case MYSQL, MARIADB -> "bit(1)";
                case ORACLE -> "number(1)";
                case MSSQL -> "bit";
                default -> "boolean";
            };
            case "clob", "longclob" -> switch (d) {
                case POSTGRES, SQLITE -> "text";
                case MYSQL, MARIADB -> "longtext";
                case MSSQL -> "nvarchar(max)";
                default -> "clob";
            };
            case "blob", "longblob", "longvarbinary", "image" -> switch (d) {
                case POSTGRES -> "bytea";
                case MYSQL, MARIADB -> "longblob";
                case MSSQL -> "varbinary(max)";
                default -> "blob";
            };
            case "datetime" -> switch (d) {
                case MYSQL, MARIADB, MSSQL, SQLITE -> "datetime" + args;
                default -> "timestamp" + args + zone;
            };
            case "timestamp" -> d == Dialect.MSSQL ? "datetime2" + args : "timestamp" + args + zone;
            case "uuid", "uniqueidentifier" -> switch (d) {
                case MYSQL, MARIADB -> "char(36)";
                case ORACLE -> "raw(16)";
                case MSSQL -> "uniqueidentifier";
                case SQLITE -> "text";
                default -> "uuid";
            };
            case "currency" -> mysql ? "decimal(19,4)" : d == Dialect.MSSQL ? "money" : "numeric(18,4)";
            case "tinyint" -> d == Dialect.POSTGRES || d == Dialect.ORACLE ? "smallint" : "tinyint" + args;
            case "nvarchar" -> d == Dialect.POSTGRES || mysql || d == Dialect.H2 ? "varchar" + args : null;
            case "nchar" -> d == Dialect.POSTGRES || d == Dialect.H2 ? "char" + args : null;
            case "number" -> d == Dialect.ORACLE ? null : "numeric" + args;
            case "varchar2", "nvarchar2" -> d == Dialect.ORACLE ? null : "varchar" + args;
            case "double" -> d == Dialect.ORACLE ? "float(24)" : mysql ? "double" : "double precision";
            case "text" -> d == Dialect.ORACLE ? "clob" : d == Dialect.MSSQL ? "nvarchar(max)" : null;
            case "mediumint" -> mysql ? null : "integer";
            default -> null;
        };
    }
}
