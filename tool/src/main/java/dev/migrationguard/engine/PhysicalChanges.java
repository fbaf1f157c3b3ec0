package dev.migrationguard.engine;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.SchemaChange;
import dev.migrationguard.model.SchemaChange.Target;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.Generated;
import dev.migrationguard.model.schema.Identifiers;
import dev.migrationguard.model.schema.PhysicalDiff;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.SqlType;
import dev.migrationguard.model.schema.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The entity changes of one reader that gives tables: the two sides' tables, less what an unreliable file holds on
 * either side, compared as physical schemas. What is left out, or cannot be compared because a fact is unknown, is
 * said on the debug sink, one line each, so that a silent run can be explained.
 */
final class PhysicalChanges {
    private static final Set<PhysicalDiff.Kind> WHOLE_VIEW = Set.of(PhysicalDiff.Kind.VIEW_ADDED,
            PhysicalDiff.Kind.VIEW_REMOVED, PhysicalDiff.Kind.VIEW_RENAMED);
    /** Character types whose spelling without a length means another column on each database. */
    private static final Set<String> LENGTH_REQUIRED = Set.of("varchar", "nvarchar", "varbinary");
    private final Dialect dialect;
    private final boolean dialectAssumed;
    private final Map<String, String> unreliable;
    private final Consumer<String> debug;
    private PhysicalSchema was;
    private PhysicalSchema now;

    /**
     * @param dialectAssumed whether nothing names the database, so that {@code dialect} is only the default
     * @param unreliable     why each file that did not parse, or is too large, on either side cannot be compared
     * @param debug          where the lines that explain silence go
     */
    PhysicalChanges(Dialect dialect, boolean dialectAssumed, Map<String, String> unreliable, Consumer<String> debug) {
        this.dialect = dialect;
        this.dialectAssumed = dialectAssumed;
        this.unreliable = unreliable;
        this.debug = debug;
    }

    List<SchemaChange> between(List<Table> before, List<Table> after) {
        Set<String> tablesOut = new HashSet<>();
        Map<String, Set<String>> columnsOut = new LinkedHashMap<>();
        leaveOut(before, "before", tablesOut, columnsOut);
        leaveOut(after, "after", tablesOut, columnsOut);
        was = schema(before, tablesOut, columnsOut);
        now = schema(after, tablesOut, columnsOut);
        unknownFacts(was, now);
        List<SchemaChange> changes = new ArrayList<>();
        for (PhysicalDiff.Change c : PhysicalDiff.diff(was, now).changes()) {
            // A view entity owns no table, and its view may be made elsewhere (Hibernate's @Subselect is never made):
            // only a change of its query asks for a migration.
            if (WHOLE_VIEW.contains(c.kind())) {
                say(c.message() + ": not reported, a view entity owns no table");
                continue;
            }
            if (c.kind() == PhysicalDiff.Kind.COLUMN_CHANGED && dialectAssumed && lengthLeftOpen(c)) {
                say(c.message() + ": not reported, a length left out means another column on each database "
                        + "(unbounded on PostgreSQL, one character on SQL Server, refused by MySQL and Oracle) and no "
                        + "setting names the database (write dialect: in .migration-guard.yml to compare it)");
                continue;
            }
            if (c.kind() == PhysicalDiff.Kind.COLUMN_CHANGED && lengthLeftToDefault(c)) {
                say(c.message() + ": not reported, the entity no longer states a length, and the ORM's default is no "
                        + "claim on the column the migrations made (neither the database nor what is written changes)");
                continue;
            }
            changes.add(change(c));
        }
        return changes;
    }

