package dev.migrationguard.toy;

import dev.migrationguard.model.DatabaseSetting;
import dev.migrationguard.model.Digests;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.Migration.Touch;
import dev.migrationguard.model.MigrationNames;
import dev.migrationguard.model.NotRun;
import dev.migrationguard.model.ParseProblem;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.Rollback;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.SyncSetting;
import dev.migrationguard.model.Text;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.SqlType;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.settings.OptionValues;
import dev.migrationguard.stack.EntityReader;
import dev.migrationguard.stacks.SupportedStacks;
import dev.migrationguard.stack.HistoryTable;
import dev.migrationguard.stack.MigrationReader;
import dev.migrationguard.stack.MigrationTool;
import dev.migrationguard.stack.SettingsReader;
import dev.migrationguard.stack.Stack;
import dev.migrationguard.stack.WayBack;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stack defined only in the tests, in a toy format, to show that one plugs in without touching src/main. Models are
 * {@code *.toymodel} files of {@code table <name>}, {@code view <name> as <query>} and
 * {@code column <table>.<name> [<type>|?] [null|not null]} lines (a {@code broken} line does not parse), read as the
 * physical tables they declare, types spelled for the run's database; {@code toy[-<profile>].db} files name that
 * database ({@code database <name>}); migrations are
 * {@code <n>-<name>.toy} files of {@code create|alter|drop <table>} lines and a {@code down:} line for the way back
 * ({@code <n>_<name>.toy} looks like one, but its runner skips it);
 * {@code toy_history(name)} records what a database applied. Its one option, {@code toy.down-required}
 * ({@code yes} or {@code no}), says whether a migration needs its {@code down:} line.
 */
public final class ToyStack implements Stack, MigrationTool {
    /** The supported stacks and this one: what the tests hand to {@code Main.run}. */
    static List<Stack> withSupported() {
        List<Stack> stacks = new ArrayList<>(SupportedStacks.ALL);
        stacks.add(new ToyStack());
        return stacks;
    }

    static final String ID = "toy";
    static final String DOWN_REQUIRED = "toy.down-required";
    private static final Pattern FILE = Pattern.compile("(?:.*/)?(\\d+)-([^/]+)\\.toy");
    /** A migration named with an underscore after its number: the toy runner skips it. */
    private static final Pattern MISNAMED = Pattern.compile("((?:.*/)?)(\\d+)_([^/]+)\\.toy");
    private static final Pattern LINE = Pattern.compile("(table|column|create|alter|drop) ([\\w.]+)");
    private static final Pattern COLUMN = Pattern.compile("column (\\w+)\\.(\\w+)(?: (.+?))??(?: (not null|null))?");
    private static final Pattern VIEW = Pattern.compile("view (\\w+) as (.+)");
    private static final Pattern DATABASE_FILE = Pattern.compile("(?:.*/)?toy(?:-(\\w+))?\\.db");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> options() {
        return List.of(DOWN_REQUIRED);
    }

    @Override
    public Parts parts(OptionValues options) {
        String value = options.string(DOWN_REQUIRED).orElse("yes");
        if (!value.equals("yes") && !value.equals("no")) {
            throw new OptionValues.BadOption(DOWN_REQUIRED, DOWN_REQUIRED + " must be yes or no, not '" + value + "'");
        }
        boolean downRequired = value.equals("yes");
        return new Parts(List.of(new Models()), List.of(new Migrations(downRequired)), List.of(new Databases()),
                List.of((change, name, after) -> Optional.of("Add toy/" + (count(after) + 1) + "-" + name + ".toy that "
                        + MigrationNames.verbFor(change) + " table "
                        + (change.previousTable() != null ? change.previousTable() : change.table()) + ".")));
    }

    private static long count(Snapshot side) {
        return side.paths().stream().filter(p -> FILE.matcher(p).matches()).count();
    }

    @Override
    public Optional<MigrationTool> migrationTool() {
        return Optional.of(this);
    }

    @Override
    public WayBack wayBack() {
        return new WayBack() {
            @Override
            public String missing(Migration m) {
                return "Toy migration " + m.path() + " has no down: line.";
            }

            @Override
            public String remedy(Migration m) {
                return "Add a down: line that undoes it.";
            }
        };
    }

    @Override
    public Optional<HistoryTable> historyTable() {
        return Optional.of(new HistoryTable() {
            @Override
            public String defaultName() {
                return "toy_history";
            }

            @Override
            public List<Applied> read(Rows rows) throws SQLException {
                rows.require("name");
                List<Applied> applied = new ArrayList<>();
                rows.select(List.of("name"), "name", r -> applied.add(new Applied(r.getString(1), null,
                        Compare.PRESENCE)));
                return applied;
            }

            @Override
            public Set<String> keys(String recorded) {
                return Set.of(recorded);
            }

            @Override
            public Set<String> keys(Migration m) {
                return Set.of(Text.fileName(m.path()));
            }

            @Override
            public boolean records(String recorded, Migration m) {
                return Text.fileName(m.path()).equals(recorded);
            }
        });
    }

