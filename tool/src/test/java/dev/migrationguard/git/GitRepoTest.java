package dev.migrationguard.git;

import dev.migrationguard.model.CannotJudge;
import dev.migrationguard.model.ChangeKind;
import dev.migrationguard.model.ChangeSet;
import dev.migrationguard.model.FileChange;
import dev.migrationguard.testing.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Change sets from real repositories: the only layer that touches JGit. */
class GitRepoTest {
    @TempDir
    Path dir;


    @Test
    void firstCommitHasNoHeadAndEveryStagedFileIsAdded() {
        var g = GitFixture.init(dir).write("src/a/A.java", "class A {}").write("V1__x.sql", "x").add(".");
        try (GitRepo repo = GitRepo.open(g.root())) {
            ChangeSet cs = repo.staged(null);
            assertEquals(List.of(FileChange.added("V1__x.sql"), FileChange.added("src/a/A.java")), cs.changes());
            assertTrue(cs.before().paths().isEmpty());
            assertNull(cs.deployed(), "no deploy ref exists before the first commit");
        }
    }

    @Test
    void stagedContentComesFromTheIndexNotTheWorkTree() {
        var g = GitFixture.init(dir).write("a.sql", "one\n").add(".").commit("one");
        g.write("a.sql", "two\n").add("a.sql").write("a.sql", "three\n");
        try (GitRepo repo = GitRepo.open(g.root())) {
            ChangeSet cs = repo.staged(null);
            assertEquals(List.of(FileChange.modified("a.sql")), cs.changes());
            assertEquals("two\n", cs.after().readText("a.sql").orElseThrow());
            assertEquals("one\n", cs.before().readText("a.sql").orElseThrow());
        }
    }

    @Test
    void renamesDeletionsSubfoldersAndAnyStartingFolder() {
        var g = GitFixture.init(dir)
                .write("db/migration/V1__Create_users.sql", "CREATE TABLE users (id int, name varchar(100));\n")
                .write("db/migration/V2__Drop_x.sql", "DROP TABLE x;\n")
                .write("deep/down/File.txt", "x").add(".").commit("init");
        g.git("mv", "db/migration/V1__Create_users.sql", "db/migration/V1__Create_user_table.sql");
        g.git("rm", "-q", "db/migration/V2__Drop_x.sql");
        try (GitRepo repo = GitRepo.open(g.root().resolve("deep/down"))) {
            ChangeSet cs = repo.staged(null);
            assertEquals(List.of(
                    FileChange.renamed("db/migration/V1__Create_users.sql", "db/migration/V1__Create_user_table.sql"),
                    FileChange.deleted("db/migration/V2__Drop_x.sql")), cs.changes());
            assertEquals("main", cs.deployedRef());
            assertTrue(cs.deployed().exists("db/migration/V2__Drop_x.sql"));
        }
    }

    @Test
    void rangeDiffsFromTheMergeBaseAndDeploysTheBase() {
        var g = GitFixture.init(dir).write("a.txt", "a").add(".").commit("a");
        g.git("checkout", "-q", "-b", "feature");
        g.write("b.txt", "b").add(".").commit("b");
        g.git("checkout", "-q", "main");
        g.write("c.txt", "c").add(".").commit("c on main");
        g.git("checkout", "-q", "feature");
        try (GitRepo repo = GitRepo.open(g.root())) {
            ChangeSet cs = repo.range("main", "HEAD", null);
            assertEquals(List.of(FileChange.added("b.txt")), cs.changes(), "c.txt is main's change, not the branch's");
            assertEquals("main", cs.deployedRef());
            assertTrue(cs.deployed().exists("c.txt"));
        }
    }

    @Test
    void unknownRefAndNotARepositoryCannotBeJudged() {
        var g = GitFixture.init(dir).write("a.txt", "a").add(".").commit("a");
        try (GitRepo repo = GitRepo.open(g.root())) {
            var e = assertThrows(CannotJudge.class, () -> repo.range("origin/nope", "HEAD", null));
            assertTrue(e.getMessage().contains("unknown ref 'origin/nope'"), e.getMessage());
            assertTrue(e.getMessage().contains("git fetch origin nope"), e.getMessage());
            var d = assertThrows(CannotJudge.class, () -> repo.staged("no-such-ref"));
            assertTrue(d.getMessage().contains("unknown deploy ref 'no-such-ref'"), d.getMessage());
        }
        var notRepo = assertThrows(CannotJudge.class, () -> GitRepo.open(dir.getParent().resolve("nowhere-" + System.nanoTime())));
        assertTrue(notRepo.getMessage().contains("not inside a git work tree"));
    }

