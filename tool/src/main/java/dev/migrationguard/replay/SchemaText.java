package dev.migrationguard.replay;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.schema.CheckConstraint;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.EnumType;
import dev.migrationguard.model.schema.ForeignKey;
import dev.migrationguard.model.schema.Generated;
import dev.migrationguard.model.schema.Identifiers;
import dev.migrationguard.model.schema.Index;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.Sequence;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.model.schema.UniqueConstraint;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The replayed schema as a person reads it: one block per migration set, then each table as a {@code CREATE TABLE}
 * with its keys, indexes and checks, then views, sequences and enum types. What the replay could not tell is {@code ?};
 * a column line starting with {@code ?} is not certain: a statement not read may have changed it since it was defined,
 * and the comment on its table or its set says which.
 */
public final class SchemaText {
    private SchemaText() {
    }

    public static void write(List<ReplayedSet> sets, Appendable out) throws IOException {
        if (sets.isEmpty()) {
            out.append("No migration set found: no runner configuration or migration folder the stacks recognise.\n");
            return;
        }
        boolean first = true;
        for (ReplayedSet set : sets) {
            if (!first) out.append('\n');
            first = false;
            set(set, out);
        }
    }

    private static void set(ReplayedSet r, Appendable out) throws IOException {
        PhysicalSchema s = r.state().schema();
        Dialect d = s.dialect();
        out.append("-- ").append(r.set().stack()).append(" set ").append(r.set().name())
                .append(r.set().project().isEmpty() ? "" : " (project " + r.set().project() + ")")
                .append(", ").append(d.id()).append(": ").append(String.valueOf(r.set().migrations().size()))
                .append(" migrations, ").append(String.valueOf(r.state().operations())).append(" operations, ")
                .append(String.valueOf(r.state().opaque())).append(" opaque\n");
        if (!s.complete()) {
            out.append("-- incomplete: a statement that could not be read may have created or dropped tables not listed");
            Location anywhere = r.state().unreadAnywhere();
            out.append(anywhere == null ? "" : " (the last such at " + place(anywhere) + ")")
                    .append('\n');
        }
        for (Table t : s.tableList()) {
            if (!t.view()) table(t, d, r.state(), out);
        }
        for (Table t : s.tableList()) {
            if (t.view()) {
                out.append("\nCREATE VIEW ").append(Identifiers.display(d, t.schema(), t.name())).append(" AS ")
                        .append(t.viewDefinition() == null ? "?" : t.viewDefinition()).append(";").append(at(t.location()))
                        .append('\n');
            }
        }
        for (Sequence q : s.sequences().values()) {
            out.append("\nCREATE SEQUENCE ").append(Identifiers.display(d, q.schema(), q.name()))
                    .append(q.increment() == null ? "" : " INCREMENT BY " + q.increment()).append(";")
                    .append(at(q.location())).append('\n');
        }
        for (EnumType e : s.enumTypes().values()) {
            out.append("\nCREATE TYPE ").append(Identifiers.display(d, e.schema(), e.name())).append(" AS ENUM (")
                    .append(e.values() == null ? "?" : e.values().stream().map(SchemaText::literal)
                            .collect(Collectors.joining(", ")))
                    .append(");").append(at(e.location())).append('\n');
        }
    }

