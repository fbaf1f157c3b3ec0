package dev.migrationguard.sqlfolders;

import dev.migrationguard.model.AcceptedEdits;
import dev.migrationguard.model.Digests;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.MigrationSet;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.Rollback;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.Text;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.sql.SqlOperations;
import dev.migrationguard.sql.SqlTouchReader;
import dev.migrationguard.stack.MigrationReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the migrations of the folders {@code migrations.sql-folders} names: each file the folder's pattern matches is
 * one versioned migration; its way back is the {@code .down.sql} file beside an {@code .up.sql} one, or the
 * {@code -- migrate:down} section of a dbmate file. Its checksum is over its text (line endings aside): these runners
 * keep none, so any other edit of a deployed one counts.
 */
final class SqlFolderReader implements MigrationReader {
    /** dbmate's sections: {@code -- migrate:up} and {@code -- migrate:down}, each on a line of its own. */
    private static final Pattern DBMATE_SECTION = Pattern.compile("(?m)^--\\s*migrate:(up|down)\\b.*$");
    private final List<SqlFolder> folders;

    SqlFolderReader(List<SqlFolder> folders) {
        this.folders = List.copyOf(folders);
    }

    @Override
    public boolean accepts(String path) {
        for (SqlFolder f : folders) {
            if (f.name(path).isPresent()) return true;
        }
        return false;
    }

    @Override
    public ReadResult<Migration> read(Snapshot side, String path) {
        for (SqlFolder f : folders) {
            Optional<SqlFolder.Named> named = f.name(path);
            if (named.isEmpty()) continue;
            try {
                Optional<String> text = side.readText(path);
                if (text.isEmpty()) return ReadResult.empty();
                return new ReadResult<>(List.of(migration(side, f, named.get(), text.get())), List.of());
            } catch (RuntimeException | StackOverflowError e) {
                return ReadResult.problem(new ParseProblem(Location.file(path), "Could not read this migration: " + e));
            }
        }
        return ReadResult.empty();
    }

    /** One set per folder, in the order its entry names. */
    @Override
    public List<MigrationSet> sets(Snapshot side) {
        List<MigrationSet> out = new ArrayList<>();
        for (SqlFolder f : folders) {
            List<SqlFolder.Named> names = new ArrayList<>();
            for (String p : side.paths()) f.name(p).ifPresent(names::add);
            List<Migration> migrations = new ArrayList<>();
            for (SqlFolder.Named n : f.ordered(names)) {
                try {
                    side.readText(n.path()).ifPresent(text -> migrations.add(migration(side, f, n, text)));
                } catch (RuntimeException | StackOverflowError e) {
                    // a file too large or unreadable is reported when it is read as a changed file; the set goes on
                }
            }
            out.add(new MigrationSet(SqlFolderStack.ID, "", f.folder(), f.dialect(), migrations));
        }
        return out;
    }

    private static Migration migration(Snapshot side, SqlFolder folder, SqlFolder.Named named, String text) {
        String path = named.path();
        Dialect dialect = folder.dialect() == null ? Dialect.DEFAULT : folder.dialect();
        String up = text;
        String down = null;
        Location downAt = null;
        int upOffset = 0;
        int downOffset = 0;
        Matcher section = DBMATE_SECTION.matcher(text);
        List<int[]> sections = new ArrayList<>();
        while (section.find()) sections.add(new int[]{section.start(), section.end(), section.group(1).equals("up") ? 1 : 0});
        if (!sections.isEmpty()) {
            up = "";
            for (int i = 0; i < sections.size(); i++) {
                int[] s = sections.get(i);
                int end = i + 1 < sections.size() ? sections.get(i + 1)[0] : text.length();
                if (s[2] == 1) {
                    up = text.substring(s[1], end);
                    upOffset = s[1];
                } else {
                    down = text.substring(s[1], end);
                    downOffset = s[1];
                    downAt = at(path, text, s[0]);
                }
            }
        }
        String downPath = SqlFolder.downOf(path);
        String downFile = downPath == null ? null : side.readableText(downPath).orElse(null);
        List<Operation> ops = new ArrayList<>(SqlOperations.read(up, dialect, at(path, text, upOffset), Side.UP));
        Rollback rollback;
        if (downFile != null) {
            ops.addAll(SqlOperations.read(downFile, dialect, Location.at(downPath, 1, 1), Side.DOWN));
            rollback = new Rollback(hasStatements(downFile) ? Rollback.Status.PRESENT : Rollback.Status.EMPTY,
                    Location.file(downPath), false);
        } else if (down != null) {
            ops.addAll(SqlOperations.read(down, dialect, at(path, text, downOffset), Side.DOWN));
            rollback = new Rollback(hasStatements(down) ? Rollback.Status.PRESENT : Rollback.Status.EMPTY, downAt,
                    false);
        } else {
            rollback = new Rollback(Rollback.Status.MISSING, null, false);
        }
        String normalized = Text.withLfLineEndings(text);
        String digest = Digests.sha256(normalized);
        return new Migration(path, path, SqlFolderStack.ID, Migration.Kind.VERSIONED, named.version(),
                named.description(), Location.file(path), SqlTouchReader.touches(up), rollback, "sha256:" + digest,
                digest, AcceptedEdits.NONE, List.of(), ops);
    }

    /** Whether SQL holds a statement, comments and blank lines aside. */
    private static boolean hasStatements(String sql) {
        String code = sql.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)--.*$", "");
        return !code.replace(";", "").isBlank();
    }

    private static Location at(String path, String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return Location.at(path, line, offset - lineStart + 1);
    }
}
