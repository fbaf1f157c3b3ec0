package dev.migrationguard.sqlfolders;

import dev.migrationguard.model.MigrationNames;
import dev.migrationguard.model.SchemaChange;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.Text;
import dev.migrationguard.stack.MigrationAdvisor;

import java.math.BigInteger;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Names the migration to add for an entity change in the first configured SQL folder that holds migrations: the next
 * version in the folder's own style (zero-padded numbers or timestamps), with a {@code .down.sql} when the folder pairs
 * them. Speaks only when no other stack's migrations were found before it.
 */
final class SqlFolderAdvisor implements MigrationAdvisor {
    private final List<SqlFolder> folders;
    private final Clock clock;

    SqlFolderAdvisor(List<SqlFolder> folders, Clock clock) {
        this.folders = List.copyOf(folders);
        this.clock = clock;
    }

    @Override
    public Optional<String> advise(SchemaChange change, String suggestedName, Snapshot after) {
        if (change == null) return Optional.empty();
        for (SqlFolder folder : folders) {
            List<SqlFolder.Named> names = new ArrayList<>();
            for (String p : after.paths()) folder.name(p).ifPresent(names::add);
            if (names.isEmpty()) continue;
            SqlFolder.Named newest = folder.ordered(names).get(names.size() - 1);
            String what = " that " + MigrationNames.verbFor(change) + " " + MigrationNames.objectFor(change) + ".";
            String file = Text.fileName(newest.path());
            String version = newest.version();
            if (!version.chars().allMatch(Character::isDigit) || !file.startsWith(version + "_")) {
                return Optional.of("Add a migration to " + folder.folder() + "/" + what);
            }
            String next = next(version);
            String name = snake(suggestedName);
            boolean paired = SqlFolder.downOf(newest.path()) != null;
            String up = folder.folder() + "/" + next + "_" + name + (paired ? ".up.sql" : ".sql");
            return Optional.of("Add " + up + what + (paired ? " Add its .down.sql beside it." : ""));
        }
        return Optional.empty();
    }

    /** The version after {@code newest}: the current UTC time for a timestamp, else the next number at its width. */
    String next(String newest) {
        if (newest.length() >= 12 && (newest.startsWith("19") || newest.startsWith("20"))) {
            String pattern = newest.length() >= 14 ? "yyyyMMddHHmmss" : "yyyyMMddHHmm";
            String now = DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(clock.instant());
            if (now.length() == newest.length() && new BigInteger(now).compareTo(new BigInteger(newest)) > 0) {
                return now;
            }
        }
        String next = new BigInteger(newest).add(BigInteger.ONE).toString();
        return next.length() >= newest.length() ? next : "0".repeat(newest.length() - next.length()) + next;
    }

    /** {@code AddContestDivisions} becomes {@code add_contest_divisions}. */
    private static String snake(String pascal) {
        if (pascal == null || pascal.isBlank()) return "schema_change";
        List<String> words = new ArrayList<>();
        for (String w : MigrationNames.words(pascal)) if (!w.isEmpty()) words.add(w.toLowerCase(Locale.ROOT));
        return String.join("_", words);
    }
}
