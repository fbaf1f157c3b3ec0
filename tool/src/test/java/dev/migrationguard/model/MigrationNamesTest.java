package dev.migrationguard.model;

import dev.migrationguard.model.SchemaChange.Kind;
import dev.migrationguard.model.SchemaChange.Target;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Names and objects of physical changes, from stored names alone: one row per kind of object. */
class MigrationNamesTest {
    private static SchemaChange change(Kind kind, Target target, String schema, String table, String previous,
                                       String column) {
        return new SchemaChange(kind, target, schema, table, previous, column, "message", Location.file("A.java"));
    }

    private static String row(SchemaChange c) {
        return MigrationNames.suggest(c) + " | " + MigrationNames.verbFor(c) + " " + MigrationNames.objectFor(c);
    }

    @Test
    void eachKindOfObjectGetsItsNameAndItsVerb() {
        assertEquals("CreateOwnerPets | creates table \"owner_pets\"",
                row(change(Kind.ADDED, Target.TABLE, null, "owner_pets", null, null)));
        assertEquals("DropOwner | drops table \"audit\".\"owner\"",
                row(change(Kind.REMOVED, Target.TABLE, "audit", "owner", null, null)));
        assertEquals("RenameOwnerToPerson | renames table \"owner\"",
                row(change(Kind.RENAMED, Target.TABLE, null, "person", "owner", null)));
        assertEquals("AlterOpenOrdersView | alters view \"open_orders\"",
                row(change(Kind.CHANGED, Target.VIEW, null, "open_orders", null, null)));
        assertEquals("AddOwnerEmail | alters table \"owner\"",
                row(change(Kind.ADDED, Target.COLUMN, null, "owner", null, "email")));
        assertEquals("AlterOwnerFirstName | alters table \"owner\"",
                row(change(Kind.CHANGED, Target.COLUMN, null, "owner", null, "first_name")));
        assertEquals("AlterOwnerConstraints | alters table \"owner\"",
                row(change(Kind.ADDED, Target.CONSTRAINT, null, "owner", null, null)));
        assertEquals("CreateOwnerSeqSequence | creates sequence \"owner_seq\"",
                row(change(Kind.ADDED, Target.SEQUENCE, null, "owner_seq", null, null)));
        assertEquals("AlterMoodEnumType | alters type \"mood\"",
                row(change(Kind.CHANGED, Target.ENUM_TYPE, null, "mood", null, null)));
    }
}
