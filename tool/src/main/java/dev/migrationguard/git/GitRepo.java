package dev.migrationguard.git;

import dev.migrationguard.model.CannotJudge;
import dev.migrationguard.model.ChangeSet;
import dev.migrationguard.model.FileChange;
import dev.migrationguard.model.FileTooLarge;
import dev.migrationguard.model.Snapshot;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.SystemReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The only door to git: opens the repository around a folder and turns a staged change, a commit range or the work
 * tree into a {@link ChangeSet}. Nothing here writes: not the index, not the work tree, not a ref.
 */
public final class GitRepo implements AutoCloseable {
    /** Where SPEC.md looks for the deployed state when no deploy ref is configured, in order. */
    static final List<String> DEFAULT_DEPLOY_REFS = List.of("origin/HEAD", "origin/main", "origin/master", "main",
            "master");

    private final Repository repo;
    private final ObjectReader reader;
    private final Blobs blobs;

    private GitRepo(Repository repo, long maxFileSize) {
        this.repo = repo;
        this.reader = repo.newObjectReader();
        this.blobs = new Blobs(reader, repo.getObjectDatabase(), maxFileSize);
    }

    /** Opens the repository whose work tree holds {@code start} (any folder inside it). */
    public static GitRepo open(Path start) {
        return open(start, FileTooLarge.DEFAULT_LIMIT);
    }

    /**
     * Opens the repository whose work tree holds {@code start}; its snapshots never load a file over {@code maxFileSize}
     * bytes (see {@link FileTooLarge}).
     */
    public static GitRepo open(Path start, long maxFileSize) {
        return open(start, maxFileSize, System.getenv());
    }

    /**
     * {@link #open(Path, long)} with git's variables ({@code GIT_DIR}, {@code GIT_INDEX_FILE}, ...) read from {@code env}
     * rather than this process's environment: the resident checker runs for hooks of other processes.
     */
    public static GitRepo open(Path start, long maxFileSize, Map<String, String> env) {
        QuietSystemReader.install();
        try {
            SystemReader variables = new SystemReader.Delegate(SystemReader.getInstance()) {
                @Override
                public String getenv(String variable) {
                    return env.get(variable);
                }
            };
            FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment(variables)
                    .findGitDir(start.toAbsolutePath().toFile()).setMustExist(true);
            if (builder.getGitDir() == null) throw notARepo(start);
            Repository repo = builder.build();
            if (repo.isBare()) {
                repo.close();
                throw new CannotJudge(start + " is a bare repository; run migration-guard inside a work tree.");
            }
            return new GitRepo(repo, maxFileSize);
        } catch (RepositoryNotFoundException e) {
            throw notARepo(start);
        } catch (IOException e) {
            throw new CannotJudge("cannot open the git repository at " + start + ": " + e.getMessage(), e);
        }
    }

    private static CannotJudge notARepo(Path start) {
        return new CannotJudge(start.toAbsolutePath() + " is not inside a git work tree; run migration-guard from "
                + "your repository, or pass --repo <dir>.");
    }

    public Path workTree() {
        return repo.getWorkTree().toPath();
    }

    /**
     * The folder git runs hooks from, as git itself resolves it: {@code core.hooksPath} when set (relative to the top of
     * the work tree, {@code ~/} for the home folder: husky's {@code .husky/}), else {@code hooks/} in the common git dir,
     * which a linked worktree shares with its main repository and which, for a submodule, lies where its {@code .git}
     * file points. Read from the repository and user configuration (the system one is skipped, see QuietSystemReader).
     */
    public Path hooksFolder() {
        String configured = repo.getConfig().getString("core", null, "hooksPath");
        if (configured != null && !configured.isBlank()) {
            Path p = configured.startsWith("~/")
                    ? Path.of(System.getProperty("user.home")).resolve(configured.substring(2))
                    : workTree().resolve(configured);
            return p.toAbsolutePath().normalize();
        }
        return repo.getCommonDirectory().toPath().resolve("hooks").toAbsolutePath().normalize();
    }

