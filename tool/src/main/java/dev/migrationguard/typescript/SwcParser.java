package dev.migrationguard.typescript;

import com.caoccao.javet.swc4j.Swc4j;
import com.caoccao.javet.swc4j.enums.Swc4jMediaType;
import com.caoccao.javet.swc4j.enums.Swc4jParseMode;
import com.caoccao.javet.swc4j.exceptions.Swc4jCoreException;
import com.caoccao.javet.swc4j.options.Swc4jParseOptions;
import dev.migrationguard.model.CannotJudge;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The swc4j parser, created once per JVM on the first TypeScript file. */
final class SwcParser {
    /** SWC's message ends its first line with {@code at <specifier>:<line>:<column>}. */
    private static final Pattern AT = Pattern.compile("^(.*?) at \\S+?:(\\d+):(\\d+)\\s*$");
    private static final Swc4j SWC;

    static {
        SwcNative.prepare();
        try {
            SWC = new Swc4j();
        } catch (Throwable e) {
            throw new CannotJudge("the TypeScript parser's native library could not be loaded: " + e, e);
        }
    }

    private SwcParser() {
    }

    /** Loads the native library (the class initialiser does), so that a crash while loading is not blamed on a file. */
    static void load() {
        // nothing more to do once the class is initialised
    }

    static TypeScript.Parsed parse(String source, boolean tsx) {
        Swc4jParseOptions options;
        try {
            options = new Swc4jParseOptions().setMediaType(tsx ? Swc4jMediaType.Tsx : Swc4jMediaType.TypeScript)
                    .setParseMode(Swc4jParseMode.Module).setCaptureAst(true)
                    .setSpecifier(new URL(tsx ? "file:///input.tsx" : "file:///input.ts"));
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        try {
            var output = SWC.parse(source, options);
            return new TypeScript.Parsed(SwcConverter.module(output.getProgram()), null);
        } catch (Swc4jCoreException e) {
            return new TypeScript.Parsed(null, syntaxError(e.getMessage()));
        }
    }

    static TypeScript.SyntaxError syntaxError(String message) {
        String text = message == null ? "syntax error" : message.strip();
        String first = text.lines().findFirst().orElse(text);
        Matcher m = AT.matcher(first);
        if (m.matches()) {
            return new TypeScript.SyntaxError(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    "TypeScript syntax error: " + m.group(1));
        }
        return new TypeScript.SyntaxError(1, 1, "TypeScript syntax error: " + first);
    }
}
