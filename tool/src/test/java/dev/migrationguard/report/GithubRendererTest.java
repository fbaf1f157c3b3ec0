package dev.migrationguard.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** GitHub's escaping, as its runner's toolkit does it (escapeData and escapeProperty). */
class GithubRendererTest {
    @Test
    void dataEscapesPercentAndLineBreaksOnly() {
        assertEquals("100%25 a%0D%0Ab: c, d", GithubRenderer.data("100% a\r\nb: c, d"));
    }

    @Test
    void propertiesAlsoEscapeColonAndComma() {
        assertEquals("a%2Cb%3Ac%25d%0A", GithubRenderer.property("a,b:c%d\n"));
    }
}
