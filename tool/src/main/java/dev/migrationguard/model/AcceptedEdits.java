package dev.migrationguard.model;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Edits of a deployed migration that its runner itself accepts, declared in the migration's current version: a
 * Liquibase changeSet with {@code runOnChange: true} and a Flyway repeatable migration re-run when they change, and a
 * changeSet with a {@code validCheckSum} tells Liquibase to accept another checksum than the one it computes.
 *
 * @param rerunsOnChange true when an edit re-runs the migration instead of failing
 * @param validChecksums the checksums declared valid, as written ({@code ANY} accepts every edit)
 */
public record AcceptedEdits(boolean rerunsOnChange, Set<String> validChecksums) {
    public static final AcceptedEdits NONE = new AcceptedEdits(false, Set.of());
    /** A migration its runner re-applies whenever it changes: a Flyway repeatable ({@code R__}), runOnChange. */
    public static final AcceptedEdits RERUNS_ON_CHANGE = new AcceptedEdits(true, Set.of());

    public AcceptedEdits {
        TreeSet<String> normalized = new TreeSet<>();
        for (String c : validChecksums) normalized.add(c.strip().toLowerCase(Locale.ROOT));
        validChecksums = Set.copyOf(normalized);
    }

    /**
     * Does the runner accept this version in place of {@code deployed}? Yes when it re-runs on change, declares
     * {@code ANY}, declares a checksum the deployed version did not (the author copied the runner's complaint into the
     * changeSet), or declares {@code recordedChecksum}, the checksum the database recorded (null when unknown).
     */
    public boolean accept(AcceptedEdits deployed, String recordedChecksum) {
        if (rerunsOnChange || validChecksums.contains("any")) return true;
        if (recordedChecksum != null && validChecksums.contains(recordedChecksum.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        Set<String> before = deployed == null ? Set.of() : deployed.validChecksums();
        for (String c : validChecksums) if (!before.contains(c)) return true;
        return false;
    }
}
