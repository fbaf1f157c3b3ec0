package archfixture.rules;

/** A rule that parses and reads git itself. */
public final class GitRule {
    public static Object parse(String source) {
        return com.github.javaparser.StaticJavaParser.parse(source);
    }

    public static Object open(java.io.File folder) throws Exception {
        return org.eclipse.jgit.api.Git.open(folder);
    }
}
