package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Reviewed;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ops.ColumnDef;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.ops.Side;

import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.Identifiers;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.SqlType;
import dev.migrationguard.model.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the reviewer rules share: the forward operations of a migration, and how a migration and a table are named. */
final class Reviewing {
    private Reviewing() {
    }

    /** The operations of {@code m}'s forward part (TypeORM {@code up()}, a Flyway {@code V} script, a changeSet). */
    static List<Operation> up(Migration m) {
        return side(m, Side.UP);
    }

    /** The operations of one side of {@code m}, in order. */
    static List<Operation> side(Migration m, Side side) {
        List<Operation> ops = new ArrayList<>();
        for (Operation op : m.operations()) if (op.origin().side() == side) ops.add(op);
        return ops;
    }

    /** The operations of the way back of {@code m}: its DOWN, ROLLBACK and UNDO sides, in order. */
    static List<Operation> wayBack(Migration m) {
        List<Operation> ops = new ArrayList<>();
        for (Operation op : m.operations()) if (op.origin().side() != Side.UP) ops.add(op);
        return ops;
    }

    /** How a message names the migration: its file, and the changeSet id for Liquibase. */
    static String name(Migration m) {
        if (m.kind() == Migration.Kind.CHANGESET) {
            String[] parts = m.id().split("::");
            return parts.length >= 3 ? "changeSet " + parts[1] + " (" + parts[2] + ") in " + m.path() : m.path();
        }
        return m.path();
    }

    /** A table as a message names it: {@code "users"}, or {@code "app"."users"} when qualified. */
    static String table(QualifiedName t) {
        return t.schema() == null ? "\"" + t.name() + "\"" : "\"" + t.schema() + "\".\"" + t.name() + "\"";
    }

    /** Whether {@code table} may hold rows when {@code op} of {@code r} runs (see {@link Reviewed#existedBefore}). */
    static boolean existing(Reviewed r, QualifiedName table, Operation op) {
        return table != null && r.existedBefore(table, op);
    }

    /**
     * The folder a runner reads {@code m} from, as the ordering rules group migrations: its parent folder, with a
     * Maven or Gradle source root dropped ({@code src/main/resources/db/migration} and {@code src/main/java/db/migration}
     * are both Flyway's {@code classpath:db/migration} of the same module). Two migrations in different folders may
     * belong to different sets (one per database), so the rules compare only within one.
     */
    static String runnerFolder(Migration m) {
        String path = m.path();
        int slash = path.lastIndexOf('/');
        String folder = slash < 0 ? "" : path.substring(0, slash);
        for (String root : List.of("src/main/resources", "src/main/java", "src/main/kotlin")) {
            int at = ("/" + folder + "/").indexOf("/" + root + "/");
            if (at >= 0) {
                return folder.substring(0, at) + "classpath:" + folder.substring(Math.min(folder.length(),
                        at + root.length() + 1));
            }
        }
        return folder;
    }

    /**
     * The folder a runner reads {@code m} from (see {@link #runnerFolder}), and for TypeORM also the file name's part
     * before its timestamp: projects that keep one set per database in one folder tell them apart by that prefix
     * ({@code postgres-1726271794336-init.ts}, picked by a {@code ${type}-*} glob), and never run two of them together.
     */
    static String runnerGroup(Migration m) {
        String folder = runnerFolder(m);
        if (!m.stack().equals("typeorm")) return folder;
        String file = m.path().substring(m.path().lastIndexOf('/') + 1);
        java.util.regex.Matcher timestamp = java.util.regex.Pattern.compile("\\d{13}").matcher(file);
        return timestamp.find() ? folder + "|" + file.substring(0, timestamp.start()) : folder;
    }

    /**
     * Compares versions as Flyway does (and TypeORM timestamps, which are one number): numeric parts split at
     * {@code .} or {@code _}, missing parts zero. Null when either is not such a version.
     */
    static Integer compareVersions(String a, String b) {
        if (a == null || b == null || !VERSION.matcher(a).matches() || !VERSION.matcher(b).matches()) return null;
        String[] x = a.split("[._]");
        String[] y = b.split("[._]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            java.math.BigInteger p = i < x.length ? new java.math.BigInteger(x[i]) : java.math.BigInteger.ZERO;
            java.math.BigInteger q = i < y.length ? new java.math.BigInteger(y[i]) : java.math.BigInteger.ZERO;
            int c = p.compareTo(q);
            if (c != 0) return c;
        }
        return 0;
    }

    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("\\d+(?:[._]\\d+)*");

