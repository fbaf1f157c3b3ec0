package archfixture.database;

/** The database ledger matching Liquibase rows with Liquibase's own path rules. */
public final class DatabaseLedger {
    public static Object paths() throws Exception {
        return archfixture.liquibase.Statements.parse("SELECT 1");
    }
}
