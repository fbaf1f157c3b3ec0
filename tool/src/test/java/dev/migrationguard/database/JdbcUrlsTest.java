package dev.migrationguard.database;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JdbcUrlsTest {
    @Test
    void displayDropsUserInfoAndEveryParameter() {
        assertEquals("jdbc:postgresql://db:5432/app", JdbcUrls.display("jdbc:postgresql://db:5432/app?user=a&password=b"));
        assertEquals("jdbc:mysql://db/app", JdbcUrls.display("jdbc:mysql://root:pw@db/app?useSSL=true"));
        assertEquals("jdbc:sqlserver://db:1433", JdbcUrls.display("jdbc:sqlserver://db:1433;databaseName=a;password=b"));
        assertEquals("jdbc:postgresql:app", JdbcUrls.display("jdbc:postgresql:app"));
    }

    @Test
    void secretsAreTheUserInfoPasswordAndPasswordLikeParameters() {
        assertEquals(List.of("pw"), JdbcUrls.secretsOf("jdbc:mysql://root:pw@db/app"));
        assertEquals(List.of("s1", "s2"), JdbcUrls.secretsOf("jdbc:postgresql://db/app?user=a&password=s1&sslpassword=s2"));
        assertEquals(List.of("s3"), JdbcUrls.secretsOf("jdbc:sqlserver://db;user=a;Password=s3"));
        assertEquals(List.of(), JdbcUrls.secretsOf("jdbc:postgresql://db/app?user=a"));
    }

    @Test
    void maskReplacesTheUrlEverySecretAndAnyCredentialShapedText() {
        String url = "jdbc:postgresql://db/app?user=a&password=hunter2";
        assertEquals("No suitable driver for jdbc:postgresql://db/app (***)",
                JdbcUrls.mask("No suitable driver for " + url + " (hunter2)", url, JdbcUrls.secretsOf(url)));
        assertEquals("login as x with *** failed", JdbcUrls.mask("login as x with env-pw failed", url, List.of("env-pw")));
        assertEquals("at //***@host and ?password=***&x=1",
                JdbcUrls.mask("at //u:p@host and ?password=zz&x=1", null, List.of()));
    }
}
