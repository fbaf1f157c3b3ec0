package dev.migrationguard.testing;

/** The history tables as Flyway 10, Liquibase 4 and TypeORM 0.3 create them on PostgreSQL, and rows as they write them. */
public final class HistoryTables {
    private HistoryTables() {
    }

    public static String flyway(String table) {
        return "CREATE TABLE " + table + " (\"installed_rank\" INT NOT NULL PRIMARY KEY, \"version\" VARCHAR(50), "
                + "\"description\" VARCHAR(200) NOT NULL, \"type\" VARCHAR(20) NOT NULL, \"script\" VARCHAR(1000) NOT NULL, "
                + "\"checksum\" INTEGER, \"installed_by\" VARCHAR(100) NOT NULL, "
                + "\"installed_on\" TIMESTAMP NOT NULL DEFAULT now(), \"execution_time\" INTEGER NOT NULL, "
                + "\"success\" BOOLEAN NOT NULL)";
    }

    public static String flywayRow(String table, int rank, String version, String type, String script,
                                   String checksum, boolean success) {
        return "INSERT INTO " + table + " (installed_rank, version, description, type, script, checksum, installed_by, "
                + "execution_time, success) VALUES (" + rank + ", " + text(version) + ", 'd', " + text(type) + ", "
                + text(script) + ", " + (checksum == null ? "NULL" : checksum) + ", 'ci', 5, " + success + ")";
    }

    public static String liquibase(String table) {
        return "CREATE TABLE " + table + " (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, "
                + "FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED TIMESTAMP WITHOUT TIME ZONE NOT NULL, "
                + "ORDEREXECUTED INTEGER NOT NULL, EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35), "
                + "DESCRIPTION VARCHAR(255), COMMENTS VARCHAR(255), TAG VARCHAR(255), LIQUIBASE VARCHAR(20), "
                + "CONTEXTS VARCHAR(255), LABELS VARCHAR(255), DEPLOYMENT_ID VARCHAR(10))";
    }

    public static String liquibaseRow(String table, int order, String id, String author, String filename,
                                      String exectype) {
        return "INSERT INTO " + table + " (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM, "
                + "LIQUIBASE) VALUES (" + text(id) + ", " + text(author) + ", " + text(filename) + ", now(), " + order
                + ", " + text(exectype) + ", '9:0123456789abcdef0123456789abcdef', '4.29.2')";
    }

    public static String typeorm(String table) {
        return "CREATE TABLE " + table + " (\"id\" SERIAL NOT NULL PRIMARY KEY, \"timestamp\" bigint NOT NULL, "
                + "\"name\" character varying NOT NULL)";
    }

    public static String typeormRow(String table, String name) {
        return "INSERT INTO " + table + " (\"timestamp\", \"name\") VALUES (" + name.substring(name.length() - 13)
                + ", " + text(name) + ")";
    }

    private static String text(String s) {
        return s == null ? "NULL" : "'" + s.replace("'", "''") + "'";
    }
}