    /**
     * Whether the column changes only in its length, to the ORM's default, because the entity stopped stating one
     * (ORCID's refactoring dropped {@code length = 70} from a dozen columns): the default is what the ORM would make,
     * not what the developer asks of the database, as {@code entity-migration-drift} already holds. A length stated,
     * even one equal to the default, stays a change.
     */
    private boolean lengthLeftToDefault(PhysicalDiff.Change c) {
        Table t = now.table(c.schema(), c.object());
        Table o = was.table(c.schema(), c.object());
        if (t == null || o == null || c.column() == null) return false;
        Column a = o.column(dialect, c.column());
        Column b = t.column(dialect, c.column());
        if (a == null || b == null || a.type() == null || b.type() == null) return false;
        if (!b.leeway().contains(Column.Leeway.DEFAULT_LENGTH) || a.leeway().contains(Column.Leeway.DEFAULT_LENGTH)) {
            return false;
        }
        return a.type().length() != null && b.type().length() != null && onlyLengthDiffers(a, b);
    }

    /** Whether two typed columns agree on every fact but their type's length. */
    private static boolean onlyLengthDiffers(Column a, Column b) {
        SqlType x = a.type();
        SqlType y = b.type();
        return x.name().equals(y.name()) && Objects.equals(x.precision(), y.precision())
                && Objects.equals(x.scale(), y.scale()) && x.array() == y.array()
                && Objects.equals(a.nullable(), b.nullable()) && a.defaultValue().sameValue(b.defaultValue())
                && a.generated().equals(b.generated()) && Objects.equals(a.unique(), b.unique())
                && Objects.equals(a.enumValues(), b.enumValues());
    }

    /**
     * Whether the column changes only in dropping its character length ({@code columnDefinition = "varchar"} where
     * the ORM wrote {@code varchar(255)}): what that spelling gives depends on the database, so the change cannot be
     * told when the database is not known. A length newly stated is a change on every database, and stays one.
     */
    private boolean lengthLeftOpen(PhysicalDiff.Change c) {
        Table t = now.table(c.schema(), c.object());
        Table o = was.table(c.schema(), c.object());
        if (t == null || o == null || c.column() == null) return false;
        Column a = o.column(dialect, c.column());
        Column b = t.column(dialect, c.column());
        if (a == null || b == null || a.type() == null || b.type() == null) return false;
        return LENGTH_REQUIRED.contains(a.type().name()) && a.type().length() != null && b.type().length() == null
                && onlyLengthDiffers(a, b);
    }

    /** The entities' schema before the change, as {@link #between} compared it (unreliable files left out). */
    PhysicalSchema was() {
        return was;
    }

    /** The entities' schema after the change, as {@link #between} compared it. */
    PhysicalSchema now() {
        return now;
    }

    /** A table whose file is unreliable goes on both sides; so does a column whose source file is. */
    private void leaveOut(List<Table> tables, String side, Set<String> tablesOut, Map<String, Set<String>> columnsOut) {
        for (Table t : tables) {
            String key = tableKey(t.schema(), t.name());
            String why = why(t.location());
            if (why != null) {
                if (tablesOut.add(key)) say(kind(t) + " " + display(t) + ": not compared: " + why);
                continue;
            }
            if (!t.complete()) say(kind(t) + " " + display(t) + ": not compared: its facts on the " + side
                    + " side are incomplete");
            for (Column c : t.columns()) {
                String columnWhy = why(c.location());
                if (columnWhy == null) continue;
                if (columnsOut.computeIfAbsent(key, k -> new HashSet<>()).add(Identifiers.key(dialect, c.name()))) {
                    say("column " + display(t) + "." + quote(c.name()) + ": not compared: " + columnWhy);
                }
            }
        }
    }

    private String why(Location at) {
        if (at == null || at.path() == null) return null;
        String reason = unreliable.get(at.path());
        return reason == null ? null : at.path() + " " + reason;
    }

