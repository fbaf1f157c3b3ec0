package archfixture.sqlfolders;

/** The SQL folders reader borrowing Flyway's SQL reading. */
public final class Reader {
    public static Object read() {
        return new archfixture.flyway.JavaMigrationSql();
    }
}
