package dev.migrationguard.model.schema;

import dev.migrationguard.model.Location;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.migrationguard.model.schema.Dialect.MYSQL;
import static dev.migrationguard.model.schema.Dialect.POSTGRES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model as the migration side replays into it: lookups by name as the database compares, and removals by name. */
class PhysicalSchemaTest {
    private static final Location AT = Location.at("V1__init.sql", 1, 1);

    @Test
    void lookupsFollowTheDialectWhateverTheCallerKeyedBy() {
        Table owner = Table.table("public", "owner", AT);
        PhysicalSchema s = new PhysicalSchema(POSTGRES, Map.of("whatever", owner), Map.of(), Map.of(), true);
        assertSame(owner, s.table(null, "owner"));
        assertNull(s.table(null, "Owner"));
        PhysicalSchema my = PhysicalSchema.empty(MYSQL).withTable(Table.table(null, "Owner", AT));
        assertEquals("Owner", my.table(null, "OWNER").name());
    }

    @Test
    void replayingCreateAndDropStatements() {
        PhysicalSchema s = PhysicalSchema.empty(POSTGRES)
                .withTable(Table.table(null, "owner", AT))
                .withSequence(new Sequence(null, "owner_seq", 50L, AT))
                .withEnumType(new EnumType(null, "status", List.of("a"), AT));
        assertEquals(1, s.tables().size());
        PhysicalSchema dropped = s.withoutTable("public", "owner").withoutSequence(null, "owner_seq")
                .withoutEnumType(null, "status");
        assertEquals(PhysicalSchema.empty(POSTGRES), dropped);
        assertFalse(s.incomplete().complete());
    }

    @Test
    void columnsAreReplacedInPlaceAndRemovedByName() {
        Table t = Table.table(null, "owner", AT)
                .withColumn(POSTGRES, Column.of("id", SqlType.of("integer"), false, AT))
                .withColumn(POSTGRES, Column.of("email", SqlType.of("text"), true, AT))
                .withColumn(POSTGRES, Column.of("id", SqlType.of("bigint"), false, AT));
        assertEquals(List.of("id", "email"), t.columns().stream().map(Column::name).toList());
        assertEquals(SqlType.of("bigint"), t.column(POSTGRES, "id").type());
        assertEquals(List.of("email"), t.withoutColumn(POSTGRES, "id").columns().stream().map(Column::name).toList());
    }

    @Test
    void dropConstraintRemovesWhateverKindHasTheName() {
        Table t = Table.table(null, "owner", AT)
                .withPrimaryKey(new PrimaryKey("pk_owner", List.of("id"), AT))
                .withForeignKey(new ForeignKey("fk_team", List.of("team_id"), null, "team", List.of("id"), null, null, AT))
                .withUnique(new UniqueConstraint("uq_email", List.of("email"), AT))
                .withCheck(CheckConstraint.of("ck_age", "age > 0", AT))
                .withIndex(new Index("idx_name", List.of("name"), false, null, null, AT))
                .withIndex(new Index(null, List.of("other"), false, null, null, AT));
        assertNull(t.withoutConstraint(POSTGRES, "pk_owner").primaryKey());
        assertTrue(t.withoutConstraint(POSTGRES, "fk_team").foreignKeys().isEmpty());
        assertTrue(t.withoutConstraint(POSTGRES, "uq_email").uniques().isEmpty());
        assertTrue(t.withoutConstraint(POSTGRES, "ck_age").checks().isEmpty());
        assertEquals(1, t.withoutIndex(POSTGRES, "idx_name").indexes().size());
        assertEquals(t, t.withoutConstraint(POSTGRES, "no_such"));
    }

    @Test
    void defaultNullIsNoDefaultAndUnknownHasNoExpression() {
        assertSame(ColumnDefault.NONE, ColumnDefault.of("NULL"));
        assertSame(ColumnDefault.NONE, ColumnDefault.of("  "));
        assertEquals("DEFAULT 'x'", ColumnDefault.of("('x'::text)").display());
        assertThrows(IllegalArgumentException.class, () -> new ColumnDefault("1", false));
        assertTrue(ColumnDefault.UNKNOWN.sameAs(ColumnDefault.of("1")));
        assertFalse(ColumnDefault.NONE.sameAs(ColumnDefault.of("1")));
    }

    @Test
    void aDefaultsConstraintNameIsNotPartOfItsValue() {
        ColumnDefault named = ColumnDefault.of("('x')", "DF_t_c");
        assertEquals("DF_t_c", named.constraint());
        assertTrue(named.sameValue(ColumnDefault.of("'x'")));
        assertTrue(named.sameAs(ColumnDefault.of("'x'")));
        assertFalse(named.sameValue(ColumnDefault.of("'y'", "DF_t_c")));
        assertFalse(ColumnDefault.UNKNOWN.sameValue(ColumnDefault.NONE));
        assertSame(ColumnDefault.NONE, ColumnDefault.of("NULL", "DF_t_c"), "DEFAULT NULL is no default, named or not");
        assertThrows(IllegalArgumentException.class, () -> new ColumnDefault(null, true, "DF_t_c"));
    }

    @Test
    void computedColumnsCompareByExpression() {
        assertTrue(Generated.computed("(a + b)", true).sameAs(Generated.computed("a+b", true)));
        assertFalse(Generated.computed("a + b", true).sameAs(Generated.computed("a + b", false)));
        assertEquals("GENERATED ALWAYS AS (a+b) STORED", Generated.computed("a + b", true).display());
        assertTrue(Generated.UNKNOWN.sameAs(Generated.AUTO_INCREMENT));
    }
}
