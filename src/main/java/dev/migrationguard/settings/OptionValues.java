package dev.migrationguard.settings;

import java.util.List;
import java.util.Optional;

/** A rule's options as written in the configuration; typed access fails with a message naming the option. */
public interface OptionValues {
    Optional<String> string(String key);

    Optional<List<String>> strings(String key);

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

    /** A value that is not one of the accepted ones. */
    final class BadOption extends RuntimeException {
        public final String key;

        public BadOption(String key, String message) {
            super(message);
            this.key = key;
        }
    }
}
