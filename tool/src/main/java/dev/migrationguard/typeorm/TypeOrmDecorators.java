package dev.migrationguard.typeorm;

import java.util.Map;

/**
 * The one table of what TypeORM's decorators and options mean for the schema (DOMAIN.md, TypeORM). A decorator not
 * listed here (validation, serialisation, another library's) is ignored; an option not listed as runtime-only counts.
 */
final class TypeOrmDecorators {
    private TypeOrmDecorators() {
    }

    enum Role {
        /** Declares an entity: a table, a view, or rows of a parent's table. */
        ENTITY,
        /** A column of the entity's table. */
        COLUMN,
        /** Changes the column it sits on ({@code @Generated}). */
        COLUMN_MODIFIER,
        /** A table constraint or index, on the class or on a property. */
        CONSTRAINT,
        /** A relation whose owning side has a foreign-key column ({@code @ManyToOne}, {@code @OneToOne}). */
        TO_ONE,
        /** A relation with a junction table on the side that has {@code @JoinTable}. */
        TO_MANY,
        /** Names or shapes the join column or junction table of the relation it sits on. */
        JOIN,
        /** Single-table inheritance on the parent. */
        INHERITANCE,
        /** A tree: closure table, materialized path or nested set columns. */
        TREE,
        /** The tree's parent relation: a {@code parentId} column (or closure rows). */
        TREE_PARENT,
        /** A column whose presence marks a MongoDB entity, which has no SQL migrations. */
        MONGO,
        /** No schema effect: only how entities are loaded or computed. */
        NONE
    }

    static final Map<String, Role> DECORATORS = Map.ofEntries(
            Map.entry("Entity", Role.ENTITY),
            Map.entry("ViewEntity", Role.ENTITY),
            Map.entry("ChildEntity", Role.ENTITY),
            Map.entry("Column", Role.COLUMN),
            Map.entry("PrimaryColumn", Role.COLUMN),
            Map.entry("PrimaryGeneratedColumn", Role.COLUMN),
            Map.entry("CreateDateColumn", Role.COLUMN),
            Map.entry("UpdateDateColumn", Role.COLUMN),
            Map.entry("DeleteDateColumn", Role.COLUMN),
            Map.entry("VersionColumn", Role.COLUMN),
            // A view's columns are what its query selects: the decorator only maps them to properties.
            Map.entry("ViewColumn", Role.NONE),
            Map.entry("TreeLevelColumn", Role.COLUMN),
            Map.entry("Generated", Role.COLUMN_MODIFIER),
            Map.entry("Index", Role.CONSTRAINT),
            Map.entry("Unique", Role.CONSTRAINT),
            Map.entry("Check", Role.CONSTRAINT),
            Map.entry("Exclusion", Role.CONSTRAINT),
            Map.entry("ForeignKey", Role.CONSTRAINT),
            Map.entry("ManyToOne", Role.TO_ONE),
            Map.entry("OneToOne", Role.TO_ONE),
            Map.entry("ManyToMany", Role.TO_MANY),
            Map.entry("JoinColumn", Role.JOIN),
            Map.entry("JoinTable", Role.JOIN),
            Map.entry("TableInheritance", Role.INHERITANCE),
            Map.entry("Tree", Role.TREE),
            Map.entry("TreeParent", Role.TREE_PARENT),
            Map.entry("ObjectIdColumn", Role.MONGO),
            Map.entry("OneToMany", Role.NONE),
            Map.entry("RelationId", Role.NONE),
            Map.entry("RelationCount", Role.NONE),
            Map.entry("VirtualColumn", Role.NONE),
            Map.entry("TreeChildren", Role.NONE),
            Map.entry("AfterLoad", Role.NONE),
            Map.entry("BeforeInsert", Role.NONE),
            Map.entry("AfterInsert", Role.NONE),
            Map.entry("BeforeUpdate", Role.NONE),
            Map.entry("AfterUpdate", Role.NONE),
            Map.entry("BeforeRemove", Role.NONE),
            Map.entry("AfterRemove", Role.NONE),
            Map.entry("BeforeSoftRemove", Role.NONE),
            Map.entry("AfterSoftRemove", Role.NONE),
            Map.entry("BeforeRecover", Role.NONE),
            Map.entry("AfterRecover", Role.NONE));

    static Role role(String typeormName) {
        return DECORATORS.get(typeormName);
    }
}
