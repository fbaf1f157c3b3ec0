package dev.migrationguard.engine;

import dev.migrationguard.model.DatabaseSetting;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.stack.SettingsReader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which database the entities are read for: the configuration's {@code dialect:} when written, else the one the
 * project's settings name (the production one when several disagree and one can tell), else {@link Dialect#DEFAULT}.
 * The choice and its reason go to the debug sink, one line.
 */
public final class DialectChoice {
    private DialectChoice() {
    }

    /**
     * The database of a tree: {@code configured} when not null, else the one its settings files name, read through
     * {@code text} (empty for a file that cannot be read).
     */
    public static Dialect of(List<String> paths, List<SettingsReader> readers, Function<String, Optional<String>> text,
                             Dialect configured, Consumer<String> debug) {
        return choice(paths, readers, text, configured, debug).dialect();
    }

    /**
     * The database of a tree, as {@link #of}, and whether it is only assumed: no configuration and no setting names
     * one. Rules whose claim holds for one database alone stay silent on an assumption.
     */
    public record Choice(Dialect dialect, boolean assumed) {
    }

    /** See {@link #of}; also says whether the database is only assumed. */
    public static Choice choice(List<String> paths, List<SettingsReader> readers,
                                Function<String, Optional<String>> text, Dialect configured, Consumer<String> debug) {
        List<DatabaseSetting> found = new ArrayList<>();
        if (configured == null) {
            for (String path : paths) {
                for (SettingsReader r : readers) {
                    if (r.mayNameDatabase(path)) text.apply(path).ifPresent(t -> found.addAll(r.databases(path, t)));
                }
            }
        }
        return new Choice(choose(configured, found, debug), configured == null && found.isEmpty());
    }

    /** @param found every setting that names a database, in path order */
    static Dialect choose(Dialect configured, List<DatabaseSetting> found, Consumer<String> debug) {
        if (configured != null) {
            debug.accept("dialect " + configured.id() + ": from dialect: in the configuration");
            return configured;
        }
        if (found.isEmpty()) {
            debug.accept("dialect " + Dialect.DEFAULT.id() + ": assumed, since no setting names the database (write "
                    + "dialect: in .migration-guard.yml to choose)");
            return Dialect.DEFAULT;
        }
        // A stable sort keeps path order among settings equally likely to be production's.
        List<DatabaseSetting> ranked = found.stream().sorted(Comparator.comparingInt(DatabaseSetting::productionRank))
                .toList();
        DatabaseSetting chosen = ranked.get(0);
        if (found.stream().allMatch(s -> s.dialect() == chosen.dialect())) {
            debug.accept("dialect " + chosen.dialect().id() + ": from " + chosen.describe());
            return chosen.dialect();
        }
        boolean tied = ranked.stream().anyMatch(s -> s.productionRank() == chosen.productionRank()
                && s.dialect() != chosen.dialect());
        String others = found.stream().filter(s -> s.dialect() != chosen.dialect())
                .map(s -> s.dialect().id() + " (" + s.describe() + ")").collect(Collectors.joining(", "));
        debug.accept("dialect " + chosen.dialect().id() + ": from " + chosen.describe() + ", "
                + (tied ? "the first of settings that disagree" : reason(chosen)) + "; also named: " + others
                + " (write dialect: in .migration-guard.yml to choose)");
        return chosen.dialect();
    }

    private static String reason(DatabaseSetting s) {
        return switch (s.productionRank()) {
            case 0 -> "a production profile";
            case 1 -> "the default profile, which production uses";
            default -> "the most likely to be production's";
        };
    }
}
