package dev.migrationguard.typescript;

import java.util.Set;

/**
 * One lexical pass over a file before SWC sees it, for the two ways swc4j 2.0.0 takes the JVM down instead of failing:
 * it recurses on the native stack once per level of nesting, so a file nested deep enough overflows it (a segfault,
 * nothing printed); and it aborts on a spread whose dots are apart from their operand ({@code f(... x)}: the span of
 * the dots is never registered, and a Rust panic cannot unwind into Java).
 *
 * <p>The depth counts what makes SWC recurse: open brackets ({@code ( [ { ${}) and, inside each, the operators chained
 * since the last {@code ;}, {@code ,} or statement-ending line break ({@code a + b + c}, {@code a ? b : c ? d : e},
 * {@code () => () => x}, {@code Array<Array<T>>}). It is an upper bound of the syntax tree's depth, never below it. The
 * spread fix moves the dots to just before their operand; every other character keeps its offset, so lines, columns
 * and SWC's error positions stay right.
 */
final class SourceScan {
    /** The first characters of operators; any other character outside words, literals and brackets nests nothing. */
    private static final String OPERATOR_STARTS = "+-*/%&|^!~?=<.";
    /** Operators that do not deepen the tree: separators, closing generics (counted where they open), spreads. */
    private static final Set<String> FLAT = Set.of(",", ";", ":", ">", ">=", ">>", ">>=", ">>>", ">>>=", "...", "@",
            "#");
    private static final Set<String> NESTING_WORDS = Set.of("typeof", "void", "delete", "await", "new", "else",
            "instanceof", "in", "keyof", "yield");
    /** After these words an expression starts, so a slash opens a regular expression. */
    private static final Set<String> BEFORE_EXPRESSION = Set.of("return", "typeof", "case", "do", "else", "in", "of",
            "new", "delete", "void", "throw", "instanceof", "yield", "await");
    /** Longest first: the scanner takes the first that matches. */
    private static final String[] PUNCTUATORS = {">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=",
            "??=", "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=",
            "|=", "^=", "**", "<<", ">>"};

    /** What SWC should parse (the input, or a copy with spreads moved) and the deepest point of it. */
    record Result(String text, int depth, int line, int column) {
    }

    private final String src;
    private final int n;
    private char[] out;
    private int pos;
    private int line = 1;
    private int lineStart;
    private boolean lineBreakSinceToken;
    private boolean previousChains;
    private boolean regexAllowed = true;
    /** The depth where the current bracket opened, and the operators chained inside it since the last reset. */
    private int base;
    private int run;
    private int[] stack = new int[64];
    private int top;
    private int maxDepth;
    private int maxLine = 1;
    private int maxColumn = 1;

    private SourceScan(String src) {
        this.src = src;
        this.n = src.length();
    }

    static Result of(String source) {
        SourceScan s = new SourceScan(source);
        s.scan();
        return new Result(s.out == null ? source : new String(s.out), s.maxDepth, s.maxLine, s.maxColumn);
    }

