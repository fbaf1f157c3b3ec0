package dev.migrationguard.jpa;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.ColumnDefault;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.ForeignKey;
import dev.migrationguard.model.schema.Generated;
import dev.migrationguard.model.schema.Identifiers;
import dev.migrationguard.model.schema.Index;
import dev.migrationguard.model.schema.PrimaryKey;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.model.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** One table being filled by the entities, collections and relations that map to it. */
final class TableBuilder {
    private final Dialect dialect;
    final String schema;
    final String name;
    final Location location;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final Set<String> readOnlyColumns = new HashSet<>();
    private final List<IdPart> idParts = new ArrayList<>();
    private List<String> primaryKey = new ArrayList<>();
    private Location primaryKeyAt;
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    final List<UniqueConstraint> uniques = new ArrayList<>();
    boolean view;
    String viewDefinition;

    TableBuilder(Dialect dialect, String schema, String name, Location location) {
        this.dialect = dialect;
        this.schema = schema;
        this.name = name;
        this.location = location;
    }

    void column(Column c) {
        column(c, false);
    }

    /**
     * A column mapped twice (a read-only copy of a join column, two subclasses of one table) is the writable
     * mapping's; between two of the same kind, what they disagree on is unknown. Either way the result does not
     * depend on the order of the fields.
     */
    void column(Column c, boolean readOnly) {
        String key = Identifiers.key(dialect, c.name());
        Column old = columns.get(key);
        if (old == null || readOnlyColumns.contains(key) && !readOnly) {
            columns.put(key, c);
            if (readOnly) readOnlyColumns.add(key);
            else readOnlyColumns.remove(key);
        } else if (readOnlyColumns.contains(key) == readOnly && !old.equals(c)) {
            columns.put(key, merged(old, c));
        }
    }

    private Column merged(Column x, Column y) {
        Location first = Comparator.comparing(Location::path).thenComparingInt(Location::line)
                .thenComparingInt(Location::column).compare(x.location(), y.location()) <= 0
                ? x.location() : y.location();
        return new Column(x.name(), Objects.equals(x.type(), y.type()) ? x.type() : null,
                Objects.equals(x.nullable(), y.nullable()) ? x.nullable() : null,
                x.defaultValue().equals(y.defaultValue()) ? x.defaultValue() : ColumnDefault.UNKNOWN,
                x.generated().equals(y.generated()) ? x.generated() : Generated.UNKNOWN,
                Objects.equals(x.unique(), y.unique()) ? x.unique() : null,
                Objects.equals(x.enumValues(), y.enumValues()) ? x.enumValues() : null, first, List.of(),
                x.leeway().stream().filter(y.leeway()::contains).collect(Collectors.toSet()));
    }

    /**
     * A column of the key the {@code @Id} attributes make. Hibernate orders the attributes of a composite id by
     * name, not by declaration, so the key's column order does not depend on the order of the fields.
     */
    void idColumn(String column, String attribute, Location at) {
        if (idParts.stream().noneMatch(p -> p.column().equals(column))) idParts.add(new IdPart(column, attribute, at));
    }

    void primaryKey(List<String> key, Location at) {
        primaryKey = new ArrayList<>(key);
        primaryKeyAt = at;
    }

    Table build() {
        if (view) return Table.view(schema, name, viewDefinition, location);
        Table t = Table.table(schema, name, location);
        for (Column c : columns.values()) t = t.withColumn(dialect, c);
        if (primaryKey.isEmpty() && !idParts.isEmpty()) {
            List<IdPart> parts = new ArrayList<>(idParts);
            parts.sort(Comparator.comparing(IdPart::attribute).thenComparing(IdPart::column));
            primaryKey = parts.stream().map(IdPart::column).toList();
            primaryKeyAt = idParts.stream().map(IdPart::at).min(Comparator.comparingInt(Location::line)
                    .thenComparingInt(Location::column)).orElse(null);
        }
        if (!primaryKey.isEmpty()) t = t.withPrimaryKey(new PrimaryKey(null, primaryKey, primaryKeyAt));
        for (ForeignKey fk : foreignKeys) t = t.withForeignKey(fk);
        for (Index i : indexes) t = t.withIndex(i);
        for (UniqueConstraint u : uniques) t = t.withUnique(u);
        return t;
    }

    /** A column of a key made by {@code @Id} attributes, with the attribute's path, which orders the key. */
    private record IdPart(String column, String attribute, Location at) {
    }
}
