package dev.migrationguard.model;

/**
 * One thing a rule found. {@code suppression} is null unless a suppression comment, the configuration or a
 * baseline silenced it; a suppressed finding is still reported but never counts toward the exit code.
 */
public record Finding(String rule, Severity severity, Location location, String message, String hint,
                      Suppression suppression) {

    public Finding {
        if (hint != null && hint.isBlank()) hint = null;
    }

    public static Finding of(String rule, Severity severity, Location location, String message, String hint) {
        return new Finding(rule, severity, location, message, hint, null);
    }

    public boolean suppressed() {
        return suppression != null;
    }

    public String path() {
        return location.path();
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(rule, newSeverity, location, message, hint, suppression);
    }

    public Finding suppressedBy(Suppression by) {
        return new Finding(rule, severity, location, message, hint, by);
    }

    /** Why a finding was silenced: the kind of mechanism and the reason a person gave. */
    public record Suppression(String kind, String reason) {
    }
}
