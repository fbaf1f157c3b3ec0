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
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.ForeignKey;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.SqlType;
import dev.migrationguard.model.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Flyway {@code V} script and its {@code U} script (the undo operations attached to the V with {@link Side#UNDO}),
 * built as operations: what the replay leaves over, misses or changes, with the history and without it.
 */
class DownNotInverseTest {
    private static final QualifiedName PERSON = QualifiedName.of("person");
    private static final SqlType VARCHAR_100 = SqlType.of("varchar").withLength(100);
    private static final SqlType VARCHAR_50 = SqlType.of("varchar").withLength(50);

    private static Origin v(int line) {
        return new Origin(Location.at("db/migration/V2__Person_nickname.sql", line, 1), Side.UP);
    }

    private static Origin u(int line) {
        return new Origin(Location.at("db/migration/U2__Person_nickname.sql", line, 1), Side.UNDO);
    }

    private static ColumnDef column(String name, SqlType type) {
        return new ColumnDef(name, type, type.display(), false, null, null, false, false, null);
    }

    /** The schema V1 built: person(id, title varchar(100) NOT NULL). */
    private static PhysicalSchema history() {
        Table person = Table.table(null, "person", Location.at("db/migration/V1__Create_person.sql", 1, 1))
                .withColumn(Dialect.POSTGRES, Column.of("id", SqlType.of("bigint"), false, null))
                .withColumn(Dialect.POSTGRES, Column.of("title", VARCHAR_100, false, null));
        return PhysicalSchema.of(Dialect.POSTGRES, List.of(person), List.of(), List.of());
    }

    private static List<Finding> check(Optional<PhysicalSchema> before, Operation... ops) {
        Migration m = new Migration("db/migration/V2__Person_nickname.sql", "db/migration/V2__Person_nickname.sql",
                "flyway", Migration.Kind.VERSIONED, "2", "Person nickname", null, List.of(), Rollback.present(), "c")
                .withOperations(List.of(ops));
        Reviewed reviewed = new Reviewed(m, Dialect.POSTGRES, Set.of(), () -> false, () -> before);
        var analysis = ReviewedAnalysis.of(List.of(), reviewed);
        return new DownNotInverse().check(analysis);
    }

    @Test
    void anUndoScriptThatRestoresAColumnWithAnotherTypeIsSeenWithTheHistory() {
        var ops = new Operation[]{
                new Operation.AlterColumnType(v(1), PERSON, "title", SqlType.of("varchar").withLength(200),
                        "varchar(200)", null),
                new Operation.AlterColumnType(u(1), PERSON, "title", VARCHAR_50, "varchar(50)", null)};
        List<Finding> withHistory = check(Optional.of(history()), ops);
        assertEquals(1, withHistory.size(), withHistory::toString);
        Finding f = withHistory.get(0);
        assertEquals(u(1).location(), f.location());
        assertTrue(f.message().contains("its undo script does not undo what it does")
                        && f.message().contains("changed: column \"person\".\"title\": varchar(100) NOT NULL -> "
                        + "varchar(50) NOT NULL"),
                f.message());
        // Before a commit the history is not replayed: the type "title" had is unknown, so nothing is said.
        assertEquals(List.of(), check(Optional.empty(), ops));
    }

    @Test
    void anUndoScriptThatForgetsAColumnOrDropsOneTheVNeverAddedIsSeenBeforeTheCommitToo() {
        var ops = new Operation[]{
                new Operation.AddColumn(v(1), PERSON, column("nickname", VARCHAR_50), false),
                new Operation.AddColumn(v(2), PERSON, column("bio", SqlType.of("text")), false),
                new Operation.DropColumn(u(1), PERSON, "nickname", false, false),
                new Operation.DropColumn(u(2), PERSON, "title", false, false)};
        for (Optional<PhysicalSchema> before : List.of(Optional.<PhysicalSchema>empty(), Optional.of(history()))) {
            List<Finding> findings = check(before, ops);
            assertEquals(1, findings.size(), findings::toString);
            String message = findings.get(0).message();
            assertTrue(message.contains("left over: column \"person\".\"bio\" added"), message);
            assertTrue(message.contains("missing: column \"person\".\"title\" removed"), message);
        }
    }

    @Test
    void anUndoScriptThatUndoesEveryStepInReverseOrderIsSilentWithAndWithoutTheHistory() {
        var ops = new Operation[]{
                new Operation.AddColumn(v(1), PERSON, column("nickname", VARCHAR_50), false),
                new Operation.CreateIndex(v(2), "idx_person_nickname", PERSON,
                        List.of(Operation.IndexKey.column("nickname")), false, false, false, null, null),
                new Operation.AlterColumnType(v(3), PERSON, "title", SqlType.of("text"), "text", null),
                new Operation.AlterColumnType(u(1), PERSON, "title", VARCHAR_100, "varchar(100)", null),
                new Operation.DropIndex(u(2), QualifiedName.of("idx_person_nickname"), null, false, false),
                new Operation.DropColumn(u(3), PERSON, "nickname", false, false)};
        assertEquals(List.of(), check(Optional.of(history()), ops));
        assertEquals(List.of(), check(Optional.empty(), ops));
    }

    @Test
    void aStatementThatCouldNotBeReadAndNamesNoTableSilencesTheMigration() {
        List<Operation> ops = new ArrayList<>(List.of(
                new Operation.AddColumn(v(1), PERSON, column("nickname", VARCHAR_50), false),
                new Operation.Opaque(v(2), Operation.OpaqueKind.PROCEDURAL, "DO", List.of()),
                new Operation.Opaque(u(1), Operation.OpaqueKind.UNREAD, "EXECUTE", List.of())));
        assertEquals(List.of(), check(Optional.of(history()), ops.toArray(new Operation[0])));
    }

    private static Operation.CreateTable definition(Origin at, String table, ColumnDef... columns) {
        return new Operation.CreateTable(at, QualifiedName.of(table), List.of(columns), List.of(), false, false, false);
    }

    @Test
    void aRebuildThatCopiesAColumnTheHistoryLacksSaysTheHistoryIsWrongNotTheWayBack() {
        // Both sides rebuild person with a nickname copied from the old table: the database had it, the replayed
        // history did not (a column made outside the migrations).
        var withNickname = new ColumnDef[]{column("id", SqlType.of("bigint")), column("title", VARCHAR_100),
                column("nickname", VARCHAR_50)};
        Map<String, String> copy = Map.of("id", "id", "title", "title", "nickname", "nickname");
        var ops = new Operation[]{
                new Operation.RebuildTable(v(1), PERSON, definition(v(1), "person", withNickname), copy),
                new Operation.RebuildTable(u(1), PERSON, definition(u(1), "person", withNickname), copy)};
        assertEquals(List.of(), check(Optional.of(history()), ops));
    }

    @Test
    void aKeyLeftPointingAtATableTheWayBackDroppedIsNotJudged() {
        Location at = Location.at("V1__x.sql", 1, 1);
        Table media = Table.table(null, "media_request", at)
                .withColumn(Dialect.POSTGRES, Column.of("id", SqlType.of("bigint"), false, at));
        Table season = Table.table(null, "season_request", at)
                .withColumn(Dialect.POSTGRES, Column.of("requestId", SqlType.of("bigint"), true, at))
                .withForeignKey(new ForeignKey("FK_season_request", List.of("requestId"), null, "media_request",
                        List.of("id"), "CASCADE", null, at));
        var start = PhysicalSchema.of(Dialect.POSTGRES, List.of(media, season), List.of(), List.of());
        var mediaName = QualifiedName.of("media_request");
        var temporary = QualifiedName.of("temporary_media_request");
        var ops = new Operation[]{
                new Operation.AddColumn(v(1), mediaName, column("auto", SqlType.of("boolean")), false),
                new Operation.RenameTable(u(1), mediaName, temporary),
                new Operation.CreateTable(u(2), mediaName, List.of(
                        new ColumnDef("id", SqlType.of("bigint"), "bigint", true, null, null, false, false, null)),
                        List.of(), false, false, false),
                new Operation.DropTable(u(3), temporary, false, false)};
        assertEquals(List.of(), check(Optional.of(start), ops));
    }

    @Test
    void aKeyMadeUnderANameTheTableAlreadyHasSaysTheHistoryIsWrong() {
        Location at = Location.at("changelog.xml", 1, 1);
        Table withKey = history().table(null, "person").withForeignKey(new ForeignKey("fk_person_owner",
                List.of("id"), null, "owner", List.of("id"), null, null, at));
        var start = PhysicalSchema.of(Dialect.POSTGRES, List.of(withKey), List.of(), List.of());
        var fk = new Constraint.ForeignKey("fk_person_owner", List.of("id"),
                new ColumnDef.Reference(QualifiedName.of("owner"), List.of("id"), null, null));
        var ops = new Operation[]{
                new Operation.AddConstraint(v(1), PERSON, fk, false),
                new Operation.DropConstraint(u(1), PERSON, "fk_person_owner", Operation.ConstraintKind.FOREIGN_KEY,
                        false)};
        assertEquals(List.of(), check(Optional.of(start), ops));
    }
}