    /** {@code table}, {@code view} and {@code column} lines as tables. */
    private static final class Models implements EntityReader {
        @Override
        public boolean accepts(String path) {
            return path.endsWith(".toymodel");
        }

        /** The toy's physical tables: a column belongs to its table wherever it is declared. */
        @Override
        public ReadResult<Table> tables(Snapshot side, Set<String> paths, Dialect dialect) {
            Map<String, Table> tables = new LinkedHashMap<>();
            List<ParseProblem> problems = new ArrayList<>();
            for (String path : new TreeSet<>(paths)) {
                String[] lines = Text.lines(side.readableText(path).orElse(""));
                for (int i = 0; i < lines.length; i++) {
                    String line = lines[i].strip();
                    Location at = Location.at(path, i + 1, 1);
                    Matcher view = VIEW.matcher(line);
                    Matcher column = COLUMN.matcher(line);
                    if (line.equals("broken")) {
                        problems.add(new ParseProblem(at, "not a toy line"));
                    } else if (line.startsWith("table ")) {
                        String name = line.substring(6).strip();
                        tables.put(name, Table.table(null, name, at));
                    } else if (view.matches()) {
                        tables.put(view.group(1), Table.view(null, view.group(1), view.group(2), at));
                    } else if (column.matches()) {
                        Table table = tables.getOrDefault(column.group(1), Table.table(null, column.group(1), at));
                        tables.put(column.group(1), table.withColumn(dialect, column(dialect, column, at)));
                    }
                }
            }
            return new ReadResult<>(List.copyOf(tables.values()), problems);
        }

        private static Column column(Dialect dialect, Matcher m, Location at) {
            String type = m.group(3);
            String nullability = m.group(4);
            if (type == null && nullability == null) return Column.unknown(m.group(2), at);
            SqlType sqlType = type == null || type.equals("?") ? null : SqlType.parse(dialect, type);
            Boolean nullable = nullability == null ? null : nullability.equals("null");
            return Column.of(m.group(2), sqlType, nullable, at);
        }

        /** A model file stands alone: no other file's tables depend on it. */
        @Override
        public Set<String> dependents(Snapshot side, Set<String> paths) {
            return Set.of();
        }
    }

    /** {@code toy[-<profile>].db} files: the database they name, for the profile in their name. */
    private static final class Databases implements SettingsReader {
        @Override
        public boolean accepts(String path) {
            return false;
        }

        @Override
        public ReadResult<SyncSetting> read(String path, String content) {
            return ReadResult.empty();
        }

        @Override
        public boolean mayNameDatabase(String path) {
            return DATABASE_FILE.matcher(path).matches();
        }

        @Override
        public List<DatabaseSetting> databases(String path, String content) {
            Matcher file = DATABASE_FILE.matcher(path);
            if (!file.matches()) return List.of();
            List<DatabaseSetting> found = new ArrayList<>();
            String[] lines = Text.lines(content);
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].startsWith("database ")) continue;
                int line = i + 1;
                Dialect.parse(lines[i].substring(9)).ifPresent(d -> found.add(new DatabaseSetting(
                        Location.at(path, line, 1), "database", d, file.group(1))));
            }
            return found;
        }
    }

    /** {@code <n>-<name>.toy} files: what they create, alter or drop, and their {@code down:} line. */
    private record Migrations(boolean downRequired) implements MigrationReader {
        @Override
        public boolean accepts(String path) {
            return FILE.matcher(path).matches();
        }

        @Override
        public Optional<NotRun> notRun(Snapshot side, String path) {
            Matcher m = MISNAMED.matcher(path);
            if (!m.matches()) return Optional.empty();
            return Optional.of(new NotRun(Location.file(path), ID, "its name has an underscore after the number, so "
                    + "the toy runner skips it", "Rename it to " + m.group(1) + m.group(2) + "-" + m.group(3)
                    + ".toy."));
        }

        @Override
        public ReadResult<Migration> read(Snapshot side, String path) {
            Optional<String> text = side.readableText(path);
            Matcher name = FILE.matcher(path);
            if (text.isEmpty() || !name.matches()) return ReadResult.empty();
            List<Touch> touches = new ArrayList<>();
            boolean down = false;
            for (String line : Text.lines(text.get())) {
                Matcher m = LINE.matcher(line.strip());
                if (m.matches() && !m.group(1).equals("table") && !m.group(1).equals("column")) {
                    touches.add(new Touch(m.group(2), null, m.group(1)));
                }
                down |= line.startsWith("down:");
            }
            Rollback rollback = down ? Rollback.present() : downRequired
                    ? new Rollback(Rollback.Status.MISSING, Location.file(path), false) : Rollback.notApplicable();
            return ReadResult.of(List.of(new Migration(path, path, ID, Migration.Kind.VERSIONED, name.group(1),
                    name.group(2), Location.file(path), touches, rollback, Digests.sha256(text.get()))));
        }
    }
}
