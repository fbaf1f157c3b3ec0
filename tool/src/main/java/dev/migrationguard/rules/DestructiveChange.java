package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Review;
import dev.migrationguard.analysis.Reviewed;
import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Severity;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.Identifiers;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.SqlType;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.model.schema.TypeChanges;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Data a forward migration deletes: a dropped table or column, a TRUNCATE, a DELETE or UPDATE of every row, a type
 * that no longer holds every old value. A drop is an error while the running release's entities still map what it
 * drops (expand / contract: stop using it first, drop it in a later release), and passes once they no longer do.
 */
@RuleMeta(id = "destructive-change", severity = Severity.WARNING,
        summary = "A migration that deletes data: a dropped table or column, TRUNCATE, DELETE or UPDATE without WHERE, "
                + "a narrowing type change")
public final class DestructiveChange implements Rule {

    /** What the entities of the running release say of a dropped table or column. */
    private enum Mapping {
        /** They still map it: the running release reads it. */
        MAPPED,
        /** They were read and none maps it: the safe second step of expand / contract. */
        UNMAPPED,
        /** There is no deploy ref, or no entities on it. */
        UNKNOWN
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        Review review = analysis.review();
        // A table or column some entity still maps is mapped whatever the others map: the entity files naming the table
        // settle that, so a hook parses all the deploy ref's entities only to tell that none maps it.
        BiFunction<QualifiedName, String, List<PhysicalSchema>> entities = (table, column) ->
                review.deployedEntitiesNaming(table.name(), s -> mapping(s, table, column) == Mapping.MAPPED);
        List<Finding> findings = new ArrayList<>();
        List<Reviewed> all = review.migrations();
        for (Reviewed r : all) {
            if (Reviewing.inMemoryCopy(r.migration(), review::afterIdentities)) continue;
            List<Operation> up = Reviewing.forward(r);
            for (int i = 0; i < up.size(); i++) {
                Finding f = judge(r, up, i, entities, all);
                if (f != null) findings.add(f);
            }
        }
        return findings;
    }

    private Finding judge(Reviewed r, List<Operation> up, int i,
                          BiFunction<QualifiedName, String, List<PhysicalSchema>> entities, List<Reviewed> all) {
        Operation op = up.get(i);
        if (op instanceof Operation.DropTable d && Reviewing.existing(r, d.table(), op)
                && !(d.ifExists() && absent(r, up, i, d.table(), null))) {
            return dropTable(r, up, i, d, entities.apply(d.table(), null));
        }
        if (op instanceof Operation.DropColumn d && Reviewing.existing(r, d.table(), op)
                && !addedBefore(up, i, d.table(), d.column())
                && !(d.ifExists() && absent(r, up, i, d.table(), d.column()))) {
            return dropColumn(r, up, i, d, entities.apply(d.table(), d.column()));
        }
        // A seed migration holds many thousand INSERTs: whether the table existed is asked only of what may lose rows.
        if (op instanceof Operation.DataChange d && losesRows(d) && Reviewing.existing(r, d.table(), op)) {
            return data(r, up, i, d);
        }
        if (op instanceof Operation.AlterColumnType a && Reviewing.existing(r, a.table(), op)) {
            return narrowing(r, up, i, all, a.table(), a.column(), Reviewing.typeAsRun(r, a.type(), a.typeText()));
        }
        if (op instanceof Operation.RedefineColumn rc && Reviewing.existing(r, rc.table(), op)) {
            return narrowing(r, up, i, all, rc.table(), rc.column(),
                    Reviewing.typeAsRun(r, rc.definition().type(), rc.definition().typeText()));
        }
        return null;
    }

    private Finding dropTable(Reviewed r, List<Operation> up, int i, Operation.DropTable d,
                              List<PhysicalSchema> entities) {
        String what = "Migration " + Reviewing.name(r.migration()) + " drops table " + Reviewing.table(d.table());
        boolean replaced = false;
        for (Operation later : up.subList(i + 1, up.size())) {
            if (later instanceof Operation.CreateTable c && c.table().key().equals(d.table().key())
                    || later instanceof Operation.RenameTable rt && rt.to().key().equals(d.table().key())) {
                replaced = true;
            }
        }
        Mapping mapping = replaced ? Mapping.UNKNOWN : mapping(entities, d.table(), null);
        if (mapping == Mapping.UNMAPPED) return null;
        Location at = d.origin().location();
        if (mapping == Mapping.MAPPED) {
            Table entity = mappedTable(entities, d.table());
            return Finding.of(id(), Severity.ERROR, at, what + ", which the entities of the running release still map"
                            + where(entity) + ": that release still reads it while this one deploys, and every row "
                            + "in it is lost.",
                    "Remove it from the entities and deploy that first; drop the table in a later migration.");
        }
        if (copiedOut(up, i, d.table(), null)) return null;
        if (replaced) {
            return finding(at, what + " and creates it again: every row in it is lost.",
                    "Change the table in place (ALTER TABLE), or copy its rows into the new one before the drop.");
        }
        return finding(at, what + ": every row in it is lost.", "Make sure nothing reads it and its rows are kept "
                + "where needed (a backup, an archive table); if losing them is meant, say so with "
                + "migration-guard-ignore destructive-change: <reason>.");
    }

