package dev.migrationguard.model;

/** A difference between the old and the new schema facts: one was added, removed or changed. */
public record SchemaChange(Kind kind, SchemaFact before, SchemaFact after, Location location) {

    public enum Kind {
        ADDED("added"), REMOVED("removed"), CHANGED("changed");

        private final String verb;

        Kind(String verb) {
            this.verb = verb;
        }

        public String verb() {
            return verb;
        }
    }

    /** The fact as it is now, or as it was when it was removed. */
    public SchemaFact fact() {
        return after != null ? after : before;
    }

    public String table() {
        return fact().table();
    }

    /** {@code Contest.divisions} for a member, {@code Contest} for a table-level fact. */
    public String subject() {
        SchemaFact f = fact();
        return f.member() == null ? f.entity() : f.entity() + "." + f.member();
    }
}
