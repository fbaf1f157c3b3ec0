package dev.migrationguard.model;

/**
 * A place in a file of the work tree: path relative to the root with {@code /}, 1-based line and column.
 * Line and column are 0 when the location is the file as a whole.
 */
public record Location(String path, int line, int column) {
    public static Location file(String path) {
        return new Location(path, 0, 0);
    }

    public static Location at(String path, int line, int column) {
        return new Location(path, Math.max(line, 1), Math.max(column, 1));
    }

    public boolean isWholeFile() {
        return line == 0;
    }
}