    /** HEAD against the index: what {@code git commit} would record. Works before the first commit too. */
    public ChangeSet staged(String deployRef) {
        try {
            DirCache index = repo.readDirCache();
            if (index.hasUnmergedPaths()) {
                throw new CannotJudge("the index has unmerged paths (a merge, rebase or cherry-pick is in progress); "
                        + "resolve the conflicts and stage the result, then check again.");
            }
            ObjectId head = repo.resolve(Constants.HEAD + "^{tree}");
            Snapshot before = head == null ? Snapshot.EMPTY : new TreeSnapshot(blobs, tree(head));
            AbstractTreeIterator beforeIter = head == null ? new EmptyTreeIterator() : treeIterator(head);
            List<FileChange> changes = diff(beforeIter, new DirCacheIterator(index));
            Deployed deployed = deployed(deployRef, null);
            return new ChangeSet(ChangeSet.Mode.STAGED, changes, before, new IndexSnapshot(blobs, index),
                    deployed.snapshot, deployed.name, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every change from the merge base of {@code base} and {@code head} to {@code head}. */
    public ChangeSet range(String base, String head, String deployRef) {
        try (RevWalk walk = new RevWalk(reader)) {
            RevCommit baseCommit = commit(walk, base, true);
            RevCommit headCommit = commit(walk, head, false);
            walk.reset();
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(baseCommit));
            walk.markStart(walk.parseCommit(headCommit));
            RevCommit mergeBase = walk.next();
            if (mergeBase == null) {
                if (isShallow()) {
                    throw new CannotJudge("this is a shallow clone and it lacks the merge base of " + base + " and "
                            + head + ". Fetch more history: 'git fetch --deepen=200 origin' (or 'git fetch "
                            + "--unshallow'); on GitHub Actions set 'fetch-depth: 0' in actions/checkout; on GitLab set "
                            + "GIT_DEPTH: 0.");
                }
                throw new CannotJudge(base + " and " + head + " have no common history; check the refs you passed.");
            }
            RevTree baseTree = walk.parseTree(mergeBase.getTree());
            RevTree headTree = walk.parseTree(headCommit.getTree());
            List<FileChange> changes = diff(treeIterator(baseTree), treeIterator(headTree));
            Deployed deployed = deployed(deployRef, base);
            return new ChangeSet(ChangeSet.Mode.RANGE, changes, new TreeSnapshot(blobs, baseTree),
                    new TreeSnapshot(blobs, headTree), deployed.snapshot, deployed.name, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of the work tree below {@code paths} (repository-relative; empty means all), for lint. */
    public ChangeSet lint(List<String> paths, String deployRef) {
        List<String> all = workTreeFiles();
        List<String> selected = new ArrayList<>();
        for (String p : all) {
            if (below(paths, p)) selected.add(p);
        }
        Deployed deployed = deployed(deployRef, null);
        Snapshot files = new WorkTreeSnapshot(workTree(), all, blobs.maxFileSize());
        return new ChangeSet(ChangeSet.Mode.LINT, List.of(), Snapshot.EMPTY, files, deployed.snapshot, deployed.name,
                selected);
    }

    private static boolean below(List<String> prefixes, String path) {
        return prefixes.isEmpty() || prefixes.stream().anyMatch(prefix -> prefix.isEmpty() || path.equals(prefix)
                || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/"));
    }

    /**
     * Tracked files below {@code paths} (as for {@link #lint}) that a sparse checkout left out of the work tree: lint
     * and lock cannot read them there, and must say so rather than pass them over in silence.
     */
    public List<String> outsideSparseCheckout(List<String> paths) {
        List<String> skipped = new ArrayList<>();
        try {
            DirCache index = repo.readDirCache();
            for (int i = 0; i < index.getEntryCount(); i++) {
                DirCacheEntry e = index.getEntry(i);
                if (e.getStage() != 0 || !e.isSkipWorkTree() || !isFile(e.getFileMode())) continue;
                String path = e.getPathString();
                if (below(paths, path) && !Files.exists(workTree().resolve(path), LinkOption.NOFOLLOW_LINKS)) {
                    skipped.add(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return skipped;
    }

    /** One line for a person: how many such files, a few of them, and how to read them. */
    public static String sparseNote(List<String> skipped, String consequence) {
        int n = skipped.size();
        String some = String.join(", ", skipped.subList(0, Math.min(3, n))) + (n > 3 ? " and " + (n - 3) + " more" : "");
        return n + " tracked file" + (n == 1 ? " is" : "s are") + " outside the sparse checkout and " + (n == 1 ? "was"
                : "were") + " not read (" + some + ")" + consequence + "; widen the checkout ('git sparse-checkout "
                + "add <folder>') or leave it ('git sparse-checkout disable') to read " + (n == 1 ? "it" : "them") + ".";
    }

    private List<String> workTreeFiles() {
        List<String> files = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            int indexTree = walk.addTree(new DirCacheIterator(repo.readDirCache()));
            int workTree = walk.addTree(new FileTreeIterator(repo));
            while (walk.next()) {
                WorkingTreeIterator wt = walk.getTree(workTree, WorkingTreeIterator.class);
                boolean tracked = walk.getTree(indexTree, DirCacheIterator.class) != null;
                if (wt == null) continue;
                if (!tracked && wt.isEntryIgnored()) continue;
                if (walk.isSubtree()) {
                    if (!".git".equals(walk.getNameString())) walk.enterSubtree();
                } else if (TreeSnapshot.isFile(wt.getEntryFileMode())) {
                    files.add(walk.getPathString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        return files;
    }

    private List<FileChange> diff(AbstractTreeIterator before, AbstractTreeIterator after) throws IOException {
        List<DiffEntry> entries;
        try (TreeWalk walk = new TreeWalk(repo, reader)) {
            walk.setRecursive(true);
            walk.addTree(before);
            walk.addTree(after);
            walk.setFilter(TreeFilter.ANY_DIFF);
            entries = DiffEntry.scan(walk);
        }
        RenameDetector renames = new RenameDetector(reader, repo.getConfig().get(
                org.eclipse.jgit.diff.DiffConfig.KEY));
        renames.addAll(entries);
        List<DiffEntry> detected;
        try {
            detected = renames.compute(reader, NullProgressMonitor.INSTANCE);
        } catch (org.eclipse.jgit.api.errors.CanceledException e) {
            throw new IOException(e);
        }
        List<FileChange> changes = new ArrayList<>();
        for (DiffEntry e : detected) {
            boolean oldFile = isFile(e.getOldMode());
            boolean newFile = isFile(e.getNewMode());
            switch (e.getChangeType()) {
                case ADD, COPY -> {
                    if (newFile) changes.add(FileChange.added(e.getNewPath()));
                }
                case DELETE -> {
                    if (oldFile) changes.add(FileChange.deleted(e.getOldPath()));
                }
                case MODIFY -> {
                    if (oldFile && newFile) changes.add(FileChange.modified(e.getNewPath()));
                    else if (newFile) changes.add(FileChange.added(e.getNewPath()));
                    else if (oldFile) changes.add(FileChange.deleted(e.getOldPath()));
                }
                case RENAME -> changes.add(FileChange.renamed(e.getOldPath(), e.getNewPath()));
            }
        }
        return changes;
    }

    private static boolean isFile(FileMode mode) {
        return TreeSnapshot.isFile(mode);
    }

    private record Deployed(String name, Snapshot snapshot) {
    }

    /** SPEC.md: the given deploy ref; else in range mode the base; else the first of the default refs that exists. */
    private Deployed deployed(String configured, String rangeBase) throws UncheckedIOException {
        try {
            if (configured != null && !configured.isBlank()) {
                ObjectId id = repo.resolve(configured + "^{tree}");
                if (id == null) {
                    throw new CannotJudge("unknown deploy ref '" + configured + "'. Fetch it ('git fetch origin') or "
                            + "fix --deploy-ref / deployed.ref in the configuration.");
                }
                return new Deployed(configured, new TreeSnapshot(blobs, tree(id)));
            }
            if (rangeBase != null) {
                return new Deployed(rangeBase, new TreeSnapshot(blobs, tree(repo.resolve(rangeBase + "^{tree}"))));
            }
            for (String candidate : DEFAULT_DEPLOY_REFS) {
                ObjectId id = repo.resolve(candidate + "^{tree}");
                if (id != null) return new Deployed(candidate, new TreeSnapshot(blobs, tree(id)));
            }
            return new Deployed(null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RevCommit commit(RevWalk walk, String ref, boolean isBase) throws IOException {
        ObjectId id;
        try {
            id = repo.resolve(ref + "^{commit}");
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException e) {
            id = null;
        }
        if (id == null) throw new CannotJudge(unknownRef(ref, isBase));
        return walk.parseCommit(id);
    }

    /**
     * Why a ref does not resolve, and the fix. A ref counted back from a commit ({@code HEAD~1}, {@code main^}) is no
     * name a remote has: fetching it cannot work, while a shallow clone may simply stop before the commit it names.
     */
    private String unknownRef(String ref, boolean isBase) throws IOException {
        boolean relative = ref.contains("~") || ref.contains("^") || ref.contains("@{");
        if (relative && isShallow()) {
            return "'" + ref + "' lies beyond the history of this shallow clone. Fetch more of it: 'git fetch "
                    + "--deepen=200 origin' (or 'git fetch --unshallow'); on GitHub Actions set 'fetch-depth: 0' in "
                    + "actions/checkout; on GitLab set GIT_DEPTH: 0.";
        }
        if (relative) return "'" + ref + "' does not exist: the history is shorter than that. Check the ref you passed.";
        String fix = isBase
                ? " Fetch it first ('git fetch origin " + shortName(ref) + "'); on GitHub Actions use "
                + "actions/checkout with 'fetch-depth: 0'."
                : " Check the name, or fetch it.";
        return "unknown ref '" + ref + "'." + fix;
    }

    private static String shortName(String ref) {
        return ref.startsWith("origin/") ? ref.substring("origin/".length()) : ref;
    }

    private boolean isShallow() throws IOException {
        Set<ObjectId> shallow = repo.getObjectDatabase().getShallowCommits();
        return !shallow.isEmpty();
    }

    private RevTree tree(ObjectId treeId) throws IOException {
        try (RevWalk walk = new RevWalk(reader)) {
            return walk.parseTree(treeId);
        }
    }

    private CanonicalTreeParser treeIterator(ObjectId treeId) throws IOException {
        CanonicalTreeParser p = new CanonicalTreeParser();
        p.reset(reader, treeId);
        return p;
    }

    @Override
    public void close() {
        reader.close();
        repo.close();
    }
}
