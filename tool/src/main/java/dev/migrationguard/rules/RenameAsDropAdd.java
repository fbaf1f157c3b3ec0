package dev.migrationguard.rules;

import dev.migrationguard.analysis.Analysis;
import dev.migrationguard.analysis.Reviewed;
import dev.migrationguard.analysis.Rule;
import dev.migrationguard.analysis.RuleMeta;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.SchemaChange;
import dev.migrationguard.model.Severity;
import dev.migrationguard.model.ops.ColumnDef;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.QualifiedName;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rename written as a drop and an add: one migration drops a column (or a table) and adds another of a compatible
 * type in its place, so the rows keep the new column empty and the old data is gone. An error when the entities show
 * the rename, a warning when only the types agree; silent when a statement copies the data across or cannot be read.
 */
@RuleMeta(id = "rename-as-drop-add", severity = Severity.ERROR,
        summary = "A column or table dropped and another of a compatible type added in its place, losing its data",
        subsumes = "destructive-change")
public final class RenameAsDropAdd implements Rule {
    private static final Pattern RENAMED = Pattern.compile("^column .*\\.\"([^\"]+)\" renamed to \"([^\"]+)\"");
    private static final Pattern REMOVED_TYPE = Pattern.compile("^column .* removed \\(was (.+?)(?: NOT NULL| NULL|\\)$)");
    private static final Pattern ADDED_TYPE = Pattern.compile("^column .* added: (.+?)(?: NOT NULL| NULL|$)");

    @Override
    public List<Finding> check(Analysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (Reviewed r : analysis.review().migrations()) {
            List<Operation> up = Reviewing.up(r.migration());
            columns(analysis, r, up, findings);
            tables(analysis, r, up, findings);
        }
        return findings;
    }

    // ---- columns

    private void columns(Analysis analysis, Reviewed r, List<Operation> up, List<Finding> findings) {
        Dialect d = r.dialect();
        for (Operation op : up) {
            if (!(op instanceof Operation.DropColumn drop) || !Reviewing.existing(r, drop.table(), drop)) continue;
            if (unsure(up, drop.table())) continue;
            Optional<SqlType> oldType = oldType(r, drop);
            List<Operation.AddColumn> adds = adds(up, drop.table(), drop.column());
            Operation.AddColumn evidenced = null;
            for (Operation.AddColumn add : adds) {
                if (entitiesShowRename(analysis.schemaChanges(), d, drop.table(), drop.column(), add.column(),
                        oldType.orElse(null))) {
                    evidenced = add;
                    break;
                }
            }
            if (evidenced != null) {
                findings.add(columnFinding(r, drop, evidenced.column(), Severity.ERROR,
                        "; the entities show the rename"));
                continue;
            }
            if (oldType.isEmpty()) continue;
            List<Operation.AddColumn> fitting = adds.stream()
                    .filter(a -> TypeWidening.fits(oldType.get(), a.column().type())).toList();
            // Two candidates (or two dropped columns for one add) is a reshaping, not a rename we can name.
            if (fitting.size() != 1 || droppedFitting(r, up, drop.table(), fitting.get(0).column().type()) != 1) {
                continue;
            }
            findings.add(columnFinding(r, drop, fitting.get(0).column(), Severity.WARNING, ""));
        }
    }

    /** The dropped column's type in the schema before the migration, when it is known. */
    private static Optional<SqlType> oldType(Reviewed r, Operation.DropColumn drop) {
        Optional<PhysicalSchema> before = r.schemaBefore();
        if (before.isEmpty()) return Optional.empty();
        Table t = table(before.get(), drop.table());
        if (t == null || !t.complete()) return Optional.empty();
        Column c = t.column(before.get().dialect(), drop.column());
        return c == null ? Optional.empty() : Optional.ofNullable(c.type());
    }

    private static Table table(PhysicalSchema s, QualifiedName q) {
        Dialect d = s.dialect();
        String schema = q.schema() == null ? null : Identifiers.stored(d, q.schema(), q.quoted());
        return s.table(schema, Identifiers.stored(d, q.name(), q.quoted()));
    }