    private Finding dropColumn(Reviewed r, List<Operation> up, int i, Operation.DropColumn d,
                               List<PhysicalSchema> entities) {
        String what = "Migration " + Reviewing.name(r.migration()) + " drops column \"" + d.column() + "\" of table "
                + Reviewing.table(d.table());
        boolean replaced = false;
        for (Operation later : up.subList(i + 1, up.size())) {
            if (later instanceof Operation.AddColumn a && a.table().key().equals(d.table().key())
                    && a.column().name().equalsIgnoreCase(d.column())
                    || later instanceof Operation.RenameColumn rc && rc.table().key().equals(d.table().key())
                    && rc.to().equalsIgnoreCase(d.column())) {
                replaced = true;
            }
        }
        Mapping mapping = replaced ? Mapping.UNKNOWN : mapping(entities, d.table(), d.column());
        if (mapping == Mapping.UNMAPPED) return null;
        Location at = d.origin().location();
        if (mapping == Mapping.MAPPED) {
            Table entity = mappedTable(entities, d.table());
            return Finding.of(id(), Severity.ERROR, at, what + ", which the entities of the running release still map"
                            + where(entity) + ": that release still reads it while this one deploys, and its value "
                            + "in every row is lost.",
                    "Remove the field from the entity and deploy that first; drop the column in a later migration.");
        }
        if (copiedOut(up, i, d.table(), d.column())) return null;
        if (replaced) {
            return finding(at, what + " and adds it again: its value in every row is lost.",
                    "To change its type or length, alter it in place (ALTER TABLE ... ALTER COLUMN ... TYPE, MySQL "
                            + "MODIFY; TypeORM generates a drop and an add when a length changes: edit the migration).");
        }
        return finding(at, what + ": its value in every row is lost.", "Make sure nothing reads it and its values "
                + "are kept where needed; if losing them is meant, say so with "
                + "migration-guard-ignore destructive-change: <reason>.");
    }

    private static boolean losesRows(Operation.DataChange d) {
        return switch (d.kind()) {
            case TRUNCATE -> true;
            case DELETE, UPDATE -> !d.hasWhere();
            case INSERT, MERGE -> false;
        };
    }

    private Finding data(Reviewed r, List<Operation> up, int i, Operation.DataChange d) {
        String in = "Migration " + Reviewing.name(r.migration());
        String table = Reviewing.table(d.table());
        Location at = d.origin().location();
        return switch (d.kind()) {
            case TRUNCATE -> finding(at, in + " empties table " + table + " (TRUNCATE): every row in it is lost.",
                    "If emptying it is meant, copy the rows aside first or say so with "
                            + "migration-guard-ignore destructive-change: <reason>.");
            case DELETE -> finding(at, in + " deletes every row of table " + table
                            + " (DELETE without WHERE).",
                    "Add the WHERE that limits it to the rows meant; if emptying the table is meant, copy the rows "
                            + "aside first or say so with migration-guard-ignore destructive-change: <reason>.");
            case UPDATE -> backfill(up, i, d) || fillsForNotNull(up, i, d) || transforms(d) ? null : finding(at,
                    in + " overwrites " + (d.columns().isEmpty() ? "columns" : columns(overwritten(d)))
                            + " in every row of table "
                            + table + " (UPDATE without WHERE): the old values are lost.",
                    "Limit it with a WHERE (for a backfill: WHERE <column> IS NULL), or keep the old values in "
                            + "another column first.");
            case INSERT, MERGE -> null;
        };
    }

    private Finding narrowing(Reviewed r, List<Operation> up, int i, List<Reviewed> all, QualifiedName table,
                              String column, SqlType type) {
        if (r.dialect() == Dialect.SQLITE) return null; // SQLite stores any length whatever the declared type
        Operation op = up.get(i);
        Column before = Reviewing.columnBefore(r, table, column, op);
        if (before == null || !TypeChanges.isNarrowing(before.type(), type)) return null;
        if (isText(type) && type.length() != null && cutBefore(r, up, i, all, table, column, type.length())) {
            return null;
        }
        String hint = isText(type) && type.length() != null
                ? "Check first that every value fits (SELECT count(*) FROM " + table + " WHERE length(" + column
                + ") > " + type.length() + "), or keep the wider type."
                : "Check first that every value fits " + type.display() + ", or keep the wider type.";
        return finding(op.origin().location(), "Migration " + Reviewing.name(r.migration()) + " changes column \""
                + column + "\" of table " + Reviewing.table(table) + " from " + before.type().display() + " to "
                + type.display() + ": a value that does not fit makes the migration fail, or is cut where the "
                + "database truncates.", hint);
    }