    @Test
    void shallowCloneMissingTheMergeBaseSaysHowToFetchMore() {
        var upstream = GitFixture.init(dir.resolve("up")).write("a.txt", "a").add(".").commit("a");
        for (int i = 0; i < 3; i++) upstream.write("m" + i + ".txt", "m").add(".").commit("main " + i);
        upstream.git("checkout", "-q", "-b", "feature", "HEAD~3");
        for (int i = 0; i < 3; i++) upstream.write("f" + i + ".txt", "f").add(".").commit("feature " + i);
        GitFixture.run(dir, "clone", "-q", "--depth", "1", "--no-single-branch", "file://" + upstream.root(), "clone");
        Path clone = dir.resolve("clone");
        GitFixture.run(clone, "checkout", "-q", "feature");
        try (GitRepo repo = GitRepo.open(clone)) {
            var e = assertThrows(CannotJudge.class, () -> repo.range("origin/main", "HEAD", null));
            assertTrue(e.getMessage().contains("shallow clone"), e.getMessage());
            assertTrue(e.getMessage().contains("fetch-depth: 0"), e.getMessage());
            assertTrue(e.getMessage().contains("git fetch --deepen"), e.getMessage());
        }
    }

    @Test
    void anIndexWithUnmergedPathsCannotBeJudged() {
        var g = GitFixture.init(dir).write("a.txt", "base\n").add(".").commit("base");
        g.git("checkout", "-q", "-b", "other");
        g.write("a.txt", "other\n").add(".").commit("other");
        g.git("checkout", "-q", "main");
        g.write("a.txt", "main\n").add(".").commit("main");
        try {
            g.git("merge", "-q", "other");
        } catch (IllegalStateException expectedConflict) {
            // the merge stops on the conflict, leaving stages 1-3 in the index
        }
        try (GitRepo repo = GitRepo.open(g.root())) {
            var e = assertThrows(CannotJudge.class, () -> repo.staged(null));
            assertTrue(e.getMessage().contains("unmerged paths"), e.getMessage());
        }
    }

    @Test
    void lintListsTrackedAndUntrackedButNotIgnoredFiles() {
        var g = GitFixture.init(dir).write(".gitignore", "target/\n*.log\n").write("src/A.java", "class A {}")
                .add(".").commit("init");
        g.write("src/B.java", "class B {}").write("target/gen/C.java", "class C {}").write("x.log", "log");
        try (GitRepo repo = GitRepo.open(g.root())) {
            ChangeSet cs = repo.lint(List.of(), null);
            assertEquals(List.of(".gitignore", "src/A.java", "src/B.java"), cs.lintPaths());
            assertEquals(List.of("src/B.java"), repo.lint(List.of("src/B.java"), null).lintPaths());
            assertEquals(ChangeSet.Mode.LINT, cs.mode());
            assertFalse(cs.after().exists("target/gen/C.java") && cs.lintPaths().contains("target/gen/C.java"));
        }
    }

    @Test
    void binaryFilesAreListedAsChangesAndLeftToTheReaders() {
        var g = GitFixture.init(dir).writeBytes("img/logo.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 1, 2}).add(".");
        try (GitRepo repo = GitRepo.open(g.root())) {
            ChangeSet cs = repo.staged(null);
            assertEquals(ChangeKind.ADDED, cs.changes().get(0).kind());
            assertEquals(7, cs.after().read("img/logo.png").orElseThrow().length);
        }
    }

    @Test
    void hooksFolderIsWhereGitRunsHooksFrom() throws Exception {
        var main = GitFixture.init(dir.resolve("main")).write("a.txt", "a").addAll().commit("init");
        Path gitHooks = main.root().resolve(".git/hooks").toRealPath();
        try (GitRepo repo = GitRepo.open(main.root().resolve("."))) {
            assertEquals(gitHooks, repo.hooksFolder());
        }
        main.git("worktree", "add", "-q", "-b", "feature", dir.resolve("linked").toString());
        try (GitRepo repo = GitRepo.open(dir.resolve("linked"))) {
            assertEquals(gitHooks, repo.hooksFolder().toRealPath(), "a linked worktree shares the main hooks");
        }
        main.git("config", "core.hooksPath", ".husky");
        java.nio.file.Files.createDirectories(main.root().resolve("src/deep"));
        try (GitRepo repo = GitRepo.open(main.root().resolve("src/deep"))) {
            assertEquals(main.root().toRealPath().resolve(".husky"), repo.hooksFolder(),
                    "relative to the top of the work tree, not to the current folder");
        }

        var sub = GitFixture.init(dir.resolve("sub")).write("s.txt", "s").addAll().commit("init");
        var sup = GitFixture.init(dir.resolve("super")).write("b.txt", "b").addAll().commit("init");
        sup.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", sub.root().toString(), "modules/sub");
        try (GitRepo repo = GitRepo.open(sup.root().resolve("modules/sub"))) {
            assertEquals(sup.root().resolve(".git/modules/modules/sub/hooks").toRealPath(), repo.hooksFolder().toRealPath());
        }
    }
}
