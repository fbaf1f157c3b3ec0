package dev.migrationguard.git;

import dev.migrationguard.model.FileTooLarge;
import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The work tree as lint reads it: as git stores it, symbolic links as links, never followed. */
class WorkTreeSnapshotTest {
    @TempDir
    Path dir;

    @Test
    void nothingBehindASymbolicLinkOrOutsideTheWorkTreeIsRead() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.sql"), "DROP TABLE everything;\n");
        var g = GitFixture.init(dir.resolve("repo")).write("db/V1__Create_contest.sql", "CREATE TABLE contest (id INT);\n");
        Files.createSymbolicLink(g.root().resolve("db/linked"), outside);
        Files.createSymbolicLink(g.root().resolve("db/V2__Linked.sql"), outside.resolve("secret.sql"));
        Files.createSymbolicLink(g.root().resolve("db/V3__Inside.sql"), Path.of("V1__Create_contest.sql"));
        g.addAll().commit("init");

        try (GitRepo repo = GitRepo.open(g.root())) {
            var tree = repo.lint(List.of(), null).after();
            assertEquals(List.of("db/V1__Create_contest.sql"), tree.paths(), "git lists links, not files");
            assertTrue(tree.read("db/V1__Create_contest.sql").isPresent());
            for (String path : List.of("db/linked/secret.sql", "db/V2__Linked.sql", "db/V3__Inside.sql",
                    "../outside/secret.sql", "db/../../outside/secret.sql", "/" + outside.resolve("secret.sql"),
                    "db", "db//V1__Create_contest.sql", ".git/config")) {
                assertEquals(Optional.empty(), tree.read(path).map(String::new), path);
            }
            var staged = repo.staged(null).after();
            assertEquals(tree.paths(), staged.paths(), "lint and check see the same files");
            assertTrue(staged.read("db/V3__Inside.sql").isEmpty());
        }
    }

    /**
     * Readers ask for files that git does not list: a script's config file beside it, mostly absent. One that is there
     * (git ignores it) reads as before; one that is not, or a link to nothing, is absent.
     */
    @Test
    void aFileGitDoesNotListReadsAsBeforeAndOneThatIsNotThereIsAbsent() throws Exception {
        var g = GitFixture.init(dir.resolve("repo")).write("db/V1__Create_contest.sql", "CREATE TABLE contest (id INT);\n")
                .write(".gitignore", "*.conf\n").write("db/V1__Create_contest.sql.conf", "executeInTransaction=false\n");
        Files.createSymbolicLink(g.root().resolve("db/V2__Dangling.sql"), Path.of("nowhere.sql"));
        g.addAll().commit("init");
        try (GitRepo repo = GitRepo.open(g.root())) {
            var tree = repo.lint(List.of(), null).after();
            assertEquals(List.of(".gitignore", "db/V1__Create_contest.sql"), tree.paths());
            assertEquals(Optional.of("executeInTransaction=false\n"),
                    tree.read("db/V1__Create_contest.sql.conf").map(String::new));
            for (String path : List.of("db/V2__Create_other.sql.conf", "db/V2__Dangling.sql", "db/nowhere.sql",
                    "elsewhere/V1__x.sql")) {
                assertEquals(Optional.empty(), tree.read(path).map(String::new), path);
                assertFalse(tree.exists(path), path);
            }
        }
    }

    /**
     * A file is read into a buffer of the size its attributes gave: every size reads whole, around InputStream's own
     * 8 kB buffer and the run's limit alike; one over the limit is never loaded.
     */
    @Test
    void everySizeReadsWholeUpToTheLimit() throws Exception {
        long limit = 20_000;
        var g = GitFixture.init(dir.resolve("repo"));
        List<Integer> sizes = List.of(0, 1, 8_191, 8_192, 8_193, 19_999, 20_000);
        for (int size : sizes) g.writeBytes("db/f" + size + ".sql", bytes(size));
        g.writeBytes("db/over.sql", bytes(20_001));
        g.addAll().commit("init");

        try (GitRepo repo = GitRepo.open(g.root(), limit)) {
            var tree = repo.lint(List.of(), null).after();
            for (int size : sizes) {
                assertArrayEquals(bytes(size), tree.read("db/f" + size + ".sql").orElseThrow(), "size " + size);
                assertTrue(tree.tooLarge("db/f" + size + ".sql").isEmpty(), "size " + size);
            }
            FileTooLarge over = assertThrows(FileTooLarge.class, () -> tree.read("db/over.sql"));
            assertEquals(limit, over.limit());
            assertTrue(tree.tooLarge("db/over.sql").isPresent());
            assertTrue(tree.read("db/absent.sql").isEmpty());
            assertTrue(tree.read("absent/f1.sql").isEmpty());
        }
    }

    /**
     * Lint reads each migration several times in a row: the file is opened once for those, each caller gets its own
     * copy of the bytes, and a file read long ago (many others in between) is read from disk again.
     */
    @Test
    void aFileReadAgainAtOnceIsNotOpenedAgain() throws Exception {
        var g = GitFixture.init(dir.resolve("repo"));
        for (int i = 1; i <= 6; i++) g.write("db/V" + i + "__Create_t.sql", "CREATE TABLE t" + i + " (id INT);\n");
        g.addAll().commit("init");

        try (GitRepo repo = GitRepo.open(g.root())) {
            var tree = (WorkTreeSnapshot) repo.lint(List.of(), null).after();
            byte[] first = tree.read("db/V1__Create_t.sql").orElseThrow();
            first[0] = 'X';
            assertEquals("CREATE TABLE t1 (id INT);\n", tree.readText("db/V1__Create_t.sql").orElseThrow(),
                    "a caller changing its bytes changes no one else's");
            tree.readableText("db/V1__Create_t.sql");
            assertEquals(1, tree.opened());
            for (int i = 2; i <= 6; i++) tree.read("db/V" + i + "__Create_t.sql");
            assertEquals(6, tree.opened());
            tree.read("db/V1__Create_t.sql");
            assertEquals(7, tree.opened(), "only the last few files are kept");
            Thread other = new Thread(() -> tree.read("db/V1__Create_t.sql"));
            other.start();
            other.join();
            assertEquals(8, tree.opened(), "each thread keeps its own");
            assertTrue(tree.read("db/absent.sql").isEmpty());
        }
    }

    private static byte[] bytes(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) b[i] = (byte) ('a' + i % 26);
        return b;
    }
}
