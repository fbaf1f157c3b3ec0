package dev.migrationguard.testing;

import dev.migrationguard.model.Location;

/** Checks for the law that every reported location lies inside its file. */
public final class Locations {
    private Locations() {
    }

    /** True for the whole file, or for a 1-based line and column that exist in {@code content}. */
    public static boolean inside(Location at, String content) {
        if (at.isWholeFile()) return at.column() == 0;
        String[] lines = content.split("\r\n|\r|\n", -1);
        if (at.line() < 1 || at.line() > lines.length) return false;
        return at.column() >= 1 && at.column() <= lines[at.line() - 1].length() + 1;
    }
}