    private PhysicalSchema schema(List<Table> tables, Set<String> tablesOut, Map<String, Set<String>> columnsOut) {
        List<Table> kept = new ArrayList<>();
        for (Table t : tables) {
            String key = tableKey(t.schema(), t.name());
            if (tablesOut.contains(key)) continue;
            Table k = t;
            for (String column : columnsOut.getOrDefault(key, Set.of())) {
                for (Column c : t.columns()) {
                    if (Identifiers.key(dialect, c.name()).equals(column)) k = k.withoutColumn(dialect, c.name());
                }
            }
            kept.add(k);
        }
        return PhysicalSchema.of(dialect, kept, List.of(), List.of());
    }

    /**
     * Says, for each column on both sides, which of its facts could not be compared because a side does not know it
     * (the diff takes an unknown fact for the same as any).
     */
    private void unknownFacts(PhysicalSchema was, PhysicalSchema now) {
        for (Table t : now.tableList()) {
            Table old = was.table(t.schema(), t.name());
            if (old == null || t.view() || old.view() || !t.complete() || !old.complete()) continue;
            for (Column c : t.columns()) {
                Column o = old.column(dialect, c.name());
                if (o == null) continue;
                List<String> unknown = new ArrayList<>();
                note(unknown, "type", o.type() == null, c.type() == null);
                note(unknown, "nullability", o.nullable() == null, c.nullable() == null);
                note(unknown, "default", !o.defaultValue().known(), !c.defaultValue().known());
                note(unknown, "generation", o.generated().kind() == Generated.Kind.UNKNOWN,
                        c.generated().kind() == Generated.Kind.UNKNOWN);
                note(unknown, "uniqueness", old.uniqueColumn(dialect, o.name()) == null,
                        t.uniqueColumn(dialect, c.name()) == null);
                if (unknown.isEmpty()) continue;
                Location at = c.location() != null ? c.location() : t.location();
                say("column " + display(t) + "." + quote(c.name()) + ": " + String.join(", ", unknown)
                        + " not compared (unknown)" + (at == null ? "" : ", from " + place(at)));
            }
        }
    }

    private static void note(List<String> unknown, String fact, boolean before, boolean after) {
        if (!before && !after) return;
        String side = before && after ? "both sides" : before ? "the before side" : "the after side";
        unknown.add(fact + " on " + side);
    }

    private SchemaChange change(PhysicalDiff.Change c) {
        String name = c.kind().name();
        SchemaChange.Kind kind = name.endsWith("_ADDED") ? SchemaChange.Kind.ADDED
                : name.endsWith("_REMOVED") ? SchemaChange.Kind.REMOVED
                : name.endsWith("_RENAMED") ? SchemaChange.Kind.RENAMED : SchemaChange.Kind.CHANGED;
        Target target = name.startsWith("TABLE_") ? Target.TABLE : name.startsWith("VIEW_") ? Target.VIEW
                : name.startsWith("COLUMN_") ? Target.COLUMN : name.startsWith("SEQUENCE_") ? Target.SEQUENCE
                : name.startsWith("ENUM_TYPE_") ? Target.ENUM_TYPE : Target.CONSTRAINT;
        String schema = isDefault(c.schema(), c.object()) ? null : c.schema();
        String previous = kind == SchemaChange.Kind.RENAMED && target.whole() ? c.previous() : null;
        return new SchemaChange(kind, target, schema, c.object(), previous, c.column(), c.message(), c.location());
    }

    private boolean isDefault(String schema, String name) {
        return schema == null || Identifiers.qualifiedKey(dialect, schema, name)
                .equals(Identifiers.qualifiedKey(dialect, null, name));
    }

    private String tableKey(String schema, String name) {
        return Identifiers.qualifiedKey(dialect, schema, name);
    }

    private String display(Table t) {
        return Identifiers.display(dialect, t.schema(), t.name());
    }

    private static String kind(Table t) {
        return t.view() ? "view" : "table";
    }

    private static String quote(String name) {
        return "\"" + name + "\"";
    }

    private static String place(Location at) {
        return at.isWholeFile() ? at.path() : at.path() + ":" + at.line();
    }

    private void say(String line) {
        debug.accept(line);
    }
}
