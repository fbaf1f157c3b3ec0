package dev.migrationguard.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The tuned child's heap: bounded by default, since the JVM's own default (a quarter of the machine) let a lint of a
 * large repository grow to gigabytes; the user's bound when they give one, as the out-of-memory message tells them to.
 */
class ChildHeapTest {
    private static final long GB = 1L << 30;

    @Test
    void withoutABoundFromTheUserTheChildIsBounded() {
        assertEquals(FastStart.DEFAULT_HEAP_MEGABYTES,
                FastStart.childHeapMegabytes(6 * GB, "java\0-jar\0mg.jar\0lint\0", null, null));
        assertEquals(FastStart.DEFAULT_HEAP_MEGABYTES, FastStart.childHeapMegabytes(6 * GB, (String) null));
    }

    @Test
    void aSmallerLauncherHeapIsKept() {
        assertEquals(200, FastStart.childHeapMegabytes(200L << 20, "java\0-jar\0mg.jar\0lint\0", null, null));
    }

    @Test
    void aBoundTheUserGivesIsPassedOnWhereverTheyGaveIt() {
        assertEquals(2048, FastStart.childHeapMegabytes(2 * GB, "java\0-Xmx2g\0-jar\0mg.jar\0lint\0", null, null));
        assertEquals(2048, FastStart.childHeapMegabytes(2 * GB, "java\0-jar\0mg.jar\0lint\0", "-Xmx2g", null));
        assertEquals(2048, FastStart.childHeapMegabytes(2 * GB, null, null, "-XX:MaxRAMPercentage=50"));
        assertEquals(2048, FastStart.childHeapMegabytes(2 * GB, "java\0-XX:MaxHeapSize=2g\0-jar\0", null, null));
    }
}
