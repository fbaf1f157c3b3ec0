package dev.migrationguard.model.schema;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DialectTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            postgres                                    | POSTGRES
            cockroachdb                                 | POSTGRES
            jdbc:postgresql://db.example.com:5432/app   | POSTGRES
            org.hibernate.dialect.PostgreSQL95Dialect   | POSTGRES
            jdbc:tc:postgresql:15:///app                | POSTGRES
            mysql                                       | MYSQL
            jdbc:mysql://db/app                         | MYSQL
            org.hibernate.dialect.MySQL8Dialect         | MYSQL
            mariadb                                     | MARIADB
            org.hibernate.dialect.MariaDB103Dialect     | MARIADB
            better-sqlite3                              | SQLITE
            sqlite                                      | SQLITE
            jdbc:sqlite:app.db                          | SQLITE
            mssql                                       | MSSQL
            jdbc:sqlserver://db;databaseName=app        | MSSQL
            org.hibernate.dialect.SQLServer2012Dialect  | MSSQL
            oracle                                      | ORACLE
            jdbc:oracle:thin:@db:1521:app               | ORACLE
            jdbc:h2:mem:test                            | H2
            org.hibernate.dialect.H2Dialect             | H2
            """)
    void namesTheToolsWrite(String text, Dialect expected) {
        assertEquals(Optional.of(expected), Dialect.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"mongodb", "''", "jdbc:unknown://x"})
    void unknownNamesAreEmpty(String text) {
        assertEquals(Optional.empty(), Dialect.parse(text));
    }
}
