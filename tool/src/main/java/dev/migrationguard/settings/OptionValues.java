package dev.migrationguard.settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options of a rule or a stack as written in the configuration; typed access fails with a message naming the
 * option. A rule's keys are its own ({@code undo-scripts}); a stack's are dotted paths ({@code entities.naming}).
 */
public interface OptionValues {
    Optional<String> string(String key);

    Optional<List<String>> strings(String key);

    /**
     * A list of small maps of single values ({@code migrations.sql-folders}: one map per folder), keys in the order
     * written; empty when the key is not set.
     */
    default Optional<List<Map<String, String>>> entries(String key) {
        return Optional.empty();
    }

    OptionValues NONE = new OptionValues() {
        @Override
        public Optional<String> string(String key) {
            return Optional.empty();
        }

        @Override
        public Optional<List<String>> strings(String key) {
            return Optional.empty();
        }
    };

    /** A value that is not one of the accepted ones; {@code key} names the option as the reader asked for it. */
    final class BadOption extends RuntimeException {
        public final String key;

        public BadOption(String key, String message) {
            super(message);
            this.key = key;
        }
    }
}