    /**
     * Column {@code column} of {@code table} as it is when {@code at} of {@code r} runs, from the schema before the
     * migration: null when that schema is not known (the pre-commit path), the table or column is not in it or may be
     * stale there, or an earlier operation of the same side may have changed the column (or, unread, the table).
     */
    static Column columnBefore(Reviewed r, QualifiedName table, String column, Operation at) {
        Optional<PhysicalSchema> before = r.schemaBefore();
        if (before.isEmpty() || table == null || column == null) return null;
        for (Operation op : side(r.migration(), at.origin().side())) {
            if (op == at) break;
            if (mayChange(op, table.key(), column.toLowerCase(Locale.ROOT))) return null;
        }
        Dialect d = before.get().dialect();
        Table t = before.get().table(table.schema(), Identifiers.stored(d, table.name(), table.quoted()));
        if (t == null) t = before.get().table(table.schema(), table.name());
        if (t == null || !t.complete() || t.view()) return null;
        Column c = t.column(d, column);
        return c != null ? c : t.column(d, Identifiers.stored(d, column, false));
    }

    /** Whether {@code op} may change column {@code column} of the table keyed {@code table} (both lower case). */
    private static boolean mayChange(Operation op, String table, String column) {
        if (op instanceof Operation.Opaque o) {
            return switch (o.kind()) {
                case COMMENT, PRIVILEGE, SESSION, QUERY -> false;
                default -> o.mentions().isEmpty() || o.mentions().stream().anyMatch(m -> m.key().equals(table));
            };
        }
        if (op instanceof Operation.CreateTable c) return c.table().key().equals(table);
        if (op instanceof Operation.DropTable d) return d.table().key().equals(table);
        if (op instanceof Operation.RenameTable r) return r.from().key().equals(table) || r.to().key().equals(table);
        if (op instanceof Operation.RebuildTable r) return r.table().key().equals(table);
        String t;
        String c;
        if (op instanceof Operation.AddColumn a) {
            t = a.table().key();
            c = a.column().name();
        } else if (op instanceof Operation.DropColumn d) {
            t = d.table().key();
            c = d.column();
        } else if (op instanceof Operation.RenameColumn r) {
            return r.table().key().equals(table) && (same(r.from(), column) || same(r.to(), column));
        } else if (op instanceof Operation.AlterColumnType a) {
            t = a.table().key();
            c = a.column();
        } else if (op instanceof Operation.AlterColumnNullability a) {
            t = a.table().key();
            c = a.column();
        } else if (op instanceof Operation.AlterColumnDefault a) {
            t = a.table().key();
            c = a.column();
        } else if (op instanceof Operation.RedefineColumn r) {
            return r.table().key().equals(table) && (same(r.column(), column) || same(r.definition().name(), column));
        } else {
            return false;
        }
        return t.equals(table) && same(c, column);
    }

    private static boolean same(String name, String lowerCase) {
        return name != null && name.toLowerCase(Locale.ROOT).equals(lowerCase);
    }

    /**
     * The operations a reviewer rule judges as the forward change of {@code r}: its UP side, none for a Flyway undo
     * script read as a migration of its own (in lint), which is a way back.
     */
    static List<Operation> forward(Reviewed r) {
        return r.migration().kind() == Migration.Kind.UNDO ? List.of() : up(r.migration());
    }

    /** Judges one forward operation of a migration under review, knowing what runs before it in the change. */
    interface Judge {
        /** A finding about {@code op} of {@code r}, or null. */
        Finding judge(Reviewed r, Operation op, Before before);
    }

    /** Every forward operation of every migration under review, each judged by {@code judge}, in order. */
    static List<Finding> eachForward(Analysis analysis, Judge judge) {
        List<Finding> findings = new ArrayList<>();
        for (Reviewed r : analysis.review().migrations()) {
            List<Operation> up = forward(r);
            for (int i = 0; i < up.size(); i++) {
                Finding f = judge.judge(r, up.get(i), new Before(r, up, i));
                if (f != null) findings.add(f);
            }
        }
        return findings;
    }