    private void scan() {
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                newLine(c);
            } else if (c == ' ' || c == '\t' || c == '\f' || c == '\u000B' || c == '\u00A0' || c == '\uFEFF') {
                pos++;
            } else if (c == '/' && at(pos + 1) == '/') {
                lineComment();
            } else if (c == '/' && at(pos + 1) == '*') {
                blockComment();
            } else if (c == '\'' || c == '"') {
                token(false);
                string(c);
                regexAllowed = false;
            } else if (c == '`') {
                token(false);
                pos++;
                template();
            } else if (c == '/' && regexAllowed) {
                token(false);
                regex();
                regexAllowed = false;
            } else if (Character.isJavaIdentifierStart(c) || c == '\\') {
                word();
            } else if (c >= '0' && c <= '9' || c == '.' && Character.isDigit(at(pos + 1))) {
                token(false);
                while (pos < n && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_'
                        || src.charAt(pos) == '.' && Character.isDigit(at(pos + 1)))) {
                    pos++;
                }
                regexAllowed = false;
            } else if (c == '(' || c == '[' || c == '{') {
                token(false);
                open(c);
                pos++;
                regexAllowed = true;
            } else if (c == ')' || c == ']' || c == '}') {
                token(false);
                pos++;
                if (close(c)) {
                    template();
                    continue;
                }
                regexAllowed = false;
            } else {
                punctuator();
            }
        }
    }

    /** A token starts at {@code pos}: a line break before it ends the statement unless an operator on either side. */
    private void token(boolean chains) {
        if (lineBreakSinceToken && !previousChains && !chains) run = 0;
        lineBreakSinceToken = false;
        previousChains = chains;
    }

    private void deeper() {
        run++;
        int depth = base + run;
        if (depth > maxDepth) {
            maxDepth = depth;
            maxLine = line;
            maxColumn = pos - lineStart + 1;
        }
    }

    /** {@code template} marks a {@code ${}, whose closing brace resumes the template text. */
    private void open(char c) {
        push(base);
        push(run);
        push(c == 'T' ? 1 : 0);
        deeper();
        base = base + run;
        run = 0;
    }

    /** Returns whether the bracket closed was a template's {@code ${}. */
    private boolean close(char c) {
        if (top < 3) return false;
        boolean template = stack[--top] == 1;
        run = stack[--top];
        base = stack[--top];
        return template && c == '}';
    }

    private void push(int v) {
        if (top == stack.length) stack = java.util.Arrays.copyOf(stack, top * 2);
        stack[top++] = v;
    }

    private void word() {
        int start = pos;
        pos++;
        while (pos < n && (Character.isJavaIdentifierPart(src.charAt(pos)) || src.charAt(pos) == '\\')) pos++;
        String w = src.substring(start, pos);
        boolean nesting = NESTING_WORDS.contains(w);
        int end = pos;
        pos = start;
        token(nesting);
        if (nesting) deeper();
        pos = end;
        regexAllowed = BEFORE_EXPRESSION.contains(w);
    }

    private void punctuator() {
        String p = null;
        for (String candidate : PUNCTUATORS) {
            if (src.startsWith(candidate, pos)) {
                p = candidate;
                break;
            }
        }
        if (p == null) p = String.valueOf(src.charAt(pos));
        boolean chains = OPERATOR_STARTS.indexOf(p.charAt(0)) >= 0 && !FLAT.contains(p);
        token(chains);
        if (p.equals(";") || p.equals(",")) run = 0;
        if (chains) deeper();
        if (p.equals("...")) {
            spread();
        } else {
            pos += p.length();
        }
        regexAllowed = true;
    }

    /** Moves the dots of {@code ... x} (or {@code .../* c *}{@code /x}) to just before the operand. */
    private void spread() {
        int dots = pos;
        int gap = dots + 3;
        int operand = gap;
        while (operand < n) {
            char c = src.charAt(operand);
            if (Character.isWhitespace(c) || c == '\u00A0' || c == '\uFEFF' || c == '\u2028' || c == '\u2029') {
                operand++;
            } else if (c == '/' && at(operand + 1) == '/') {
                while (operand < n && src.charAt(operand) != '\n' && src.charAt(operand) != '\r') operand++;
            } else if (c == '/' && at(operand + 1) == '*') {
                int end = src.indexOf("*/", operand + 2);
                operand = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        if (operand > gap && operand < n) {
            if (out == null) out = src.toCharArray();
            src.getChars(gap, operand, out, dots);
            out[operand - 3] = '.';
            out[operand - 2] = '.';
            out[operand - 1] = '.';
        }
        pos = gap;
    }

    private void newLine(char c) {
        pos++;
        if (c == '\r' && at(pos) == '\n') pos++;
        line++;
        lineStart = pos;
        lineBreakSinceToken = true;
    }

    private void lineComment() {
        while (pos < n && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') pos++;
    }

    private void blockComment() {
        pos += 2;
        while (pos < n && !(src.charAt(pos) == '*' && at(pos + 1) == '/')) {
            char c = src.charAt(pos);
            if (c == '\n' || c == '\r') newLine(c);
            else pos++;
        }
        pos = Math.min(n, pos + 2);
    }

    /** A quoted string; an unterminated one ends at the line break, as SWC would report it. */
    private void string(char quote) {
        pos++;
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == quote) {
                pos++;
                return;
            }
            if (c == '\n' || c == '\r') return;
            pos += c == '\\' ? 2 : 1;
        }
    }

    /** Template text up to its closing backtick, or into a {@code ${} substitution (scanned as code). */
    private void template() {
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '`') {
                pos++;
                regexAllowed = false;
                return;
            }
            if (c == '$' && at(pos + 1) == '{') {
                open('T');
                pos += 2;
                regexAllowed = true;
                return;
            }
            if (c == '\\') {
                pos += 2;
            } else if (c == '\n' || c == '\r') {
                newLine(c);
                lineBreakSinceToken = false;
            } else {
                pos++;
            }
        }
    }

    /** A regular expression literal; a slash inside a character class does not end it, nor does a line break. */
    private void regex() {
        pos++;
        boolean inClass = false;
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '\n' || c == '\r') return;
            if (c == '\\') {
                pos += 2;
                continue;
            }
            pos++;
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            else if (c == '/' && !inClass) break;
        }
        while (pos < n && Character.isJavaIdentifierPart(src.charAt(pos))) pos++;
    }

    private char at(int i) {
        return i < n ? src.charAt(i) : '\0';
    }
}
