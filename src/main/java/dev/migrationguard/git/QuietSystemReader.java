package dev.migrationguard.git;

import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Skips git's system-wide configuration. Finding it makes JGit spawn the {@code git} executable, which costs about
 * a quarter of a second on every run of a pre-commit hook; nothing we read (objects, the index, refs) depends on it.
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
}
