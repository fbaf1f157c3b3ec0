package dev.migrationguard.model;

/**
 * One schema-relevant fact that an entity declares, in a form every stack shares: a table exists, a column has these
 * attributes, an index covers these columns. Two versions of a project are compared fact by fact.
 *
 * @param table    the physical table the fact belongs to (as the ORM names it)
 * @param key      identity of the fact within its table, e.g. {@code table}, {@code column:title}, {@code index:idx_a}
 * @param value    canonical text of every DDL-relevant attribute; a difference in value is a schema change
 * @param kind     what a person calls it: Table, Column, Index, Unique constraint, Join table, ...
 * @param entity   the entity (class) that declares it
 * @param member   the field or property behind it, or null for table-level facts
 * @param location the annotation or field that causes it
 */
public record SchemaFact(String table, String key, String value, String kind, String entity, String member,
                         Location location) {

    /** The key that identifies this fact across versions. */
    public String identity() {
        return table + "\u0000" + key;
    }

    public boolean isTable() {
        return "table".equals(key);
    }
}
