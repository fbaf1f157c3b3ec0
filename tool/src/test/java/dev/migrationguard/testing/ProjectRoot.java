package dev.migrationguard.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's top folder, where the files around the tool live (README.md, rules/, hooks/, examples/, action.yml):
 * Maven runs the tool's tests in its module folder, tool/.
 */
public final class ProjectRoot {
    /** The top folder, relative to the folder the tests run in (so that paths read in reports stay short). */
    public static final Path DIR = find();

    private ProjectRoot() {
    }

    /** A file or folder of the top folder, such as {@code file("rules", "default-pack.yml")}. */
    public static Path file(String first, String... more) {
        return DIR.resolve(Path.of(first, more));
    }

    private static Path find() {
        Path here = Path.of("").toAbsolutePath();
        Path relative = Path.of("");
        for (Path p = here; p != null; p = p.getParent(), relative = relative.resolve("..")) {
            if (Files.isRegularFile(p.resolve("rules/default-pack.yml")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return relative;
            }
        }
        throw new IllegalStateException("no folder above " + here + " holds rules/default-pack.yml");
    }
}
