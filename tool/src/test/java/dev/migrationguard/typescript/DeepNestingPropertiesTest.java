package dev.migrationguard.typescript;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SWC recursed on the JVM's own stack and crashed it (a segfault or an abort, nothing printed) on about 400 nested
 * parentheses, a few thousand chained {@code +}, or nested literals, and aborted on a spread apart from its operand.
 * Here any mix of nesting, up to three times what the parser accepts, and any gap after a spread's dots, come back as
 * a tree or a parse error inside the file; a crash would take this test JVM down with it.
 */
class DeepNestingPropertiesTest {
    private static final String HEADER = "import { Column, Entity } from 'typeorm';\n";
    /** One level of nesting each: the hole is where the next level goes. */
    private static final List<String[]> LEVELS = List.of(
            new String[]{"(", ")"}, new String[]{"[", "]"}, new String[]{"{ a: ", " }"}, new String[]{"f(", ")"},
            new String[]{"1 + ", ""}, new String[]{"", " + 1"}, new String[]{"!", ""}, new String[]{"() => ", ""},
            new String[]{"a ? b : ", ""}, new String[]{"`${", "}`"}, new String[]{"new X(", ")"},
            new String[]{"[... ", "]"}, new String[]{"x.y(", ").z"}, new String[]{"await ", ""},
            new String[]{"{\n  k: [\n    ", "\n  ]\n}"});

    private static String nested(int depth, long seed) {
        Random random = new Random(seed);
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            String[] level = LEVELS.get(random.nextInt(LEVELS.size()));
            open.append(level[0]);
            close.insert(0, level[1]);
        }
        return HEADER + "export const x = " + open + "1" + close + ";\n";
    }

    @Property(tries = 60)
    void anyNestingIsATreeOrAParseErrorInsideTheFile(@ForAll @IntRange(max = 30_000) int depth, @ForAll long seed) {
        String source = nested(depth, seed);
        TypeScript.Parsed parsed = TypeScript.parse("src/deep.entity.ts", source);
        if (parsed.error() == null) {
            assertNotNull(parsed.module());
            return;
        }
        long lines = source.lines().count();
        assertTrue(parsed.error().line() >= 1 && parsed.error().line() <= lines, parsed.error()::toString);
        assertTrue(parsed.error().column() >= 1, parsed.error()::toString);
        if (SourceScan.of(source).depth() <= ParserThread.maxDepth()) {
            assertTrue(!parsed.error().message().contains("levels deep"), "refused within the bound: " + parsed);
        }
    }

    @Provide
    Arbitrary<String> gaps() {
        return Arbitraries.of(" ", "\n", "\t  ", " /* c */ ", "// c\n", "\r\n  ", "/**/");
    }

    @Property(tries = 50)
    void aSpreadParsesWhateverSeparatesItsDotsFromItsOperand(@ForAll("gaps") String first,
                                                              @ForAll("gaps") String second) {
        String source = HEADER + "const xs = [1];\nexport const a = [..." + first + "xs, 2];\nf(..." + second
                + "xs);\nnew X(..." + first + second + "xs);\n";
        TypeScript.Parsed parsed = TypeScript.parse("src/spread.ts", source);
        assertNull(parsed.error(), () -> parsed.error() + "\n" + source);
    }

    @Example
    void fourHundredParenthesesParse() {
        assertNull(TypeScript.parse("a.ts", nestedSame("(", ")", 400)).error());
    }

    @Example
    void thousandsOfChainedPlusesParse() {
        String source = HEADER + "export const sql = 'a'" + " +\n  'b'".repeat(5_000) + ";\n";
        assertNull(TypeScript.parse("a.ts", source).error());
    }

    @Example
    void deeplyNestedLiteralsParse() {
        assertNull(TypeScript.parse("a.ts", nestedSame("[", "]", 3_000)).error());
        assertNull(TypeScript.parse("a.ts", nestedSame("{ a: ", " }", 3_000)).error());
    }

    @Example
    void nestingBeyondTheBoundIsRefusedWhereItGetsTooDeep() {
        int depth = ParserThread.maxDepth() + 1;
        TypeScript.Parsed parsed = TypeScript.parse("a.ts", nestedSame("(", ")", depth));
        assertNotNull(parsed.error());
        assertTrue(parsed.error().message().contains("levels deep"), parsed.error()::toString);
        assertTrue(parsed.error().line() == 2, parsed.error()::toString);
    }

    @Example
    void anAngularServiceWithASpreadArgumentParses() {
        String service = """
                import { Injectable } from '@angular/core';

                @Injectable({ providedIn: 'root' })
                export class CartService {
                  private items: string[] = [];

                  add(...more: string[]): void {
                    this.items.push(... more);
                  }
                }
                """;
        assertNull(TypeScript.parse("src/app/cart.service.ts", service).error());
    }

    private static String nestedSame(String open, String close, int depth) {
        return HEADER + "export const x = " + open.repeat(depth) + "1" + close.repeat(depth) + ";\n";
    }
}
