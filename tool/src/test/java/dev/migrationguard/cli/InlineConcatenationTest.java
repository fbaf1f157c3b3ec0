package dev.migrationguard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tool's classes build strings with inline code, not through invokedynamic: a pre-commit run lives half a second
 * in a fresh JVM, where StringConcatFactory links each {@code a + b} call site on its first run (see pom.xml).
 */
class InlineConcatenationTest {
    /** The bootstrap method a class compiled with javac's default names in its constant pool. */
    private static final byte[] BOOTSTRAP = "makeConcatWithConstants".getBytes(StandardCharsets.US_ASCII);

    @Test
    void noClassOfTheToolLinksStringConcatenationWhenItRuns() throws Exception {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> all;
        try (Stream<Path> files = Files.walk(classes)) {
            all = files.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertFalse(all.size() < 100, "the tool's classes were not found under " + classes);
        List<String> linked = all.stream().filter(InlineConcatenationTest::linksConcatenation)
                .map(p -> classes.relativize(p).toString()).toList();
        assertEquals(List.of(), linked, "compiled without -XDstringConcat=inline");
    }

    @Test
    void aClassCompiledWithJavacsDefaultIsCaught(@TempDir Path dir) throws IOException {
        Path source = Files.writeString(dir.resolve("Joined.java"),
                "class Joined { static String of(String a, int b) { return a + \"-\" + b; } }");
        int code = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), source.toString());
        assertEquals(0, code);
        assertTrue(linksConcatenation(dir.resolve("Joined.class")));
    }

    private static boolean linksConcatenation(Path classFile) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(classFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        outer:
        for (int i = 0; i <= bytes.length - BOOTSTRAP.length; i++) {
            for (int j = 0; j < BOOTSTRAP.length; j++) if (bytes[i + j] != BOOTSTRAP[j]) continue outer;
            return true;
        }
        return false;
    }
}
