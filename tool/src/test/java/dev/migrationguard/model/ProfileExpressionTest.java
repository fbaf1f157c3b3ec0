package dev.migrationguard.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileExpressionTest {
    private static final Set<String> DEV = Set.of("dev", "test", "local", "ci");

    private static Boolean production(String expression) {
        return ProfileExpression.holdsInSome(expression, ProfileExpression.PRODUCTION, DEV);
    }

    @Test
    void aNegatedDevelopmentProfileHoldsInProduction() {
        assertTrue(production("!dev"));
        assertTrue(production("!test"));
        assertTrue(production("!dev & !local"));
        assertTrue(production("prod | staging"));
        assertTrue(production("staging"), "a run may have staging beside prod");
        assertTrue(production("Production"));
    }

    @Test
    void anExpressionThatNeedsADevelopmentProfileOrNoProductionOneDoesNot() {
        assertFalse(production("dev"));
        assertFalse(production("!prod"));
        assertFalse(production("dev & !ci"));
        assertFalse(production("(dev | test) & !prod"));
        assertFalse(production("!dev & !production"));
    }

    @Test
    void whatCannotBeReadIsNull() {
        assertNull(production("dev & | x"));
        assertNull(production("(prod"));
        assertNull(production("a & b | c"), "Spring does not let & and | mix without parentheses");
    }

    @Test
    void tooManyOtherProfilesToTryIsNull() {
        assertNull(production("!a & !b & !c & !d & !e & !f & !g & !h & !i & !j & !k"));
        assertTrue(production("!a & !b & !c & !d & !e & !f & !g & !h & !i & !j"));
    }

    @Test
    void tokensAreLowerCaseNamesAndOperators() {
        assertEquals(List.of("!", "dev", "&", "(", "prod", "|", "eu-west", ")"), ProfileExpression.tokens("!Dev&(prod | EU-west)"));
    }
}
