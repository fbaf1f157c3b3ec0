package dev.migrationguard.rules;

import dev.migrationguard.analysis.Reviewed;
import dev.migrationguard.model.Finding;
import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.Rollback;
import dev.migrationguard.model.ops.ColumnDef;
import dev.migrationguard.model.ops.Constraint;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Origin;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.SqlType;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.settings.OptionValues;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultipleChangesPerMigrationTest {
    private static final String PATH = "src/migrations/sqlite-1726084595852-init.ts";

    private static Origin at(int line) {
        return new Origin(Location.at(PATH, line, 5), Side.UP);
    }

    private static Operation.CreateTable table(int line, String name, Constraint... constraints) {
        return new Operation.CreateTable(at(line), QualifiedName.of(name), List.of(
                new ColumnDef("id", SqlType.of("integer"), "integer", true, null, null, true, false, null),
                new ColumnDef("noteId", SqlType.of("integer"), "integer", false, null, null, false, false, null)),
                List.of(constraints), false, false, false);
    }

    private static Reviewed reviewed(Optional<PhysicalSchema> before, Operation... ops) {
        Migration m = new Migration(PATH, PATH, "typeorm", Migration.Kind.VERSIONED, "1726084595852", "init", null,
                List.of(), Rollback.present(), "c").withOperations(List.of(ops));
        return new Reviewed(m, Dialect.SQLITE, Set.of(), () -> false, () -> before);
    }

    private static List<Finding> check(Reviewed r) {
        return new MultipleChangesPerMigration(MultipleChangesPerMigration.Options.from(OptionValues.NONE))
                .check(ReviewedAnalysis.of(List.of(), r));
    }

    private static PhysicalSchema withUsers() {
        return PhysicalSchema.of(Dialect.SQLITE, List.of(Table.table(null, "user", null)), List.of(), List.of());
    }

    @Test
    void twoTablesCreatedWithoutAKeyBetweenThemAreTwoChanges() {
        List<Finding> findings = check(reviewed(Optional.of(withUsers()), table(1, "note"), table(2, "alias")));
        assertEquals(1, findings.size(), findings::toString);
        assertEquals(at(1).location(), findings.get(0).location());
        assertTrue(findings.get(0).message().contains("changes 2 unrelated groups of tables (\"note\"; \"alias\")"),
                findings.get(0).message());
    }

    @Test
    void sqliteRebuildingATableToAddItsKeyJoinsTheTwo() {
        var fk = new Constraint.ForeignKey("FK_alias_note", List.of("noteId"),
                new ColumnDef.Reference(QualifiedName.of("note"), List.of("id"), "CASCADE", null));
        var rebuilt = new Operation.RebuildTable(at(3), QualifiedName.of("alias"), table(3, "alias", fk),
                Map.of("id", "id", "noteId", "noteId"));
        assertEquals(List.of(), check(reviewed(Optional.of(withUsers()), table(1, "note"), table(2, "alias"), rebuilt)));
    }

    @Test
    void theFirstMigrationOfItsOwnSetIsExemptWhereTheHistoryIsKnownToBeEmpty() {
        assertEquals(List.of(), check(reviewed(Optional.of(PhysicalSchema.empty(Dialect.SQLITE)), table(1, "note"),
                table(2, "alias"))));
    }

    @Test
    void theLimitIsAWholeNumberOfAtLeastOne() {
        var two = new MultipleChangesPerMigration(MultipleChangesPerMigration.Options.from(values("2")));
        assertEquals(List.of(), two.check(ReviewedAnalysis.of(List.of(),
                reviewed(Optional.empty(), table(1, "note"), table(2, "alias")))));
        var bad = assertThrows(OptionValues.BadOption.class,
                () -> MultipleChangesPerMigration.Options.from(values("0")));
        assertEquals("max-unrelated", bad.key);
    }

    private static OptionValues values(String max) {
        return new OptionValues() {
            @Override
            public Optional<String> string(String key) {
                return key.equals("max-unrelated") ? Optional.of(max) : Optional.empty();
            }

            @Override
            public Optional<List<String>> strings(String key) {
                return Optional.empty();
            }
        };
    }

    @Test
    void newJoinTablesKeyedToTheSameExistingTableAreOneChange() {
        var toNote = new Constraint.ForeignKey("FK_label_note", List.of("noteId"),
                new ColumnDef.Reference(QualifiedName.of("user"), List.of("id"), null, null));
        var alsoToNote = new Constraint.ForeignKey("FK_tag_note", List.of("noteId"),
                new ColumnDef.Reference(QualifiedName.of("user"), List.of("id"), null, null));
        assertEquals(List.of(), check(reviewed(Optional.of(withUsers()), table(1, "label_user", toNote),
                table(2, "tag_user", alsoToNote))));
    }

    @Test
    void anElementCollectionTableNamedAfterItsOwnerIsPartOfIt() {
        assertEquals(List.of(), check(reviewed(Optional.of(withUsers()), table(1, "yo_rc"),
                table(2, "yorc_languages"))));
    }

    @Test
    void theSameTypeChangeOnSeveralTablesIsOneChangeEvenBesideOtherSteps() {
        var created = new ColumnDef("created", SqlType.of("datetime").withPrecision(6, null), "datetime(6)", true,
                null, null, false, false, null);
        var launcher = new ColumnDef("launcher_ext", SqlType.of("text"), "text", false, null, null, false, false,
                null);
        assertEquals(List.of(), check(reviewed(Optional.of(withUsers()),
                new Operation.RedefineColumn(at(1), QualifiedName.of("applications"), "created", created),
                new Operation.RedefineColumn(at(2), QualifiedName.of("commands"), "created", created),
                new Operation.AddColumn(at(3), QualifiedName.of("commands"), launcher, false))));
    }
}