    /**
     * What runs before one operation in its change: the forward parts of the migrations under review of its own set
     * that its runner applies earlier (a backfill in the changeSet before), then the operations of its migration before
     * it. A rule that asks nothing of it reads nothing.
     */
    static final class Before {
        private final Reviewed reviewed;
        private final List<Operation> own;
        private List<Operation> all;

        Before(Reviewed reviewed, List<Operation> up, int i) {
            this.reviewed = reviewed;
            this.own = up.subList(0, i);
        }

        /** Those operations, in the order they run. */
        List<Operation> operations() {
            if (all == null) {
                List<Operation> ops = new ArrayList<>();
                for (Migration m : reviewed.earlierInChange()) if (m.kind() != Migration.Kind.UNDO) ops.addAll(up(m));
                ops.addAll(own);
                all = ops;
            }
            return all;
        }

        /** The operations of its own migration before it. */
        List<Operation> own() {
            return own;
        }

        /** The column as the change added it to {@code table}, or null when it did not. */
        ColumnDef added(QualifiedName table, String column) {
            for (Operation op : operations()) {
                if (op instanceof Operation.AddColumn a && a.table().key().equals(table.key())
                        && a.column().name().equalsIgnoreCase(column)) {
                    return a.column();
                }
            }
            return null;
        }

        /** Whether the change writes rows of {@code table} with an UPDATE naming {@code column}, or no column: a backfill. */
        boolean backfilled(QualifiedName table, String column) {
            for (Operation op : operations()) {
                if (op instanceof Operation.DataChange d && d.kind() == Operation.DataKind.UPDATE
                        && d.table().key().equals(table.key())
                        && (d.columns().isEmpty() || d.columns().stream().anyMatch(c -> c.equalsIgnoreCase(column)))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final java.util.Set<String> SQL_TEXT_STACKS = java.util.Set.of("flyway", "sql-folder");

    /**
     * A type an SQL migration names, as the database it runs on reads it: a Flyway script read on its own (the hook,
     * a new file) is typed for the default database, so MySQL's {@code DATETIME(6)} came out as PostgreSQL's
     * {@code timestamp}. Other stacks' readers already type for the set's database.
     */
    static SqlType typeAsRun(Reviewed r, SqlType read, String text) {
        if (text == null || !SQL_TEXT_STACKS.contains(r.migration().stack())) return read;
        SqlType again = SqlType.parse(r.dialect(), text);
        return again == null ? read : again;
    }

    /** Vendor folders of databases that keep their rows in memory: H2, HSQLDB, Derby. */
    private static final java.util.Set<String> IN_MEMORY = java.util.Set.of("h2", "hsqldb", "hsql", "derby");
    /** Vendor folders of databases that keep rows for a running application. */
    private static final java.util.Set<String> SERVERS = java.util.Set.of("postgres", "postgresql", "pg", "mysql",
            "mariadb", "oracle", "sqlserver", "sql_server", "mssql", "db2", "cockroachdb");

    /**
     * Whether {@code m} sits in the vendor folder of an in-memory database beside a server database's folder
     * ({@code db/migration/h2} next to {@code db/migration/mysql}): the project's copy for tests and local runs, whose
     * rows are gone at every restart. Its server twins say what a change does to data that is kept. The other
     * migrations are only asked for when the folder is such a vendor's.
     */
    static boolean inMemoryCopy(Migration m, java.util.function.Supplier<List<Migration>> all) {
        String[] parts = m.path().split("/");
        if (parts.length < 2 || !IN_MEMORY.contains(parts[parts.length - 2].toLowerCase(Locale.ROOT))) return false;
        String parent = String.join("/", java.util.Arrays.asList(parts).subList(0, parts.length - 2));
        for (Migration other : all.get()) {
            String[] o = other.path().split("/");
            if (o.length == parts.length && SERVERS.contains(o[o.length - 2].toLowerCase(Locale.ROOT))
                    && String.join("/", java.util.Arrays.asList(o).subList(0, o.length - 2)).equals(parent)) {
                return true;
            }
        }
        return false;
    }
}
