package dev.migrationguard.git;

import dev.migrationguard.model.FileTooLarge;
import dev.migrationguard.testing.GitFixture;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How blobs are looked up: a loose one once (the dependents scan reads hundreds per commit, and measuring each before
 * opening it opened and inflated its file twice), a packed one measured before it is opened (JGit builds a packed delta
 * whole when it opens it, whatever its size), and either over the limit reported with its size and first bytes.
 */
class BlobsTest {
    private static final long LIMIT = 4000;

    @TempDir
    Path dir;

    @Test
    void aLooseBlobIsOpenedOnceAndNeverMeasuredApart() throws IOException {
        var g = GitFixture.init(dir).write("a.ts", "export class A {}\n").write("b.ts", "export class B {}\n")
                .add(".").commit("one");
        try (Repository repo = open(g); Calls calls = new Calls(repo.newObjectReader())) {
            Blobs blobs = new Blobs(calls, repo.getObjectDatabase(), LIMIT);
            assertArrayEquals(bytes("export class A {}\n"), blobs.read("a.ts", blob(g, "a.ts")));
            assertEquals(List.of("open"), calls.log);
            assertEquals(Optional.empty(), blobs.tooLarge("b.ts", blob(g, "b.ts")));
            assertArrayEquals(bytes("export class B {}\n"), blobs.read("b.ts", blob(g, "b.ts")));
            assertEquals(List.of("open", "open"), calls.log, "asking whether it is too large loaded the blob read next");
        }
    }

    @Test
    void aLooseBlobOverTheLimitIsReportedNotReturned() throws IOException {
        String big = "x".repeat((int) LIMIT + 1000);
        var g = GitFixture.init(dir).write("big.sql", big).add(".").commit("one");
        try (Repository repo = open(g); Calls calls = new Calls(repo.newObjectReader())) {
            Blobs blobs = new Blobs(calls, repo.getObjectDatabase(), LIMIT);
            FileTooLarge e = assertThrows(FileTooLarge.class, () -> blobs.read("big.sql", blob(g, "big.sql")));
            assertEquals(big, e.head());
            assertEquals(LIMIT, e.limit());
            assertTrue(e.getMessage().startsWith("big.sql: "), e.getMessage());
            assertTrue(blobs.tooLarge("big.sql", blob(g, "big.sql")).isPresent());
        }
    }

    @Test
    void aPackedBlobIsMeasuredBeforeItIsOpened() throws IOException {
        String base = "line of a changelog that grows\n".repeat(100);
        String grown = base + "another line, added later\n".repeat(100);
        var g = GitFixture.init(dir).write("log.sql", base).add(".").commit("one").write("log.sql", grown).add(".")
                .commit("two");
        ObjectId small = blob(g, "HEAD~1:log.sql");
        ObjectId large = blob(g, "HEAD:log.sql");
        g.git("gc", "-q");
        try (Repository repo = open(g); Calls calls = new Calls(repo.newObjectReader())) {
            assertTrue(packed(repo, small) && packed(repo, large), "the test needs both blobs in a pack");
            Blobs blobs = new Blobs(calls, repo.getObjectDatabase(), LIMIT);
            assertArrayEquals(bytes(base), blobs.read("log.sql", small));
            assertEquals(List.of("size", "open"), calls.log);
            calls.log.clear();
            FileTooLarge e = assertThrows(FileTooLarge.class, () -> blobs.read("log.sql", large));
            assertEquals(grown, e.head());
            assertEquals("size", calls.log.get(0), "measured before anything opened it");
            assertFalse(blobs.tooLarge("log.sql", large).isEmpty());
        }
    }

    private static boolean packed(Repository repo, ObjectId id) throws IOException {
        for (Pack p : ((ObjectDirectory) repo.getObjectDatabase()).getPacks()) if (p.hasObject(id)) return true;
        return false;
    }

    private static Repository open(GitFixture g) throws IOException {
        return new FileRepositoryBuilder().setGitDir(g.root().resolve(".git").toFile()).build();
    }

    private static ObjectId blob(GitFixture g, String path) {
        return ObjectId.fromString(g.git("rev-parse", path.contains(":") ? path : "HEAD:" + path).trim());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A reader that notes each size look-up and each open, and passes them on. */
    private static final class Calls extends ObjectReader.Filter {
        final List<String> log = new ArrayList<>();
        private final ObjectReader delegate;

        Calls(ObjectReader delegate) {
            this.delegate = delegate;
        }

        @Override
        protected ObjectReader delegate() {
            return delegate;
        }

        @Override
        public void setStreamFileThreshold(int threshold) {
            super.setStreamFileThreshold(threshold);
            delegate.setStreamFileThreshold(threshold);
        }

        @Override
        public long getObjectSize(AnyObjectId id, int type) throws IOException {
            log.add("size");
            return super.getObjectSize(id, type);
        }

        @Override
        public ObjectLoader open(AnyObjectId id, int type) throws IOException {
            log.add("open");
            return super.open(id, type);
        }
    }
}
