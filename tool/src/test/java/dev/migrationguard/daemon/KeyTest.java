package dev.migrationguard.daemon;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyTest {
    /** The published FNV-1a 32 test vectors: the hook's Perl computes the same. */
    @Test
    void theHashIsFnv1a32() {
        assertEquals("811c9dc5", Key.hash(""));
        assertEquals("e40c292c", Key.hash("a"));
        assertEquals("bf9cf968", Key.hash("foobar"));
    }

    @Test
    void versionsCompareByTheirNumbersAndAReleaseIsNewerThanItsPreRelease() {
        assertTrue(Key.newer("0.2.0", "0.1.9"));
        assertTrue(Key.newer("0.10.0", "0.9.0"));
        assertTrue(Key.newer("1.0.0", "1.0.0-SNAPSHOT"));
        assertFalse(Key.newer("1.0.0-SNAPSHOT", "1.0.0"));
        assertFalse(Key.newer("0.1.0", "0.1.0"));
        assertFalse(Key.newer("0.1.0", "0.2.0"));
    }
}
