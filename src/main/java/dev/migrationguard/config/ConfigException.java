package dev.migrationguard.config;

/** Bad configuration or usage: the run stops with exit code 2 and this message, which names the file and line. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