    /** {@code substring(c, 1, n)}, {@code substr(c, 1, n)}, {@code left(c, n)}: the first n characters of c. */
    private static final Pattern CUT = Pattern.compile(
            "(?i)(?:(?:substring|substr)\\s*\\(\\s*[\"`\\[]?(\\w+)[\"`\\]]?\\s*,\\s*1\\s*,"
                    + "|left\\s*\\(\\s*[\"`\\[]?(\\w+)[\"`\\]]?\\s*,)\\s*(\\d+)\\s*\\)");

    /**
     * Whether the column was cut to at most {@code length} characters in every row earlier in the change (this
     * migration, or one under review before it): {@code UPDATE t SET c = substring(c, 1, 500)} before narrowing c to
     * varchar(500) is the author choosing what to keep, not an accident.
     */
    private static boolean cutBefore(Reviewed r, List<Operation> up, int i, List<Reviewed> all, QualifiedName table,
                                     String column, int length) {
        for (Operation op : up.subList(0, i)) {
            if (cuts(op, table, column, length)) return true;
        }
        for (Reviewed earlier : all) {
            if (earlier == r) break;
            if (!earlier.migration().stack().equals(r.migration().stack())) continue;
            for (Operation op : Reviewing.forward(earlier)) {
                if (cuts(op, table, column, length)) return true;
            }
        }
        return false;
    }

    private static boolean cuts(Operation op, QualifiedName table, String column, int length) {
        if (!(op instanceof Operation.DataChange d) || d.kind() != Operation.DataKind.UPDATE || d.hasWhere()
                || !d.table().key().equals(table.key())) {
            return false;
        }
        for (var e : d.derived().entrySet()) {
            if (!e.getKey().equalsIgnoreCase(column)) continue;
            Matcher m = CUT.matcher(e.getValue().strip());
            if (!m.matches()) continue;
            String of = m.group(1) != null ? m.group(1) : m.group(2);
            try {
                if (of.equalsIgnoreCase(column) && Integer.parseInt(m.group(3)) <= length) return true;
            } catch (NumberFormatException ex) {
                // more digits than any length: not a cut to this one
            }
        }
        return false;
    }

    private static boolean isText(SqlType t) {
        return List.of("varchar", "char", "nvarchar", "nchar", "varchar2", "nvarchar2").contains(t.name());
    }

    /**
     * Whether every column the UPDATE sets is computed from its own old value ({@code flag = NOT flag},
     * {@code name = concat('gwt.', name)}): the data is transformed on purpose, not replaced. A constant, NULL or
     * another column's value does overwrite.
     */
    private static boolean transforms(Operation.DataChange d) {
        return !d.columns().isEmpty() && d.derived().keySet().containsAll(d.columns());
    }

    private static List<String> overwritten(Operation.DataChange d) {
        return d.columns().stream().filter(c -> !d.derived().containsKey(c)).toList();
    }

    /** Whether the UPDATE only fills columns that the migration added before it: they held no data yet. */
    private static boolean backfill(List<Operation> up, int i, Operation.DataChange d) {
        if (d.columns().isEmpty()) return false;
        for (String c : d.columns()) {
            if (!addedBefore(up, i, d.table(), c)) return false;
        }
        return true;
    }

    /**
     * Whether every column the UPDATE sets is made NOT NULL later in the migration: a backfill for the constraint,
     * usually {@code SET c = coalesce(c, ...)}, which keeps the values there.
     */
    private static boolean fillsForNotNull(List<Operation> up, int i, Operation.DataChange d) {
        if (d.columns().isEmpty()) return false;
        for (String c : d.columns()) {
            boolean made = false;
            for (Operation op : up.subList(i + 1, up.size())) {
                if (op instanceof Operation.AlterColumnNullability n && !n.nullable()
                        && n.table().key().equals(d.table().key()) && n.column().equalsIgnoreCase(c)
                        || op instanceof Operation.RedefineColumn r && r.definition().notNull()
                        && r.table().key().equals(d.table().key()) && r.column().equalsIgnoreCase(c)) {
                    made = true;
                }
            }
            if (!made) return false;
        }
        return true;
    }