    /** The columns the forward part adds to {@code table} under another name than the one dropped. */
    private static List<Operation.AddColumn> adds(List<Operation> up, QualifiedName table, String dropped) {
        List<Operation.AddColumn> out = new ArrayList<>();
        for (Operation op : up) {
            if (op instanceof Operation.AddColumn a && a.table().key().equals(table.key())
                    && !lower(a.column().name()).equals(lower(dropped))) {
                out.add(a);
            }
        }
        return out;
    }

    /** How many columns of {@code table} the forward part drops whose old type fits {@code type}. */
    private static long droppedFitting(Reviewed r, List<Operation> up, QualifiedName table, SqlType type) {
        return up.stream().filter(op -> op instanceof Operation.DropColumn x && x.table().key().equals(table.key()))
                .map(op -> oldType(r, (Operation.DropColumn) op))
                .filter(t -> t.isPresent() && TypeWidening.fits(t.get(), type)).count();
    }

    /**
     * Whether the entities renamed the dropped column to the added one: a column rename, or the old column removed and
     * the new one added with a type the old one fits in.
     */
    private static boolean entitiesShowRename(List<SchemaChange> changes, Dialect d, QualifiedName table,
                                              String dropped, ColumnDef added, SqlType oldType) {
        boolean removed = false;
        SqlType removedType = null;
        SqlType addedType = null;
        boolean addedSeen = false;
        for (SchemaChange c : changes) {
            if (c.target() != SchemaChange.Target.COLUMN || !lower(c.table()).equals(table.key())) continue;
            if (c.kind() == SchemaChange.Kind.RENAMED) {
                Matcher m = RENAMED.matcher(c.message());
                if (m.find() && lower(m.group(1)).equals(lower(dropped))
                        && lower(m.group(2)).equals(lower(added.name()))) {
                    return true;
                }
            } else if (c.kind() == SchemaChange.Kind.REMOVED && c.column() != null
                    && lower(c.column()).equals(lower(dropped))) {
                removed = true;
                removedType = typeIn(REMOVED_TYPE, c.message(), d);
            } else if (c.kind() == SchemaChange.Kind.ADDED && c.column() != null
                    && lower(c.column()).equals(lower(added.name()))) {
                addedSeen = true;
                addedType = typeIn(ADDED_TYPE, c.message(), d);
            }
        }
        if (!removed || !addedSeen) return false;
        SqlType from = oldType != null ? oldType : removedType;
        SqlType to = added.type() != null ? added.type() : addedType;
        return TypeWidening.fits(from, to);
    }

    /** The type a column change's message states, when it is one we can read ({@code ?} is unknown). */
    private static SqlType typeIn(Pattern p, String message, Dialect d) {
        Matcher m = p.matcher(message);
        return m.find() ? SqlType.parse(d, m.group(1)) : null;
    }

    private Finding columnFinding(Reviewed r, Operation.DropColumn drop, ColumnDef added, Severity severity,
                                  String evidence) {
        Migration m = r.migration();
        String table = Reviewing.table(drop.table());
        String message = "Migration " + Reviewing.name(m) + " drops column " + table + ".\"" + drop.column()
                + "\" and adds \"" + added.name() + "\" (" + typeText(added) + ") in its place" + evidence
                + ": the value of \"" + drop.column() + "\" in every row is lost; rename the column instead.";
        return Finding.of(id(), severity, drop.origin().location(), message,
                columnHint(m, drop.table(), drop.column(), added.name()));
    }

    private static String typeText(ColumnDef c) {
        return c.type() != null ? c.type().display() : c.typeText();
    }

    private static String columnHint(Migration m, QualifiedName table, String from, String to) {
        String how = switch (m.stack()) {
            case "typeorm" -> "await queryRunner.renameColumn(\"" + table + "\", \"" + from + "\", \"" + to
                    + "\") (or ALTER TABLE " + Reviewing.table(table) + " RENAME COLUMN \"" + from + "\" TO \"" + to
                    + "\")";
            case "liquibase" -> "<renameColumn tableName=\"" + table.name() + "\" oldColumnName=\"" + from
                    + "\" newColumnName=\"" + to + "\"/>";
            default -> "ALTER TABLE " + table + " RENAME COLUMN " + from + " TO " + to + ";";
        };
        return "Write " + how + " in place of the drop and the add. On a live system the running release still reads "
                + from + ": expand and contract (add " + to + ", copy the data, deploy, drop " + from + " later).";
    }

