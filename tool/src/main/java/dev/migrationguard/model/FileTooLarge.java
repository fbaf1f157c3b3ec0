package dev.migrationguard.model;

import java.util.Locale;

/**
 * A file over the run's limit on the size of a file it reads: never loaded, so that a 3 GB file costs a look at its size
 * and first bytes. Given by {@link Snapshot#tooLarge} and thrown by {@link Snapshot#read}: the engine reports
 * {@link #problem()} when a reader recognises the file by its {@link #head()}; lookups treat the file as missing.
 * A file whose content the repository lacks ({@link #absent}: a partial clone's blob never fetched) is unreadable in
 * the same way, with no head and its own message.
 */
public final class FileTooLarge extends RuntimeException {
    /**
     * 20 MiB: far above any hand-written migration, entity or settings file (past it lie data dumps and generated
     * code). A file costs the readers about nine times its size in heap (a 20 MiB seed script of INSERTs needs about
     * 190 MB): this one still fits the default heap of a machine or container with 1 GB of memory (a quarter of it).
     */
    public static final long DEFAULT_LIMIT = 20L * 1024 * 1024;
    /** How much of a file too large to read is looked at to recognise it (a changelog's root, an entity's imports). */
    public static final int HEAD_BYTES = 64 * 1024;

    private final String path;
    private final long size;
    private final long limit;
    private final String head;

    /**
     * A file whose content is not in the repository: a blob a partial clone ({@code --filter=blob:none}) never fetched,
     * which git fetches on demand and this tool cannot. Nothing of it can be read, so only its name may recognise it.
     */
    public static FileTooLarge absent(String path) {
        return new FileTooLarge(path, ABSENT, 0, new byte[0]);
    }

    /** The size of an {@link #absent} file, whose size is not known either. */
    private static final long ABSENT = -1;

    public FileTooLarge(String path, long size, long limit, byte[] head) {
        super(path + ": " + message("it", size, limit), null, false, false);
        this.path = path;
        this.size = size;
        this.limit = limit;
        this.head = Text.decode(head);
    }

    public long limit() {
        return limit;
    }

    /** The first {@link #HEAD_BYTES} of the file, as text. */
    public String head() {
        return head;
    }

    /** The parse-error finding's problem: at the top of the file, saying how to check it anyway or leave it out. */
    public ParseProblem problem() {
        return new ParseProblem(Location.at(path, 1, 1), message("it", size, limit) + ", so it was not checked", hint());
    }

    /**
     * The same problem said of another version of the file, at {@code at}: {@code what} names that version ("its
     * deployed version"), {@code unchecked} what could not be checked.
     */
    public ParseProblem problem(Location at, String what, String unchecked) {
        return new ParseProblem(at, message(what, size, limit) + ", so " + unchecked + " was not checked", hint());
    }

    private static final String HINT = "Leave it out (migrations.exclude or entities.exclude in .migration-guard.yml) "
            + "or raise the limit (--max-file-size <MiB>, or MIGRATION_GUARD_MAX_FILE_SIZE).";
    private static final String ABSENT_HINT = "Fetch it (git checkout, or git cat-file -p on its blob, makes git fetch "
            + "it), or leave it out (migrations.exclude or entities.exclude in .migration-guard.yml).";

    private String hint() {
        return size == ABSENT ? ABSENT_HINT : HINT;
    }

    private static String message(String what, long size, long limit) {
        if (size == ABSENT) {
            return what + " is not in the repository (a partial clone that never fetched it: git fetches such a file "
                    + "when it needs it, migration-guard cannot)";
        }
        return what + " is " + mib(size) + ", over the limit of " + mib(limit) + " on a file migration-guard reads";
    }

    private static String mib(long bytes) {
        double mib = bytes / (1024.0 * 1024.0);
        return mib == Math.rint(mib) ? String.format(Locale.ROOT, "%d MiB", (long) mib)
                : String.format(Locale.ROOT, "%.1f MiB", mib);
    }
}
