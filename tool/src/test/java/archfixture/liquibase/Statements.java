package archfixture.liquibase;

/** Liquibase parsing SQL itself and borrowing Flyway's Java reading. */
public final class Statements {
    public static Object parse(String sql) throws Exception {
        archfixture.flyway.JavaMigrationSql.class.getName();
        return net.sf.jsqlparser.parser.CCJSqlParserUtil.parse(sql);
    }
}
