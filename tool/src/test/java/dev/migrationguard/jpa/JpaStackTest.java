package dev.migrationguard.jpa;

import dev.migrationguard.config.ConfigLoader;
import dev.migrationguard.model.CannotJudge;
import dev.migrationguard.settings.OptionValues;
import dev.migrationguard.settings.Settings;
import dev.migrationguard.stacks.SupportedStacks;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code entities.validation-ddl}: declared by the JPA stack, false by default, true or false only. */
class JpaStackTest {
    private static Settings parse(String yaml) {
        return ConfigLoader.parse(yaml, ".migration-guard.yml", SupportedStacks.ALL);
    }

    @Test
    void validationDdlIsOffByDefaultAndReadWhenGiven() {
        assertFalse(JpaStack.validationDdl(parse("").stack(JpaStack.ID)));
        assertTrue(JpaStack.validationDdl(parse("entities:\n  validation-ddl: true\n").stack(JpaStack.ID)));
        assertFalse(JpaStack.validationDdl(parse("entities:\n  validation-ddl: false\n").stack(JpaStack.ID)));
    }

    @Test
    void aValueOtherThanTrueOrFalseStopsTheRunNamingTheLine() {
        CannotJudge e = assertThrows(CannotJudge.class, () -> parse("entities:\n  validation-ddl: maybe\n"));
        assertTrue(e.getMessage().contains(".migration-guard.yml:2:"), e::getMessage);
        assertTrue(e.getMessage().contains("true or false"), e::getMessage);
    }

    @Test
    void theStackRejectsABadValueItself() {
        OptionValues options = new OptionValues() {
            @Override
            public java.util.Optional<String> string(String key) {
                return java.util.Optional.of("yes");
            }

            @Override
            public java.util.Optional<java.util.List<String>> strings(String key) {
                return java.util.Optional.empty();
            }
        };
        assertThrows(OptionValues.BadOption.class, () -> JpaStack.validationDdl(options));
    }
}
