package dev.migrationguard.rules;

import dev.migrationguard.analysis.Reviewed;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.ops.Side;

import java.util.ArrayList;
import java.util.List;

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
}
