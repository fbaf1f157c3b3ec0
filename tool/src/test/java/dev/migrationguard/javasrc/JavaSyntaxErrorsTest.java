package dev.migrationguard.javasrc;

import com.github.javaparser.JavaParser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JavaSyntaxErrorsTest {
    private static JavaSyntaxErrors.Place first(String source) {
        return JavaSyntaxErrors.describe(new JavaParser().parse(source).getProblems().get(0));
    }

    @Test
    void pointsAtTheTokenTheParserCouldNotAccept() {
        var p = first("class A {\n void m() {\n        st.execute(\"UPDATE x\";\n }\n}\n");
        assertEquals(3, p.line());
        assertEquals(30, p.column(), "the ';' where ')' was expected");
        assertEquals("Found \";\"", p.message().substring(0, 9));
        var q = first("@Entity class A {\n  @Column(length = 100\n  String title;\n}\n");
        assertEquals(2, q.line());
        assertEquals(23, q.column(), "just after 100, where ')' is missing");
    }

    @Test
    void shortensLongExpectationLists() {
        assertEquals("Found \";\"", JavaSyntaxErrors.shortMessage(
                "Parse error. Found \";\", expected one of  \"!=\" \"%\" \"%=\" \"&\" \"&&\" \")\""));
        assertEquals("Found \"}\", expected \")\"", JavaSyntaxErrors.shortMessage(
                "Parse error. Found \"}\", expected one of \")\"\nmore"));
    }
}
