package dev.migrationguard.git;

import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Skips git's system-wide configuration. Finding it makes JGit spawn the {@code git} executable, which costs about
 * a quarter of a second on every run of a pre-commit hook; nothing we read (objects, the index, refs) depends on it.
 * The user's and JGit's own configuration files are used only where a real home folder holds them: for a user without
 * one (a container's user with no passwd entry, whose {@code user.home} is {@code ?}) JGit would resolve them against
 * the current folder, reading {@code ?/.gitconfig} from the checked work tree and writing {@code ?/.config/jgit/config}
 * into it.
 */
final class QuietSystemReader extends SystemReader.Delegate {
    private static boolean installed;

    private QuietSystemReader(SystemReader delegate) {
        super(delegate);
    }

    static synchronized void install() {
        if (installed) return;
        SystemReader.setInstance(new QuietSystemReader(SystemReader.getInstance()));
        installed = true;
    }

    @Override
    public FileBasedConfig openSystemConfig(Config parent, FS fs) {
        return new FileBasedConfig(parent, null, fs) {
            @Override
            public void load() {
                // nothing to load: the system configuration is deliberately skipped
            }

            @Override
            public boolean isOutdated() {
                return false;
            }
        };
    }

    @Override
    public FileBasedConfig openUserConfig(Config parent, FS fs) {
        return outsideTheWorkTree(super.openUserConfig(parent, fs), parent, fs);
    }

    @Override
    public FileBasedConfig openJGitConfig(Config parent, FS fs) {
        return outsideTheWorkTree(super.openJGitConfig(parent, fs), parent, fs);
    }

    // The delegate answers these from its own open...Config, not from the overrides above: ask it, then judge its file.
    @Override
    public StoredConfig getUserConfig() throws ConfigInvalidException, IOException {
        return outsideTheWorkTree(super.getUserConfig(), userConfig);
    }

    @Override
    public StoredConfig getJGitConfig() throws ConfigInvalidException, IOException {
        return outsideTheWorkTree(super.getJGitConfig(), jgitConfig);
    }

    private static StoredConfig outsideTheWorkTree(StoredConfig chosen, StoredConfig inMemory) {
        if (!(chosen instanceof FileBasedConfig f) || outsideTheCurrentFolder(f.getFile())) return chosen;
        return inMemory;
    }

    /**
     * JGit makes a home of {@code ?} absolute against the current folder, the work tree the hook runs in: a file there
     * is the repository's, not the user's.
     */
    private static boolean outsideTheCurrentFolder(File file) {
        if (file == null) return true;
        Path here = Path.of(System.getProperty("user.dir", "")).toAbsolutePath().normalize();
        return !file.toPath().toAbsolutePath().normalize().startsWith(here);
    }

    private final StoredConfig userConfig = outsideTheWorkTree(null, null, FS.DETECTED);
    private final StoredConfig jgitConfig = outsideTheWorkTree(null, null, FS.DETECTED);

    /** The file JGit chose when its path is absolute; else one that is neither read nor written. */
    private static FileBasedConfig outsideTheWorkTree(FileBasedConfig chosen, Config parent, FS fs) {
        if (chosen != null && outsideTheCurrentFolder(chosen.getFile())) return chosen;
        return new FileBasedConfig(parent, null, fs) {
            @Override
            public void load() {
                // no home folder: nothing to read
            }

            @Override
            public void save() {
                // no home folder: keep what JGit learns (file-system timings) in memory only
            }

            @Override
            public boolean isOutdated() {
                return false;
            }
        };
    }
}
