package dev.migrationguard;

import dev.migrationguard.testing.ProjectRoot;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The tool's sources live in tool/src. A branch begun before the move that adds a new folder under src/ merges it
 * there, where no module builds it and no test reads it (git moves only files added to folders that existed): fail.
 */
class ModuleLayoutTest {

    @Test
    void nothingIsLeftInTheTopFoldersSrcWhereNoModuleBuildsIt() throws IOException {
        Path stray = ProjectRoot.file("src");
        List<String> files = List.of();
        if (Files.exists(stray)) {
            try (Stream<Path> walk = Files.walk(stray)) {
                files = walk.filter(Files::isRegularFile).map(p -> ProjectRoot.DIR.relativize(p).toString()).sorted()
                        .toList();
            }
        }
        assertEquals(List.of(), files, "move these to tool/ (git mv src/x tool/src/x)");
    }
}
