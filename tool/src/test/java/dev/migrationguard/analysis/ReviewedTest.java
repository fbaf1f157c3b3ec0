package dev.migrationguard.analysis;

import dev.migrationguard.model.Location;
import dev.migrationguard.model.Migration;
import dev.migrationguard.model.Rollback;
import dev.migrationguard.model.ops.Operation;
import dev.migrationguard.model.ops.Origin;
import dev.migrationguard.model.ops.QualifiedName;
import dev.migrationguard.model.ops.Side;
import dev.migrationguard.model.schema.Dialect;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewedTest {
    private static Origin at(int line, Side side) {
        return new Origin(Location.at("V2__x.sql", line, 1), side);
    }

    private static Operation.CreateIndex index(int line, String table) {
        return new Operation.CreateIndex(at(line, Side.UP), "i" + line, QualifiedName.of(table),
                List.of(Operation.IndexKey.column("a")), false, false, false, null, null);
    }

    private static Reviewed reviewed(Set<String> createdEarlier, Operation... ops) {
        Migration m = new Migration("V2__x.sql", "V2__x.sql", "flyway", Migration.Kind.VERSIONED, "2", "x", null,
                List.of(), Rollback.notApplicable(), "c").withOperations(List.of(ops));
        return new Reviewed(m, Dialect.POSTGRES, createdEarlier, () -> false, Optional::empty);
    }

    @Test
    void aTableCreatedEarlierInTheSameSideIsEmptyWhenLaterOperationsRun() {
        var create = new Operation.CreateTable(at(1, Side.UP), QualifiedName.of("Orders"), List.of(), List.of(),
                false, false, false);
        var onNew = index(2, "orders");
        var onOld = index(3, "users");
        Reviewed r = reviewed(Set.of(), create, onNew, onOld);
        assertFalse(r.existedBefore(QualifiedName.of("orders"), onNew));
        assertTrue(r.existedBefore(QualifiedName.of("users"), onOld));
    }

    @Test
    void anOperationBeforeTheCreateSeesTheTableAsExisting() {
        var onFirst = index(1, "orders");
        var create = new Operation.CreateTable(at(2, Side.UP), QualifiedName.of("orders"), List.of(), List.of(),
                false, false, false);
        assertTrue(reviewed(Set.of(), onFirst, create).existedBefore(QualifiedName.of("orders"), onFirst));
    }

    @Test
    void aTableAnEarlierUndeployedMigrationCreatesHoldsNoRows() {
        var op = index(1, "orders");
        assertFalse(reviewed(Set.of("orders"), op).existedBefore(QualifiedName.of("ORDERS"), op));
    }

    @Test
    void aTableRenamedFromOneCreatedHereIsStillEmpty() {
        var create = new Operation.CreateTable(at(1, Side.UP), QualifiedName.of("tmp"), List.of(), List.of(),
                false, false, false);
        var rename = new Operation.RenameTable(at(2, Side.UP), QualifiedName.of("tmp"), QualifiedName.of("orders"));
        var op = index(3, "orders");
        assertFalse(reviewed(Set.of(), create, rename, op).existedBefore(QualifiedName.of("orders"), op));
    }
}
