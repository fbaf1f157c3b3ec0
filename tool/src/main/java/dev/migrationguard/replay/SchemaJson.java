package dev.migrationguard.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.Table;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The replayed schema as one JSON document. Its wire records are its own, so the model can change freely. An unknown
 * fact is {@code null} ({@code "nullable": null}, {@code "type": null}, {@code "default": {"known": false}}). A column
 * is {@code "certain": false} when a statement not read may have changed it since it was defined; {@code incompleteBy}
 * on a table or a set names the statement that made it incomplete.
 */
public final class SchemaJson {
    /** Jackson would close the writer it is given; the caller's stays open for what follows. */
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private SchemaJson() {
    }

    public record Wire(ToolWire tool, List<SetWire> sets) {
    }

    public record ToolWire(String name, String version) {
    }

    public record SetWire(String stack, String project, String name, String dialect, int migrations, int operations,
                          int opaque, int unresolved, boolean complete, List<TableWire> tables,
                          List<TableWire> views, List<SequenceWire> sequences, List<EnumWire> enumTypes,
                          String incompleteBy) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TableWire(String schema, String name, boolean complete, List<ColumnWire> columns,
                            KeyWire primaryKey, List<ForeignKeyWire> foreignKeys, List<IndexWire> indexes,
                            List<KeyWire> uniques, List<CheckWire> checks, String definition, String location,
                            String incompleteBy) {
    }

    public record ColumnWire(String name, String type, Boolean nullable, DefaultWire defaultValue, String generated,
                             Boolean unique, List<String> enumValues, String location, boolean certain) {
    }

    public record DefaultWire(boolean known, String expression) {
    }

    public record KeyWire(String name, List<String> columns, String location) {
    }

    public record ForeignKeyWire(String name, List<String> columns, String referencedSchema, String referencedTable,
                                 List<String> referencedColumns, String onDelete, String onUpdate, boolean notValid,
                                 String location) {
    }

    public record IndexWire(String name, List<String> columns, boolean unique, String where, String method,
                            String location) {
    }

    public record CheckWire(String name, String expression, boolean notValid, String location) {
    }

    public record SequenceWire(String schema, String name, Long increment, String location) {
    }

    public record EnumWire(String schema, String name, List<String> values, String location) {
    }

    public static void write(String tool, String version, List<ReplayedSet> sets, Writer out) throws IOException {
        MAPPER.writeValue(out, wire(tool, version, sets));
        out.write('\n');
    }

    static Wire wire(String tool, String version, List<ReplayedSet> sets) {
        return new Wire(new ToolWire(tool, version), sets.stream().map(SchemaJson::set).toList());
    }

    private static SetWire set(ReplayedSet r) {
        PhysicalSchema s = r.state().schema();
        return new SetWire(r.set().stack(), r.set().project(), r.set().name(), r.dialect().id(),
                r.set().migrations().size(), r.state().operations(), r.state().opaque(), r.state().unresolved(),
                s.complete(),
                s.tableList().stream().filter(t -> !t.view()).map(t -> table(t, r)).toList(),
                s.tableList().stream().filter(Table::view).map(t -> table(t, r)).toList(),
                s.sequences().values().stream().map(q -> new SequenceWire(q.schema(), q.name(), q.increment(),
                        at(q.location()))).toList(),
                s.enumTypes().values().stream().map(e -> new EnumWire(e.schema(), e.name(), e.values(),
                        at(e.location()))).toList(),
                s.complete() ? null : at(r.state().unreadAnywhere()));
    }

    private static TableWire table(Table t, ReplayedSet r) {
        if (t.view()) {
            return new TableWire(t.schema(), t.name(), t.complete(), null, null, null, null, null, null,
                    t.viewDefinition(), at(t.location()), at(t.incompleteBy()));
        }
        ReplayState state = r.state();
        return new TableWire(t.schema(), t.name(), t.complete(),
                t.columns().stream().map(c -> column(c, t.certain(r.dialect(), c.name()))).toList(),
                t.primaryKey() == null ? null : new KeyWire(t.primaryKey().name(), t.primaryKey().columns(),
                        at(t.primaryKey().location())),
                t.foreignKeys().stream().map(f -> new ForeignKeyWire(f.name(), f.columns(), f.referencedSchema(),
                        f.referencedTable(), f.referencedColumns(), f.onDelete(), f.onUpdate(),
                        notValid(state, t, f.name()), at(f.location()))).toList(),
                t.indexes().stream().map(i -> new IndexWire(i.name(), i.columns(), i.unique(), i.predicate(),
                        i.method(), at(i.location()))).toList(),
                t.uniques().stream().map(u -> new KeyWire(u.name(), u.columns(), at(u.location()))).toList(),
                t.checks().stream().map(c -> new CheckWire(c.name(), c.expression(), notValid(state, t, c.name()),
                        at(c.location()))).toList(),
                null, at(t.location()), at(t.incompleteBy()));
    }

    private static ColumnWire column(Column c, boolean certain) {
        return new ColumnWire(c.name(), c.type() == null ? null : c.type().display(), c.nullable(),
                new DefaultWire(c.defaultValue().known(), c.defaultValue().expression()),
                switch (c.generated().kind()) {
                    case NONE -> null;
                    case UNKNOWN -> "?";
                    default -> c.generated().display();
                },
                c.unique(), c.enumValues(), at(c.location()), certain);
    }

    private static boolean notValid(ReplayState state, Table t, String name) {
        return name != null && state.notValid().stream()
                .anyMatch(n -> n.constraint().equals(name) && n.table().equals(t.name()));
    }

    private static String at(Location l) {
        if (l == null) return null;
        return l.isWholeFile() ? l.path() : l.path() + ":" + l.line() + ":" + l.column();
    }
}
