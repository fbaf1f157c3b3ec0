package dev.migrationguard.sql;

import dev.migrationguard.model.ops.QualifiedName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokens of one statement (comments already removed by the splitter) and a cursor over them: what the tolerant
 * reader walks, and what both readers use to read a column definition or an expression's text. Linear in the text.
 */
final class SqlTokens {
    enum Type {
        /** A bare word: keyword or unquoted name; a Flyway placeholder {@code ${x}} is part of the word. */
        WORD,
        /** {@code "x"}, {@code `x`}, {@code [x]}. */
        QUOTED,
        /** A string literal, dollar-quoted text included. */
        STRING,
        NUMBER,
        SYMBOL
    }

    record Token(Type type, String text, int start, int end) {
        boolean is(String word) {
            return (type == Type.WORD || type == Type.SYMBOL) && text.equalsIgnoreCase(word);
        }

        boolean isName() {
            return type == Type.WORD || type == Type.QUOTED;
        }

        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }

        /** The name without its quotes. */
        String name() {
            return type == Type.QUOTED ? SqlTouchReader.unquote(text) : text;
        }
    }

    /** Characters that make up one operator together: {@code >=}, {@code <>}, {@code &&}, {@code ->>}. */
    private static final String OPERATOR_CHARS = "<>=!&|~^%+-*/?";

    private SqlTokens() {
    }

    static List<Token> of(String s) {
        return of(s, Integer.MAX_VALUE);
    }

    /** The first {@code limit} tokens: a data statement's first words, without tokenising its megabytes of values. */
    static List<Token> of(String s, int limit) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n && out.size() < limit) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            Type type;
            if (c == '"' || c == '`') {
                i = SqlStatements.quoteEnd(s, i, c);
                type = Type.QUOTED;
            } else if (c == '[') {
                int end = s.indexOf(']', i + 1);
                i = end < 0 ? n : end + 1;
                type = Type.QUOTED;
            } else if (c == '\'') {
                i = SqlStatements.quoteEnd(s, i, '\'');
                type = Type.STRING;
            } else if ((c == 'E' || c == 'e' || c == 'N' || c == 'n' || c == 'B' || c == 'b' || c == 'X' || c == 'x')
                    && i + 1 < n && s.charAt(i + 1) == '\'') {
                i = SqlStatements.quoteEnd(s, i + 1, '\'');
                type = Type.STRING;
            } else if (c == '$' && SqlScript.dollarTag(s, i) != null) {
                String tag = SqlScript.dollarTag(s, i);
                int end = s.indexOf(tag, i + tag.length());
                i = end < 0 ? n : end + tag.length();
                type = Type.STRING;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))
                    && (out.isEmpty() || out.get(out.size() - 1).type() == Type.SYMBOL))) {
                i++;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.')) i++;
                type = Type.NUMBER;
            } else if (isWordChar(c) || (c == '$' && i + 1 < n && s.charAt(i + 1) == '{')) {
                i = wordEnd(s, i);
                type = Type.WORD;
            } else {
                i++;
                if (c == ':' && i < n && s.charAt(i) == ':') {
                    i++;
                } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                    while (i < n && OPERATOR_CHARS.indexOf(s.charAt(i)) >= 0) i++;
                }
                type = Type.SYMBOL;
            }
            out.add(new Token(type, s.substring(start, i), start, i));
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '#' || c == '@';
    }

    /** A word, with any Flyway/Liquibase placeholder {@code ${...}} inside it kept whole. */
    private static int wordEnd(String s, int i) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '$' && i + 1 < n && s.charAt(i + 1) == '{') {
                int close = s.indexOf('}', i + 2);
                if (close < 0) return n;
                i = close + 1;
            } else if (isWordChar(c)) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * The tokens joined the one way whatever the spacing written: {@code now ()}, {@code now()} and {@code now( )} are
     * {@code now()}; {@code b :: bigint} is {@code b::bigint}. Expression text read by either reader goes through this.
     */
    static String canonical(List<Token> tokens) {
        StringBuilder b = new StringBuilder();
        Token previous = null;
        for (Token t : tokens) {
            if (previous != null && spaceBetween(previous, t)) b.append(' ');
            b.append(t.text());
            previous = t;
        }
        return b.toString();
    }

    static String canonical(String text) {
        return canonical(of(text));
    }

    private static boolean spaceBetween(Token a, Token b) {
        if (a.is("(") || a.is(".") || a.is("::") || a.is("[")) return false;
        if (b.is(")") || b.is(",") || b.is(".") || b.is("::") || b.is("]")) return false;
        if (b.is("(") || b.is("[")) return a.type() == Type.SYMBOL && !a.is(")");
        return true;
    }

    /** A cursor over a token list, with the source text for raw slices. */
    static final class Cursor {
        private final List<Token> tokens;
        private int at;

        Cursor(List<Token> tokens) {
            this.tokens = tokens;
        }

        Cursor(String text) {
            this(of(text));
        }

        boolean done() {
            return at >= tokens.size();
        }

        Token peek() {
            return at < tokens.size() ? tokens.get(at) : null;
        }

        Token peek(int ahead) {
            return at + ahead < tokens.size() ? tokens.get(at + ahead) : null;
        }

        Token next() {
            return at < tokens.size() ? tokens.get(at++) : null;
        }

        int position() {
            return at;
        }

        void reset(int position) {
            at = position;
        }

        /** Whether the next tokens are these words or symbols, case-insensitively. */
        boolean at(String... words) {
            for (int k = 0; k < words.length; k++) {
                Token t = peek(k);
                if (t == null || !t.is(words[k])) return false;
            }
            return true;
        }

        boolean accept(String... words) {
            if (!at(words)) return false;
            at += words.length;
            return true;
        }

        boolean atAny(String... words) {
            Token t = peek();
            if (t == null) return false;
            for (String w : words) if (t.is(w)) return true;
            return false;
        }

        /** A possibly qualified name ({@code a}, {@code s.a}, {@code db.s.a}); null when the next token is no name. */
        QualifiedName name() {
            Token t = peek();
            if (t == null || !t.isName()) return null;
            List<Token> parts = new ArrayList<>();
            parts.add(next());
            while (at(".") && peek(1) != null && peek(1).isName()) {
                next();
                parts.add(next());
            }
            Token last = parts.get(parts.size() - 1);
            String schema = parts.size() > 1 ? parts.get(parts.size() - 2).name() : null;
            return new QualifiedName(schema, last.name(), last.type() == Type.QUOTED);
        }

        /** One unqualified name, unquoted; null when the next token is no name. */
        String identifier() {
            Token t = peek();
            if (t == null || !t.isName()) return null;
            return next().name();
        }

        /** The tokens inside the parenthesis at the cursor (moved past its closing one); null when not at {@code (}. */
        List<Token> group() {
            if (!at("(")) return null;
            int depth = 0;
            int from = at + 1;
            while (at < tokens.size()) {
                Token t = tokens.get(at++);
                if (t.is("(")) depth++;
                if (t.is(")") && --depth == 0) return tokens.subList(from, at - 1);
            }
            return tokens.subList(from, tokens.size());
        }

        List<Token> slice(int from, int to) {
            return tokens.subList(from, to);
        }

        /** The rest of the tokens (the cursor moves to the end). */
        List<Token> rest() {
            List<Token> r = tokens.subList(Math.min(at, tokens.size()), tokens.size());
            at = tokens.size();
            return r;
        }

        /** Tokens up to (not including) the first of {@code stops} at parenthesis depth 0, or the end. */
        List<Token> until(String... stops) {
            int from = at;
            int depth = 0;
            while (at < tokens.size()) {
                Token t = tokens.get(at);
                if (depth == 0) {
                    for (String s : stops) if (t.is(s)) return tokens.subList(from, at);
                }
                if (t.is("(")) depth++;
                if (t.is(")")) depth--;
                at++;
            }
            return tokens.subList(from, at);
        }
    }

    /** The parts of {@code tokens} between commas at parenthesis depth 0. */
    static List<List<Token>> splitCommas(List<Token> tokens) {
        List<List<Token>> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("(")) depth++;
            if (t.is(")")) depth--;
            if (depth == 0 && t.is(",")) {
                parts.add(tokens.subList(from, i));
                from = i + 1;
            }
        }
        if (from < tokens.size() || !parts.isEmpty()) parts.add(tokens.subList(from, tokens.size()));
        return parts;
    }

    /** The names of a parenthesised list ({@code ("a", b)}), unquoted; expressions are left out. */
    static List<String> names(List<Token> inside) {
        List<String> out = new ArrayList<>();
        if (inside == null) return out;
        for (List<Token> part : splitCommas(inside)) {
            if (!part.isEmpty() && part.get(0).isName()) out.add(part.get(0).name());
        }
        return out;
    }
}
