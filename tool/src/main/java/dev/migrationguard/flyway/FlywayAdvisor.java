package dev.migrationguard.flyway;

import dev.migrationguard.stack.MigrationAdvisor;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationNames;
import dev.migrationguard.model.SchemaChange;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.Text;

import java.math.BigInteger;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the Flyway migration to add for a JPA entity change: next to the newest versioned migration, with the next
 * version in the project's own style (plain numbers, dotted versions or timestamps).
 */
public final class FlywayAdvisor implements MigrationAdvisor {
    private static final Pattern LAST_NUMBER = Pattern.compile("(\\d+)$");
    private final Clock clock;

    public FlywayAdvisor() {
        this(Clock.systemUTC());
    }

    /** With a fixed clock, for tests of timestamp versions. */
    public FlywayAdvisor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<String> advise(SchemaChange change, String suggestedName, Snapshot after) {
        if (change == null || change.location() == null || !change.location().path().endsWith(".java")) {
            return Optional.empty();
        }
        Newest found = newest(after);
        if (found == null) return Optional.empty();
        FlywayVersion newest = found.version();
        String newestPath = found.path();
        int slash = newestPath.lastIndexOf('/');
        String folder = slash < 0 ? "" : newestPath.substring(0, slash + 1);
        String suffix = newestPath.toLowerCase(Locale.ROOT).endsWith(".java") ? ".sql" : newestPath.substring(
                newestPath.lastIndexOf('.'));
        String file = folder + "V" + nextVersion(newest) + "__" + flywayDescription(suggestedName) + suffix;
        return Optional.of("Add " + file + " that " + MigrationNames.verbFor(change) + " "
                + MigrationNames.objectFor(change) + " (or run your migration generator).");
    }

    private record Newest(String path, FlywayVersion version) {
    }

    /** The newest versioned migration of each snapshot, by identity: every entity change of a commit asks for it. */
    private final Map<Snapshot, Optional<Newest>> newest = Collections.synchronizedMap(new WeakHashMap<>());

    private Newest newest(Snapshot after) {
        return newest.computeIfAbsent(after, side -> {
            Newest found = null;
            for (String path : side.paths()) {
                String fileName = Text.fileName(path);
                // a versioned migration's name starts with V: the others are not parsed
                if (fileName.isEmpty() || fileName.charAt(0) != 'V' || !FlywayName.mayBe(fileName)) continue;
                var name = FlywayName.parse(path).filter(n -> n.kind() == Migration.Kind.VERSIONED);
                if (name.isEmpty()) continue;
                if (found == null || name.get().version().compareTo(found.version()) > 0) {
                    found = new Newest(path, name.get().version());
                }
            }
            return Optional.ofNullable(found);
        }).orElse(null);
    }

    /** The version after {@code newest}, spelled the way the project spells its versions. */
    String nextVersion(FlywayVersion newest) {
        String written = newest.written();
        if (newest.isPlainInteger() && looksLikeTimestamp(written)) {
            String pattern = written.length() >= 14 ? "yyyyMMddHHmmss" : "yyyyMMddHHmm";
            String now = DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(clock.instant());
            if (new BigInteger(now).compareTo(newest.major()) > 0) return now;
            return newest.major().add(BigInteger.ONE).toString();
        }
        if (newest.isPlainInteger()) {
            String next = newest.major().add(BigInteger.ONE).toString();
            return zeroPad(next, written.length());
        }
        Matcher m = LAST_NUMBER.matcher(written);
        if (!m.find()) return newest.major().add(BigInteger.ONE).toString();
        String next = new BigInteger(m.group(1)).add(BigInteger.ONE).toString();
        return written.substring(0, m.start()) + zeroPad(next, m.group(1).length());
    }

    private static boolean looksLikeTimestamp(String written) {
        return written.length() >= 12 && (written.startsWith("19") || written.startsWith("20"));
    }

    private static String zeroPad(String number, int width) {
        return number.length() >= width ? number : "0".repeat(width - number.length()) + number;
    }

    /** {@code AddContestDivisions} becomes {@code Add_contest_divisions}, Flyway's usual spelling. */
    static String flywayDescription(String pascal) {
        if (pascal == null || pascal.isBlank()) return "Schema_change";
        String[] words = MigrationNames.words(pascal);
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (w.isEmpty()) continue;
            if (b.length() > 0) b.append('_').append(w.toLowerCase(Locale.ROOT));
            else b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1).toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }
}
