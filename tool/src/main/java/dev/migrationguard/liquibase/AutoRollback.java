package dev.migrationguard.liquibase;

import java.util.Set;

/**
 * The change types Liquibase can roll back by itself (its {@code createInverses()}), the one place this tool knows
 * them. Every other change type, {@code sql}, {@code sqlFile}, {@code insert}, {@code dropTable}, {@code dropColumn},
 * {@code modifyDataType}, {@code customChange} and the rest, needs an explicit {@code rollback}.
 */
public final class AutoRollback {
    /** As Liquibase 4.x ships them; {@code tagDatabase} has nothing to undo. */
    public static final Set<String> CHANGE_TYPES = Set.of(
            "createTable", "addColumn", "renameColumn", "renameTable", "renameView", "renameSequence", "createIndex",
            "createView", "createSequence", "addForeignKeyConstraint", "addPrimaryKey", "addUniqueConstraint",
            "addNotNullConstraint", "dropNotNullConstraint", "addDefaultValue", "addLookupTable", "tagDatabase",
            "loadUpdateData");

    private AutoRollback() {
    }

    /** Can Liquibase roll this change type back without a {@code rollback} block? Case-sensitive, as Liquibase is. */
    public static boolean automatic(String changeType) {
        return CHANGE_TYPES.contains(changeType);
    }
}