    private static void table(Table t, Dialect d, ReplayState state, Appendable out) throws IOException {
        out.append("\nCREATE TABLE ").append(Identifiers.display(d, t.schema(), t.name())).append(" (")
                .append(at(t.location())).append('\n');
        if (!t.complete()) {
            out.append("  -- ? incomplete").append(whyIncomplete(t)).append("; more may differ\n");
        } else if (state.unreadAnywhere() != null
                && t.columns().stream().anyMatch(c -> !t.certain(d, c.name()))) {
            out.append("  -- ? columns marked ? may have been changed by the statement not read at ")
                    .append(place(state.unreadAnywhere())).append('\n');
        }
        for (Column c : t.columns()) {
            out.append(t.certain(d, c.name()) ? "  " : "? ").append(quote(c.name())).append(' ').append(c.type() == null ? "?" : c.type().display());
            if (c.enumValues() != null && c.type() != null && c.type().name().equals("enum")) {
                out.append(c.enumValues().stream().map(SchemaText::literal).collect(Collectors.joining(",", "(", ")")));
            }
            out.append(c.nullable() == null ? " NULL?" : c.nullable() ? " NULL" : " NOT NULL");
            if (!c.defaultValue().known()) out.append(" DEFAULT ?");
            else if (c.defaultValue().expression() != null) out.append(" DEFAULT ").append(c.defaultValue().expression());
            if (c.generated().kind() != Generated.Kind.NONE) out.append(' ').append(c.generated().display());
            if (c.unique() == null) out.append(" UNIQUE?");
            else if (c.unique()) out.append(" UNIQUE");
            out.append(at(c.location())).append('\n');
        }
        if (t.primaryKey() != null) {
            out.append("  ").append(constraint(t.primaryKey().name())).append("PRIMARY KEY ")
                    .append(list(t.primaryKey().columns())).append(at(t.primaryKey().location())).append('\n');
        }
        for (ForeignKey f : t.foreignKeys()) {
            out.append("  ").append(constraint(f.name())).append("FOREIGN KEY ").append(list(f.columns()))
                    .append(" REFERENCES ")
                    .append(f.referencedTable() == null ? "?" : Identifiers.display(d, f.referencedSchema(), f.referencedTable()))
                    .append(f.referencedColumns() == null ? "(?)" : list(f.referencedColumns()))
                    .append(f.onDelete() == null ? "" : " ON DELETE " + f.onDelete())
                    .append(f.onUpdate() == null ? "" : " ON UPDATE " + f.onUpdate())
                    .append(notValid(state, t, f.name())).append(at(f.location())).append('\n');
        }
        for (UniqueConstraint u : t.uniques()) {
            out.append("  ").append(constraint(u.name())).append("UNIQUE ").append(list(u.columns()))
                    .append(at(u.location())).append('\n');
        }
        for (CheckConstraint c : t.checks()) {
            out.append("  ").append(constraint(c.name())).append("CHECK (")
                    .append(c.expression() == null ? "?" : c.expression()).append(')')
                    .append(notValid(state, t, c.name())).append(at(c.location())).append('\n');
        }
        out.append(");\n");
        for (Index i : t.indexes()) {
            out.append("CREATE ").append(i.unique() ? "UNIQUE " : "").append("INDEX ")
                    .append(i.name() == null ? "" : quote(i.name()) + " ").append("ON ")
                    .append(Identifiers.display(d, t.schema(), t.name()))
                    .append(i.method() == null ? "" : " USING " + i.method()).append(' ').append(list(i.columns()))
                    .append(i.predicate() == null ? "" : " WHERE " + i.predicate()).append(";").append(at(i.location()))
                    .append('\n');
        }
    }

    /**
     * The statement that left the table incomplete: where it first appears when no statement read lists its columns (a
     * {@code CREATE TABLE ... AS} query, or a table only met in statements acting on it), else the last statement that
     * could not be read or acted on an index, constraint or column the replay lacked.
     */
    private static String whyIncomplete(Table t) {
        if (t.incompleteBy() == null) return "";
        if (t.incompleteBy().equals(t.location())) {
            return ": no statement read lists its columns (" + place(t.location()) + ")";
        }
        return " since " + place(t.incompleteBy()) + ", a statement not read, or one on what the replay lacked";
    }

    private static String notValid(ReplayState state, Table t, String name) {
        if (name == null) return "";
        for (ReplayState.NotValid n : state.notValid()) {
            if (n.constraint().equals(name) && n.table().equals(t.name())) return " NOT VALID";
        }
        return "";
    }

    private static String constraint(String name) {
        return name == null ? "" : "CONSTRAINT " + quote(name) + " ";
    }

    private static String list(List<String> columns) {
        return columns.stream().map(SchemaText::quote).collect(Collectors.joining(", ", "(", ")"));
    }

    private static String quote(String name) {
        return "\"" + name + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Where the fact was set, as a trailing comment: {@code -- db/V3__x.sql:2}. */
    private static String at(Location l) {
        if (l == null) return "";
        return "  -- " + place(l);
    }

    private static String place(Location l) {
        return l.path() + (l.isWholeFile() ? "" : ":" + l.line());
    }
}
