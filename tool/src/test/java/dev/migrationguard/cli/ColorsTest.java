package dev.migrationguard.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The colour rule, without a real terminal: only on one, never with --no-color or a non-empty NO_COLOR. */
class ColorsTest {
    @Test
    void colourOnlyOnATerminalWithoutNoColor() {
        assertTrue(Colors.wanted(true, false, Map.of()));
        assertTrue(Colors.wanted(true, false, Map.of("NO_COLOR", "")), "no-color.org: an empty NO_COLOR is unset");
        assertFalse(Colors.wanted(false, false, Map.of()), "a pipe or a file gets no escape codes");
        assertFalse(Colors.wanted(true, true, Map.of()), "--no-color");
        assertFalse(Colors.wanted(true, false, Map.of("NO_COLOR", "1")), "NO_COLOR");
        assertFalse(Colors.wanted(true, false, Map.of("NO_COLOR", "0")), "NO_COLOR set to anything");
    }
}
