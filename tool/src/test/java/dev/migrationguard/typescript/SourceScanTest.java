package dev.migrationguard.typescript;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The lexical pass before SWC: what it counts as nesting, what it leaves alone, and how it moves a spread's dots. */
class SourceScanTest {
    private static int depth(String source) {
        return SourceScan.of(source).depth();
    }

    @Test
    void bracketsCountOneLevelEachAndCloseAgain() {
        assertEquals(1, depth("const a = 1"), "an assignment nests its value");
        assertEquals(3, depth("f(g([1]))"));
        assertEquals(1, depth("f(a)(b)(c) + 1"), "brackets closed again add nothing");
        assertEquals(400, depth("x = " + "(".repeat(399) + "1" + ")".repeat(399)), "399 parentheses and the =");
    }

    @Test
    void chainedOperatorsCountUntilASeparator() {
        assertEquals(4, depth("x = a + b + c + d"));
        assertEquals(2, depth("x = a + b; y = c + d"));
        assertEquals(2, depth("f(a + b, c + d)"), "the comma starts a sibling");
        assertEquals(3, depth("x = a ? b : c ? d : e"));
        assertEquals(3, depth("f = () => () => x"));
    }

    @Test
    void aLineBreakEndsAStatementUnlessAnOperatorCarriesItOver() {
        assertEquals(2, depth("x = a + b\ny = c + d"), "two statements without semicolons");
        assertEquals(3, depth("x = 'a' +\n  'b' +\n  'c'"), "a concatenation over three lines");
        assertEquals(3, depth("x = a\n  .b\n  .c"), "a chain that starts each line with a dot");
    }

    @Test
    void stringsCommentsTemplatesAndRegularExpressionsHoldNoNesting() {
        assertEquals(1, depth("x = '(((((('"));
        assertEquals(1, depth("x = \"[[[[\\\"[[\""));
        assertEquals(0, depth("// ((((((\n/* [[[[[[ */"));
        assertEquals(2, depth("x = `((( ${a} )))`"), "the substitution is one level; the text none");
        assertEquals(3, depth("x = `${ `${ y }` }`"));
        assertEquals(3, depth("x = /[(]+/.test(s)"), "a regular expression after '=', then a call");
        assertEquals(3, depth("x = a / b / c"), "slashes after a name are divisions");
    }

    @Test
    void theDeepestPointIsWhereItFirstGetsThatDeep() {
        SourceScan.Result r = SourceScan.of("const a = 1;\nconst b = [[[1]]];\n");
        assertEquals(4, r.depth());
        assertEquals(2, r.line());
        assertEquals(13, r.column(), "the innermost bracket");
    }

    @Test
    void aSpreadApartFromItsOperandMovesNextToItAndNothingElseMoves() {
        String source = "f(... xs, ...\n  ys, .../* c */zs);\nconst s = '... x';\n";
        String text = SourceScan.of(source).text();
        assertEquals("f( ...xs, \n  ...ys, /* c */...zs);\nconst s = '... x';\n", text);
        assertEquals(source.length(), text.length());
        assertEquals(source.lines().count(), text.lines().count());
    }

    @Test
    void aFileWithoutSuchSpreadsIsHandedOnAsItIs() {
        String source = "const all = [...a, ...b];\nf(...args);\n";
        assertSame(source, SourceScan.of(source).text());
    }
}