    // ---- tables

    private void tables(Analysis analysis, Reviewed r, List<Operation> up, List<Finding> findings) {
        for (Operation op : up) {
            if (!(op instanceof Operation.DropTable drop) || !Reviewing.existing(r, drop.table(), drop)) continue;
            if (unsure(up, drop.table())) continue;
            for (Operation other : up) {
                if (!(other instanceof Operation.CreateTable create) || create.fromQuery()
                        || create.table().key().equals(drop.table().key())) {
                    continue;
                }
                boolean evidence = entitiesShowTableRename(analysis.schemaChanges(), drop.table(), create.table());
                if (!evidence && !sameColumns(r, drop, create)) continue;
                findings.add(tableFinding(r, drop, create, evidence ? Severity.ERROR : Severity.WARNING,
                        evidence ? "; the entities show the rename" : ""));
                break;
            }
        }
    }

    private static boolean entitiesShowTableRename(List<SchemaChange> changes, QualifiedName from, QualifiedName to) {
        for (SchemaChange c : changes) {
            if (c.target() == SchemaChange.Target.TABLE && c.kind() == SchemaChange.Kind.RENAMED
                    && c.previousTable() != null && lower(c.previousTable()).equals(from.key())
                    && lower(c.table()).equals(to.key())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the new table has the old one's columns by name, each of a type that holds the old values. */
    private static boolean sameColumns(Reviewed r, Operation.DropTable drop, Operation.CreateTable create) {
        Optional<PhysicalSchema> before = r.schemaBefore();
        if (before.isEmpty()) return false;
        Table old = table(before.get(), drop.table());
        if (old == null || !old.complete() || old.view() || old.columns().isEmpty()
                || old.columns().size() != create.columns().size()) {
            return false;
        }
        for (ColumnDef c : create.columns()) {
            Column was = old.column(before.get().dialect(), c.name());
            if (was == null || !TypeWidening.fits(was.type(), c.type())) return false;
        }
        return true;
    }

    private Finding tableFinding(Reviewed r, Operation.DropTable drop, Operation.CreateTable create,
                                 Severity severity, String evidence) {
        Migration m = r.migration();
        String message = "Migration " + Reviewing.name(m) + " drops table " + Reviewing.table(drop.table())
                + " and creates " + Reviewing.table(create.table()) + " with the same columns" + evidence
                + ": every row of " + Reviewing.table(drop.table()) + " is lost; rename the table instead.";
        String how = switch (m.stack()) {
            case "typeorm" -> "await queryRunner.renameTable(\"" + drop.table() + "\", \"" + create.table() + "\")";
            case "liquibase" -> "<renameTable oldTableName=\"" + drop.table().name() + "\" newTableName=\""
                    + create.table().name() + "\"/>";
            default -> "ALTER TABLE " + drop.table() + " RENAME TO " + create.table().name() + ";";
        };
        return Finding.of(id(), severity, drop.origin().location(), message, "Write " + how
                + " in place of the drop and the create; on a live system, keep the old table until the running "
                + "release stops reading it.");
    }

    // ---- shared

    /**
     * Whether the forward part may carry the data across or do more than it says: it writes rows of the table
     * (an {@code UPDATE t SET new = old} between the add and the drop), or runs a statement on it that could not be
     * read.
     */
    private static boolean unsure(List<Operation> up, QualifiedName table) {
        for (Operation op : up) {
            if (op instanceof Operation.DataChange dc) {
                if (dc.table() != null && dc.table().key().equals(table.key())) return true;
                if (dc.copy() != null && dc.copy().from() != null && dc.copy().from().key().equals(table.key())) {
                    return true;
                }
            }
            if (op instanceof Operation.Opaque o && !harmless(o.kind())
                    && (o.mentions().isEmpty() || o.mentions().stream().anyMatch(q -> q.key().equals(table.key())))) {
                return true;
            }
        }
        return false;
    }

    private static boolean harmless(Operation.OpaqueKind kind) {
        return kind == Operation.OpaqueKind.COMMENT || kind == Operation.OpaqueKind.PRIVILEGE
                || kind == Operation.OpaqueKind.SESSION || kind == Operation.OpaqueKind.QUERY;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