    private static boolean addedBefore(List<Operation> up, int i, QualifiedName table, String column) {
        for (Operation op : up.subList(0, i)) {
            if (op instanceof Operation.AddColumn a && a.table().key().equals(table.key())
                    && a.column().name().equalsIgnoreCase(column)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the rows (or the column's values) may have been copied elsewhere earlier in the migration: an INSERT
     * that selects from the table (or whose source is not known), an UPDATE of the table (a column moved into another),
     * or code that was not read naming it. Then the drop is the end of a move, not a loss.
     */
    private static boolean copiedOut(List<Operation> up, int i, QualifiedName table, String column) {
        for (Operation op : up.subList(0, i)) {
            if (op instanceof Operation.DataChange d) {
                if (d.kind() == Operation.DataKind.INSERT && !d.table().key().equals(table.key())
                        && (d.copy() == null || d.copy().from().key().equals(table.key()))) {
                    return true;
                }
                if (column != null && d.kind() == Operation.DataKind.UPDATE && d.table().key().equals(table.key())) {
                    return true;
                }
            }
            if (op instanceof Operation.Opaque o && o.kind() != Operation.OpaqueKind.COMMENT
                    && o.kind() != Operation.OpaqueKind.PRIVILEGE
                    && o.mentions().stream().anyMatch(m -> m.key().equals(table.key()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the replayed schema before the migration shows there is nothing to drop: a {@code DROP ... IF EXISTS} of a
     * table (or column) that no migration of the set made, when no statement left the schema unknown and no earlier
     * statement of this migration touches the table. A plain DROP says the object exists, so only IF EXISTS asks this.
     */
    private static boolean absent(Reviewed r, List<Operation> up, int i, QualifiedName table, String column) {
        Optional<PhysicalSchema> before = r.schemaBefore();
        if (before.isEmpty() || !before.get().complete()) return false;
        for (Operation op : up.subList(0, i)) {
            if (touches(op, table)) return false;
        }
        Dialect d = before.get().dialect();
        Table t = before.get().table(table.schema(), Identifiers.stored(d, table.name(), table.quoted()));
        if (t == null) t = before.get().table(table.schema(), table.name());
        if (t == null) return true;
        return column != null && t.complete() && !t.view() && t.column(d, column) == null
                && t.column(d, Identifiers.stored(d, column, false)) == null;
    }

    private static boolean touches(Operation op, QualifiedName table) {
        String key = table.key();
        if (op instanceof Operation.CreateTable c) return c.table().key().equals(key);
        if (op instanceof Operation.RenameTable rt) return rt.to().key().equals(key) || rt.from().key().equals(key);
        if (op instanceof Operation.RebuildTable rb) return rb.table().key().equals(key);
        if (op instanceof Operation.AddColumn a) return a.table().key().equals(key);
        if (op instanceof Operation.RenameColumn rc) return rc.table().key().equals(key);
        if (op instanceof Operation.RedefineColumn rd) return rd.table().key().equals(key);
        if (op instanceof Operation.Opaque o) {
            return o.kind() != Operation.OpaqueKind.COMMENT && o.kind() != Operation.OpaqueKind.PRIVILEGE
                    && o.kind() != Operation.OpaqueKind.SESSION && o.kind() != Operation.OpaqueKind.QUERY;
        }
        return false;
    }

    /** What the deployed entities say of the table, or of its column when {@code column} is not null. */
    private static Mapping mapping(List<PhysicalSchema> entities, QualifiedName table, String column) {
        if (entities.isEmpty()) return Mapping.UNKNOWN;
        Table t = mappedTable(entities, table);
        if (t == null) return Mapping.UNMAPPED;
        if (column == null) return Mapping.MAPPED;
        for (Column c : t.columns()) {
            if (loose(c.name()).equals(loose(column))) return Mapping.MAPPED;
        }
        return Mapping.UNMAPPED;
    }

    private static Table mappedTable(List<PhysicalSchema> entities, QualifiedName table) {
        for (PhysicalSchema s : entities) {
            for (Table t : s.tableList()) {
                if (!t.view() && loose(t.name()).equals(loose(table.name()))) return t;
            }
        }
        return null;
    }

    /**
     * A name as the entities and the migration are compared by: any case, underscores left out, since which naming
     * strategy maps {@code checkDelay} to a column is not always known ({@code check_delay} or {@code checkDelay}).
     */
    private static String loose(String name) {
        return name.toLowerCase(Locale.ROOT).replace("_", "");
    }

    private static String where(Table entity) {
        return entity == null || entity.location() == null ? "" : " (" + entity.location().path() + ")";
    }

    private static String columns(List<String> names) {
        List<String> quoted = names.stream().map(n -> "\"" + n + "\"").toList();
        return (names.size() == 1 ? "column " : "columns ") + String.join(", ", quoted);
    }
}
