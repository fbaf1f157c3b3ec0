package dev.migrationguard.toy;

import dev.migrationguard.model.Digests;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.Migration.Touch;
import dev.migrationguard.model.MigrationNames;
import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.Rollback;
import dev.migrationguard.model.SchemaFact;
import dev.migrationguard.model.Snapshot;
import dev.migrationguard.model.Text;
import dev.migrationguard.settings.OptionValues;
import dev.migrationguard.stack.EntityReader;
import dev.migrationguard.stack.HistoryTable;
import dev.migrationguard.stack.MigrationReader;
import dev.migrationguard.stack.MigrationTool;
import dev.migrationguard.stack.Stack;
import dev.migrationguard.stack.WayBack;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stack defined only in the tests, in a toy format, to show that one plugs in without touching src/main. Models are
 * {@code *.toymodel} files of {@code table <name>} and {@code column <table>.<name>} lines; migrations are
 * {@code <n>-<name>.toy} files of {@code create|alter|drop <table>} lines and a {@code down:} line for the way back;
 * {@code toy_history(name)} records what a database applied. Its one option, {@code toy.down-required}
 * ({@code yes} or {@code no}), says whether a migration needs its {@code down:} line.
 */
public final class ToyStack implements Stack, MigrationTool {
    static final String ID = "toy";
    static final String DOWN_REQUIRED = "toy.down-required";
    private static final Pattern FILE = Pattern.compile("(?:.*/)?(\\d+)-([^/]+)\\.toy");
    private static final Pattern LINE = Pattern.compile("(table|column|create|alter|drop) ([\\w.]+)");

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
        return new Parts(List.of(new Models()), List.of(new Migrations(downRequired)), List.of(),
                List.of((change, name, after) -> Optional.of("Add toy/" + (count(after) + 1) + "-" + name + ".toy that "
                        + MigrationNames.verbFor(change) + " table " + change.table() + ".")));
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

    /** {@code table} and {@code column} lines as schema facts. */
    private static final class Models implements EntityReader {
        @Override
        public boolean accepts(String path) {
            return path.endsWith(".toymodel");
        }

        @Override
        public ReadResult<SchemaFact> read(Snapshot side, Set<String> paths) {
            List<SchemaFact> facts = new ArrayList<>();
            for (String path : new TreeSet<>(paths)) {
                String[] lines = Text.lines(side.readableText(path).orElse(""));
                for (int i = 0; i < lines.length; i++) {
                    Matcher m = LINE.matcher(lines[i].strip());
                    if (!m.matches()) continue;
                    String name = m.group(2);
                    Location at = Location.at(path, i + 1, 1);
                    if (m.group(1).equals("table")) {
                        facts.add(new SchemaFact(name, "table", name, "Table", name, null, at));
                    } else if (m.group(1).equals("column") && name.contains(".")) {
                        String table = name.substring(0, name.indexOf('.'));
                        String column = name.substring(name.indexOf('.') + 1);
                        facts.add(new SchemaFact(table, "column:" + column, column, "Column", table, column, at));
                    }
                }
            }
            return ReadResult.of(facts);
        }

        /** A model file stands alone: no other file's facts depend on it. */
        @Override
        public Set<String> dependents(Snapshot side, Set<String> paths) {
            return Set.of();
        }
    }

    /** {@code <n>-<name>.toy} files: what they create, alter or drop, and their {@code down:} line. */
    private record Migrations(boolean downRequired) implements MigrationReader {
        @Override
        public boolean accepts(String path) {
            return FILE.matcher(path).matches();
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
